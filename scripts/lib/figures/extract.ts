/**
 * Figures from one source: every amount or growth rate an executive (or a quoted results
 * announcement) states, with its metric, segment, period, sign and the sentence it is in.
 *
 * A number belongs to the nearest metric term before it in the same sentence, and to the
 * nearest segment name before it in that sentence. With no segment named, a group-wide metric
 * or a word for the whole company makes it the group's, a metric only one segment reports
 * makes it that segment's; otherwise it stays unassigned rather than guessed.
 */
import type { Company, Metric, Paragraph, Source, Speaker, FigureUnit } from '../../../src/lib/schema.ts';
import { quarterId, type FiscalQuarter } from '../../../src/lib/quarters.ts';
import { segmentsActiveIn } from '../../../src/lib/segments.ts';
import { splitSentences } from './sentences.ts';
import { findNumbers, normalizeSameLength, type NumberMention } from './numbers.ts';
import {
  ABOUT,
  CHANGE_BEFORE,
  CONVERSION_BETWEEN,
  DECLINE_AFTER,
  EXCLUDING,
  FROM_BEFORE,
  FULL_YEAR,
  GROUP_WORDS,
  GROWTH_AFTER,
  GROWTH_DOWN,
  GROWTH_UP,
  LESS_THAN,
  LOSS_BEFORE,
  MORE_THAN,
  otherPeriodPattern,
  PART_OF,
  PRIOR_BEFORE,
  QOQ,
} from './cues.ts';

/** A figure as read from one sentence, before figures stated more than once are merged. */
export interface RawFigure {
  readonly period: string;
  readonly segment: string | null;
  readonly metric: string;
  readonly value: number;
  readonly unit: FigureUnit;
  readonly basis?: 'yoy' | 'qoq';
  readonly approx?: 'more-than' | 'about' | 'less-than';
  /** Value of one unit in the last digit written (2,342 亿 -> 1e8; 9.1% -> 0.1), for comparing roundings. */
  readonly precision: number;
  readonly quote: {
    readonly source: string;
    readonly paragraph: string;
    readonly speaker?: string;
    readonly text: string;
    readonly number: string;
    readonly note?: string;
  };
  /** Order of the paragraph in its source, for sorting quotes. */
  readonly order: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a name in normalised text: Latin words whole and with or without a plural s. */
function namePattern(name: string): string {
  const key = normalizeSameLength(name).trim().replace(/\s+/g, ' ');
  if (!/[a-z0-9]/.test(key)) return escapeRe(key).replace(/ /g, '\\s*');
  const words = key.split(' ').map((w) => (/^[a-z]+s$/.test(w) && w.length > 3 ? `${escapeRe(w.slice(0, -1))}s?` : /^[a-z]+$/.test(w) && w.length > 3 ? `${escapeRe(w)}s?` : escapeRe(w)));
  return `(?<![a-z0-9])${words.join('\\s*')}(?![a-z0-9])`;
}

interface Matcher<T> {
  readonly re: RegExp;
  readonly value: T;
}

/** Finds non-overlapping matches, longer names first. */
function findAll<T>(norm: string, matchers: readonly Matcher<T>[]): Array<Span & { value: T }> {
  const hits: Array<Span & { value: T }> = [];
  for (const m of matchers) {
    for (const h of norm.matchAll(m.re)) {
      const span = { start: h.index, end: h.index + h[0].length };
      if (!hits.some((x) => span.start < x.end && x.start < span.end)) hits.push({ ...span, value: m.value });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function matchers<T>(entries: ReadonlyArray<readonly [string, T]>): Matcher<T>[] {
  return [...entries]
    .sort((a, b) => normalizeSameLength(b[0]).length - normalizeSameLength(a[0]).length)
    .map(([name, value]) => ({ re: new RegExp(namePattern(name), 'g'), value }));
}

function lastIndexOf(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) last = m.index;
  return last;
}

export interface ExtractContext {
  readonly company: Company;
  readonly metrics: readonly Metric[];
  readonly quarter: FiscalQuarter;
  /** Month (1-12) in which the quarter ends. */
  readonly endMonth: number;
}

/** Prepares the matchers for a company and quarter once, then reads sources with them. */
export function figureReader(ctx: ExtractContext) {
  const byId = new Map(ctx.metrics.map((m) => [m.id, m]));
  const growthOf = new Map(ctx.metrics.filter((m) => m.growth_of).map((m) => [m.growth_of!, m]));
  const termMatchers = matchers(ctx.metrics.flatMap((m) => m.terms.map((t) => [t, m.id] as const)));
  const segments = segmentsActiveIn(ctx.company.segments, ctx.quarter).filter((s) => s.id !== 'group');
  const segmentMatchers = matchers(
    segments.flatMap((s) => [s.names.en, s.names['zh-Hans'], s.names['zh-Hant'], ...s.aliases].filter((n): n is string => !!n).map((n) => [n, s.id] as const)),
  );
  const companyMatchers = matchers(
    [ctx.company.names.en, ctx.company.names['zh-Hans'], ctx.company.names['zh-Hant'], ...ctx.company.aliases].filter((n): n is string => !!n).map((n) => [n, true] as const),
  );
  const owners = new Map<string, string>();
  for (const s of segments) for (const m of s.metrics) owners.set(m, s.id);
  const otherPeriod = otherPeriodPattern(ctx.endMonth);
  const quarter = quarterId(ctx.quarter);
  const fiscalYear = `FY${ctx.quarter.fy}`;

  /** The metric a transcript names, after the company's aliases (EBITDA heard for EBITA). */
  const resolveMetric = (id: string): { metric: Metric; note?: string } | undefined => {
    const alias = ctx.company.metric_aliases[id];
    const metric = byId.get(alias ?? id);
    if (!metric) return undefined;
    return alias ? { metric, note: `the transcript says ${byId.get(id)?.labels.en ?? id}; read as ${metric.labels.en}, which ${ctx.company.names.en} reports` } : { metric };
  };

  function readSentence(text: string, emit: (f: Omit<RawFigure, 'quote' | 'order'> & { number: string; note?: string }) => void): void {
    const norm = normalizeSameLength(text);
    const numbers = findNumbers(norm);
    if (numbers.length === 0) return;
    const terms = findAll(norm, termMatchers).filter((t) => {
      const metric = byId.get(t.value)!;
      const after = norm.slice(t.end).replace(/^\s+/, '');
      return !metric.not_after.some((w) => after.startsWith(normalizeSameLength(w)));
    });
    if (terms.length === 0) return;
    const segs = findAll(norm, segmentMatchers);
    const inSegment = (i: number) => segs.some((s) => i >= s.start && i < s.end);
    const companyHits = findAll(norm, companyMatchers).filter((h) => !inSegment(h.start));
    const groupWords = [...norm.matchAll(GROUP_WORDS)].map((m) => m.index).filter((i) => !inSegment(i));
    const otherAt = norm.search(otherPeriod);
    const partAt = norm.search(PART_OF);

    let prevEnd = 0;
    let prevMoney: NumberMention | undefined;
    for (const num of numbers) {
      const wasPrevMoney = prevMoney;
      const gapStart = prevEnd;
      prevEnd = num.end;
      prevMoney = num.kind === 'money' ? num : undefined;
      if (num.kind === 'plain' || num.kind === 'pp') continue;
      if ((otherAt >= 0 && num.start > otherAt) || (partAt >= 0 && num.start > partAt)) continue;
      // A second amount right after another is a currency conversion of it.
      if (wasPrevMoney && num.kind === 'money' && CONVERSION_BETWEEN.test(norm.slice(wasPrevMoney.end, num.start))) continue;
      const term = [...terms].reverse().find((t) => t.end <= num.start);
      if (!term) continue;
      const left = norm.slice(Math.max(term.end, gapStart), num.start);
      // "Excluding X, revenue grew 10%" is not the reported measure, wherever the word stands before it.
      if (EXCLUDING.test(norm.slice(0, num.start))) continue;
      const named = resolveMetric(term.value);
      if (!named) continue;

      let metric = named.metric;
      let note = named.note;
      let value: number;
      let unit: FigureUnit;
      let basis: 'yoy' | 'qoq' | undefined;
      let approx: 'more-than' | 'about' | 'less-than' | undefined;
      const tail = norm.slice(Math.max(0, num.start - 16), num.start);
      if (MORE_THAN.test(tail)) approx = 'more-than';
      else if (LESS_THAN.test(tail)) approx = 'less-than';
      else if (ABOUT.test(tail)) approx = 'about';

      if (num.kind === 'percent') {
        const up = lastIndexOf(GROWTH_UP, left);
        const down = lastIndexOf(GROWTH_DOWN, left);
        const after = norm.slice(num.end);
        let sign = 0;
        if (up >= 0 || down >= 0) sign = down > up ? -1 : 1;
        else if (GROWTH_AFTER.test(after)) sign = 1;
        else if (DECLINE_AFTER.test(after)) sign = -1;
        if (sign === 0) continue;
        const growth = growthOf.get(metric.id);
        if (!growth) continue;
        const aliasGrowth = ctx.company.metric_aliases[growth.id];
        metric = aliasGrowth ? byId.get(aliasGrowth) ?? growth : growth;
        value = sign * num.value;
        unit = '%';
        const clauseEnd = norm.slice(num.end).search(/[，,；;。]/);
        basis = QOQ.test(left + norm.slice(num.end, clauseEnd < 0 ? undefined : num.end + clauseEnd)) ? 'qoq' : 'yoy';
      } else {
        // Comparison amounts are found from the previous number on: "…, 去年同期的收入为人民币 926 亿元".
        if (CHANGE_BEFORE.test(left) || PRIOR_BEFORE.test(norm.slice(gapStart, num.start)) || FROM_BEFORE.test(left)) continue;
        if (metric.kind === 'count') {
          // Speech recognition writes "$50 million" for 50 million members; an explicit currency is money.
          if (num.kind === 'money' && !num.bareDollar) continue;
          if (num.kind === 'money') note = `${note ? `${note}; ` : ''}the transcript writes a dollar sign; read as a count`;
          if (num.kind !== 'count' && !num.bareDollar) continue;
          unit = 'count';
        } else {
          if (num.kind !== 'money' || !num.currency) continue;
          if (metric.kind === 'per-share' ? num.value >= 1000 : num.perShare) continue;
          if (metric.currency && num.currency !== metric.currency) continue;
          unit = num.currency;
        }
        value = LOSS_BEFORE.test(left) ? -num.value : num.value;
      }

      // Segment: named before the number in the sentence; else the group, or the segment that alone reports the metric.
      const baseMetric = byId.get(metric.growth_of ?? metric.id) ?? metric;
      const seg = [...segs].reverse().find((s) => s.end <= num.start);
      let segment: string | null;
      if (baseMetric.scope === 'group') segment = 'group';
      else if (seg) segment = seg.value;
      else if (owners.has(baseMetric.id)) segment = owners.get(baseMetric.id)!;
      else if (companyHits.some((h) => h.start < num.start) || groupWords.some((i) => i < num.start)) segment = 'group';
      else segment = null;

      const fullYear = baseMetric.period === 'fiscal-year' || FULL_YEAR.test(norm.slice(0, num.start));
      emit({
        period: fullYear ? fiscalYear : quarter,
        segment,
        metric: metric.id,
        value,
        unit,
        ...(basis ? { basis } : {}),
        ...(approx ? { approx } : {}),
        precision: num.unitValue,
        number: text.slice(num.start, num.end),
        ...(note ? { note } : {}),
      });
    }
  }

  /** Every figure the company's side states in a source. */
  return function read(source: Source, speakers: ReadonlyMap<string, Speaker>): RawFigure[] {
    const out: RawFigure[] = [];
    let order = 0;
    const visit = (p: Paragraph, speaker: string | undefined) => {
      order++;
      if (p.kind === 'footnote') return;
      for (const s of splitSentences(p.text)) {
        readSentence(s.text, ({ number, note, ...f }) =>
          out.push({
            ...f,
            quote: { source: source.key, paragraph: p.id, ...(speaker ? { speaker } : {}), text: s.text, number, ...(note ? { note } : {}) },
            order,
          }),
        );
      }
    };
    for (const p of source.announcement) visit(p, undefined);
    for (const section of source.sections) {
      for (const turn of section.turns) {
        const role = speakers.get(turn.speaker)?.role;
        if (role !== 'executive' && role !== 'investor-relations') {
          order += turn.paragraphs.length;
          continue;
        }
        for (const p of turn.paragraphs) visit(p, turn.speaker);
      }
    }
    return out;
  };
}
