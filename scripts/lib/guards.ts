/**
 * Checks on hostile or careless input that the readers themselves do not make: years a
 * transcript states outside the range the site handles, and where a sidecar states a key.
 */
import { MONTH_NAMES, yearInRange } from '../../src/lib/quarters.ts';
import type { Line } from './text.ts';

const MONTHS = MONTH_NAMES.join('|');
/** Statements of a quarter, period end or date, each capturing its year (any number of digits). */
const YEAR_STATEMENTS: readonly RegExp[] = [
  /\bFY\s?(\d{4,})\s?Q[1-4]\b/i,
  /\bQ[1-4]\s?FY\s?(\d{4,})\b/i,
  new RegExp(`\\b(?:quarter|three months) ended (?:\\d{1,2} )?(?:${MONTHS})(?: \\d{1,2})?,? (\\d{4,})\\b`, 'i'),
  new RegExp(`\\b(?:${MONTHS}) quarter(?: of)?,? (\\d{4,})\\b`, 'i'),
  new RegExp(`\\b(?:${MONTHS}) \\d{1,2},? (\\d{4,})\\b`, 'i'),
  /(\d{4,})\s*年\s*\d{1,2}\s*月/,
  /(\d{4,})\s*(?:财年|財年|财政年度|財政年度)/,
  /\bfiscal (?:year )?(\d{4,})\b/i,
];

export interface YearOutOfRange {
  readonly line: number;
  /** The statement as written, e.g. `quarter ended September 30, 9999`. */
  readonly text: string;
  /** The year as written (it may have hundreds of digits). */
  readonly year: string;
}

/** The first statement of a quarter or date whose year is outside 1900–2200, if any. */
export function yearOutOfRange(lines: readonly Line[]): YearOutOfRange | undefined {
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    for (const re of YEAR_STATEMENTS) {
      const m = re.exec(t);
      if (m && !yearInRange(Number(m[1]))) {
        const year = m[1]!.length > 12 ? `${m[1]!.slice(0, 6)}…(${m[1]!.length} digits)` : m[1]!;
        return { line: l.n, text: m[0].length > 80 ? `${m[0].slice(0, 80)}…` : m[0], year };
      }
    }
  }
  return undefined;
}

/** The 1-based line on which a sidecar (a flat YAML mapping) sets `key`, if it does. */
export function sidecarKeyLine(text: string, key: string | number | symbol | undefined): number | undefined {
  if (typeof key !== 'string' || !/^[\w-]+$/.test(key)) return undefined;
  const re = new RegExp(`^\\s*["']?${key}["']?\\s*:`);
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}
