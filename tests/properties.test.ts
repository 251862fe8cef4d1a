/**
 * Property tests: random and mutated transcripts never make the converter throw anything but
 * its own ConvertError, and whatever it produces passes the schema, compiles as MDX and reads
 * back identically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { callSchema, companySchema } from '../src/lib/schema.ts';
import { convertAll } from '../scripts/lib/pipeline.ts';
import { ConvertError } from '../scripts/lib/errors.ts';
import { catalog, companies, root } from './helpers.ts';

const acme = companySchema.parse(yaml.load(readFileSync(join(root, 'tests/fixtures/companies/acme.yaml'), 'utf8')));
const all = catalog([...companies(), acme]);
const layouts = readdirSync(join(root, 'tests/fixtures/layouts')).filter((f) => f.endsWith('.txt'));
const samples = [
  ...layouts.map((f) => readFileSync(join(root, 'tests/fixtures/layouts', f), 'utf8')),
  // A slice of each seed keeps every layout's real shape while staying fast.
  ...readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(root, 'seeds', f), 'utf8').split('\n').slice(0, 160).join('\n')),
];

/** Mutations of a transcript: lines dropped, duplicated, swapped, cut, or spliced with noise. */
const mutated = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('noise' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
        fc.record({ op: fc.constant('markup' as const), at: fc.nat(), text: fc.constantFrom('{x}', '</script>', '<b>', '---', 'export const a = 1', '（翻译）', '  • Operator', 'Jane Doe:', '问答', '$5 billion', '１２％') }),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([text, ops]) => {
    const lines = text.split('\n');
    for (const o of ops) {
      const i = lines.length ? o.at % lines.length : 0;
      if (o.op === 'drop') lines.splice(i, 1);
      else if (o.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
      else if (o.op === 'swap') {
        const j = lines.length ? o.to % lines.length : 0;
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      } else if (o.op === 'cut') lines.length = Math.min(lines.length, i + 1);
      else lines.splice(i, 0, o.text);
    }
    return lines.join('\n');
  });

let converted = 0;
let rejected = 0;

function check(text: string): void {
  let result;
  try {
    result = convertAll([{ path: 'seeds/prop.txt', bytes: new TextEncoder().encode(text) }], all);
  } catch (e) {
    throw new Error(`the converter threw ${(e as Error).name}: ${(e as Error).message}`, { cause: e });
  }
  for (const e of result.errors) expect(e).toBeInstanceOf(ConvertError);
  if (result.files.length) converted++;
  else rejected++;
  for (const f of result.files) {
    const { frontmatter, content } = parseFrontmatter(f.content);
    expect(callSchema.parse(frontmatter)).toEqual(result.calls.find((c) => f.path.startsWith(c.company))!);
    expect(content).not.toContain('\u0000');
    compileChecks.push(compile(content));
  }
}
const compileChecks: Promise<unknown>[] = [];

describe('the converter on arbitrary input', () => {
  it('never throws on random text, and what it writes is valid', async () => {
    rejected = 0;
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), check), { numRuns: 150, seed: 1 });
    await Promise.all(compileChecks.splice(0));
    expect(rejected).toBeGreaterThan(100);
  });

  it('never throws on mutated transcripts, and what it writes is valid', async () => {
    converted = 0;
    fc.assert(fc.property(mutated, check), { numRuns: 250, seed: 2 });
    await Promise.all(compileChecks.splice(0));
    // The mutations must exercise the whole pipeline, not only its error paths.
    expect(converted).toBeGreaterThan(100);
  });
});
