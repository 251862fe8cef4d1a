/**
 * Incremental builds (Astro's incremental build with the cache keys of src/data/cache-keys.ts):
 * a build that copies pages from the previous build's cache gives exactly the site a fresh build
 * gives, byte for byte; adding or changing a call renders its company's pages again and copies
 * the other company's; a removed call disappears everywhere.
 *
 * A small site of two companies from the development corpus (Stellar Harbour, two quarters;
 * Fenwright Software, one), built in turn with a call added, changed and removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';
import { fileHashes } from './site-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'incremental-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SOURCES = {
  q3: join(root, 'tests/eval/dev/stellar-harbour-2025-q3.txt'),
  q4: join(root, 'tests/fixtures/guidance-site/stellar-harbour-2025-q4.txt'),
  fenwright: join(root, 'tests/eval/dev/fenwright-software-fy2026-q3.txt'),
};
const STELLAR = 'stellar-harbour-entertainment';
const FENWRIGHT = 'fenwright-software';

/**
 * The one seeds folder, as a user keeps it: its files become these (name -> text). (A call
 * records the path of its transcript, so another folder would make every call another file.)
 */
const seedDir = join(tmp, 'seeds');
function seeds(files: Record<string, string>): string {
  rmSync(seedDir, { recursive: true, force: true });
  mkdirSync(seedDir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(seedDir, file), text);
  return seedDir;
}

interface Built {
  files: Map<string, string>;
  rendered: number;
  copied: number;
  /** Records the search index indexed again (the others' blocks came from its cache). */
  indexed: number;
  /** The search index's blocks: quarter end -> records. */
  blocks: Map<string, number>;
}

/** Builds a seeds folder into a fresh dist of its own (a search block per quarter end); returns every output file's hash and what Astro rendered or copied. */
function build(seedFolder: string, name: string, fresh = false): Built {
  const dist = join(tmp, `dist-${name}`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--seeds', seedFolder, '--dist', dist, '--calls', join(tmp, `calls-${name}`), ...(fresh ? ['--fresh'] : [])], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', EC_SEARCH_BLOCK_RECORDS: '1' } });
  if (r.status !== 0) throw new Error(`build ${name} failed:\n${r.stdout}\n${r.stderr}`);
  const m = /astro build done .*? (\d+) pages and exports, (\d+) rendered, (\d+) copied from the cache/.exec(r.stdout);
  if (!m) throw new Error(`no page counts in the output of build ${name}:\n${r.stdout}`);
  const s = /search index done .*?\((\d+) blocks, (\d+) records indexed again/.exec(r.stdout);
  if (!s) throw new Error(`no search index counts in the output of build ${name}:\n${r.stdout}`);
  const manifest = JSON.parse(readFileSync(join(dist, 'pagefind', 'blocks.json'), 'utf8')) as { blocks: Array<{ id: string; records: number }> };
  const files = fileHashes(dist);
  return { files, rendered: Number(m[2]), copied: Number(m[3]), indexed: Number(s[2]), blocks: new Map(manifest.blocks.map((b) => [b.id, b.records])) };
}

/** Pages and exports of a company (its page and the pages under it in both editions, and its quarters' JSON). */
const pagesOf = (b: Built, company: string) => [...b.files.keys()].filter((f) => [`${company}.html`, `zh/${company}.html`].includes(f) || [`${company}/`, `zh/${company}/`, `data/${company}/`].some((d) => f.startsWith(d)));

/** Files whose bytes differ between two builds, or that only one has. */
function differences(a: Built, b: Built): string[] {
  return [...new Set([...a.files.keys(), ...b.files.keys()])].filter((f) => a.files.get(f) !== b.files.get(f)).sort();
}

describe('an incremental build', () => {
  const text = (path: string) => readFileSync(path, 'utf8');
  const v1 = { 'q3.txt': text(SOURCES.q3), 'fenwright.txt': text(SOURCES.fenwright) };
  const v2 = { ...v1, 'q4.txt': text(SOURCES.q4) };
  // Fenwright's call with one more sentence in its last paragraph.
  const v3 = { ...v2, 'fenwright.txt': text(SOURCES.fenwright).replace(/\s*$/, ' We also thank our partners in Zanzibar.\n') };
  const { 'q4.txt': _, ...v4 } = v3;

  it('gives the site a fresh build gives, byte for byte, and renders again only the pages of the company whose calls changed', () => {
    const first = build(seeds(v1), 'v1', true);
    expect(first.copied).toBe(0);
    const all = (b: Built) => [...b.blocks.values()].reduce((a, n) => a + n, 0);
    expect(first.indexed).toBe(all(first));
    /** A call's quarter end, from its export. */
    const endOf = (b: string, company: string, quarter: string) => (JSON.parse(readFileSync(join(tmp, `dist-${b}`, 'data', company, `${quarter}.json`), 'utf8')) as { period_end: string }).period_end;

    // A call added to Stellar Harbour: its pages are rendered, Fenwright's are copied.
    const added = build(seeds(v2), 'v2');
    expect(differences(added, build(seedDir, 'v2-fresh', true))).toEqual([]);
    expect(added.files.has(`${STELLAR}/fy2025-q4.html`)).toBe(true);
    expect(added.copied).toBeGreaterThanOrEqual(pagesOf(added, FENWRIGHT).length);
    expect(added.rendered).toBeGreaterThanOrEqual(pagesOf(added, STELLAR).length - 1);
    // The search index indexes the new call's quarter again, and takes the other quarters from its cache.
    const newEnd = endOf('v2', STELLAR, 'fy2025-q4');
    expect(first.blocks.has(newEnd)).toBe(false);
    expect(added.indexed).toBe(added.blocks.get(newEnd));
    expect(added.indexed).toBeLessThan(all(added));

    // Fenwright's call changed: its pages are rendered again (and say the new sentence), Stellar Harbour's are copied.
    const edited = build(seeds(v3), 'v3');
    expect(differences(edited, build(seedDir, 'v3-fresh', true))).toEqual([]);
    expect(edited.copied).toBe(pagesOf(edited, STELLAR).length);
    expect(edited.rendered).toBeGreaterThanOrEqual(pagesOf(edited, FENWRIGHT).length);
    const changedPages = differences(added, edited);
    const stellarPages = new Set(pagesOf(edited, STELLAR));
    expect(changedPages.filter((f) => stellarPages.has(f))).toEqual([]);
    expect(changedPages).toContain(`${FENWRIGHT}/fy2026-q3.html`);
    expect(readFileSync(join(tmp, 'dist-v3', FENWRIGHT, 'fy2026-q3.html'), 'utf8')).toContain('Zanzibar');
    expect(edited.indexed).toBe(edited.blocks.get(endOf('v3', FENWRIGHT, 'fy2026-q3')));
    expect(edited.indexed).toBeLessThan(all(edited));

    // The added call removed again: it is gone from every page, list, export and index.
    const removed = build(seeds(v4), 'v4');
    expect(differences(removed, build(seedDir, 'v4-fresh', true))).toEqual([]);
    const gone = [...removed.files.keys()].filter((f) => f.includes('fy2025-q4'));
    expect(gone).toEqual([]);
    const mentions = [...removed.files.keys()].filter((f) => /\.(html|json|csv|js)$/.test(f) && readFileSync(join(tmp, 'dist-v4', f), 'utf8').includes(`${STELLAR}/fy2025-q4`));
    expect(mentions).toEqual([]);
    expect(existsSync(join(tmp, 'dist-v2', STELLAR, 'fy2025-q4.html'))).toBe(true);
  }, 600_000);
});
