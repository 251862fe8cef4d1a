/**
 * Permanent links: every URL in tests/fixtures/permalinks.txt, a list committed once a URL has
 * been published, must keep resolving in every build (the file, and the element its fragment
 * names). New URLs are added with `UPDATE_PERMALINKS=1 npx vitest run tests/permalinks.test.ts`;
 * none is ever removed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';
import { attrs, dist, htmlFiles, read, requireDist } from './site-files.ts';

const listPath = join(root, 'tests/fixtures/permalinks.txt');

/** The permanent URLs the site offers now: pages, exports, and every id a reader can link. */
function currentPermalinks(): string[] {
  const out = new Set<string>();
  for (const page of htmlFiles()) {
    if (page.startsWith('pagefind/')) continue;
    out.add(page);
    if (!/\/fy\d{4}-q\d\.html$/.test(page)) continue;
    for (const id of attrs(read(page), 'id')) {
      if (/^(?:[a-z]{2}(?:-\d+)?-p-\d+|(?:[a-z]{2}(?:-\d+)?-)?qa-\d+|fig-(?![a-z0-9_-]*-quote$)[a-z0-9_-]+|guidance-[a-z0-9_-]+|said-before|participants|key-figures|highlights|outlook|qa|[a-z]{2}-transcript)$/.test(id)) out.add(`${page}#${id}`);
    }
  }
  for (const f of ['data/figures.json', 'data/figures.csv']) out.add(f);
  return [...out].sort();
}

beforeAll(() => {
  requireDist();
  if (process.env.UPDATE_PERMALINKS) {
    const old = existsSync(listPath) ? readFileSync(listPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')) : [];
    const merged = [...new Set([...old, ...currentPermalinks()])].sort();
    writeFileSync(listPath, `# Published permanent URLs, relative to the site root. Never remove a line; see tests/permalinks.test.ts.\n${merged.join('\n')}\n`);
  }
});

describe('permanent links', () => {
  it('every published URL still resolves to its file and element', () => {
    const list = readFileSync(listPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(list.length).toBeGreaterThan(1000);
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    for (const url of list) {
      const [file, id] = url.split('#') as [string, string | undefined];
      if (!existsSync(join(dist, file))) {
        broken.push(`${url}: no file`);
        continue;
      }
      if (id === undefined) continue;
      if (!ids.has(file)) ids.set(file, new Set(attrs(read(file), 'id')));
      if (!ids.get(file)!.has(id)) broken.push(`${url}: no element`);
    }
    expect(broken).toEqual([]);
  });

  it('lists every permanent URL the site offers now', () => {
    const list = new Set(readFileSync(listPath, 'utf8').split('\n'));
    const unlisted = currentPermalinks().filter((u) => !list.has(u));
    expect(unlisted, 'new permanent URLs: add them with UPDATE_PERMALINKS=1').toEqual([]);
  });
});
