/**
 * The Pagefind index over http is cut into blocks, one per quarter end, so that a new call
 * re-indexes only its quarter's block (scripts/index-search.ts): the first block (the newest
 * quarter end) is the bundle in `pagefind/`, every other one a bundle in `pagefind/blocks/<id>/`
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
