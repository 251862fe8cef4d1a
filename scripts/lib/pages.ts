/**
 * Page furniture of transcripts exported from PDF: the running header and footer repeated on
 * every page (a copyright line, the call's title and date, "Page 3 of 14"), and the page breaks
 * that cut a paragraph, or a sentence, in two. Removed before any layout reads the lines, so
 * that no layout takes a running header for a speaker or a footer for something said; the lines
 * keep their numbers, and the removed ones are reported as omitted (`page-footer`).
 *
 * Only lines tied to a page break are furniture: a page number (alone on its line, "Page 3 of
 * 14", "- 3 -", or after a run of spaces at the end of a footer) whose numbers go up through the
 * file, or a form feed; and lines that repeat on most pages, once on each, each time next to
 * such a break. A line that repeats elsewhere too (a speaker's name or title) is never furniture.
 */
import type { Line } from './text.ts';

/** A line that is a page number, or ends with one after a run of spaces. */
const PAGE_NUMBER = [
  /^(?:page\s+)?(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^[-–—]\s*(\d{1,4})\s*[-–—]$/,
  /^(\d{1,4})\s*\|\s*page$/i,
  /^\S.*\S\s{3,}(?:page\s+)?(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^(?:page\s+)?(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?\s{3,}\S.*$/i,
];

/** The page number a line states, when it reads as one. */
function pageNumberOf(raw: string): number | undefined {
  const text = raw.replace(/\f/g, '').trim();
  for (const re of PAGE_NUMBER) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** A line with its digits masked, for spotting the same header on every page. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Words of a call's title in a running header. */
const RUNNING_TITLE = /\b(?:conference call|earnings call|results call|transcript|webcast)\b|电话会议|業績|业绩说明会/i;

/** How many non-blank lines a running header or footer may stand from the page break. */
const NEAR = 3;
/** Sentence ends: a paragraph that ends so was not cut by the page break. */
const CLOSED = /[.!?:。？！：”"')\]]$/;

export interface Furniture {
  /** The lines without page furniture, each with its original number. */
  readonly lines: Line[];
  /** Numbers of the lines removed as page furniture. */
  readonly removed: number[];
}

export function stripPageFurniture(lines: readonly Line[]): Furniture {
  const content = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text !== '');
  // Page breaks: form feeds, and page numbers that go up through the file.
  const breaks = new Set<number>();
  for (const { l, i } of content) if (l.raw.includes('\f')) breaks.add(i);
  const numbered = content.map(({ l, i }) => ({ i, n: pageNumberOf(l.raw) })).filter((x): x is { i: number; n: number } => x.n !== undefined);
  const rising = longestRising(numbered);
  if (rising.length >= 2) for (const x of rising) breaks.add(x.i);
  if (breaks.size < 2) return { lines: [...lines], removed: [] };

  // Position of each non-blank line among the non-blank lines, to measure "near a break".
  const rank = new Map(content.map(({ i }, k) => [i, k]));
  // (A page number at the foot of a page and a form feed at the head of the next are one break.)
  const inner: number[] = [];
  for (const k of [...breaks].map((i) => rank.get(i) ?? nearestRank(content, i)).sort((a, b) => a - b)) {
    if (inner.length === 0 || k - inner[inner.length - 1]! > NEAR) inner.push(k);
  }
  /** How many page breaks come before the k-th non-blank line (binary search: files can be long). */
  const pageOf = (k: number) => {
    let lo = 0;
    let hi = inner.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inner[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The breaks around a line; the file's start and end are page edges too (the first page's
  // header, the last page's footer).
  const nearBreak = (k: number) => {
    const p = pageOf(k);
    const before = p > 0 ? inner[p - 1]! : -1;
    const after = p < inner.length ? inner[p]! : content.length;
    return k - before <= NEAR || after - k <= NEAR;
  };
  const byShape = new Map<string, number[]>();
  for (const { l, i } of content) {
    const s = shape(l.text);
    const at = byShape.get(s);
    if (at) at.push(i);
    else byShape.set(s, [i]);
  }
  const furniture = new Set<number>(rising.map((x) => x.i));
  for (const i of breaks) if (lines[i]!.text !== '' && pageNumberOf(lines[i]!.raw) !== undefined) furniture.add(i);
  // A running header or footer is on most pages, once on each; in a short export, a header on
  // every page but the first may be seen only twice. (Pages with words on them: a page number
  // at the very end closes the last page, it opens none.)
  const pageCount = new Set(content.map((_, k) => pageOf(k))).size;
  for (const [s, at] of byShape) {
    if (at.length < 2 || s.length < 6 || at.length < Math.min(pageCount - 1, Math.max(3, 0.6 * pageCount))) continue;
    const pages = at.map((i) => pageOf(rank.get(i)!));
    if (new Set(pages).size !== pages.length) continue;
    if (at.every((i) => nearBreak(rank.get(i)!))) for (const i of at) furniture.add(i);
  }
  // The first line of a page after a form feed that names the call, "Acme AB · Q1 2026/27
  // conference call · 23 October 2026", is a running header even when a short export shows it once.
  for (const { l, i } of content) {
    if (l.raw.includes('\f') && l.text.length <= 140 && !CLOSED.test(l.text) && RUNNING_TITLE.test(l.text)) furniture.add(i);
  }
  if (furniture.size === 0) return { lines: [...lines], removed: [] };

  // Drop the furniture; where a page break cut a paragraph, drop the blank lines around it too,
  // so the two halves read as one paragraph.
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!furniture.has(i)) {
      out.push(lines[i]!);
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && (furniture.has(j + 1) || lines[j + 1]!.text === '')) j++;
    let b = out.length - 1;
    while (b >= 0 && out[b]!.text === '') b--;
    const before = b >= 0 ? out[b] : undefined;
    const after = lines[j + 1];
    const cut = before && after && !CLOSED.test(before.text) && /^[a-z0-9$€£¥(]/.test(after.text);
    if (cut) while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
    else if (out.length > 0 && out[out.length - 1]!.text !== '') out.push({ n: lines[i]!.n, raw: '', text: '' });
    i = j;
  }
  return { lines: out, removed: [...furniture].sort((a, b) => a - b).map((i) => lines[i]!.n) };
}

/** The longest run of page numbers that go up, in file order (strictly, gaps allowed). */
function longestRising(xs: ReadonlyArray<{ i: number; n: number }>): Array<{ i: number; n: number }> {
  const best: number[] = xs.map(() => 1);
  const prev: number[] = xs.map(() => -1);
  for (let a = 0; a < xs.length; a++) {
    // Pages are at least a few lines long and numbered in order (a page or two may be missing).
    for (let b = Math.max(0, a - 50); b < a; b++) {
      const step = xs[a]!.n - xs[b]!.n;
      if (step >= 1 && step <= 3 && xs[a]!.i - xs[b]!.i >= 8 && best[b]! + 1 > best[a]!) {
        best[a] = best[b]! + 1;
        prev[a] = b;
      }
    }
  }
  let end = -1;
  for (let a = 0; a < xs.length; a++) if (end < 0 || best[a]! > best[end]!) end = a;
  const out: Array<{ i: number; n: number }> = [];
  for (let a = end; a >= 0; a = prev[a]!) out.unshift(xs[a]!);
  return out;
}

function nearestRank(content: ReadonlyArray<{ i: number }>, i: number): number {
  let k = content.findIndex((c) => c.i > i);
  if (k < 0) k = content.length;
  return k;
}
