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

export type Column = { kind: 'measure'; name: string } | { kind: 'change'; basis: 'yoy' | 'qoq'; of?: string } | { kind: 'current' } | { kind: 'other' };

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
  const cols = header.map((h, i): Column => {
    if (i === 0) return { kind: 'other' } as const;
    if (QOQ.test(h)) return { kind: 'change', basis: 'qoq', ...(lastMeasure ? { of: lastMeasure } : {}) } as const;
    if (CHANGE.test(h)) return { kind: 'change', basis: /环比|環比/.test(h) ? 'qoq' : 'yoy', ...(lastMeasure ? { of: lastMeasure } : {}) } as const;
    if (periods > 0 && PERIOD.test(h)) return isCallQuarter(h, quarter) ? ({ kind: 'current' } as const) : ({ kind: 'other' } as const);
    // ("Adj. EBIT", "Op. profit": a slide's abbreviations, written out.)
    const name = h.replace(/\badj\.?(?=\s)/i, 'adjusted').replace(/\bop\.(?=\s)/i, 'operating').replace(/\*+/g, '').trim();
    lastMeasure = name;
    return { kind: 'measure', name } as const;
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
    if (col.kind === 'measure') out.push(`${subject} ${col.name.toLowerCase()} was ${cell}.`);
    else if (col.kind === 'current') out.push(`${label} was ${cell} in the quarter.`);
    else if (col.kind === 'change') {
      const moved = change(cell);
      const what = byPeriod ? label : col.of ? `${subject} ${col.of.toLowerCase()}` : undefined;
      if (moved && what) out.push(`${what} ${moved} ${col.basis === 'qoq' ? 'quarter on quarter' : 'year on year'}.`);
    }
  });
  return out;
}
