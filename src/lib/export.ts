/**
 * The data export: every figure of every call as flat records (`data/figures.json`,
 * `data/figures.csv`) and each call's whole summary (`data/<company>/<quarter>.json`).
 * URLs are relative to the site root, e.g. `alibaba/fy2025-q2.html#zh-p-48`.
 */
import type { Call } from './schema.ts';
import { parseQuarterId, quarterSlug } from './quarters.ts';

/** One figure as exported. */
export interface FigureRecord {
  company: string;
  quarter: string;
  period: string;
  period_end: string;
  segment: string;
  metric: string;
  value: number;
  unit: string;
  basis: string | null;
  approx: string | null;
  disputed: boolean;
  /** `quarter` for this quarter's actuals, `full-year` for the fiscal year's. */
  frame: 'quarter' | 'full-year';
  /** The reading rules that produced the figure (README, "How figures are read"). */
  rule: string | null;
  /** The same source also states another value; this one is better supported. */
  uncertain: boolean;
  quote: string;
  speaker: string | null;
  source: string;
  paragraph: string;
  url: string;
  figure_url: string;
}

/** The site path of a call's page in the English edition. */
export function callPage(call: Pick<Call, 'company' | 'quarter'>): string {
  return `${call.company}/${quarterSlug(parseQuarterId(call.quarter)!)}.html`;
}

/** Calls by company, then oldest quarter first: the order of every export. */
function byCall(calls: readonly Call[]): Call[] {
  return [...calls].sort((a, b) => a.company.localeCompare(b.company) || a.quarter.localeCompare(b.quarter));
}

/** Every attributed figure of the calls, oldest quarter first, in each call's table order. */
export function figureRecords(calls: readonly Call[]): FigureRecord[] {
  return byCall(calls).flatMap((call) =>
      call.figures.map((f) => {
        const q = f.quotes[0]!;
        const source = call.sources.find((s) => s.key === q.source)!;
        return {
          company: call.company,
          quarter: call.quarter,
          period: f.period,
          period_end: call.period_end,
          segment: f.segment!,
          metric: f.metric,
          value: f.value,
          unit: f.unit,
          basis: f.basis ?? null,
          approx: f.approx ?? null,
          disputed: f.disputed ?? false,
          frame: f.period === call.quarter ? ('quarter' as const) : ('full-year' as const),
          rule: q.rule ?? null,
          uncertain: f.uncertain ?? false,
          quote: q.text,
          speaker: q.speaker ?? null,
          source: source.file,
          paragraph: q.paragraph,
          url: `${callPage(call)}#${q.paragraph}`,
          figure_url: `${callPage(call)}#${f.id}`,
        };
      }),
    );
}

const COLUMNS: ReadonlyArray<keyof FigureRecord> = [
  'company', 'quarter', 'period', 'period_end', 'segment', 'metric', 'value', 'unit', 'basis', 'approx', 'disputed', 'frame', 'rule', 'uncertain', 'quote', 'speaker', 'source', 'paragraph', 'url', 'figure_url',
];

/** One forecast or target as exported (`data/guidance.json`). */
export interface GuidanceRecord {
  company: string;
  /** The call that gave it. */
  quarter: string;
  segment: string | null;
  metric: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  approx: string | null;
  /** For a growth rate: `yoy` or `qoq`. */
  basis: string | null;
  /** Stated at constant exchange rates, not on the reported basis. */
  constant_currency: boolean;
  /** The period it is about, as the call says it. */
  about: string;
  /** That period as a fiscal quarter or year (`FY2025Q4`, `FY2026`), when the reader can tell. */
  period: string | null;
  quote: string;
  speaker: string | null;
  rule: string | null;
  url: string;
}

/** Every forecast and target of the calls, oldest call first. */
export function guidanceRecords(calls: readonly Call[]): GuidanceRecord[] {
  return byCall(calls).flatMap((call) =>
      call.guidance.map((g) => ({
        company: call.company,
        quarter: call.quarter,
        segment: g.segment,
        metric: g.metric,
        low: g.low ?? null,
        high: g.high ?? null,
        unit: g.unit ?? null,
        approx: g.approx ?? null,
        basis: g.basis ?? null,
        constant_currency: g.constant_currency ?? false,
        about: g.about,
        period: g.period ?? null,
        quote: g.quote.text,
        speaker: g.quote.speaker ?? null,
        rule: g.quote.rule ?? null,
        url: `${callPage(call)}#${g.quote.paragraph}`,
      })),
    );
}

const GUIDANCE_COLUMNS: ReadonlyArray<keyof GuidanceRecord> = ['company', 'quarter', 'segment', 'metric', 'low', 'high', 'unit', 'approx', 'basis', 'constant_currency', 'about', 'period', 'quote', 'speaker', 'rule', 'url'];

/** The guidance records as CSV, written like `figuresCsv`. */
export function guidanceCsv(records: readonly GuidanceRecord[]): string {
  return toCsv(GUIDANCE_COLUMNS, records);
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return, or their full-width forms) gets a leading `'`, as OWASP's
 * CSV injection guidance advises; numbers are written as they are.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r＝＋－＠]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 without a byte-order mark; text cells that would start a formula get a leading `'`. */
export function figuresCsv(records: readonly FigureRecord[]): string {
  return toCsv(COLUMNS, records);
}

function toCsv<T>(columns: ReadonlyArray<keyof T>, records: readonly T[]): string {
  return [columns.join(','), ...records.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n';
}
