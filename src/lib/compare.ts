/**
 * True comparisons between calls. A call is compared with another only when that call is the
 * immediately preceding fiscal quarter (quarter on quarter) or the same fiscal quarter a year
 * earlier (year on year); "the previous call on the site" may be a year or more away and is
 * never a basis. What the call itself states (its growth rates) comes first; a change is
 * computed only where the call states none, and only when it means something: never a
 * percentage change of a negative value or from a negative or zero base, never a difference
 * of two growth rates.
 */
import { parseQuarterId, previousQuarter, quarterId, yearInRange } from './quarters.ts';
import type { Figure } from './schema.ts';

/** Year on year or quarter on quarter. */
export type Basis = 'yoy' | 'qoq';

/** Whether `there` is the quarter before `here` (`qoq`), the same quarter a year earlier (`yoy`), or neither. */
export function relation(here: string, there: string): Basis | undefined {
  const a = parseQuarterId(here);
  const b = parseQuarterId(there);
  if (!a || !b) return undefined;
  if (b.q === a.q && b.fy === a.fy - 1) return 'yoy';
  // The quarter before FY1900 Q1 is outside the years the site handles.
  if (a.q === 1 && !yearInRange(a.fy - 1)) return undefined;
  return quarterId(previousQuarter(a)) === there ? 'qoq' : undefined;
}

/** The calls a call is compared with, by basis: only the true previous quarter and the true year-ago quarter. */
export type Comparisons<T> = { readonly [B in Basis]?: T };

/** Among a company's calls, the one of the preceding quarter and the one of the same quarter a year earlier, when the site has them. */
export function comparisonCalls<T extends { readonly quarter: string; readonly company: string }>(call: T, calls: readonly T[]): Comparisons<T> {
  const out: { [B in Basis]?: T } = {};
  for (const other of calls) {
    if (other.company !== call.company) continue;
    const r = relation(call.quarter, other.quarter);
    if (r) out[r] ??= other;
  }
  return out;
}

/** Why a change is not computed; shown to nobody, but tested and kept honest. */
export type Refusal = 'growth-rate' | 'unit' | 'period' | 'approximate' | 'disputed' | 'sign';

/** A computed change: `%` for amounts and counts, `pp` (percentage points) for ratios such as margins. */
export interface ComputedValue {
  readonly unit: '%' | 'pp';
  readonly value: number;
}

/**
 * The change from `then` to `now`, two statements of the same level figure (amount, count,
 * per-share amount, or a ratio such as a margin), or why there is none.
 * - A growth rate is not a level: the difference of two growth rates is not a change.
 * - An amount changes by a percentage only when both values are positive.
 * - A ratio changes by percentage points (negative margins included).
 * - Both must be exact (no "more than", no "about"), undisputed, in the same unit, and each
 *   the figure of its own quarter (`nowQuarter`, `thenQuarter`).
 */
export function computeChange(now: Figure, nowQuarter: string, then: Figure, thenQuarter: string): ComputedValue | { readonly refused: Refusal } {
  if (now.basis || then.basis || now.unit === 'pp' || then.unit === 'pp') return { refused: 'growth-rate' };
  if (now.unit !== then.unit) return { refused: 'unit' };
  if (now.period !== nowQuarter || then.period !== thenQuarter) return { refused: 'period' };
  if (now.approx || then.approx) return { refused: 'approximate' };
  if (now.disputed || then.disputed) return { refused: 'disputed' };
  if (now.unit === '%') return { unit: 'pp', value: round1(now.value - then.value) };
  if (now.value <= 0 || then.value <= 0) return { refused: 'sign' };
  return { unit: '%', value: round1(((now.value - then.value) / then.value) * 100) };
}

const round1 = (x: number) => Math.round(x * 10) / 10 || 0;

/** A change shown beside a figure: the one the call states, or one computed against a true comparison call. */
export type Change =
  | { readonly kind: 'stated'; readonly basis: Basis; readonly figure: Figure }
  | { readonly kind: 'computed'; readonly basis: Basis; readonly change: ComputedValue; readonly against: Figure; readonly quarter: string };

/** A figure of a call as a pair: its level (amount or ratio) and the growth rates the call states for it. */
export interface StatedFigure {
  readonly segment: string;
  readonly metric: string;
  readonly level?: Figure | undefined;
  readonly yoy?: Figure | undefined;
  readonly qoq?: Figure | undefined;
}

/** The same level figure in another call: same segment and metric, that call's own quarter, no growth basis. */
export function sameFigure(call: { readonly quarter: string; readonly figures: readonly Figure[] }, level: Figure): Figure | undefined {
  return call.figures.find((f) => f.segment === level.segment && f.metric === level.metric && !f.basis && f.period === call.quarter);
}

/**
 * The year-on-year and quarter-on-quarter change of a figure: the growth rate the call states
 * for that basis, else a change computed against the true comparison call of that basis (when
 * there is one and the change means something), else nothing.
 */
export function changesOf(
  figure: StatedFigure,
  quarter: string,
  comparisons: Comparisons<{ readonly quarter: string; readonly figures: readonly Figure[] }>,
): { [B in Basis]?: Change } {
  const out: { [B in Basis]?: Change } = {};
  for (const basis of ['yoy', 'qoq'] as const) {
    const stated = figure[basis];
    if (stated) {
      out[basis] = { kind: 'stated', basis, figure: stated };
      continue;
    }
    const other = comparisons[basis];
    if (!figure.level || !other) continue;
    const then = sameFigure(other, figure.level);
    if (!then) continue;
    const change = computeChange(figure.level, quarter, then, other.quarter);
    if ('refused' in change) continue;
    out[basis] = { kind: 'computed', basis, change, against: then, quarter: other.quarter };
  }
  return out;
}

/**
 * The quarter a chart of one quarter's figures is drawn against: the same quarter a year
 * earlier when the site has it (growth rates in calls are mostly year on year, and a year
 * apart there is no season between), else the preceding quarter, else none.
 */
export function chartComparison<T>(comparisons: Comparisons<T>): { readonly basis: Basis; readonly call: T } | undefined {
  if (comparisons.yoy) return { basis: 'yoy', call: comparisons.yoy };
  if (comparisons.qoq) return { basis: 'qoq', call: comparisons.qoq };
  return undefined;
}
