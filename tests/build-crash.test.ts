/**
 * The build killed or failing at each step (convert, astro build, search index, between the two
 * renames): content/calls and dist are compared byte for byte with what they were, or with a
 * complete build; no process the build started survives it; the next build finishes or removes
 * what the killed one left. Also the checks made before anything is built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'build-crash-'));
// Another filesystem than the project's, so that publishing there cannot be a plain rename from .build/.
const shm = mkdtempSync(join('/dev/shm', 'build-crash-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(shm, { recursive: true, force: true });
});

const badSeeds = join(tmp, 'bad-seeds');
mkdirSync(badSeeds);
writeFileSync(join(badSeeds, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));

function build(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'scripts/build.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, timeout: 240_000 });
}

/** Every file and folder under `dir`, with a hash of each file's bytes (or a symlink's target). */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, f);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) out[f] = `link -> ${readlinkSync(path)}`;
    else out[f] = info.isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Processes still running whose environment carries `mark` (the build and everything it started). */
function survivors(mark: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark)) found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`);
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return found;
}

async function noSurvivors(mark: string): Promise<string[]> {
  for (let i = 0; i < 30 && survivors(mark).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return survivors(mark);
}

/** A folder holding a previous `calls` and `dist`, different from any build's output. */
function previous(name: string, base = tmp): { dir: string; calls: string; dist: string } {
  const dir = join(base, name);
  mkdirSync(join(dir, 'calls', 'alibaba'), { recursive: true });
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'calls', 'alibaba', 'fy2020-q1.mdx'), 'a call that a build will remove\n');
  writeFileSync(join(dir, 'dist', 'index.html'), 'previous site\n');
  writeFileSync(join(dir, 'dist', 'removed.html'), 'a page that a build will remove\n');
  return { dir, calls: join(dir, 'calls'), dist: join(dir, 'dist') };
}

/** What the project's .build/ folder holds besides the convert cache: nothing, after a build has ended. */
const buildLeftovers = () => (existsSync(join(root, '.build')) ? readdirSync(join(root, '.build')) : []);

let reference: { calls: Record<string, string>; dist: Record<string, string> };

beforeAll(() => {
  // A complete build, with dist on another filesystem than the project (the rename must not cross it).
  const ref = previous('reference', shm);
  expect(statSync(shm).dev).not.toBe(statSync(root).dev);
  const r = build(['--calls', ref.calls, '--dist', ref.dist]);
  expect(r.status, r.stderr).toBe(0);
  reference = { calls: digest(ref.calls), dist: digest(ref.dist) };
  expect(reference.calls).toEqual(digest(join(root, 'content/calls')));
  expect(reference.dist['index.html']).toBeDefined();
  expect(reference.dist['removed.html']).toBeUndefined();
  expect(readdirSync(ref.dir).sort()).toEqual(['calls', 'dist']);
}, 300_000);

describe('a build killed at each step', () => {
  for (const [point, delay] of [
    ['convert', 200],
    ['astro build', 2500],
    ['search index', 300],
  ] as const) {
    it(`killed during ${point}, leaves both folders as they were, its steps dead, and the next build removes its staging`, async () => {
      const t = previous(`kill-${point.replace(' ', '-')}`);
      const before = { calls: digest(t.calls), dist: digest(t.dist) };
      const mark = `EC_TEST_MARK_${randomUUID()}`;
      const r = build(['--calls', t.calls, '--dist', t.dist], { EC_BUILD_FAULT: `kill:${point}`, EC_BUILD_FAULT_DELAY: String(delay), [mark]: '1' });
      expect(r.signal, r.stdout + r.stderr).toBe('SIGKILL');
      expect(await noSurvivors(mark)).toEqual([]);
      expect({ calls: digest(t.calls), dist: digest(t.dist) }).toEqual(before);

      // The next build (here one that fails on its transcripts) removes what the killed one left.
      const next = build(['--seeds', badSeeds, '--calls', t.calls, '--dist', t.dist]);
      expect(next.status).toBe(1);
      expect(next.stderr).toContain('broken.txt:1: the file is UTF-16, not UTF-8');
      expect({ calls: digest(t.calls), dist: digest(t.dist) }).toEqual(before);
      expect(readdirSync(t.dir).sort()).toEqual(['calls', 'dist']);
      expect(buildLeftovers()).toEqual([]);
    }, 300_000);
  }

  it('killed between the two renames, is finished by the next build before anything else: both folders equal a complete build', async () => {
    const t = previous('kill-between-renames');
    const before = digest(t.dist);
    const mark = `EC_TEST_MARK_${randomUUID()}`;
    const r = build(['--calls', t.calls, '--dist', t.dist], { EC_BUILD_FAULT: 'kill:swap dist', [mark]: '1' });
    expect(r.signal, r.stdout + r.stderr).toBe('SIGKILL');
    expect(await noSurvivors(mark)).toEqual([]);
    // Out of step for now: the calls are new, the site is not.
    expect(digest(t.calls)).toEqual(reference.calls);
    expect(digest(t.dist)).toEqual(before);

    const next = build(['--seeds', badSeeds, '--calls', t.calls, '--dist', t.dist]);
    expect(next.stdout).toMatch(/build: finished publishing .*calls and .*dist, which build \d+ had started when it stopped/);
    expect(next.status).toBe(1);
    expect(digest(t.calls)).toEqual(reference.calls);
    expect(digest(t.dist)).toEqual(reference.dist);
    expect(readdirSync(t.dir).sort()).toEqual(['calls', 'dist']);
    expect(buildLeftovers()).toEqual([]);
  }, 300_000);

  it('whose second rename fails (a read-only or foreign dist), undoes the first: both folders as they were', () => {
    const t = previous('fail-second-rename');
    const before = { calls: digest(t.calls), dist: digest(t.dist) };
    const r = build(['--calls', t.calls, '--dist', t.dist], { EC_BUILD_FAULT: 'fail:swap dist' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/build: publishing failed \(injected failure at swap dist\); .*calls and .*dist were left as they were/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect({ calls: digest(t.calls), dist: digest(t.dist) }).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(['calls', 'dist']);
    expect(buildLeftovers()).toEqual([]);
  }, 300_000);

  it('stopped by SIGTERM during astro build, kills its steps, removes its staging and says so', async () => {
    const t = previous('sigterm');
    const before = { calls: digest(t.calls), dist: digest(t.dist) };
    const mark = `EC_TEST_MARK_${randomUUID()}`;
    const proc = spawn(process.execPath, [join(root, 'scripts/build.ts'), '--calls', t.calls, '--dist', t.dist], { cwd: root, env: { ...process.env, CI: '1', [mark]: '1' } });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('bundle client scripts done')) setTimeout(() => proc.kill('SIGTERM'), 1500);
    });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((done) => proc.on('close', done));
    expect(code, out + err).toBe(143);
    expect(err).toContain('build: stopped by SIGTERM;');
    expect(await noSurvivors(mark)).toEqual([]);
    expect({ calls: digest(t.calls), dist: digest(t.dist) }).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(['calls', 'dist']);
    expect(buildLeftovers()).toEqual([]);
  }, 300_000);
});

describe('before anything is built, the build refuses', () => {
  const refused = (args: string[]) => {
    const r = build(args);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('convert done');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    return r.stderr.trim();
  };

  it('--calls in a folder that does not exist', () => {
    const missing = join(tmp, 'missing', 'calls');
    expect(refused(['--calls', missing, '--dist', join(tmp, 'dist-unused')])).toBe(
      `build: --calls ${missing}: the folder it goes in, ${join(tmp, 'missing')}, does not exist; create it first or choose another folder; nothing was changed`,
    );
  });

  it('--dist that is a mount point, which no rename can replace', () => {
    expect(refused(['--calls', join(tmp, 'calls-unused'), '--dist', '/dev/shm'])).toMatch(/^build: --dist \/dev\/shm is a mount point \(another filesystem than \/dev\); .*nothing was changed$/);
  });

  it('--dist that is a symbolic link, leaving the link and its folder alone', () => {
    const real = join(tmp, 'real-dist');
    mkdirSync(real);
    writeFileSync(join(real, 'index.html'), 'kept');
    symlinkSync(real, join(tmp, 'linked-dist'));
    expect(refused(['--calls', join(tmp, 'calls-unused'), '--dist', join(tmp, 'linked-dist')])).toContain(`--dist ${join(tmp, 'linked-dist')} is a symbolic link`);
    expect(readlinkSync(join(tmp, 'linked-dist'))).toBe(real);
    expect(readFileSync(join(real, 'index.html'), 'utf8')).toBe('kept');
  });

  it('to start while another build of the project is running', () => {
    mkdirSync(join(root, '.build'), { recursive: true });
    writeFileSync(join(root, '.build', 'lock'), String(process.pid));
    try {
      expect(refused(['--calls', join(tmp, 'calls-unused'), '--dist', join(tmp, 'dist-unused')])).toBe(
        `build: another build (process ${process.pid}) is running in this project; wait for it to finish (or stop it), then build again; nothing was changed`,
      );
    } finally {
      rmSync(join(root, '.build', 'lock'), { force: true });
    }
  });
});
