/**
 * The whole build, all or nothing: converts seeds/ into a staging copy of content/calls/,
 * bundles the client scripts, builds the site with Astro into a staging dist/, builds the
 * search index there, and only when every step succeeded replaces content/calls/ and dist/
 * with the staged ones. A failed build leaves both as they were.
 *
 *   npm run build -- [--seeds DIR] [--companies DIR] [--dist DIR] [--calls DIR] [--help]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCli } from './lib/cli.ts';

const root = resolve(import.meta.dirname, '..');
const usage = `
Usage: npm run build -- [--seeds DIR] [--companies DIR] [--dist DIR] [--calls DIR]

Converts the transcripts, builds the site and its search index in staging folders, and only
when every step succeeded replaces --calls and --dist with them. A failure leaves both as they were.

  --seeds DIR      the transcripts (default seeds/)
  --companies DIR  the company profiles (default content/companies/)
  --dist DIR       the built site, replaced as a whole (default dist/)
  --calls DIR      the generated calls, replaced as a whole (default content/calls/)
  -h, --help       this text
`;
const values = parseCli('build', usage, {
  seeds: { type: 'string', default: join(root, 'seeds') },
  companies: { type: 'string', default: join(root, 'content', 'companies') },
  dist: { type: 'string', default: join(root, 'dist') },
  calls: { type: 'string', default: join(root, 'content', 'calls') },
});
const dist = resolve(values.dist!);
const calls = resolve(values.calls!);
const stage = join(root, '.build', String(process.pid));
const stagedCalls = join(stage, 'calls');
const stagedDist = join(stage, 'dist');
const started = performance.now();
// On a terminal each step shows its own progress; otherwise (logs, CI) a step's output is kept
// and shown only if it fails, so a build is one summary line per step.
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): void {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: interactive ? 'inherit' : 'pipe', encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    if (!interactive) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    rmSync(stage, { recursive: true, force: true });
    console.error(`build: ${name} failed; ${relative(root, calls) || '.'} and ${relative(root, dist) || '.'} were left unchanged`);
    process.exit(r.status ?? 1);
  }
  // The step's own last line says what it did (e.g. "convert: 5 transcripts … -> 4 calls").
  const last = interactive ? '' : (r.stdout ?? '').trim().split('\n').filter((l) => !/^\s*$/.test(l)).at(-1) ?? '';
  const warnings = interactive ? '' : (r.stderr ?? '').split('\n').filter((l) => /warning/i.test(l)).join('\n');
  if (warnings) console.warn(warnings);
  console.log(`build: ${name} done (${Math.round(performance.now() - t)} ms)${last && !/^\d\d:\d\d/.test(last) ? ` — ${last.replace(/^[a-z-]+: /, '')}` : ''}`);
}

/** Replaces `target` with `staged` by renames, so no reader sees a half-written folder. */
function swap(staged: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
}

// Astro caches content entries with their file paths; a build from a staged folder must not
// reuse entries from another folder (or leave its own for the next build), so start clean.
for (const cache of [join(root, '.astro'), join(root, 'node_modules', '.astro')]) rmSync(cache, { recursive: true, force: true });

const node = process.execPath;
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const companies = resolve(values.companies!);
step('convert', node, ['scripts/convert.ts', '--seeds', resolve(values.seeds!), '--companies', companies, '--out', stagedCalls]);
step('bundle client scripts', node, ['scripts/bundle-client.ts']);
step('astro build', node, [astro, 'build', '--outDir', stagedDist], { EC_CALLS_DIR: stagedCalls, EC_COMPANIES_DIR: companies });
step('search index', node, ['scripts/index-search.ts', '--dist', stagedDist, '--calls', stagedCalls, '--companies', companies]);
swap(stagedCalls, calls);
swap(stagedDist, dist);
rmSync(stage, { recursive: true, force: true });
rmSync(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
console.log(`build: ${relative(root, dist)} and ${relative(root, calls)} replaced (${Math.round((performance.now() - started) / 100) / 10} s)`);
