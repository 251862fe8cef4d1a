/**
 * The Pagefind index over http is cut into blocks of whole quarter ends, so that a new call
 * re-indexes only its block (scripts/index-search.ts): the first block (the newest quarter ends)
 * is the bundle in `pagefind/`, every other one a bundle in `pagefind/blocks/<id>/`
 * that the search page merges into it (Pagefind's `mergeIndex`). Each record carries a `block`
 * filter and a number `n` within its block; the manifest lists the blocks in result order with
 * their sizes, so that the page numbers records across blocks in result order.
 */

/** The manifest's file, in `pagefind/`. */
export const BLOCKS_FILE = 'blocks.json';

/** The folder, in `pagefind/`, of the blocks after the first. */
export const BLOCKS_DIR = 'blocks';

export interface BlocksManifest {
  /** In result order (newest quarter end first): the block's id and how many records it holds. */
  readonly blocks: ReadonlyArray<{ readonly id: string; readonly records: number }>;
}

/**
 * Records per block, about: quarter ends are put together, from the oldest, until a block holds
 * this many. Fewer blocks load less on a search (each block's index is loaded apart); smaller
 * ones index faster when a call changes. A new call, most often of the newest quarter end,
 * changes the newest block only.
 */
export const BLOCK_RECORDS = 20_000;

/**
 * Items (search records, in result order: newest quarter end first) cut into blocks of whole
 * quarter ends, formed from the oldest until each holds `target` items or more; returned in
 * result order, each named by its newest quarter end (`blockId`).
 */
export function quarterBlocks<T>(items: readonly T[], quarterEnd: (item: T) => string | undefined, target = BLOCK_RECORDS): Array<{ id: string; items: T[] }> {
  const quarters: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const end = blockId(quarterEnd(item));
    if (quarters.length === 0 || end !== last) quarters.push([]);
    quarters.at(-1)!.push(item);
    last = end;
  }
  const blocks: Array<{ id: string; items: T[] }> = [];
  let open: T[][] = [];
  let size = 0;
  for (let i = quarters.length - 1; i >= 0; i--) {
    open.unshift(quarters[i]!);
    size += quarters[i]!.length;
    if (size >= target || i === 0) {
      blocks.unshift({ id: blockId(quarterEnd(open[0]![0]!)), items: open.flat() });
      open = [];
      size = 0;
    }
  }
  return blocks;
}

/** A block's id for a quarter end ("2025-09-30"), safe as a folder name; `undated` for none. */
export function blockId(quarterEnd: string | undefined): string {
  const id = (quarterEnd ?? '').toLowerCase().replace(/[^0-9a-z-]+/g, '-');
  return id || 'undated';
}

/** Each block's first record's number in result order: the numbers before it. */
export function blockOffsets(manifest: BlocksManifest): Map<string, number> {
  const out = new Map<string, number>();
  let n = 0;
  for (const b of manifest.blocks) {
    out.set(b.id, n);
    n += b.records;
  }
  return out;
}
