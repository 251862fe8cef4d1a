/**
 * The offline search index (src/lib/offline-search.ts, written by scripts/lib/offline-index.ts):
 * its encodings, and that a query answered from it, call by call and block by block, lists
 * exactly what rank() lists from every record, while loading only the parts the query needs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, rank } from '../src/lib/search.ts';
import { decodePostings, encodePostings, intersect, OfflineSearch, shardFile, shardKey, STEP, union } from '../src/lib/offline-search.ts';
import { inResultOrder, offlineIndex } from '../scripts/lib/offline-index.ts';
import { OrderedCursor } from '../src/lib/ordered-search.ts';
import type { SearchRecord } from '../scripts/lib/search-records.ts';
import { builtSearch } from './site-files.ts';

const { calls, records, docs, glossary } = builtSearch();

/** An index in memory, with a record of the parts a search loaded and their bytes. */
async function openIndex(files: Map<string, string>) {
  const loaded: string[] = [];
  let bytes = 0;
  const self: { ecOffline?: Record<string, unknown> } = {};
  const search = await OfflineSearch.open(async (part) => {
    const text = files.get(`${part}.js`);
    if (text === undefined) return undefined;
    loaded.push(part);
    bytes += Buffer.byteLength(text);
    new Function('self', text)(self);
    return self.ecOffline![part];
  });
  return { search, loaded, bytes: () => bytes };
}

/** Every result of a query from the offline index, step by step. */
async function allResults(files: Map<string, string>, query: string, filters: Record<string, string[]> = {}) {
  const { search, loaded } = await openIndex(files);
  const cursor = search.search(parseQuery(query, glossary), filters);
  const steps: string[][] = [];
  while (!cursor.done) steps.push((await cursor.next(STEP.hits, STEP.bytes)).map((h) => h.url));
  return { urls: steps.flat(), steps, loaded };
}

const QUERIES = ['净利润', '淨利潤', '阿里云', '客户管理收入', '经调整 EBITA', '88VIP', 'margin', 'marg', 'buybacks', 'free cash flow', 'FCF', 'take rate', 'cloud revenue growth', 'revenue', 'q1', 'a', 'zzzz', '2025'];
const FILTERS: Array<Record<string, string[]>> = [{}, { kind: ['figure'] }, { quarter: ['FY2025Q2'] }, { company: ['alibaba'], role: ['analyst'] }, { language: ['en'] }];

describe('encodings', () => {
  it('postings come back as they went in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 5_000_000 }), { maxLength: 200 }), (raw) => {
        const ids = [...raw].sort((a, b) => a - b);
        expect(decodePostings(encodePostings(ids))).toEqual(ids);
      }),
    );
  });

  it('union and intersection of ascending lists', () => {
    expect(union([[1, 4, 9], [2, 4, 10]])).toEqual([1, 2, 4, 9, 10]);
    expect(intersect([1, 4, 9, 12], [2, 4, 9, 10])).toEqual([4, 9]);
    expect(intersect([], [1])).toEqual([]);
  });

  it.each([
    ['revenu', 'rev', 'rev'],
    ['re', 're', 're'],
    ['收', '收', '_6536_'],
    ['2025', '202', '202'],
    ['매출액', '매출액', '_b9e4__cd9c__c561_'],
  ])('the token %s is in shard %s, file %s', (token, key, file) => {
    expect(shardKey(token)).toBe(key);
    expect(shardFile(key)).toBe(file);
  });
});

describe('answers from the offline index', () => {
  // One block, and blocks of about 100 records (the seed calls then span several).
  const layouts = [
    ['one block', offlineIndex(records)],
    ['small blocks and chunks', offlineIndex(records, { blockRecords: 100, chunkBytes: 1024 })],
  ] as const;

  it.each(layouts)('with %s, list what rank() lists from every record, in its order, for every query and filter', async (_, files) => {
    for (const query of QUERIES) {
      for (const filters of FILTERS) {
        const want = rank(docs, parseQuery(query, glossary), filters).map((h) => h.url);
        expect((await allResults(files, query, filters)).urls, `${query} ${JSON.stringify(filters)}`).toEqual(want);
      }
    }
  }, 120_000);

  it('come call by call: a step never cuts a call in two', async () => {
    const { steps } = await allResults(offlineIndex(records), 'revenue');
    expect(steps.length).toBeGreaterThan(1);
    const call = (url: string) => url.split('#')[0];
    for (let i = 1; i < steps.length; i++) expect(steps[i - 1]!.map(call)).not.toContain(call(steps[i]![0]!));
  });

  it('load only the records a step needs: a common word loads the first calls, a rare one a chunk or two', async () => {
    const files = offlineIndex(records);
    const chunks = [...files.keys()].filter((f) => f.startsWith('c/'));
    const all = chunks.reduce((sum, f) => sum + Buffer.byteLength(files.get(f)!), 0);
    const { search, loaded, bytes } = await openIndex(files);
    const cursor = search.search(parseQuery('revenue', glossary));
    const first = await cursor.next(STEP.hits, STEP.bytes);
    expect(first.length).toBeGreaterThanOrEqual(STEP.hits);
    expect(cursor.done).toBe(false);
    expect(cursor.bytes).toBeLessThanOrEqual(STEP.bytes);
    const callsLoaded = new Set(loaded.filter((p) => p.startsWith('c/')).map((p) => p.split('-')[0]));
    expect(callsLoaded.size).toBeLessThan(calls.length);
    // A word found in one passage: the manifest, its shards, the block's head and one chunk.
    const holding = (word: string) => records.filter((r) => r.content.split(' ').some((t) => t.startsWith(word)));
    const word = [...new Set(records.flatMap((r) => r.content.split(' ')))].sort().find((t) => /^[a-z]{7,}$/.test(t) && holding(t).length === 1)!;
    expect(word).toBeDefined();
    const rare = holding(word)[0]!;
    const r = await openIndex(files);
    const got = await r.search.search(parseQuery(word, glossary)).next(STEP.hits, STEP.bytes);
    expect(got.map((h) => h.url)).toEqual([rare.url]);
    expect(r.loaded.filter((p) => p.startsWith('c/'))).toHaveLength(1);
    expect(r.bytes()).toBeLessThan(all / 20);
    expect(bytes()).toBeLessThan(all);
  });

  it('stop a step at its byte budget, unless the step has searched no call yet', async () => {
    const { search } = await openIndex(offlineIndex(records));
    const cursor = search.search(parseQuery('a', glossary));
    const budget = 40_000;
    let steps = 0;
    while (!cursor.done) {
      const [bytes, searched] = [cursor.bytes, cursor.searched];
      await cursor.next(Infinity, budget);
      steps++;
      expect(cursor.searched - searched).toBeGreaterThan(0);
      if (cursor.searched - searched > 1) expect(cursor.bytes - bytes).toBeLessThanOrEqual(budget);
    }
    expect(steps).toBeGreaterThan(2);
  });

  it('carry tokens only for records whose shown text does not give them back', () => {
    const files = offlineIndex(records);
    const stored = new Map<string, number>();
    for (const [path, text] of files) {
      if (!path.startsWith('c/')) continue;
      const data = JSON.parse(text.slice(text.indexOf(']=') + 2, -2)) as { page: string; records: unknown[][] };
      for (const rec of data.records) stored.set(`${data.page}#${rec[0]}`, rec.length);
    }
    expect(stored.size).toBe(records.length);
    const paragraph = (r: SearchRecord) => r.filters.kind?.[0] === 'paragraph' && !r.meta.text?.endsWith('…');
    // A short paragraph's tokens come from its text; a figure's (metric names and quotes) travel.
    expect(records.filter(paragraph).every((r) => stored.get(r.url) === 3)).toBe(true);
    expect(records.filter((r) => r.filters.kind?.[0] === 'figure').every((r) => stored.get(r.url) === 4)).toBe(true);
  });

  it('say which part is missing rather than answer without it', async () => {
    const files = new Map(offlineIndex(records));
    for (const key of [...files.keys()]) if (key.startsWith('c/')) files.delete(key);
    const { search } = await openIndex(files);
    await expect(search.search(parseQuery('revenue', glossary)).next(STEP.hits, STEP.bytes)).rejects.toThrow(/chunk \d+ of call 0 of the offline search index is missing/);
  });
});

describe('answers from Pagefind, in record order (src/lib/ordered-search.ts)', () => {
  // A stand-in for Pagefind: for a phrase, every record holding each of its words as a prefix of
  // some token (looser than the matcher, as Pagefind is), in record order, data on request.
  const numbered = inResultOrder(records).map((r, n) => ({ n, url: r.url, tokens: r.content.split(' '), meta: r.meta, filters: r.filters }));
  // The seed calls again as the calls of ten years before each, three times: a site of 16 calls.
  const older = (k: number) =>
    records.map((r) => ({ ...r, url: `past${k}-${r.url}`, filters: { ...r.filters, quarter: [`${r.filters.quarter![0]}-${k}`], quarter_end: [r.filters.quarter_end![0]!.replace(/^\d{4}/, (y) => String(Number(y) - 10 * k))] } }));
  const many = inResultOrder([...records, ...older(1), ...older(2), ...older(3)]).map((r, n) => ({ n, url: r.url, tokens: r.content.split(' '), meta: r.meta, filters: r.filters }));
  const finder = (fetched: Set<number>, filters: Record<string, string[]>, site = numbered) => async (phrase: string) =>
    site
      .filter((d) => phrase.split(' ').every((w) => d.tokens.some((t) => t.startsWith(w))) && Object.entries(filters).every(([k, v]) => v.some((x) => d.filters[k]?.includes(x))))
      .map((d) => ({ id: `r${d.n}`, data: async () => (fetched.add(d.n), d) }));

  it('lists what rank() lists from every record, in its order, for every query and filter', async () => {
    for (const query of QUERIES) {
      for (const filters of FILTERS) {
        const cursor = await OrderedCursor.open(parseQuery(query, glossary), filters, finder(new Set(), filters));
        const got: string[] = [];
        while (!cursor.done) got.push(...(await cursor.next(STEP.hits)).map((h) => h.url));
        expect(got, `${query} ${JSON.stringify(filters)}`).toEqual(rank(docs, parseQuery(query, glossary), filters).map((h) => h.url));
      }
    }
  });

  it('fetches the data of the records a step reads, not of every record found', async () => {
    const fetched = new Set<number>();
    const cursor = await OrderedCursor.open(parseQuery('revenue', glossary), {}, finder(fetched, {}, many));
    const first = await cursor.next(STEP.hits);
    expect(first.length).toBeGreaterThanOrEqual(STEP.hits);
    expect(cursor.done).toBe(false);
    const found = many.filter((d) => d.tokens.some((t) => t.startsWith('revenu'))).length;
    expect(fetched.size).toBeLessThan(found / 3);
    // The first call not shown is read only as far as its first record (and the window ahead).
    const shownCalls = new Set(first.map((h) => h.url.split('#')[0]));
    const beyond = [...fetched].filter((n) => !shownCalls.has(many[n]!.url.split('#')[0]));
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.length).toBeLessThanOrEqual(12);
    // And the rest of the list is still exactly rank()'s.
    const all = first.map((h) => h.url);
    while (!cursor.done) all.push(...(await cursor.next(STEP.hits)).map((h) => h.url));
    expect(all).toEqual(rank(many, parseQuery('revenue', glossary)).map((h) => h.url));
  });
});
