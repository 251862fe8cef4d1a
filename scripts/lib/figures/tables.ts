/**
 * Tables pasted into a transcript (a Markdown export's `| Segment | Revenue | YoY |`, or a slide's
 * rows with cells set apart by tabs or runs of spaces): each row read as the sentence it stands
 * for, its quote the row as written. Two shapes: rows of units (segments, "Total") under columns
 * of measures ("Revenue", "Operating profit", "YoY"), and rows of measures under columns of
 * periods ("Q3 2025", "Q3 2024", "Change"), of which only the call's own quarter and the change
 * are read.
 */
import type { FiscalQuarter } from '../../../src/lib/quarters.ts';

const CHANGE = /^(?:yoy|y\/y|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year|change|chg\.?|% change|% chg|growth|Δ|var\.?|variance|同比|变动|變動|增长|增長)(?:\s*%|\s*\(%\))?$/i;
const QOQ = /^(?:qoq|q\/q|q-o-q|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|sequential|环比|環比)(?:\s*%)?$/i;
const PERIOD = /\b(?:q[1-4]|[1-4]q(?:\s*'?\d{2,4})?|h[12]|9m|ytd|fy(?:\s*'?\d{2,4})?|quarter|half|year|(?:19|20)\d\d)\b|季度|财年|財年|年度/i;

/** The currency and scale a header gives its column's bare numbers: "Revenue £m", "Adj. op. profit (€m)", "in SEK million". */
export interface CellUnit {
  readonly currency: string;
  readonly scale: string;
}

export type Column = { kind: 'measure'; name: string; unit?: CellUnit } | { kind: 'change'; basis: 'yoy' | 'qoq'; of?: string } | { kind: 'current' } | { kind: 'other' };

/** A currency and scale in a header: "£m", "(€m)", "in EUR million", "SEK m", "US$ bn". */
const HEADER_UNIT = /(?:^|\s|\()(?:in\s+)?(£|€|¥|\$|US\$|A\$|C\$|HK\$|NT\$|R\$|[A-Z]{3})\s?(m|mn|bn|million|billion)\b\)?/;
/** Growth off the reported basis, never the reported change: "Organic growth", "cc growth", "Underlying". */
const OFF_BASIS_CHANGE = /^(?:organic|underlying|like[- ]for[- ]like|lfl|cc|constant[- ]currency|comparable)(?:\s+(?:growth|change|revenue growth))?(?:\s*%|\s*\(%\))?$/i;
/** The reported change written out: "Reported growth", "Reported change". */
const REPORTED_CHANGE = /^reported(?:\s+(?:growth|change))?(?:\s*%|\s*\(%\))?$/i;

/** The unit a header names, and the header without it. */
function headerUnit(header: string): { name: string; unit?: CellUnit } {
  const m = HEADER_UNIT.exec(header);
  if (!m) return { name: header };
  return { name: (header.slice(0, m.index) + header.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim(), unit: { currency: m[1]!, scale: m[2]! } };
}

/**
 * A header written on two lines ("Revenue   Reported   Adj. op." over "£m   growth   profit £m
 * margin"): the second line, words only, completes the first cell by cell, from the right when
 * it has nothing over the row labels (lines as a transcript keeps them, without their
 * indentation, so cells are matched by count, not by position). Undefined when the line is not
 * such a continuation.
 */
export function continuedHeader(headerLine: string, line: string): string[] | undefined {
  if (/\d/.test(line) || /^\s*\|/.test(headerLine)) return undefined;
  const heads = headerLine.trim().split(/\t+|\s{2,}/);
  const more = line.trim().split(/\t+|\s{2,}/);
  if (heads.length < 3 || (more.length !== heads.length && more.length !== heads.length - 1)) return undefined;
  const offset = heads.length - more.length;
  return heads.map((h, i) => (i >= offset ? `${h} ${more[i - offset]}`.trim() : h));
}

/** Whether a period header names the call's own quarter ("Q3 2025", "3Q25", "Q3 FY26", "Q3"). */
export function isCallQuarter(header: string, quarter: FiscalQuarter): boolean {
  const h = header.toLowerCase();
  const q = /\bq([1-4])\b|\b([1-4])q(?:\s*'?\d{2,4})?\b|\b(first|second|third|fourth) quarter\b/.exec(h);
  if (!q) return false;
  const n = q[1] ? Number(q[1]) : q[2] ? Number(q[2]) : ['first', 'second', 'third', 'fourth'].indexOf(q[3]!) + 1;
  if (n !== quarter.q) return false;
  if (/\b(?:9m|ytd|h[12]|half|nine months|year to date)\b/.test(h)) return false;
  const years = [...h.matchAll(/(?:fy\s*'?|')?(\d{4}|\d{2})\b/g)].map((m) => m[1]!).filter((y) => y !== String(n));
  const fy = String(quarter.fy);
  return years.length === 0 || years.some((y) => y === fy || y === fy.slice(2));
}

/** What each column of a table holds, from its header row. */
export function columns(header: readonly string[], quarter: FiscalQuarter): Column[] {
  const periods = header.slice(1).filter((h) => PERIOD.test(h) && !CHANGE.test(h)).length;
  let lastMeasure: string | undefined;
  // ("in EUR million" over the row labels: the unit of every column that names none.)
  const tableUnit = headerUnit(header[0] ?? '').unit;
  const cols = header.map((raw, i): Column => {
    if (i === 0) return { kind: 'other' } as const;
    const { name: h, unit } = headerUnit(raw);
    if (OFF_BASIS_CHANGE.test(h)) return { kind: 'other' } as const;
    if (REPORTED_CHANGE.test(h)) return { kind: 'change', basis: 'yoy', ...(lastMeasure ? { of: lastMeasure } : {}) } as const;
    if (QOQ.test(h)) return { kind: 'change', basis: 'qoq', ...(lastMeasure ? { of: lastMeasure } : {}) } as const;
    if (CHANGE.test(h)) return { kind: 'change', basis: /环比|環比/.test(h) ? 'qoq' : 'yoy', ...(lastMeasure ? { of: lastMeasure } : {}) } as const;
    if (periods > 0 && PERIOD.test(h)) return isCallQuarter(h, quarter) ? ({ kind: 'current' } as const) : ({ kind: 'other' } as const);
    // ("Adj. EBIT", "Op. profit": a slide's abbreviations, written out.)
    const name = h.replace(/\badj\.?(?=\s)/i, 'adjusted').replace(/\bop\.(?=\s)/i, 'operating').replace(/\*+/g, '').trim();
    lastMeasure = name;
    const cellUnit = unit ?? tableUnit;
    return { kind: 'measure', name, ...(cellUnit ? { unit: cellUnit } : {}) };
  });
  if (periods === 0) return cols;
  // "Q4 FY26 | Q4 FY25 | Change | FY 2026 | FY 2025 | Change": a change column is the change of
  // the period columns since the last change column; only the call's quarter's counts (and a
  // quarter-on-quarter column after it: "Q3 2025 | Q3 2024 | YoY | Q2 2025 | QoQ").
  let groupHasCurrent = false;
  let seenCurrent = false;
  return cols.map((c) => {
    if (c.kind === 'current') groupHasCurrent = seenCurrent = true;
    if (c.kind !== 'change') return c;
    const mine = groupHasCurrent || (c.basis === 'qoq' && seenCurrent);
    groupHasCurrent = false;
    return mine ? c : ({ kind: 'other' } as const);
  });
}

/** "+0.9%" -> "rose 0.9%", "-9.0%" -> "fell 9.0%", "(3.1%)" -> "fell 3.1%". */
function change(cell: string): string | undefined {
  const m = /^([+\-−–]?)\s*\(?\s*(\d[\d.,]*)\s*%\s*\)?$/.exec(cell.trim());
  if (!m) return undefined;
  const down = m[1] === '-' || m[1] === '−' || m[1] === '–' || /^\(/.test(cell.trim());
  return `${down ? 'fell' : 'rose'} ${m[2]}%`;
}

/** A bare number under a header that names its unit, as an amount: "187.4" under "Revenue £m" -> "£187.4m"; "(5.4)" -> "negative £5.4m". */
function withUnit(cell: string, unit: CellUnit): string {
  const m = /^(\()?\s*([+\-−–]?)\s*(\d[\d.,]*)\s*(\))?$/.exec(cell);
  if (!m) return cell;
  const negative = (m[1] && m[4]) || (m[2] && m[2] !== '+');
  const word = /^[A-Z]{3}$/.test(unit.currency);
  const scale = /^(?:m|mn|million)$/i.test(unit.scale) ? (word ? ' million' : 'm') : word ? ' billion' : 'bn';
  return `${negative ? 'negative ' : ''}${unit.currency}${word ? ' ' : ''}${m[3]}${scale}`;
}

/**
 * The sentences a row stands for: "Retail Banking Sweden revenue was SEK 7,410m.", "Retail Banking
 * Sweden revenue rose 0.9% year on year.", or, under period columns, "Operating profit was SEK 8.54bn."
 * Each keeps the cell's number as written, so that its place in the row can be found.
 */
export function rowSentences(cells: readonly string[], cols: readonly Column[]): string[] {
  const label = cells[0]?.replace(/\*+/g, '').trim() ?? '';
  if (!label || !/\p{L}/u.test(label)) return [];
  const out: string[] = [];
  const subject = /^(?:total|group|consolidated|company|合计|合計|总计|總計|集团|集團)$/i.test(label) ? 'Group total' : label;
  const byPeriod = cols.some((c) => c.kind === 'current');
  cells.forEach((raw, i) => {
    const cell = raw.replace(/\*+/g, '').trim();
    const col = cols[i];
    if (i === 0 || !col || !/\d/.test(cell)) return;
    if (col.kind === 'measure') out.push(`${subject} ${col.name.toLowerCase()} was ${col.unit ? withUnit(cell, col.unit) : cell}.`);
    else if (col.kind === 'current') out.push(`${label} was ${cell} in the quarter.`);
    else if (col.kind === 'change') {
      const moved = change(cell);
      const what = byPeriod ? label : col.of ? `${subject} ${col.of.toLowerCase()}` : undefined;
      if (moved && what) out.push(`${what} ${moved} ${col.basis === 'qoq' ? 'quarter on quarter' : 'year on year'}.`);
    }
  });
  return out;
}
