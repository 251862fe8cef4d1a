/**
 * Search over http with Pagefind, a few calls at a time. The index build numbers the records in
 * the order results show calls (newest quarter end first, then company; the `n` sort key and
 * meta, scripts/index-search.ts), and the search page asks Pagefind for each phrase sorted by it.
 * Pagefind's results carry only ids until their data is fetched (one small file each), so the
 * cursor fetches data in result order, a window ahead, merging the phrases of one group of the
 * query and keeping the records every other group also finds; it stops once a step has its
 * results and the call it is in is complete, and ranks each call with rank(), like the offline
 * index (src/lib/offline-search.ts).
 */
import { callOf, rank, type Query, type SearchDoc, type SearchHit } from './search.ts';

/** A record as Pagefind finds it: an id, and its data on request. */
export interface Found {
  readonly id: string;
  data(): Promise<NumberedDoc>;
}

/** A search document with its number in result order. */
export interface NumberedDoc extends SearchDoc {
  readonly n: number;
}

/** Finds the records holding a phrase (with the filters), in record-number order. */
export type Finder = (phrase: string) => Promise<Found[]>;

/** How many records' data are fetched ahead of the one read. */
const WINDOW = 12;

type Filters = Readonly<Record<string, readonly string[]>>;

/** One phrase's results, read in order, with data fetched a window ahead. */
class Reader {
  private position = 0;
  private readonly found: readonly Found[];
  private readonly data: Map<string, Promise<NumberedDoc>>;

  constructor(found: readonly Found[], data: Map<string, Promise<NumberedDoc>>) {
    this.found = found;
    this.data = data;
  }

  private fetch(f: Found): Promise<NumberedDoc> {
    let p = this.data.get(f.id);
    if (!p) this.data.set(f.id, (p = f.data()));
    return p;
  }

  /** The next record's data, without moving past it; undefined at the end. */
  async peek(): Promise<NumberedDoc | undefined> {
    for (const f of this.found.slice(this.position, this.position + WINDOW)) void this.fetch(f);
    const f = this.found[this.position];
    return f ? this.fetch(f) : undefined;
  }

  skip(): void {
    this.position++;
  }
}

export class OrderedCursor {
  private readonly query: Query;
  private readonly filters: Filters;
  private readonly readers: Reader[];
  private readonly seen = new Set<number>();
  private ended = false;
  /** The first record of the next call, read while finishing the previous one. */
  private pending: NumberedDoc | undefined;
  /** Calls whose records were ranked. */
  searched = 0;

  private constructor(query: Query, filters: Filters, readers: Reader[]) {
    this.query = query;
    this.filters = filters;
    this.readers = readers;
  }

  /**
   * Asks for every phrase of the query; the group with the fewest records leads, and keeps only
   * the records that every other group finds too (by id, before any data is fetched).
   */
  static async open(query: Query, filters: Filters, find: Finder): Promise<OrderedCursor> {
    const groups: Found[][][] = [];
    for (const g of query.groups) groups.push(await Promise.all(g.phrases.map((p) => find(p.join(' ')))));
    const size = (g: Found[][]) => g.reduce((n, list) => n + list.length, 0);
    const lead = groups.reduce((best, g, i) => (size(g) < size(groups[best]!) ? i : best), 0);
    const others = groups.filter((_, i) => i !== lead).map((g) => new Set(g.flat().map((f) => f.id)));
    const data = new Map<string, Promise<NumberedDoc>>();
    const readers = (groups[lead] ?? []).map((list) => new Reader(list.filter((f) => others.every((ids) => ids.has(f.id))), data));
    return new OrderedCursor(query, filters, readers);
  }

  /** Whether every record that may match has been read. */
  get done(): boolean {
    return this.ended;
  }

  /** The next record in number order across the lead group's phrases (each record once). */
  private async take(): Promise<NumberedDoc | undefined> {
    for (;;) {
      const heads = await Promise.all(this.readers.map((r) => r.peek()));
      let best = -1;
      for (const [i, d] of heads.entries()) if (d && (best < 0 || d.n < heads[best]!.n)) best = i;
      if (best < 0) return undefined;
      const doc = heads[best]!;
      this.readers[best]!.skip();
      if (!this.seen.has(doc.n)) {
        this.seen.add(doc.n);
        return doc;
      }
    }
  }

  /** The next results, ranked: whole calls, until `minHits` results are found. */
  async next(minHits: number): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    while (hits.length < minHits && !this.ended) {
      const first = this.pending ?? (await this.take());
      this.pending = undefined;
      if (!first) {
        this.ended = true;
        break;
      }
      const docs: SearchDoc[] = [first];
      for (;;) {
        const d = await this.take();
        if (!d) {
          this.ended = true;
          break;
        }
        if (callOf(d.filters) !== callOf(first.filters)) {
          this.pending = d;
          break;
        }
        docs.push(d);
      }
      this.searched++;
      hits.push(...rank(docs, this.query, this.filters));
    }
    return hits;
  }
}
