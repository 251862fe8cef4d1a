/**
 * What a quarter page's figures show, computed once for the page: the key figures table's rows
 * with their true changes, whether it needs a quarter-on-quarter column, the quarters changes
 * are computed against, and the revenue-by-segment chart with its comparison quarter.
 */
import type { ChartSpec } from './chart-spec.ts';
import { segmentsOfQuarter } from './charts.ts';
import { changesOf, chartComparison, comparisonCalls, type Basis, type Change } from './compare.ts';
import type { Edition } from './paths.ts';
import { parseQuarterId, quarterLabel } from './quarters.ts';
import type { Call, Company, Metric } from './schema.ts';
import { figurePairs, segmentName, type FigurePair } from './view.ts';

/** A comparison quarter as the page names it. */
export interface AgainstQuarter {
  readonly basis: Basis;
  /** `FY2024 Q2` / `2024财年第二季度`. */
  readonly label: string;
  readonly quarter: string;
}

export interface FigureRow extends FigurePair {
  readonly changes: { readonly [B in Basis]?: Change };
}

export interface KeyFiguresView {
  /** Rows in segment order, then metric order. */
  readonly rows: FigureRow[];
  /** The segments that have rows, in order. */
  readonly segments: string[];
  /** True when some row has a quarter-on-quarter change (stated or computed). */
  readonly showQoq: boolean;
  /** The true comparison quarters the site has (year-ago first). */
  readonly against: AgainstQuarter[];
  /** Revenue by segment, against the chart's comparison quarter when there is one. */
  readonly chart?: { readonly spec: ChartSpec; readonly against?: AgainstQuarter };
}

const label = (quarter: string, edition: Edition) => quarterLabel(parseQuarterId(quarter)!, edition);

/** The figures of `call` as its page shows them; `calls` are the site's calls (any company, any order). */
export function keyFiguresView(call: Call, calls: readonly Call[], company: Company, metrics: readonly Metric[], edition: Edition): KeyFiguresView {
  const comparisons = comparisonCalls(call, calls);
  const pairs = figurePairs(call, metrics, company.segments.map((s) => s.id));
  const rows = pairs.map((p) => ({ ...p, changes: changesOf(p, call.quarter, comparisons) }));
  const against = (['yoy', 'qoq'] as const).flatMap((basis) => {
    const other = comparisons[basis];
    return other ? [{ basis, label: label(other.quarter, edition), quarter: other.quarter }] : [];
  });
  const segmentNames = new Map(company.segments.map((s) => [s.id, segmentName(company, s.id, edition)]));
  const compareWith = chartComparison(comparisons);
  const spec = segmentsOfQuarter(call, compareWith?.call, segmentNames, edition);
  // The chart names its comparison quarter only when it draws it.
  const drawn = spec && compareWith && spec.series.some((s) => s.ref?.quarter === compareWith.call.quarter);
  return {
    rows,
    segments: [...new Set(rows.map((r) => r.segment))],
    showQoq: rows.some((r) => r.changes.qoq),
    against,
    ...(spec ? { chart: { spec, ...(drawn ? { against: against.find((a) => a.basis === compareWith.basis)! } : {}) } } : {}),
  };
}
