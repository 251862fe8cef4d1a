/**
 * The offline search index (its format: src/lib/offline-search.ts), made from the search records
 * that Pagefind indexes too (scripts/lib/search-records.ts), as files to write under
 * `offline-search/` in the built site.
 */
import { callOf, compareCalls, recordSource, tokenize } from '../../src/lib/search.ts';
import { PARTS, partScript, encodePostings, shardKey, type OfflineChunk, type OfflineHead, type OfflineManifest, type OfflineShard } from '../../src/lib/offline-search.ts';
import type { SearchRecord } from './search-records.ts';

/**
 * Bytes of records in a chunk, at most (a record larger than that is a chunk alone). Small chunks
 * let a rare word load little; each chunk repeats its call's shared filters (a few hundred bytes).
 */
export const CHUNK_BYTES = 4 * 1024;

/** Adds values to the list a map keeps under a key. */
function append<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The records in result order of their calls, each call's in its own order: how both indexes
 * number them (the offline index's record numbers, Pagefind's `n` sort key).
 */
export function inResultOrder(records: readonly SearchRecord[]): SearchRecord[] {
  return byCall(records).flat();
}

/** The records of each call (company and quarter), in result order: newest quarter end first, then company. */
function byCall(records: readonly SearchRecord[]): SearchRecord[][] {
  const calls = new Map<string, SearchRecord[]>();
  for (const r of records) append(calls, callOf(r.filters), r);
  return [...calls.values()].sort((a, b) => compareCalls(a[0]!.filters, b[0]!.filters));
}

/**
 * Records in a block, about: a block ends with the call that reaches it. The first results of a
 * query need only the first block's shards, so this bounds what a common word loads.
 */
export const BLOCK_RECORDS = 16_384;

/** Returns the files of the index: path under `offline-search/` -> text. */
export function offlineIndex(records: readonly SearchRecord[], sizes: { chunkBytes?: number; blockRecords?: number } = {}): Map<string, string> {
  const chunkBytes = sizes.chunkBytes ?? CHUNK_BYTES;
  const blockRecords = sizes.blockRecords ?? BLOCK_RECORDS;
  const files = new Map<string, string>();
  const companies: string[] = [];
  const quarters: string[] = [];
  const indexOf = (list: string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.push(value) - 1);
  const blocksOf = new Map<string, number[]>();
  let block: { n: number; call: number; records: number; calls: number[][]; postings: Map<string, number[]> } | undefined;
  const endBlock = () => {
    if (!block) return;
    files.set(`${PARTS.head(block.n)}.js`, partScript(PARTS.head(block.n), { call: block.call, calls: block.calls } satisfies OfflineHead));
    for (const [key, shard] of shards(block.postings)) files.set(`${PARTS.blockShard(block.n, key)}.js`, partScript(PARTS.blockShard(block.n, key), shard));
    for (const token of block.postings.keys()) append(blocksOf, token, block.n);
  };
  for (const [call, list] of byCall(records).entries()) {
    if (!block || block.records >= blockRecords) {
      endBlock();
      block = { n: block ? block.n + 1 : 0, call, records: 0, calls: [], postings: new Map() };
    }
    const { sizes: callSizes, postings } = writeCall(call, list, chunkBytes, files);
    callSizes.unshift(indexOf(companies, list[0]!.filters.company?.[0] ?? ''), indexOf(quarters, list[0]!.filters.quarter?.[0] ?? ''));
    block.calls.push(callSizes);
    for (const [token, ids] of postings) append(block.postings, token, ...ids.map((id) => id + block!.records));
    block.records += list.length;
  }
  endBlock();
  const site = shards(blocksOf);
  for (const [key, shard] of site) files.set(`${PARTS.shard(key)}.js`, partScript(PARTS.shard(key), shard));
  const manifest: OfflineManifest = { v: 2, companies, quarters, blocks: block ? block.n + 1 : 0, keys: [...site.keys()].sort().join(' ') };
  files.set(`${PARTS.manifest}.js`, partScript(PARTS.manifest, manifest));
  return files;
}

/** Postings (token -> ascending numbers) as shards: key -> token -> encoded numbers. */
function shards(postings: ReadonlyMap<string, readonly number[]>): Map<string, OfflineShard> {
  const out = new Map<string, OfflineShard>();
  for (const token of [...postings.keys()].sort()) {
    const key = shardKey(token);
    const shard = out.get(key) ?? {};
    shard[token] = encodePostings(postings.get(token)!);
    out.set(key, shard);
  }
  return out;
}

/**
 * Writes one call's records as chunks of at most `chunkBytes` (into `files`); returns each chunk's
 * records and bytes, and the call's postings (token -> its records, counted from the call's first).
 */
function writeCall(call: number, list: readonly SearchRecord[], chunkBytes: number, files: Map<string, string>): { sizes: number[]; postings: Map<string, number[]> } {
  const first = list[0]!;
  const page = first.url.split('#')[0]!;
  const shared: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(first.filters)) if (list.every((r) => same(r.filters[k], v))) shared[k] = v;
  const sizes: number[] = [];
  const postings = new Map<string, number[]>();
  let chunk: OfflineChunk['records'] = [];
  let size = 0;
  const flush = () => {
    if (!chunk.length) return;
    const part = PARTS.chunk(call, sizes.length / 2);
    const text = partScript(part, { page, filters: shared, records: chunk } satisfies OfflineChunk);
    files.set(`${part}.js`, text);
    sizes.push(chunk.length, Buffer.byteLength(text));
    chunk = [];
    size = 0;
  };
  for (const [n, r] of list.entries()) {
    if (!r.url.startsWith(`${page}#`)) throw new Error(`search record ${r.url} is not on the page of its call (${page})`);
    const own = Object.fromEntries(Object.entries(r.filters).filter(([k]) => !(k in shared)));
    const anchor = r.url.slice(page.length + 1);
    // The tokens travel only when the shown text does not give them back.
    const record: OfflineChunk['records'][number] = tokenize(recordSource(r.meta)).join(' ') === r.content ? [anchor, r.meta, own] : [anchor, r.meta, own, r.content];
    const bytes = Buffer.byteLength(JSON.stringify(record));
    if (size > 0 && size + bytes > chunkBytes) flush();
    chunk.push(record);
    size += bytes;
    for (const token of new Set(r.content.split(' '))) if (token) append(postings, token, n);
  }
  flush();
  return { sizes, postings };
}
