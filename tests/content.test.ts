/**
 * The generated content: byte-stable, in step with the converter, readable by Astro, and
 * written all-or-nothing by the command line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { callSchema } from '../src/lib/schema.ts';
import { convert, inputsFrom, root } from './helpers.ts';

const generated = join(root, 'content/calls');
const committed = () =>
  readdirSync(generated, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => ({ path: f, content: readFileSync(join(generated, f), 'utf8') }));

describe('generated content', () => {
  it('is byte-identical when the converter runs twice', () => {
    const a = convert(inputsFrom('seeds')).files;
    const b = convert(inputsFrom('seeds')).files;
    expect(a.map((f) => f.path)).toEqual(expect.arrayContaining(['alibaba/fy2024-q1.mdx', 'alibaba/fy2025-q2.mdx', 'alibaba/fy2025-q4.mdx', 'alibaba/fy2026-q2.mdx']));
    expect(b).toEqual(a);
  });

  it('in content/calls is what the converter makes from seeds/ (run `npm run convert` after changing either)', () => {
    const fresh = convert(inputsFrom('seeds')).files.map((f) => ({ path: f.path, content: f.content })).sort((x, y) => x.path.localeCompare(y.path));
    expect(committed()).toEqual(fresh);
  });

  it('says it is generated, uses \\n line ends, ends with a newline and parses with Astro', () => {
    for (const { path, content } of committed()) {
      expect(content.startsWith('---\n# generated from seeds/'), path).toBe(true);
      expect(content).not.toContain('\r');
      expect(content.endsWith('\n')).toBe(true);
      expect(callSchema.safeParse(parseFrontmatter(content).frontmatter).success, path).toBe(true);
    }
  });
});

describe('the convert command', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'convert-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (seeds: string, out: string) =>
    spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', seeds, '--out', out], { encoding: 'utf8' });

  it('leaves the previous output untouched when any transcript fails, and reports each one', () => {
    const seeds = join(tmp, 'bad-seeds');
    const out = join(tmp, 'out-kept');
    cpSync(join(root, 'seeds'), seeds, { recursive: true });
    writeFileSync(join(seeds, 'zz-empty.txt'), '');
    writeFileSync(join(seeds, 'zz-latin1.txt'), Buffer.from([0x41, 0x0a, 0xe9, 0x0a]));
    cpSync(generated, out, { recursive: true });
    writeFileSync(join(out, 'marker.txt'), 'previous build');
    const r = run(seeds, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('zz-empty.txt: the file is empty');
    expect(r.stderr).toContain('zz-latin1.txt:2: the file is not valid UTF-8');
    expect(r.stderr).toContain('2 problems');
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous build');
  });

  it('with --keep-going publishes every transcript that converts and lists the others with file, line and reason', () => {
    const seeds = join(tmp, 'keep-going-seeds');
    const out = join(tmp, 'out-keep-going');
    cpSync(join(root, 'seeds'), seeds, { recursive: true });
    writeFileSync(join(seeds, 'zz-latin1.txt'), Buffer.from([0x41, 0x0a, 0xe9, 0x0a]));
    const r = spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', seeds, '--out', out, '--keep-going'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('left out: ');
    expect(r.stderr).toContain('zz-latin1.txt:2: the file is not valid UTF-8');
    expect(r.stdout).not.toMatch(/\.build\/\d+/);
    expect(existsSync(join(out, 'alibaba/fy2025-q2.mdx'))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as Array<{ file: string; line?: number; message: string }>;
    expect(report.map((e) => [e.file.replace(/^.*\//, ''), e.line])).toEqual([['zz-latin1.txt', 2]]);
  });

  it('replaces the output whole on success and prints one line per call with --verbose', () => {
    const out = join(tmp, 'out-replaced');
    cpSync(generated, out, { recursive: true });
    writeFileSync(join(out, 'stale.mdx'), 'old');
    const r = spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', join(root, 'seeds'), '--out', out, '--verbose'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    // One line per call: as many as the committed calls.
    expect(r.stdout.split('\n').filter((l) => /^[a-z0-9-]+ FY\d{4}Q[1-4]: /.test(l))).toHaveLength(committed().length);
    expect(existsSync(join(out, 'stale.mdx'))).toBe(false);
    expect(readFileSync(join(out, 'alibaba/fy2025-q2.mdx'), 'utf8')).toBe(readFileSync(join(generated, 'alibaba/fy2025-q2.mdx'), 'utf8'));
  });

  it('converts only what changed: unchanged transcripts come from the cache, with the same output', () => {
    const seeds = join(tmp, 'incremental-seeds');
    const out = join(tmp, 'out-incremental');
    cpSync(join(root, 'seeds'), seeds, { recursive: true });
    rmSync(join(seeds, '003_c6bd564d45ed8028.txt'));
    run(seeds, out);
    const again = run(seeds, out);
    expect(again.stdout).toMatch(/4 transcripts \([\d.]+ MB; 0 read, 4 unchanged\) -> 3 calls \(0 built, 3 unchanged\)/);
    cpSync(join(root, 'seeds/003_c6bd564d45ed8028.txt'), join(seeds, '003_c6bd564d45ed8028.txt'));
    const added = run(seeds, out);
    expect(added.stdout).toMatch(/5 transcripts \([\d.]+ MB; 1 read, 4 unchanged\) -> 4 calls \(1 built, 3 unchanged\)/);
    const fresh = join(tmp, 'out-fresh');
    spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', seeds, '--out', fresh, '--no-cache'], { encoding: 'utf8' });
    for (const f of ['alibaba/fy2024-q1.mdx', 'alibaba/fy2025-q2.mdx', 'alibaba/fy2025-q4.mdx', 'alibaba/fy2026-q2.mdx']) {
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(fresh, f), 'utf8'));
    }
  });

  it('says so when the transcripts folder is missing or empty', () => {
    const missing = run(join(tmp, 'nope'), join(tmp, 'out-missing'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope: the transcripts folder does not exist/);
    const emptyDir = join(tmp, 'empty-seeds');
    mkdirSync(emptyDir);
    writeFileSync(join(emptyDir, 'README.md'), 'not a transcript');
    const empty = run(emptyDir, join(tmp, 'out-empty'));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/empty-seeds: there are no transcripts in the folder/);
  });
});
