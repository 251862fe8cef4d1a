/**
 * How search reads text and queries, used alike by the index build (scripts/lib/search-records.ts),
 * the search page over http (candidates from Pagefind) and from file:// (the bundled records):
 * one tokenizer, one light English stemmer, one glossary expansion, one matcher, one ranking.
 * So both editions and both ways of opening the site give the same results for a query.
 *
 * Text is folded (NFKC, Traditional to Simplified, lowercase, accents dropped) and cut into
 * tokens: every Chinese character alone, runs of Latin letters (stemmed), runs of digits, and
 * runs of other letters. A query is a list of groups that must all match; a group matches when
 * one of its alternatives (a phrase of tokens) appears in a passage's tokens in order, a Latin or
 * digit token matching any token it begins (`marg` finds `margin`).
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** NFKC, Simplified Chinese, lowercase, without accents: what tokens are cut from. */
export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

const HAN = /^\p{Script=Han}$/u;
const TOKEN = /\p{Script=Han}|[a-z]+|[0-9]+|(?:(?!\p{Script=Han})[^\sa-z0-9\p{P}\p{S}])+/gu;

/**
 * A light English stemmer: plurals, -ing, -ed and a final -e are cut, so "margins" and
 * "margin", "buybacks" and "buyback", "increased" and "increase" give one stem. Only words of
 * four letters or more are touched. What matters is that inflected forms meet, not that the stem
 * is a word (`revenue` -> `revenu`); the index and the query use the same function.
 */
export function stem(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.length > 4 && /(?:[sxz]|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  const undouble = (x: string) => (/([^aeiouls])\1$/.test(x) ? x.slice(0, -1) : x);
  if (s.length > 5 && s.endsWith('ing')) s = undouble(s.slice(0, -3));
  else if (s.length > 4 && s.endsWith('ed')) s = undouble(s.slice(0, -2));
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

/** The tokens of a text (folded, possessive 's dropped, Latin words stemmed). */
export function tokenize(text: string): string[] {
  const folded = fold(text).replace(/['’]s\b/g, '');
  return Array.from(folded.matchAll(TOKEN), (m) => (/^[a-z]/.test(m[0]) ? stem(m[0]) : m[0]));
}

/** Whether a passage token matches a query token: Chinese characters exactly, anything else as a prefix. */
export function tokenMatches(token: string, query: string): boolean {
  return HAN.test(query) ? token === query : token.startsWith(query);
}

/** How many times a phrase occurs in the tokens, in order and adjacent. */
export function countPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (!tokenMatches(tokens[i + k]!, phrase[k]!)) continue outer;
    n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Glossary

/** One entry of content/glossary.yaml, as written. */
export interface GlossaryEntry {
  /** Names of one thing, in any language: a query for any of them finds all of them. */
  readonly terms: readonly string[];
  /** How transcripts mistakenly write it ("EBITDA" heard for "EBITA"): a query for a term finds these too. */
  readonly heard?: readonly string[] | undefined;
}

/** The glossary as search uses it: each entry's terms and mishearings as token phrases. */
export interface CompiledGlossary {
  readonly entries: ReadonlyArray<{ readonly terms: string[][]; readonly heard: string[][] }>;
}

export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  return { entries: entries.map((e) => ({ terms: e.terms.map(tokenize).filter((t) => t.length), heard: (e.heard ?? []).map(tokenize).filter((t) => t.length) })) };
}

// ---------------------------------------------------------------------------------------------
// Queries

/** A query: every group must match; a group matches when any of its phrases does. */
export interface Query {
  readonly groups: ReadonlyArray<{ readonly phrases: string[][]; readonly glossary?: boolean }>;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads a query. Words the user separated by spaces are separate groups; what is written
 * together (a Chinese run such as 净利润, or `88vip`) is one phrase. A glossary term in the query
 * (the longest that fits, across spaces: "free cash flow") becomes one group whose phrases are
 * all the entry's terms and mishearings.
 */
export function parseQuery(raw: string, glossary: CompiledGlossary = { entries: [] }): Query {
  // Tokens with the index of the space-separated chunk they come from.
  const chunks = fold(raw).split(/\s+/).filter(Boolean);
  const tokens: Array<{ t: string; chunk: number }> = chunks.flatMap((c, chunk) => tokenize(c).map((t) => ({ t, chunk })));
  const groups: Array<{ phrases: string[][]; glossary?: boolean }> = [];
  let run: typeof tokens = [];
  const flush = () => {
    if (run.length) groups.push({ phrases: [run.map((x) => x.t)] });
    run = [];
  };
  for (let i = 0; i < tokens.length; ) {
    let best: { len: number; entry: CompiledGlossary['entries'][number] } | undefined;
    for (const entry of glossary.entries) {
      for (const term of entry.terms) {
        if (term.length > (best?.len ?? 0) && i + term.length <= tokens.length && same(term, tokens.slice(i, i + term.length).map((x) => x.t))) best = { len: term.length, entry };
      }
    }
    if (best) {
      flush();
      const phrases = [...best.entry.terms, ...best.entry.heard];
      groups.push({ phrases: phrases.filter((p, k) => phrases.findIndex((q) => same(p, q)) === k), glossary: true });
      i += best.len;
      continue;
    }
    if (run.length && run[run.length - 1]!.chunk !== tokens[i]!.chunk) flush();
    run.push(tokens[i]!);
    i++;
  }
  flush();
  return { groups };
}

/** The query's phrases as plain strings (for highlighting and for asking Pagefind). */
export function queryPhrases(query: Query): string[][] {
  return query.groups.flatMap((g) => g.phrases);
}

// ---------------------------------------------------------------------------------------------
// Matching and ranking

/** A searchable passage: what both the Pagefind path and the bundled records turn into. */
export interface SearchDoc {
  /** Site-relative URL of its element, English edition (`alibaba/fy2025-q2.html#zh-p-12`). */
  readonly url: string;
  readonly tokens: readonly string[];
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

export interface SearchHit extends SearchDoc {
  readonly score: number;
}

/** A passage's relevance to a query: 0 when some group does not match. */
export function scoreDoc(tokens: readonly string[], query: Query): number {
  if (query.groups.length === 0) return 0;
  let total = 0;
  for (const g of query.groups) {
    const n = g.phrases.reduce((sum, p) => sum + countPhrase(tokens, p), 0);
    if (n === 0) return 0;
    total += Math.min(n, 5);
  }
  // Short passages that say it first: a figure before the paragraph that mentions it in passing.
  return Math.round((1000 * total) / (1 + tokens.length / 80));
}

/** Whether a passage passes the filters (each named filter: one of the values). */
export function passes(doc: Pick<SearchDoc, 'filters'>, filters: Readonly<Record<string, readonly string[]>>): boolean {
  return Object.entries(filters).every(([k, v]) => v.length === 0 || v.some((x) => doc.filters[k]?.includes(x)));
}

const KIND_ORDER = ['figure', 'exchange', 'paragraph'];

/** Passages in the order results show: quarter newest first, then relevance, figures first, then URL. */
export function rank(docs: readonly SearchDoc[], query: Query, filters: Readonly<Record<string, readonly string[]>> = {}): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const d of docs) {
    if (!passes(d, filters)) continue;
    const score = scoreDoc(d.tokens, query);
    if (score > 0) hits.push({ ...d, score });
  }
  const kind = (h: SearchDoc) => KIND_ORDER.indexOf(h.filters.kind?.[0] ?? 'paragraph');
  return hits.sort((a, b) => compareCalls(a.filters, b.filters) || b.score - a.score || kind(a) - kind(b) || cmp(a.url, b.url));
}

// Code-unit order, not localeCompare: the same in Node and every browser.
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The order of calls in results: the newest quarter end first, then by company id. rank() orders
 * passages by it first; the offline index numbers its records in it (src/lib/offline-search.ts).
 */
export function compareCalls(a: SearchDoc['filters'], b: SearchDoc['filters']): number {
  return cmp(b.quarter_end?.[0] ?? '', a.quarter_end?.[0] ?? '') || cmp(a.company?.[0] ?? '', b.company?.[0] ?? '');
}

/**
 * The text a record's tokens are made from when it is a paragraph's (its text and translation).
 * The offline index leaves out the tokens of a record whose shown text gives them back this way.
 */
export const recordSource = (meta: SearchDoc['meta']): string => `${meta.text ?? ''}\n${meta.translation ?? ''}`;

/** The call a passage is from, as one string: `company/quarter`. */
export const callOf = (filters: SearchDoc['filters']): string => `${filters.company?.[0] ?? ''}/${filters.quarter?.[0] ?? ''}`;

/** Ranked hits grouped by call (company and quarter), in the order given. */
export function groupByCall<T extends SearchDoc>(hits: readonly T[]): Array<{ readonly key: string; readonly hits: T[] }> {
  const groups: Array<{ key: string; hits: T[] }> = [];
  for (const h of hits) {
    const key = callOf(h.filters);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.hits.push(h);
    else groups.push({ key, hits: [h] });
  }
  return groups;
}
