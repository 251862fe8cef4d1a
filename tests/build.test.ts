/**
 * The build as a whole: all or nothing, and byte-for-byte reproducible.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';
import { fileHashes } from './site-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const build = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/build.ts'), ...args], { cwd: root, encoding: 'utf8' });

const digest = fileHashes;

describe('the build', () => {
  it('leaves the previous content and site untouched when a transcript fails', () => {
    const seeds = join(tmp, 'bad-seeds');
    cpSync(join(root, 'seeds'), seeds, { recursive: true });
    writeFileSync(join(seeds, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const dist = join(tmp, 'dist-kept');
    const calls = join(tmp, 'calls-kept');
    mkdirSync(dist);
    mkdirSync(calls);
    writeFileSync(join(dist, 'index.html'), 'previous site');
    writeFileSync(join(calls, 'marker.mdx'), 'previous content');
    const r = build('--seeds', seeds, '--dist', dist, '--calls', calls);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('broken.txt:1: the file is UTF-16, not UTF-8');
    expect(r.stderr).toContain('were left unchanged');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previous site');
    expect(readFileSync(join(calls, 'marker.mdx'), 'utf8')).toBe('previous content');
  }, 120_000);

  it('gives byte-identical output for the same inputs, and replaces the site whole', () => {
    const a = join(tmp, 'dist-a');
    const b = join(tmp, 'dist-b');
    mkdirSync(b);
    writeFileSync(join(b, 'stale.html'), 'from an older build');
    expect(build('--dist', a, '--calls', join(tmp, 'calls-a')).status).toBe(0);
    expect(build('--dist', b, '--calls', join(tmp, 'calls-b')).status).toBe(0);
    const da = digest(a);
    const db = digest(b);
    expect(db.has('stale.html')).toBe(false);
    expect(da.size).toBeGreaterThan(50);
    const differ = [...da.keys()].filter((k) => da.get(k) !== db.get(k));
    expect(differ).toEqual([]);
    expect([...db.keys()].filter((k) => !da.has(k))).toEqual([]);
    expect(digest(join(tmp, 'calls-a'))).toEqual(digest(join(root, 'content/calls')));
  }, 180_000);
});
