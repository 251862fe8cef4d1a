/**
 * Command-line options for the scripts: `--help` prints the usage and exits 0; an unknown
 * option or a missing value prints one line and the usage, and exits 2 (never a stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCli<T extends Options>(name: string, usage: string, options: T): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'] {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const satisfies Options;
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: process.argv.slice(2), options: all, strict: true, allowPositionals: false }).values;
  } catch (e) {
    process.stderr.write(`${name}: ${(e as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  return values as ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'];
}
