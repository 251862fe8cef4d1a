/**
 * The whole build, all or nothing: converts seeds/ into a staging copy of content/calls/,
 * bundles the client scripts, builds the site with Astro into a staging dist/, builds the
 * search index there, and only when every step succeeded replaces content/calls/ and dist/
 * with the staged ones. A failed build leaves both as they were.
 *
 *   node scripts/build.ts [--seeds DIR] [--dist DIR] [--calls DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: join(root, 'seeds') },
    dist: { type: 'string', default: join(root, 'dist') },
    calls: { type: 'string', default: join(root, 'content', 'calls') },
  },
});
const dist = resolve(values.dist!);
const calls = resolve(values.calls!);
const stage = join(root, '.build', String(process.pid));
const stagedCalls = join(stage, 'calls');
const stagedDist = join(stage, 'dist');
const started = performance.now();

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): void {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    rmSync(stage, { recursive: true, force: true });
    console.error(`build: ${name} failed; ${relative(root, calls) || '.'} and ${relative(root, dist) || '.'} were left unchanged`);
    process.exit(r.status ?? 1);
  }
  console.log(`build: ${name} done (${Math.round(performance.now() - t)} ms)`);
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
step('convert', node, ['scripts/convert.ts', '--seeds', resolve(values.seeds!), '--out', stagedCalls]);
step('bundle client scripts', node, ['scripts/bundle-client.ts']);
step('astro build', node, [astro, 'build', '--outDir', stagedDist], { EC_CALLS_DIR: stagedCalls });
step('search index', node, ['scripts/index-search.ts', '--dist', stagedDist, '--calls', stagedCalls]);
swap(stagedCalls, calls);
swap(stagedDist, dist);
rmSync(stage, { recursive: true, force: true });
rmSync(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
console.log(`build: ${relative(root, dist)} and ${relative(root, calls)} replaced (${Math.round((performance.now() - started) / 100) / 10} s)`);
