/**
 * Search from file://, where Pagefind cannot run: an index cut into small classic scripts that
 * the search page loads on demand, so that one query loads a few hundred KB whatever the size of
 * the site. Written by scripts/lib/offline-index.ts under `offline-search/` in the built site;
 * read here, by the search page (src/client/search.ts) and by the tests, with the same matcher
 * and ranking as the Pagefind path (src/lib/search.ts).
 *
 * Records are numbered call after call in the order results show calls (compareCalls: newest
 * quarter end first, then company), and the calls are cut into blocks of about BLOCK_RECORDS
 * records. So a query's candidates, block after block and in number order within a block, come
 * call by call in result order, and the first results need only the first block's files.
 *
 * - `index.js`, the manifest: the companies, the quarters, how many blocks, and every shard key.
 *   A Chinese character is its own key; any other token's key is its first three characters. A
 *   query word matches every token it begins (`marg` finds `margin`), so a word of three
 *   characters or more needs one shard, a shorter one every shard whose key it begins.
 * - `t/<key>.js`, a term shard of the site: for each token whose key is <key>, the blocks that hold it.
 * - `b<block>/head.js`: the block's first call, and its calls (company, quarter, then per chunk
 *   of records how many and how many bytes).
 * - `b<block>/t/<key>.js`, a term shard of the block: for each token of the block whose key is
 *   <key>, the records that hold it, counted from the block's first.
 * - `c/<call>-<chunk>.js`, records: the call's page and the filters all its records share, then
 *   each record's anchor, meta, own filters and tokens (left out when the record's shown text
 *   gives them back: recordSource).
 */
import { rank, recordSource, tokenize, tokenMatches, type Query, type SearchDoc, type SearchHit } from './search.ts';

export const OFFLINE_DIR = 'offline-search';

/**
 * What one step of results takes, at most: calls are added until this many results are shown or
 * the next call's records would take the bytes loaded by the step past this. The Pagefind path
 * shows its results by the same count of results, so both list the same passages in the same order.
 */
export const STEP = { hits: 40, bytes: 250_000 } as const;

/** How many characters of a token name its shard (a Chinese character is a shard of its own). */
export const SHARD_PREFIX = 3;

export interface OfflineManifest {
  readonly v: 2;
  readonly companies: string[];
  readonly quarters: string[];
  readonly blocks: number;
  /** Every shard key, in code-unit order, separated by spaces. */
  readonly keys: string;
}

export interface OfflineHead {
  /** The number of the block's first call. */
  readonly call: number;
  /** Per call, in result order: company index, quarter index, then per chunk its records and bytes. */
  readonly calls: number[][];
}

/** One chunk of a call's records. */
export interface OfflineChunk {
  /** The call's page (`alibaba/fy2025-q2.html`); a record's URL is the page, `#` and its anchor. */
  readonly page: string;
  /** Filters every record of the call has (company, quarter, their names…). */
  readonly filters: Record<string, string[]>;
  /** Anchor, meta, the record's other filters, and its tokens unless recordSource(meta) gives them. */
  readonly records: Array<[string, Record<string, string>, Record<string, string[]>] | [string, Record<string, string>, Record<string, string[]>, string]>;
}

/** A term shard: token -> blocks, or records of a block (encodePostings). */
export type OfflineShard = Record<string, string>;

const HAN = /^\p{Script=Han}$/u;

/** The shard a token of the index is in. */
export function shardKey(token: string): string {
  const chars = Array.from(token);
  return HAN.test(chars[0] ?? '') ? chars[0]! : chars.slice(0, SHARD_PREFIX).join('');
}

/** A shard key as a file name: a–z and 0–9 as they are, anything else its code point in hex between underscores. */
export function shardFile(key: string): string {
  return Array.from(key, (c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('');
}

/** The part names the loader is asked for (the file is `offline-search/<part>.js`). */
export const PARTS = {
  manifest: 'index',
  shard: (key: string) => `t/${shardFile(key)}`,
  head: (block: number) => `b${block}/head`,
  blockShard: (block: number, key: string) => `b${block}/t/${shardFile(key)}`,
  chunk: (call: number, chunk: number) => `c/${call}-${chunk}`,
} as const;

/** A part as a classic script: it stores its data under its name in `self.ecOffline`. */
export function partScript(part: string, data: unknown): string {
  return `(self.ecOffline=self.ecOffline||{})[${JSON.stringify(part)}]=${JSON.stringify(data)};\n`;
}

/** Ascending numbers (of blocks, or records) as the gaps between them in base 36, comma-separated ("0,3,a"). */
export function encodePostings(ids: readonly number[]): string {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!).toString(36)).join(',');
}

export function decodePostings(text: string): number[] {
  if (!text) return [];
  let last = 0;
  return text.split(',').map((gap) => (last += parseInt(gap, 36)));
}

/** The union of ascending lists, ascending. */
export function union(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return [...lists[0]!];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** The intersection of two ascending lists. */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, k = 0; i < a.length && k < b.length; ) {
    if (a[i]! < b[k]!) i++;
    else if (a[i]! > b[k]!) k++;
    else {
      out.push(a[i]!);
      i++;
      k++;
    }
  }
  return out;
}

/**
 * What may match a query, given what holds each query word (blocks, or records of a block): what
 * holds every word of some phrase of each group. A superset of the matches: word order and
 * adjacency are checked on the records themselves.
 */
export async function mayMatch(query: Query, holding: (word: string) => Promise<number[]>): Promise<number[]> {
  let out: number[] | undefined;
  for (const group of query.groups) {
    const phrases = await Promise.all(group.phrases.map(async (phrase) => {
      let ids: number[] | undefined;
      for (const word of phrase) {
        const p = await holding(word);
        ids = ids ? intersect(ids, p) : p;
        if (ids.length === 0) break;
      }
      return ids ?? [];
    }));
    const found = union(phrases);
    out = out ? intersect(out, found) : found;
    if (out.length === 0) return [];
  }
  return out ?? [];
}

/** The postings of a shard's tokens that a query word matches (one it begins, or the Chinese character itself). */
function matching(shard: OfflineShard | undefined, word: string): number[][] {
  return Object.entries(shard ?? {}).filter(([token]) => tokenMatches(token, word)).map(([, p]) => decodePostings(p));
}

/** Returns a part's data, or undefined when the site has no such part. */
export type PartLoader = (part: string) => Promise<unknown>;

type Filters = Readonly<Record<string, readonly string[]>>;

interface CallRange {
  readonly call: number;
  readonly company: string;
  readonly quarter: string;
  /** Each chunk's first record number (in the block), the number after its last, and its bytes. */
  readonly chunks: ReadonlyArray<{ readonly first: number; readonly end: number; readonly bytes: number }>;
}

/** The offline index of one site: loads the manifest once, then shards, blocks and chunks as queries need them. */
export class OfflineSearch {
  private readonly loader: PartLoader;
  private readonly parts = new Map<string, Promise<unknown>>();
  private manifest: OfflineManifest = { v: 2, companies: [], quarters: [], blocks: 0, keys: '' };
  private keys: string[] = [];
  private keySet = new Set<string>();

  private constructor(loader: PartLoader) {
    this.loader = loader;
  }

  static async open(loader: PartLoader): Promise<OfflineSearch> {
    const search = new OfflineSearch(loader);
    const manifest = (await search.part(PARTS.manifest)) as OfflineManifest | undefined;
    if (manifest?.v !== 2) throw new Error('the offline search index is missing or of another version');
    search.manifest = manifest;
    search.keys = manifest.keys ? manifest.keys.split(' ') : [];
    search.keySet = new Set(search.keys);
    return search;
  }

  /** Each part is asked for once. */
  part(name: string): Promise<unknown> {
    let p = this.parts.get(name);
    if (!p) this.parts.set(name, (p = this.loader(name)));
    return p;
  }

  /** The shard keys a query word needs: its own, or for a short word every key it begins. */
  shardsFor(word: string): string[] {
    if (HAN.test(word) || Array.from(word).length >= SHARD_PREFIX) return [shardKey(word)].filter((k) => this.keySet.has(k));
    return this.keys.filter((k) => k.startsWith(word));
  }

  /** For each shard key a query word needs, the blocks where a token of that key matches the word. */
  async wordBlocks(word: string): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const key of this.shardsFor(word)) {
      const shard = (await this.part(PARTS.shard(key))) as OfflineShard | undefined;
      const lists = matching(shard, word);
      if (lists.length) out.set(key, union(lists));
    }
    return out;
  }

  /** A block: its calls with their chunks. */
  async block(b: number): Promise<CallRange[]> {
    const head = (await this.part(PARTS.head(b))) as OfflineHead | undefined;
    if (!head) throw new Error(`block ${b} of the offline search index is missing`);
    let next = 0;
    return head.calls.map(([company, quarter, ...sizes], i): CallRange => {
      const chunks = [];
      for (let k = 0; k + 1 < sizes.length; k += 2) {
        chunks.push({ first: next, end: next + sizes[k]!, bytes: sizes[k + 1]! });
        next += sizes[k]!;
      }
      return { call: head.call + i, company: this.manifest.companies[company!]!, quarter: this.manifest.quarters[quarter!]!, chunks };
    });
  }

  /** Starts a query: its results come call by call in result order (OfflineCursor.next). */
  search(query: Query, filters: Filters = {}): OfflineCursor {
    return new OfflineCursor(this, query, filters);
  }
}

/** The bytes a call's candidates need: the chunks that hold them. */
function chunkBytes(range: CallRange, ids: readonly number[]): number {
  return range.chunks.filter((c) => ids.some((id) => id >= c.first && id < c.end)).reduce((sum, c) => sum + c.bytes, 0);
}

/** A query's results, loaded call by call from the blocks that may hold them. */
export class OfflineCursor {
  private readonly index: OfflineSearch;
  private readonly query: Query;
  private readonly filters: Filters;
  private readonly words = new Map<string, Promise<Map<string, number[]>>>();
  private blocks: number[] | undefined;
  private pending: Array<{ range: CallRange; ids: number[] }> = [];
  /** Calls whose records were loaded and ranked. */
  searched = 0;
  /** Bytes of record chunks loaded. */
  bytes = 0;

  constructor(index: OfflineSearch, query: Query, filters: Filters) {
    this.index = index;
    this.query = query;
    this.filters = filters;
  }

  /** Whether every call that may match has been searched. */
  get done(): boolean {
    return this.blocks !== undefined && this.pending.length === 0 && this.blocks.length === 0;
  }

  private wordBlocks(word: string): Promise<Map<string, number[]>> {
    let p = this.words.get(word);
    if (!p) this.words.set(word, (p = this.index.wordBlocks(word)));
    return p;
  }

  /** The records of block b holding a token the word matches (only the shards that hold one there are loaded). */
  private async holding(b: number, word: string): Promise<number[]> {
    const keys = [...(await this.wordBlocks(word))].filter(([, blocks]) => blocks.includes(b)).map(([key]) => key);
    const shards = (await Promise.all(keys.map((k) => this.index.part(PARTS.blockShard(b, k))))) as Array<OfflineShard | undefined>;
    const lists = shards.flatMap((shard) => matching(shard, word));
    return lists.length ? union(lists) : [];
  }

  /** The calls of block b that may match (after the company and quarter filters), with their candidates. */
  private async matches(b: number): Promise<Array<{ range: CallRange; ids: number[] }>> {
    const ids = await mayMatch(this.query, (word) => this.holding(b, word));
    if (ids.length === 0) return [];
    const calls = await this.index.block(b);
    const keep = (name: string, value: string) => !this.filters[name]?.length || this.filters[name]!.includes(value);
    const out: Array<{ range: CallRange; ids: number[] }> = [];
    let c = 0;
    for (const id of ids) {
      while (id >= (calls[c]!.chunks.at(-1)?.end ?? 0)) c++;
      const range = calls[c]!;
      if (!keep('company', range.company) || !keep('quarter', range.quarter)) continue;
      const last = out.at(-1);
      if (last?.range === range) last.ids.push(id);
      else out.push({ range, ids: [id] });
    }
    return out;
  }

  /** A call's candidate records as search documents: the chunks that hold them are loaded. */
  private async docs(range: CallRange, ids: readonly number[]): Promise<SearchDoc[]> {
    const wanted = new Set(ids);
    const chunks = range.chunks.map((c, i) => ({ ...c, i })).filter((c) => ids.some((id) => id >= c.first && id < c.end));
    const loaded = await Promise.all(chunks.map(async (c) => ({ c, data: (await this.index.part(PARTS.chunk(range.call, c.i))) as OfflineChunk | undefined })));
    return loaded.flatMap(({ c, data }) => {
      if (!data) throw new Error(`chunk ${c.i} of call ${range.call} of the offline search index is missing`);
      return data.records.flatMap(([anchor, meta, own, tokens], i) =>
        wanted.has(c.first + i) ? [{ url: `${data.page}#${anchor}`, tokens: tokens === undefined ? tokenize(recordSource(meta)) : tokens.split(' '), meta, filters: { ...data.filters, ...own } }] : [],
      );
    });
  }

  /**
   * The next calls' results, ranked: calls are searched until `minHits` results are found or the
   * next call's chunks would take the bytes loaded by this step past `maxBytes` (one call at least).
   */
  async next(minHits: number, maxBytes: number): Promise<SearchHit[]> {
    // The blocks that may hold matches, from the site's term shards.
    this.blocks ??= await mayMatch(this.query, async (word) => union([[], ...(await this.wordBlocks(word)).values()]));
    const hits: SearchHit[] = [];
    let bytes = 0;
    while (hits.length < minHits) {
      if (this.pending.length === 0) {
        if (this.blocks.length === 0) break;
        this.pending = await this.matches(this.blocks.shift()!);
        continue;
      }
      const { range, ids } = this.pending[0]!;
      const size = chunkBytes(range, ids);
      if (bytes > 0 && bytes + size > maxBytes) break;
      const docs = await this.docs(range, ids);
      this.pending.shift();
      bytes += size;
      this.bytes += size;
      this.searched++;
      hits.push(...rank(docs, this.query, this.filters));
    }
    return hits;
  }
}
