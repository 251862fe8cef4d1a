/**
 * The reader's vocabulary compiled for matching: word lists from `content/reading.yaml`, metric
 * terms from `content/metrics.yaml`, segment and company names from the profile. Every pattern
 * runs on normalised text (see `normalizeSameLength`): Latin entries match whole words, Chinese
 * entries anywhere; longer entries win over shorter ones that overlap them.
 */
import type { Company, Metric, Reading } from '../../../src/lib/schema.ts';
import { segmentsActiveIn } from '../../../src/lib/segments.ts';
import type { FiscalQuarter } from '../../../src/lib/quarters.ts';
import { normalizeSameLength } from './numbers.ts';
import { otherPeriodPattern } from './cues.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}
export type Hit<T> = Span & { readonly value: T; readonly text: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One entry as a pattern: Latin words whole, a plural s optional on longer words, spaces flexible. */
export function entryPattern(entry: string): string {
  const key = normalizeSameLength(entry).trim().replace(/\s+/g, ' ');
  const words = key.split(' ').map((w) => (/^[a-z]{4,}$/.test(w) ? `${escapeRe(w.replace(/s$/, ''))}s?` : escapeRe(w)));
  const body = words.join('[\\s-]*');
  const latinStart = /^[a-z0-9]/.test(key) ? '(?<![a-z0-9])' : '';
  const latinEnd = /[a-z0-9]$/.test(key) ? '(?![a-z0-9])' : '';
  return `${latinStart}${body}${latinEnd}`;
}

/** Text every match of an entry's pattern contains: its longest word (a plural s dropped, as the pattern makes it optional). */
function entryLiteral(entry: string): string {
  const words = normalizeSameLength(entry).trim().split(/\s+/).map((w) => (/^[a-z]{4,}$/.test(w) ? w.replace(/s$/, '') : w));
  return words.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A list of words as one alternation, longest first. */
export function wordsRe(list: readonly string[], flags = ''): RegExp {
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(entryPattern).join('|'), flags);
}

/** Separators of a list of items: "cash, cash equivalents and time deposits", `现金、现金等价物及定期存款`. */
const LIST_JOIN = '\\s*(?:,\\s*(?:and|plus)?|、|及|和|与|以及|加上|\\band\\b|\\bplus\\b|&)\\s*';

/** Two or more of the items joined as a list, as one pattern. */
export function listPattern(items: readonly string[]): RegExp | undefined {
  if (items.length === 0) return undefined;
  const item = `(?:${[...new Set(items)].sort((a, b) => b.length - a.length).map(entryPattern).join('|')})`;
  return new RegExp(`${item}(?:${LIST_JOIN}${item}){1,6}`, 'g');
}

/** A list of phrases matched exactly (no optional plural): "segment" does not match "segments". */
export function exactWordsRe(list: readonly string[]): RegExp {
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  return new RegExp(
    sorted
      .map((entry) => {
        const key = normalizeSameLength(entry).trim().replace(/\s+/g, ' ');
        const body = key.split(' ').map(escapeRe).join('[\\s-]*');
        return `${/^[a-z0-9]/.test(key) ? '(?<![a-z0-9])' : ''}${body}${/[a-z0-9]$/.test(key) ? '(?![a-z0-9])' : ''}`;
      })
      .join('|'),
  );
}

/** Every non-overlapping match of the entries: lists first, then longer entries first. */
export class Finder<T> {
  private readonly entries: ReadonlyArray<{ re: RegExp; value: T; literal?: string }>;
  constructor(entries: ReadonlyArray<readonly [string, T]>, lists: ReadonlyArray<readonly [RegExp, T]> = []) {
    this.entries = [
      ...lists.map(([re, value]) => ({ re, value })),
      ...[...entries]
        .filter(([name]) => normalizeSameLength(name).trim().length > 0)
        .sort((a, b) => normalizeSameLength(b[0]).length - normalizeSameLength(a[0]).length)
        .map(([name, value]) => ({ re: new RegExp(entryPattern(name), 'g'), value, literal: entryLiteral(name) })),
    ];
  }
  /** The latest texts' hits: the reader asks about the same sentence several times. */
  private readonly recent = new Map<string, readonly Hit<T>[]>();
  find(norm: string): Hit<T>[] {
    const known = this.recent.get(norm);
    if (known) return [...known];
    const hits = this.scan(norm);
    if (this.recent.size >= 64) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(norm, hits);
    return [...hits];
  }
  private scan(norm: string): Hit<T>[] {
    const hits: Hit<T>[] = [];
    for (const e of this.entries) {
      // (An entry whose longest word is not in the text cannot match: its pattern is not run.)
      if (e.literal !== undefined && !norm.includes(e.literal)) continue;
      for (const m of norm.matchAll(e.re)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (!hits.some((h) => span.start < h.end && h.start < span.end)) hits.push({ ...span, value: e.value, text: m[0] });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}

/** What a measure word names: a catalogued metric (possibly by its loss term), or a measure the reader does not export. */
export interface Measure {
  /** Metric id; `@margin` for a bare "margin", resolved against the metric before it. */
  readonly metric: string | null;
  readonly loss: boolean;
  /** A generic head noun ("revenue") that a modifier can turn into a line of revenue. */
  readonly head: boolean;
  /** How the metric was read when not by the term alone (`non-GAAP prefix`, `margin of operating_income`). */
  readonly via?: string;
}

export interface Vocabulary {
  readonly forecast: RegExp;
  readonly notForecast: RegExp;
  readonly trailing: RegExp;
  readonly cumulative: RegExp;
  readonly yearToDate: RegExp;
  readonly fullYear: RegExp;
  readonly excluding: RegExp;
  readonly priorBefore: RegExp;
  readonly priorAfter: RegExp;
  readonly changeBefore: RegExp;
  readonly comparisonSentence: RegExp;
  readonly changeOf: RegExp;
  readonly nonGaapPrefix: RegExp;
  readonly nonGaapOpener: RegExp;
  readonly negativeBefore: RegExp;
  readonly shareAfter: RegExp;
  /** Share words in a percentage's own clause before it (`占…的比重`). */
  readonly shareBefore: RegExp;
  readonly partOf: RegExp;
  /** Lines between the segments and the group ("group functions and eliminations", "corporate and other"). */
  readonly reconcilingLines: RegExp;
  readonly perShareAfter: RegExp;
  /** Mentions of a period other than this quarter ("June quarter" in a September-quarter call, "上半财年"). */
  readonly otherPeriod: RegExp;
  /** A fiscal year named by its number ("for fiscal 2025", "in FY25"); the number is the group. */
  readonly namedFiscalYear: RegExp;
  /** The call's own fiscal year, and its quarter. */
  readonly fiscalYear: number;
  readonly fiscalQuarter: number;
  /** The month the call's quarter ends in (1-12). */
  readonly quarterEndMonth: number;
  /** The company's fiscal years are calendar years: "2026 capital expenditures" is fiscal 2026's. */
  readonly calendarYears: boolean;
  /** Segment that alone reports a metric (`cmr`): a figure of it with no segment named is that segment's. */
  readonly owners: ReadonlyMap<string, string>;
  readonly clauseBreaks: RegExp;
  readonly topicOpeners: RegExp;
  readonly topicAfter: RegExp;
  readonly groupWords: RegExp;
  readonly entityMarkers: RegExp;
  /** Entity markers that name a part as a topic (not possessives such as "its"). */
  readonly partTopics: RegExp;
  /** Part words that point back to the current segment ("the segment", "its", `该分部`). */
  readonly segmentAnaphora: RegExp;
  readonly nonGaapBasis: RegExp;
  readonly headModifiers: ReadonlySet<string>;
  readonly fromAllowed: RegExp;
  /** What may follow "sales in" without naming a part: a period, a currency, a manner. */
  readonly inAllowed: RegExp;
  readonly measures: Finder<Measure>;
  readonly segments: Finder<string>;
  readonly company: Finder<true>;
  /** The company reports segments in this quarter (besides the group). */
  readonly hasSegments: boolean;
  /** Segments that are revenue lines: never the topic of what follows. */
  readonly revenueLines: ReadonlySet<string>;
}

export function vocabulary(reading: Reading, metrics: readonly Metric[], company: Company, quarter: FiscalQuarter, endMonth: number, endYear?: number): Vocabulary {
  const heads = new Set(reading.heads.map((h) => normalizeSameLength(h)));
  const allTerms = new Set(metrics.flatMap((m) => [...m.terms, ...m.loss_terms]).map((t) => t.toLowerCase()));
  // A term followed by one of its metric's `not_after` words names something else ("股份回购计划",
  // "repurchase program"): the pair is another measure, and the longer match wins.
  const notAfter = metrics.flatMap((m) =>
    m.terms.flatMap((t) => m.not_after.map((w) => (/\p{Script=Han}$/u.test(t) || /^\p{Script=Han}/u.test(w) ? `${t}${w}` : `${t} ${w}`))).filter((pair) => !allTerms.has(pair.toLowerCase())),
  );
  const measureEntries: Array<readonly [string, Measure]> = [
    ...reading.other_measures.map((t) => [t, { metric: null, loss: false, head: false }] as const),
    ...notAfter.map((t) => [t, { metric: null, loss: false, head: false }] as const),
    ...reading.bare_margin.map((t) => [t, { metric: '@margin', loss: false, head: false }] as const),
    ...metrics.flatMap((m) => [
      ...m.terms.map((t) => [t, { metric: m.id, loss: false, head: heads.has(normalizeSameLength(t)) }] as const),
      ...m.loss_terms.map((t) => [t, { metric: m.id, loss: true, head: false }] as const),
    ]),
  ];
  const segments = segmentsActiveIn(company.segments, quarter).filter((s) => s.id !== 'group');
  // ("Apparel & Gear" is said "Apparel and Gear", and the reverse.)
  const names = (n: { en: string; 'zh-Hans'?: string | undefined; 'zh-Hant'?: string | undefined }, aliases: readonly string[]) =>
    [...new Set([n.en, n['zh-Hans'], n['zh-Hant'], ...aliases].filter((x): x is string => !!x).flatMap((x) => [x, x.replace(/\s+&\s+/g, ' and '), x.replace(/\s+and\s+/g, ' & ')]))];
  return {
    forecast: wordsRe(reading.frames.forecast),
    notForecast: wordsRe(reading.frames.not_forecast),
    trailing: wordsRe(reading.frames.trailing),
    cumulative: wordsRe(reading.frames.cumulative),
    yearToDate: wordsRe(reading.frames.year_to_date),
    fullYear: wordsRe(reading.frames.full_year),
    excluding: wordsRe(reading.frames.excluding),
    priorBefore: wordsRe(reading.prior_before),
    priorAfter: wordsRe(reading.prior_after),
    changeBefore: new RegExp(`(?:${wordsRe(reading.change_before).source})\\s*\\S{0,5}\\s*$`),
    comparisonSentence: new RegExp(`^\\W*(?:${wordsRe(reading.comparison_sentence).source})`),
    changeOf: new RegExp(`(?:${wordsRe(reading.change_of).source})\\s*(?:our|the|its|[a-z]+['’]s)?\\s*$`),
    nonGaapOpener: wordsRe(reading.non_gaap_opener),
    // ("adjusted FIFO operating profit": an inventory basis between the prefix and the measure.)
    nonGaapPrefix: new RegExp(`(?:${wordsRe(reading.non_gaap_prefix).source})\\s*(?:(?:fifo|lifo)\\s+)?$`),
    negativeBefore: wordsRe(reading.negative_before),
    partOf: wordsRe(reading.part_of),
    reconcilingLines: wordsRe(reading.reconciling_lines),
    perShareAfter: new RegExp(`^\\s*(?:${wordsRe(reading.per_share_after).source})`),
    otherPeriod: otherPeriodPattern(endMonth, quarter.q, endYear, quarter.fy),
    // "For fiscal 2025, …", "during fiscal year 2025", "in FY25": a whole fiscal year named by its number.
    namedFiscalYear: /\b(?:for|in|during|over|of|across)\s+(?:the\s+)?(?:full\s+)?(?:fiscal|fy)\s*(?:year\s*)?['’]?(\d{2}|\d{4})\b/g,
    fiscalYear: quarter.fy,
    fiscalQuarter: quarter.q,
    quarterEndMonth: endMonth,
    calendarYears: company.fiscal_year_end === '12-31',
    owners: new Map(segments.flatMap((s) => s.metrics.map((m) => [m, s.id] as const))),
    shareAfter: new RegExp(`^\\s*(?:${wordsRe(reading.share_after).source})`),
    shareBefore: wordsRe(reading.share_before),
    clauseBreaks: wordsRe(reading.clause_breaks),
    topicOpeners: wordsRe(reading.topic_openers),
    topicAfter: wordsRe(reading.topic_after),
    groupWords: wordsRe(reading.group_words),
    entityMarkers: wordsRe(reading.entity_markers),
    partTopics: wordsRe(reading.part_topics),
    segmentAnaphora: exactWordsRe(reading.segment_anaphora),
    nonGaapBasis: wordsRe(reading.non_gaap_basis),
    headModifiers: new Set(reading.head_modifiers.map((w) => normalizeSameLength(w))),
    fromAllowed: new RegExp(`^\\s*from\\s+(?:our\\s+|the\\s+)?(?:${wordsRe(reading.from_allowed).source})`),
    inAllowed: new RegExp(`^\\s*in\\s+(?:${wordsRe(reading.in_allowed).source}|\\d)`),
    measures: new Finder(
      measureEntries,
      metrics.flatMap((m) => {
        const re = listPattern(m.list_items);
        return re ? [[re, { metric: m.id, loss: false, head: false }] as const] : [];
      }),
    ),
    segments: new Finder(segments.flatMap((s) => names(s.names, s.aliases).map((n) => [n, s.id] as const))),
    company: new Finder(names(company.names, company.aliases).map((n) => [n, true] as const)),
    hasSegments: segments.length > 0,
    revenueLines: new Set(segments.filter((s) => s.revenue_line).map((s) => s.id)),
  };
}

/** Positions of every match of a pattern. */
export function positions(re: RegExp, norm: string): Span[] {
  let global = globalOf.get(re);
  if (!global) {
    global = new RegExp(re.source, 'g');
    globalOf.set(re, global);
  }
  return [...norm.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Each pattern's global copy, made once. */
const globalOf = new WeakMap<RegExp, RegExp>();
