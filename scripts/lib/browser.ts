/**
 * Finds a Chromium for the browser tests and the benchmark's Lighthouse run, in this order:
 *
 *  1. `CHROMIUM_PATH`, if set (it must then exist: a wrong path is an error, not a fallback);
 *  2. a system Chromium or Chrome (Debian's `/usr/bin/chromium`, `google-chrome` on PATH, ...);
 *  3. the Chromium shipped inside the `@sparticuz/chromium` dev dependency (Linux x64 only),
 *     unpacked once into `node_modules/.cache/earnings-calls/`;
 *  4. otherwise an error that says what was tried and what to install.
 *
 * So `npm install && npm test` needs nothing but npm on a Linux x64 machine.
 */
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const root = resolve(import.meta.dirname, '..', '..');

/** Flags for a headless Chromium on these machines (no sandbox as root, no background traffic). */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FoundBrowser {
  /** Absolute path of the executable. */
  readonly path: string;
  /** Where it was found, for the test log. */
  readonly source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export interface FindOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** System locations tried in order (absolute paths); names are also looked up on PATH. */
  readonly systemPaths?: readonly string[];
  readonly systemNames?: readonly string[];
  /** Unpacks the npm package's Chromium and returns its path, or explains why it cannot. */
  readonly npmChromium?: () => Promise<string | { missing: string }>;
}

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Unpacks `@sparticuz/chromium`'s brotli-packed binary into the project's cache (once; atomically). */
export async function unpackNpmChromium(): Promise<string | { missing: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { missing: `@sparticuz/chromium ships a Linux x64 binary only (this is ${process.platform} ${process.arch})` };
  let pkgDir: string;
  try {
    // The package exports only its entry point, build/index.js.
    pkgDir = dirname(dirname(createRequire(join(root, 'package.json')).resolve('@sparticuz/chromium')));
  } catch (e) {
    return { missing: `@sparticuz/chromium is not installed (run \`npm install\`): ${(e as Error).message.split('\n')[0]}` };
  }
  const packed = join(pkgDir, 'bin', 'chromium.br');
  if (!existsSync(packed)) return { missing: `${packed} is missing (reinstall @sparticuz/chromium)` };
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(root, 'node_modules', '.cache', 'earnings-calls', `chromium-${version}`);
  const target = join(dir, 'chromium');
  if (isExecutableFile(target)) return target;
  mkdirSync(dir, { recursive: true });
  // Unpack beside the target and rename, so a concurrent or interrupted run never sees half a binary.
  const partial = `${target}.tmp-${process.pid}`;
  try {
    await pipeline(createReadStream(packed), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** Finds a browser as described above; throws an error saying what to install when there is none. */
export async function findBrowser(options: FindOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const set = env.CHROMIUM_PATH;
  if (set !== undefined && set !== '') {
    if (!isExecutableFile(set)) throw new Error(`CHROMIUM_PATH is set to ${set}, which is not an executable file: fix it, or unset it to use a system or the npm Chromium`);
    return { path: set, source: 'CHROMIUM_PATH' };
  }
  const systemPaths = options.systemPaths ?? SYSTEM_PATHS;
  for (const p of systemPaths) if (isExecutableFile(p)) return { path: p, source: 'system' };
  for (const name of options.systemNames ?? SYSTEM_NAMES) {
    const p = onPath(name, env);
    if (p) return { path: p, source: 'system' };
  }
  const npm = await (options.npmChromium ?? unpackNpmChromium)();
  if (typeof npm === 'string') return { path: npm, source: '@sparticuz/chromium' };
  throw new Error(
    [
      'no browser for the browser tests. Tried, in order:',
      '  CHROMIUM_PATH: not set',
      `  a system Chromium or Chrome: none at ${systemPaths.join(', ')} or on PATH`,
      `  the npm Chromium: ${npm.missing}`,
      'Run `npm install` (on Linux x64 it brings @sparticuz/chromium), or install Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    ].join('\n'),
  );
}
