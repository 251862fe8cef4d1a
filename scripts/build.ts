/**
 * The whole build, all or nothing: converts seeds/ into a staging copy of content/calls/,
 * bundles the client scripts, builds the site with Astro into a staging dist/, builds the
 * search index there, and only when every step succeeded replaces content/calls/ and dist/
 * with the staged ones, together (scripts/lib/publish.ts). A failed build leaves both as they
 * were; a killed one is finished by the next build, which also removes what it left behind.
 * Each step runs in its own process group, killed with the build (scripts/lib/reaper.ts).
 *
 *   npm run build -- [--seeds DIR] [--companies DIR] [--dist DIR] [--calls DIR] [--keep-going] [--fresh] [--help]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCli } from './lib/cli.ts';
import { journalPath, lock, plan, preflight, publish, PublishError, recover, removeStale } from './lib/publish.ts';

const root = resolve(import.meta.dirname, '..');
const usage = `
Usage: npm run build -- [--seeds DIR] [--companies DIR] [--dist DIR] [--calls DIR] [--keep-going] [--fresh]

Converts the transcripts, builds the site and its search index in staging folders, and only
when every step succeeded replaces --calls and --dist with them. A failure leaves both as they were.

  --seeds DIR      the transcripts (default seeds/)
  --companies DIR  the company profiles (default content/companies/)
  --dist DIR       the built site, replaced as a whole (default dist/)
  --calls DIR      the generated calls, replaced as a whole (default content/calls/)
  --keep-going     publish every transcript that converts; the others are listed, with file,
                   line and reason, in the output and on build-report.html
  --fresh          build everything again: clear the converter's and the search index's caches
                   and Astro's page cache (node_modules/.cache/earnings-calls/convert/ and
                   search/, node_modules/.astro/) first
  -h, --help       this text
`;
const values = parseCli('build', usage, {
  seeds: { type: 'string', default: join(root, 'seeds') },
  companies: { type: 'string', default: join(root, 'content', 'companies') },
  dist: { type: 'string', default: join(root, 'dist') },
  calls: { type: 'string', default: join(root, 'content', 'calls') },
  // Publish every transcript that converts; the others are listed on build-report.html.
  'keep-going': { type: 'boolean', default: false },
  fresh: { type: 'boolean', default: false },
});
// Where the converter keeps the calls it converted (scripts/convert.ts).
const convertCache = process.env.EC_CONVERT_CACHE ?? join(root, 'node_modules', '.cache', 'earnings-calls', 'convert');
// Where the search index keeps its blocks (scripts/index-search.ts).
const searchCache = process.env.EC_SEARCH_CACHE ?? join(root, 'node_modules', '.cache', 'earnings-calls', 'search');
const dist = resolve(values.dist!);
const calls = resolve(values.calls!);
const buildDir = join(root, '.build');
const callsSwap = plan(calls);
const distSwap = plan(dist);
const started = performance.now();
// On a terminal each step shows its own progress; otherwise (logs, CI) a step's output is kept
// and shown only if it fails, so a build is one summary line per step.
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;
const rel = (p: string) => relative(root, p) || '.';
const unchanged = `${rel(calls)} and ${rel(dist)} were left unchanged`;

/**
 * For tests only: EC_BUILD_FAULT=kill:<point> kills the build with SIGKILL at that point, and
 * fail:<point> makes it fail there. Points: each step's name, EC_BUILD_FAULT_DELAY ms after its
 * process started (`convert`, `astro build`, `search index`, ...), and `swap <folder name>`
 * before each rename.
 */
function fault(point: string): void {
  const [action, at] = (process.env.EC_BUILD_FAULT ?? '').split(/:(.*)/s);
  if (at !== point) return;
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action === 'fail') throw new Error(`injected failure at ${point}`);
}

let child: ChildProcess | undefined;
let releaseLock: (() => void) | undefined;

/** Removes this build's staging folders, unless a journal still needs them to finish publishing. */
function cleanUp(): void {
  if (child?.pid) killGroup(child.pid);
  if (!existsSync(journalPath(buildDir))) {
    for (const p of [callsSwap.staged, distSwap.staged]) rmSync(p, { recursive: true, force: true });
  }
  releaseLock?.();
  releaseLock = undefined;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function stop(message: string, code = 1): never {
  cleanUp();
  console.error(`build: ${message}`);
  process.exit(code);
}

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => stop(`stopped by ${signal}; ${unchanged}`, signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129));
}

/** Runs one step in its own process group, watched by a reaper that kills the group if the build dies. */
async function step(name: string, command: string, args: string[], env: Record<string, string> = {}, summary?: (out: string) => string): Promise<void> {
  const t = performance.now();
  const proc = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', interactive ? 'inherit' : 'pipe', interactive ? 'inherit' : 'pipe'],
    env: { ...process.env, ...env },
  });
  child = proc;
  const reaper = spawn(process.execPath, [join(root, 'scripts', 'lib', 'reaper.ts'), String(proc.pid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  reaper.unref();
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const status = await new Promise<number>((done) => {
    proc.on('error', (e) => {
      err += `${e.message}\n`;
      done(1);
    });
    proc.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
    proc.on('spawn', () => {
      setTimeout(() => {
        try {
          fault(name);
        } catch (e) {
          err += `${(e as Error).message}\n`;
          killGroup(proc.pid!);
        }
      }, Number(process.env.EC_BUILD_FAULT_DELAY ?? 0)).unref();
    });
  });
  child = undefined;
  reaper.stdin?.end(); // the reaper now kills anything the step left running, and exits
  if (status !== 0) {
    if (!interactive) process.stderr.write(`${out}${err}`);
    stop(`${name} failed; ${unchanged}`, status);
  }
  // The step's own last line says what it did (e.g. "convert: 5 transcripts … -> 4 calls").
  // Some tools colour their output even into a pipe; the summary line is plain text.
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  const last = interactive ? '' : (summary?.(plain) ?? plain.trim().split('\n').filter((l) => !/^\s*$/.test(l)).at(-1) ?? '');
  const warnings = interactive ? '' : err.split('\n').filter((l) => /warning|left out/i.test(l)).join('\n');
  if (warnings) console.warn(warnings);
  console.log(`build: ${name} done (${Math.round(performance.now() - t)} ms)${last && !/^\d\d:\d\d/.test(last) ? ` — ${last.replace(/^[a-z-]+: /, '')}` : ''}`);
}

try {
  releaseLock = lock(buildDir);
  // A build killed while publishing is finished first; then what dead builds left is removed.
  const recovered = recover(buildDir);
  if (recovered) console.log(`build: ${recovered}`);
  for (const p of removeStale(buildDir, [calls, dist])) console.log(`build: removed ${rel(p)}, left by a build that stopped`);
  preflight('--calls', calls);
  preflight('--dist', dist);
} catch (e) {
  if (e instanceof PublishError) stop(`${e.message}; nothing was changed`);
  throw e;
}

// Astro's content data store keeps an unchanged entry's file path, which would point into the
// staged folder of an earlier build: it is removed before and after every build. Its page cache
// (incremental builds: pages whose cache key and code are unchanged are copied, not rendered)
// stays in node_modules/.astro/ unless --fresh is given.
const astroCache = join(root, 'node_modules', '.astro');
const dataStores = [join(root, '.astro'), join(astroCache, 'data-store.json')];
for (const p of values.fresh ? [...dataStores, astroCache, convertCache, searchCache] : dataStores) rmSync(p, { recursive: true, force: true });

const node = process.execPath;
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const companies = resolve(values.companies!);
await step('convert', node, ['scripts/convert.ts', '--seeds', resolve(values.seeds!), '--companies', companies, '--out', callsSwap.staged, ...(values['keep-going'] ? ['--keep-going'] : [])]);
await step('bundle client scripts', node, ['scripts/bundle-client.ts']);
// Astro lists each page it writes, "(restored)" when copied from its cache.
const pages = (out: string) => {
  const written = out.split('\n').filter((l) => /[├└]─ \/\S+/.test(l));
  const restored = written.filter((l) => l.includes('(restored)')).length;
  return `${written.length} pages and exports, ${written.length - restored} rendered, ${restored} copied from the cache`;
};
await step('astro build', node, [astro, 'build', '--outDir', distSwap.staged], { EC_CALLS_DIR: callsSwap.staged, EC_COMPANIES_DIR: companies }, pages);
await step('search index', node, ['scripts/index-search.ts', '--dist', distSwap.staged, '--calls', callsSwap.staged, '--companies', companies]);
try {
  publish(buildDir, [callsSwap, distSwap], fault);
} catch (e) {
  stop(e instanceof PublishError ? e.message : `publishing failed (${(e as Error).message}); ${unchanged}`);
}
cleanUp();
for (const p of dataStores) rmSync(p, { recursive: true, force: true });
console.log(`build: ${rel(dist)} and ${rel(calls)} replaced (${Math.round((performance.now() - started) / 100) / 10} s)`);
