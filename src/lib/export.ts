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

/** Every attributed figure of the calls, oldest quarter first, in each call's table order. */
export function figureRecords(calls: readonly Call[]): FigureRecord[] {
  return [...calls]
    .sort((a, b) => a.company.localeCompare(b.company) || a.quarter.localeCompare(b.quarter))
    .flatMap((call) =>
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
  'company', 'quarter', 'period', 'period_end', 'segment', 'metric', 'value', 'unit', 'basis', 'approx', 'disputed', 'quote', 'speaker', 'source', 'paragraph', 'url', 'figure_url',
];

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
  return [COLUMNS.join(','), ...records.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n';
}
