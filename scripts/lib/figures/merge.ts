/**
 * One record per figure of a call: the same figure said twice (CEO and CFO, or two sources)
 * becomes one record with several quotes; different values for the same figure become
 * records marked disputed, so the page shows the disagreement. A figure whose segment one
 * source leaves open takes it from another source of the call that states the same value,
 * when exactly one segment fits.
 */
import type { Company, Figure, Metric } from '../../../src/lib/schema.ts';
import type { RawFigure } from './extract.ts';

const keyOf = (f: Pick<RawFigure, 'period' | 'segment' | 'metric' | 'basis'>) => `${f.period}|${f.segment ?? '-'}|${f.metric}|${f.basis ?? ''}`;
/** Same figure when the values agree to the precision of the less precise one (9% and 9.1%, 454亿 and 45.4 billion). */
const sameValue = (a: Pick<RawFigure, 'value' | 'unit' | 'precision'>, b: Pick<RawFigure, 'value' | 'unit' | 'precision'>) =>
  a.unit === b.unit && Math.sign(a.value) === Math.sign(b.value) && Math.abs(a.value - b.value) <= Math.max(a.precision, b.precision) / 2 + Math.abs(a.value) * 1e-12;

function figureId(f: Pick<RawFigure, 'period' | 'segment' | 'metric' | 'basis'>, quarter: string): string {
  const period = f.period === quarter ? '' : `-${f.period.toLowerCase()}`;
  return `fig-${f.segment ?? 'unassigned'}-${f.metric}${period}${f.basis === 'qoq' ? '-qoq' : ''}`;
}

export interface MergeResult {
  readonly figures: Figure[];
  readonly unassigned: Figure[];
}

export function mergeFigures(raw: readonly RawFigure[], sourceOrder: readonly string[], quarter: string, company: Company, metrics: readonly Metric[]): MergeResult {
  const rank = (f: RawFigure) => sourceOrder.indexOf(f.quote.source) * 1e6 + f.order;
  const sorted = [...raw].sort((a, b) => rank(a) - rank(b));
  const assigned = sorted.filter((f) => f.segment !== null);
  const open: RawFigure[] = [];
  const adopted = new Map<string, string>();
  const sentenceKey = (f: RawFigure) => `${f.quote.paragraph}|${f.quote.text}`;
  const unsure = sorted.filter((x) => x.segment === null);
  // Assigned figures by exact amount, for the inference below.
  const byAmount = new Map<string, RawFigure[]>();
  const amountKey = (f: RawFigure) => `${f.period}|${f.metric}|${f.unit}|${f.value}`;
  for (const a of assigned) {
    const list = byAmount.get(amountKey(a));
    if (list) list.push(a);
    else byAmount.set(amountKey(a), [a]);
  }
  // Amounts are distinctive enough to match across statements; a percentage is not, unless an
  // amount in its own sentence was matched.
  for (const f of [...unsure.filter((x) => x.unit !== '%'), ...unsure.filter((x) => x.unit === '%')]) {
    let segment: string | undefined;
    let from: string | undefined;
    if (f.unit === '%') {
      segment = adopted.get(sentenceKey(f));
    } else {
      // Inference needs the same number exactly, not merely one that rounds alike.
      const fits = (byAmount.get(amountKey(f)) ?? []).filter((a) => a.quote.paragraph !== f.quote.paragraph);
      const segments = new Set(fits.map((a) => a.segment!));
      if (segments.size === 1) {
        segment = [...segments][0]!;
        from = fits[0]!.quote.source;
        adopted.set(sentenceKey(f), segment);
      }
    }
    if (segment) {
      const note = from && from !== f.quote.source ? `segment from the ${from} source of this call, which states the same value` : 'segment from another statement of the same value in this call';
      assigned.push({ ...f, segment, quote: { ...f.quote, note: f.quote.note ? `${f.quote.note}; ${note}` : note } });
    } else {
      open.push(f);
    }
  }

  const build = (list: readonly RawFigure[]): Figure[] => {
    const buckets = new Map<string, RawFigure[][]>();
    const seen = new Set<string>();
    for (const f of [...list].sort((a, b) => rank(a) - rank(b))) {
      const values = buckets.get(keyOf(f)) ?? [];
      const same = values.find((v) => sameValue(v[0]!, f));
      const quoteKey = `${keyOf(f)}|${f.value}|${f.quote.paragraph}|${f.quote.text}`;
      if (same) {
        if (!seen.has(quoteKey)) same.push(f);
      } else values.push([f]);
      seen.add(quoteKey);
      buckets.set(keyOf(f), values);
    }
    const out: Figure[] = [];
    for (const values of buckets.values()) {
      values.forEach((group, i) => {
        const first = group[0]!;
        // The most precise statement gives the value; a bound or approximation only if every statement is one.
        const precise = [...group].sort((a, b) => a.precision - b.precision)[0]!;
        const approx = group.every((g) => g.approx === first.approx) ? first.approx : undefined;
        out.push({
          id: `${figureId(first, quarter)}${i === 0 ? '' : `-${i + 1}`}`,
          period: first.period,
          segment: first.segment,
          metric: first.metric,
          value: precise.value,
          unit: first.unit,
          ...(first.basis ? { basis: first.basis } : {}),
          ...(approx ? { approx } : {}),
          ...(values.length > 1 && first.segment !== null ? { disputed: true } : {}),
          quotes: group.map((g) => g.quote),
        });
      });
    }
    const segOrder = company.segments.map((s) => s.id);
    const metricOrder = metrics.map((m) => m.id);
    return out.sort(
      (a, b) =>
        segOrder.indexOf(a.segment ?? '') - segOrder.indexOf(b.segment ?? '') ||
        metricOrder.indexOf(a.metric) - metricOrder.indexOf(b.metric) ||
        a.period.localeCompare(b.period) ||
        a.id.localeCompare(b.id),
    );
  };
  return { figures: build(assigned), unassigned: build(open) };
}
