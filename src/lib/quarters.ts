/**
 * Fiscal quarters as a value type: parse, format, compare, and convert between a company's
 * fiscal calendar and the calendar quarter a fiscal quarter covers.
 *
 * A fiscal year is named after the calendar year in which it ends (Alibaba's FY2025 ends on
 * 31 March 2025). Quarters end on the last day of a month, three months apart, the fourth on
 * the fiscal year end. Companies whose fiscal quarters end on a weekday (52/53-week years) are
 * not supported.
 */

export interface FiscalQuarter {
  /** Fiscal year, named after the calendar year in which it ends. */
  readonly fy: number;
  /** Quarter of the fiscal year, 1 to 4. */
  readonly q: 1 | 2 | 3 | 4;
}

/** A fiscal year end as month (1-12) and day, e.g. `{ month: 3, day: 31 }` for 31 March. */
export interface FiscalYearEnd {
  readonly month: number;
  readonly day: number;
}

const ID_RE = /^FY(\d{4})Q([1-4])$/;
const SLUG_RE = /^fy(\d{4})-q([1-4])$/;
/** Fiscal years the site handles; anything else in an input is a mistake, reported as such. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Whether a calendar or fiscal year is one the site handles (1900–2200). */
export const yearInRange = (year: number) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

function make(fy: number, q: number): FiscalQuarter {
  if (!yearInRange(fy)) throw new RangeError(`fiscal year out of range: ${fy}`);
  if (q !== 1 && q !== 2 && q !== 3 && q !== 4) throw new RangeError(`quarter out of range: ${q}`);
  return { fy, q };
}

/** Parses the canonical id `FY2025Q2`. Returns null when the text is not one (or its year is outside 1900–2200). */
export function parseQuarterId(id: string): FiscalQuarter | null {
  const m = ID_RE.exec(id);
  return m && yearInRange(Number(m[1])) ? make(Number(m[1]), Number(m[2])) : null;
}

/** Parses a URL slug `fy2025-q2`. Returns null when the text is not one (or its year is outside 1900–2200). */
export function parseQuarterSlug(slug: string): FiscalQuarter | null {
  const m = SLUG_RE.exec(slug);
  return m && yearInRange(Number(m[1])) ? make(Number(m[1]), Number(m[2])) : null;
}

/** Whether `YYYY-MM-DD` is a real calendar date in 1900–2200 (not `2025-99-99` or `2025-02-30`). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return yearInRange(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/** Canonical id, e.g. `FY2025Q2`. */
export function quarterId(fq: FiscalQuarter): string {
  return `FY${fq.fy}Q${fq.q}`;
}

/** URL slug, e.g. `fy2025-q2`. */
export function quarterSlug(fq: FiscalQuarter): string {
  return `fy${fq.fy}-q${fq.q}`;
}

/** Orders quarters oldest first. */
export function compareQuarters(a: FiscalQuarter, b: FiscalQuarter): number {
  return a.fy - b.fy || a.q - b.q;
}

/** The quarter before `fq`. */
export function previousQuarter(fq: FiscalQuarter): FiscalQuarter {
  return fq.q === 1 ? make(fq.fy - 1, 4) : make(fq.fy, fq.q - 1);
}

/** Parses `MM-DD` (as in a company profile) into a fiscal year end. */
export function parseFiscalYearEnd(text: string): FiscalYearEnd | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day !== lastDayOfMonth(2001, month)) return null;
  return { month, day };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date (`YYYY-MM-DD`) on which a fiscal quarter ends. */
export function periodEnd(fq: FiscalQuarter, fye: FiscalYearEnd): string {
  // Count months back from the fiscal year end: Q4 ends on it, Q1 nine months before.
  const monthsBack = 3 * (4 - fq.q);
  const index = fq.fy * 12 + (fye.month - 1) - monthsBack;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, lastDayOfMonth(year, month));
}

/**
 * The fiscal quarter whose period ends in the given calendar month, or null when that month
 * is not a quarter end for this fiscal calendar (e.g. May for a March year end) or the fiscal
 * year would be outside 1900–2200.
 */
export function quarterEndingIn(year: number, month: number, fye: FiscalYearEnd): FiscalQuarter | null {
  const monthsToYearEnd = (((fye.month - month) % 12) + 12) % 12;
  if (monthsToYearEnd % 3 !== 0) return null;
  const q = 4 - monthsToYearEnd / 3;
  const fy = month <= fye.month ? year : year + 1;
  return yearInRange(fy) ? make(fy, q) : null;
}

/** The calendar quarter (`2024Q3`) a fiscal quarter covers. */
export function calendarQuarterLabel(fq: FiscalQuarter, fye: FiscalYearEnd): string {
  return calendarQuarterOf(periodEnd(fq, fye));
}

/** The calendar quarter (`2025Q4`) in which a quarter that ends on this day (`YYYY-MM-DD`) ends. */
export function calendarQuarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${year}Q${Math.ceil(month / 3)}`;
}

const ZH_QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** Short human label: `FY2025 Q2` (en) or `2025财年第二季度` (zh). */
export function quarterLabel(fq: FiscalQuarter, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `${fq.fy}财年${ZH_QUARTER[fq.q]}` : `FY${fq.fy} Q${fq.q}`;
}

/** Compact label for chart axes: `FY25 Q2` (en) or `2025财年Q2` (zh). */
export function quarterShortLabel(fq: FiscalQuarter, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `${fq.fy}财年Q${fq.q}` : `FY${String(fq.fy).slice(2)} Q${fq.q}`;
}

const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** A `YYYY-MM-DD` date for people: `15 November 2024` (en) or `2024年11月15日` (zh). */
export function dateLabel(iso: string, lang: 'en' | 'zh'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** English month names, January first, for parsers that read dates in text. */
export const MONTH_NAMES: readonly string[] = EN_MONTHS;
