/**
 * Chart specs from calls: a metric of a segment across quarters (amount as bars, growth as a
 * line on a second axis), the segments of one quarter, and topics over time. Quarters the site
 * has no call for stay on the axis with no value, so a series is never drawn as continuous
 * when it is not.
 */
import type { ChartSeries, ChartSpec } from './chart-spec.ts';
import { CURRENCIES } from './currencies.ts';
import { CHART_UI } from './i18n.ts';
import type { Edition } from './paths.ts';
import { compareQuarters, parseQuarterId, quarterId, quarterLabel, quarterShortLabel, type FiscalQuarter } from './quarters.ts';
import type { Call, Figure, Metric, Topic } from './schema.ts';

/**
 * Scale and label of amounts in charts: billions in English, 亿 in Chinese, in the figures' own
 * currency as the currency table writes it (`€ bn`, `亿欧元`; `RMB bn`, `亿元`; `亿新台币`).
 */
export function amountScale(unit: string, edition: Edition): { scale: number; label: string } {
  if (unit === 'count') return edition === 'zh' ? { scale: 1e4, label: '万' } : { scale: 1e6, label: 'million' };
  const def = CURRENCIES.find((c) => c.code === unit);
  if (edition === 'en') return { scale: 1e9, label: `${def ? def.en.trim() : unit} bn` };
  // (A currency written around the number, 人民币 …元 or 新台币 …元: renminbi is 元, another its name.)
  const zh = !def ? unit : def.zh[1] === '元' && def.code !== 'CNY' && def.zh[0].trim() ? def.zh[0].trim() : def.zh[1];
  return { scale: 1e8, label: `亿${zh}` };
}

/** Every fiscal quarter from the first to the last call, in order. */
export function quarterRange(calls: readonly Pick<Call, 'quarter'>[]): FiscalQuarter[] {
  const qs = calls.map((c) => parseQuarterId(c.quarter)!).sort(compareQuarters);
  if (qs.length === 0) return [];
  const out: FiscalQuarter[] = [];
  let q = qs[0]!;
  const last = qs[qs.length - 1]!;
  while (compareQuarters(q, last) <= 0) {
    out.push(q);
    q = q.q === 4 ? { fy: q.fy + 1, q: 1 } : { fy: q.fy, q: (q.q + 1) as 1 | 2 | 3 | 4 };
  }
  return out;
}

function quarterFigure(call: Call | undefined, segment: string, metric: string, basis?: 'yoy'): Figure | undefined {
  return call?.figures.find((f) => f.segment === segment && f.metric === metric && f.period === call.quarter && !f.disputed && (basis === undefined || f.basis === basis));
}

const label = (m: Metric | undefined, edition: Edition) => (m ? (edition === 'zh' ? m.labels['zh-Hans'] : m.labels.en) : '');

/**
 * A company's trend charts: each group metric the catalogue flags (`company_chart`), in its
 * order, that the company's calls state in at least two quarters.
 */
export function companyTrends(calls: readonly Call[], metrics: readonly Metric[], edition: Edition): Array<{ id: string; label: string; spec: ChartSpec }> {
  const flagged = metrics.filter((m) => m.company_chart).sort((a, b) => a.company_chart!.order - b.company_chart!.order);
  return flagged.flatMap((m) => {
    const spec = metricTrend(calls, 'group', m, metrics, edition);
    return spec ? [{ id: m.company_chart!.id, label: label(m, edition), spec }] : [];
  });
}

/**
 * A metric of a segment across the quarters: bars for the amount, a line for its growth.
 * Returns undefined unless the amount or the growth is stated in at least two quarters.
 */
export function metricTrend(calls: readonly Call[], segment: string, metric: Metric, metrics: readonly Metric[], edition: Edition): ChartSpec | undefined {
  const axis = quarterRange(calls);
  const byQuarter = new Map(calls.map((c) => [c.quarter, c]));
  const growth = metrics.find((m) => m.growth_of === metric.id);
  const levels = axis.map((q) => quarterFigure(byQuarter.get(quarterId(q)), segment, metric.id));
  // The line is the year-on-year growth each call states; a quarter-on-quarter rate is another series, never mixed in.
  const rates = axis.map((q) => (growth ? quarterFigure(byQuarter.get(quarterId(q)), segment, growth.id, 'yoy') : undefined));
  const unit = levels.find((f) => f)?.unit;
  const sameUnit = levels.every((f) => !f || f.unit === unit);
  const stated = (xs: ReadonlyArray<Figure | undefined>) => xs.filter(Boolean).length;
  if (Math.max(sameUnit ? stated(levels) : 0, stated(rates)) < 2) return undefined;
  const series: ChartSeries[] = [];
  if (unit && sameUnit && stated(levels) > 0) {
    const { scale, label: unitLabel } = amountScale(unit, edition);
    series.push({ label: label(metric, edition), kind: 'bar', axis: 'left', unit, unitLabel, scale, values: levels.map((f) => (f ? f.value / scale : null)), color: '--chart-1', ref: { metric: metric.id, segment } });
  }
  if (growth && stated(rates) > 0) {
    series.push({ label: label(growth, edition), kind: 'line', axis: series.length ? 'right' : 'left', unit: '%', unitLabel: '%', scale: 1, values: rates.map((f) => f?.value ?? null), color: '--chart-2', ref: { metric: growth.id, segment } });
  }
  const leftUnit = series[0]!.unit === '%' ? '%' : series[0]!.unitLabel;
  return {
    labels: axis.map((q) => quarterShortLabel(q, edition)),
    categories: axis.map((q) => ({ quarter: quarterId(q) })),
    series,
    leftTitle: leftUnit,
    ...(series.length > 1 ? { rightTitle: CHART_UI[edition].growthAxis } : {}),
    locale: edition === 'zh' ? 'zh-Hans' : 'en',
  };
}

/**
 * One quarter's segments: revenue this quarter and, when given, in the quarter it is compared
 * with (only ever the true previous or year-ago quarter: see compare.ts).
 */
export function segmentsOfQuarter(
  call: Call,
  previous: Call | undefined,
  segmentNames: ReadonlyMap<string, string>,
  edition: Edition,
): ChartSpec | undefined {
  // The currency is the figures' own: the one most of this quarter's segment revenues are stated in.
  const units = [...segmentNames.keys()].flatMap((id) => {
    const u = id === 'group' ? undefined : quarterFigure(call, id, 'revenue')?.unit;
    return u && u !== '%' && u !== 'pp' && u !== 'count' ? [u] : [];
  });
  const currency = units.sort((a, b) => units.filter((u) => u === b).length - units.filter((u) => u === a).length || a.localeCompare(b))[0];
  if (!currency) return undefined;
  const segs = [...segmentNames.keys()].filter((id) => id !== 'group' && quarterFigure(call, id, 'revenue')?.unit === currency);
  if (segs.length < 2) return undefined;
  const { scale, label: unitLabel } = amountScale(currency, edition);
  const here = parseQuarterId(call.quarter)!;
  const series: ChartSeries[] = [
    { label: quarterLabel(here, edition), kind: 'bar', axis: 'left', unit: currency, unitLabel, scale, values: segs.map((id) => quarterFigure(call, id, 'revenue')!.value / scale), color: '--chart-1', ref: { metric: 'revenue', quarter: call.quarter } },
  ];
  if (previous && segs.some((id) => quarterFigure(previous, id, 'revenue')?.unit === currency)) {
    series.push({
      label: quarterLabel(parseQuarterId(previous.quarter)!, edition),
      kind: 'bar',
      axis: 'left',
      unit: currency,
      unitLabel,
      scale,
      values: segs.map((id) => {
        const f = quarterFigure(previous, id, 'revenue');
        return f?.unit === currency ? f.value / scale : null;
      }),
      color: '--chart-3',
      ref: { metric: 'revenue', quarter: previous.quarter },
    });
  }
  return { labels: segs.map((id) => segmentNames.get(id)!), categories: segs.map((segment) => ({ segment })), series, leftTitle: unitLabel, locale: edition === 'zh' ? 'zh-Hans' : 'en' };
}

/** Calls with fewer transcript paragraphs than this are too short to compare topic shares. */
export const MIN_TOPIC_PARAGRAPHS = 20;

/**
 * Share of each call's paragraphs that mention each topic, one group of bars per call (the
 * calls are not a continuous series, so no lines join them). Calls with fewer than
 * MIN_TOPIC_PARAGRAPHS paragraphs are left out; `skipped` names them.
 */
export function topicsOverTime(calls: readonly Call[], topics: readonly Topic[], edition: Edition): { spec: ChartSpec; skipped: string[] } | undefined {
  const usable = calls
    .filter((c) => c.topic_mentions && c.topic_mentions.paragraphs >= MIN_TOPIC_PARAGRAPHS)
    .sort((a, b) => compareQuarters(parseQuarterId(a.quarter)!, parseQuarterId(b.quarter)!));
  const skipped = calls.filter((c) => !usable.includes(c)).map((c) => quarterLabel(parseQuarterId(c.quarter)!, edition));
  if (usable.length < 2) return undefined;
  const share = (c: Call, t: Topic) => Math.round(((c.topic_mentions!.counts[t.id] ?? 0) / c.topic_mentions!.paragraphs) * 1000) / 10;
  const total = (t: Topic) => usable.reduce((n, c) => n + share(c, t), 0);
  // The topics mentioned most first; beyond six colours the rest start hidden (the table has them all).
  const ranked = [...topics].sort((a, b) => total(b) - total(a));
  const colors = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];
  return {
    skipped,
    spec: {
      labels: usable.map((c) => quarterShortLabel(parseQuarterId(c.quarter)!, edition)),
      categories: usable.map((c) => ({ quarter: c.quarter })),
      series: ranked.map((t, i) => ({
        label: edition === 'zh' ? t.labels['zh-Hans'] : t.labels.en,
        kind: 'bar' as const,
        axis: 'left' as const,
        unit: '% of paragraphs',
        unitLabel: '%',
        scale: 1,
        values: usable.map((c) => share(c, t)),
        color: colors[i % colors.length]!,
        ...(i >= colors.length ? { hidden: true } : {}),
        ref: { metric: `topic:${t.id}` },
      })),
      leftTitle: CHART_UI[edition].topicsAxis,
      locale: edition === 'zh' ? 'zh-Hans' : 'en',
    },
  };
}
