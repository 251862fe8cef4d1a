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
/**
 * Precision of a statement for comparing it with others: the last digit written, or for an
 * approximation ("约 800 亿", "approximately RMB 28 billion") the last non-zero digit.
 */
export function effectivePrecision(f: Pick<RawFigure, 'value' | 'precision' | 'approx'>): number {
  let p = f.precision;
  if (f.approx !== 'about') return p;
  const v = Math.abs(f.value);
  while (p * 10 <= v && Number.isInteger(Math.round(v / p) / 10)) p *= 10;
  return p;
}

/** Same figure when the values agree to the precision of the less precise one (9% and 9.1%, 454亿 and 45.4 billion, 约 800 亿 and 797 亿). */
const sameValue = (a: Pick<RawFigure, 'value' | 'unit' | 'precision' | 'approx'>, b: Pick<RawFigure, 'value' | 'unit' | 'precision' | 'approx'>) =>
  a.unit === b.unit && Math.sign(a.value) === Math.sign(b.value) && Math.abs(a.value - b.value) <= Math.max(effectivePrecision(a), effectivePrecision(b)) / 2 + Math.abs(a.value) * 1e-12;

function figureId(f: Pick<RawFigure, 'period' | 'segment' | 'metric' | 'basis'>, quarter: string): string {
  const period = f.period === quarter ? '' : `-${f.period.toLowerCase()}`;
  return `fig-${f.segment ?? 'unassigned'}-${f.metric}${period}${f.basis === 'qoq' ? '-qoq' : ''}`;
}

export interface MergeResult {
  readonly figures: Figure[];
  readonly unassigned: Figure[];
}

/** How well a statement names its entity: by name or group words 2, by context 1, by default 0. */
export function support(f: RawFigure): number {
  const rule = f.quote.rule ?? '';
  if (/entity:(named|group-words|group-metric)/.test(rule)) return 2;
  if (/entity:(context|only-segment|group-before-segments|our)/.test(rule)) return 1;
  return 0;
}

/**
 * Values of one figure that one source states differently: the reader is unsure. The best
 * supported value is kept (marked uncertain) when one is better supported than every other;
 * the rest are set apart. Values from different sources, each stating one, are a dispute.
 */
export function settle(values: readonly RawFigure[][]): { keep: RawFigure[][]; apart: RawFigure[][]; uncertain: boolean } {
  if (values.length < 2) return { keep: [...values], apart: [], uncertain: false };
  const sourcesOf = (g: readonly RawFigure[]) => new Set(g.map((f) => f.quote.source));
  const all = values.flatMap((g) => [...sourcesOf(g)]);
  const oneValuePerSource = all.length === new Set(all).size;
  if (oneValuePerSource) return { keep: [...values], apart: [], uncertain: false };
  // Better supported means its entity is stated more directly; saying it more often does not
  // count. Between equals, a value of the prepared remarks outranks one said only in the Q&A,
  // and a precise value one said only approximately ("大约在2,300万元左右").
  const weight = (f: RawFigure) => support(f) * 4 + (f.qa ? 0 : 2) + (f.approx ? 0 : 1);
  const scored = values.map((g) => ({ g, score: Math.max(...g.map(weight)) }));
  scored.sort((a, b) => b.score - a.score);
  if (scored[0]!.score > scored[1]!.score) return { keep: [scored[0]!.g], apart: scored.slice(1).map((x) => x.g), uncertain: true };
  return { keep: [], apart: [...values], uncertain: true };
}

/**
 * Figures whose segment one statement leaves open take it from another statement of exactly the
 * same amount (in the call's other source, or elsewhere in the same one), when one segment fits;
 * a percentage only when an amount of its own sentence was matched.
 */
export function adoptSegments(sorted: readonly RawFigure[]): { assigned: RawFigure[]; open: RawFigure[] } {
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

  return { assigned, open };
}

/**
 * How many times the revenue it comes from an amount of these metrics can be, at most: a
 * quarter's operating cash flow of RMB 58.4 billion against revenue of RMB 18.6 billion is a slip
 * of scale ("584亿" for "58.4亿"), not a figure.
 */
const AT_MOST_REVENUE: Readonly<Record<string, number>> = {
  gross_profit: 1,
  operating_income: 1,
  non_gaap_operating_income: 1,
  adjusted_ebita: 1,
  adjusted_ebitda: 1,
  operating_cash_flow: 1.5,
  free_cash_flow: 1.5,
  capex: 1.5,
};

/**
 * Amounts larger than the revenue of their entity and period allows (see AT_MOST_REVENUE). When
 * the amount's own margin is stated and puts the revenue ten times or more away from the one
 * stated ("revenue was KRW 830 million, … operating profit was KRW 122.7 billion, an operating
 * margin of 14.8%"), the revenue is the slip and is set apart instead.
 */
export function implausible(raw: readonly RawFigure[], marginOf: ReadonlyMap<string, string> = new Map()): Set<RawFigure> {
  const key = (f: RawFigure) => `${f.segment}|${f.period}|${f.unit}`;
  const revenue = new Map<string, RawFigure[]>();
  for (const f of raw) if (f.metric === 'revenue') revenue.set(key(f), [...(revenue.get(key(f)) ?? []), f]);
  const out = new Set<RawFigure>();
  for (const f of raw) {
    const factor = AT_MOST_REVENUE[f.metric];
    const revs = factor === undefined ? undefined : revenue.get(key(f));
    if (!revs) continue;
    const rev = Math.max(...revs.map((r) => Math.abs(r.value)));
    if (rev <= 0 || Math.abs(f.value) <= factor! * rev) continue;
    const margin = raw.find((m) => m.metric === marginOf.get(f.metric) && m.segment === f.segment && m.period === f.period && m.value > 0);
    const implied = margin ? Math.abs(f.value) / (margin.value / 100) : undefined;
    if (implied !== undefined && implied >= 10 * rev) for (const r of revs) out.add(r);
    else out.add(f);
  }
  // A revenue said twice with the same digits a thousand (or a million) times apart ("$1.02
  // million" in one remark, "$1.02 billion" in another) is a slip of scale in one of them: the
  // smaller is the slip when another amount of the same entity and period is ten times larger
  // than it (segment net income of $188 million against revenue of $1.02 million).
  for (const revs of revenue.values()) {
    for (const small of revs) {
      const larger = revs.find((r) => scaleSlip(small.value, r.value));
      if (!larger) continue;
      const dwarfed = raw.some((g) => g.metric !== 'revenue' && key(g) === key(small) && Math.abs(g.value) >= 10 * Math.abs(small.value) && Math.abs(g.value) <= Math.abs(larger.value));
      if (dwarfed) out.add(small);
    }
  }
  return out;
}

/** `large` is `small` with its digits a thousand, a million or a billion times larger. */
function scaleSlip(small: number, large: number): boolean {
  if (small === 0 || Math.sign(small) !== Math.sign(large)) return false;
  const ratio = large / small;
  return [1e3, 1e6, 1e9].some((r) => Math.abs(ratio - r) <= r * 1e-9);
}

export function mergeFigures(raw: readonly RawFigure[], sourceOrder: readonly string[], quarter: string, company: Company, metrics: readonly Metric[]): MergeResult {
  const tooLarge = implausible(raw, new Map(metrics.filter((m) => m.margin).map((m) => [m.id, m.margin!])));
  const rank = (f: RawFigure) => sourceOrder.indexOf(f.quote.source) * 1e6 + f.order;
  // A bound ("more than RMB 10 billion") is not the value of a financial figure; for counts
  // (users, members) a threshold is how companies report them.
  // An amount said only approximately in an answer ("that's about $125 million") is too loose to
  // be the quarter's figure, unless the same figure is stated elsewhere in the call.
  // (A rate given to a tenth, "光學鏡頭毛利率約35.2%", is precise whatever word hedges it.)
  const loose = (f: RawFigure) => f.qa && f.approx === 'about' && !(f.unit === '%' && !Number.isInteger(f.value)) && !raw.some((g) => g !== f && !g.qa && keyOf(g) === keyOf(f) && sameValue(g, f));
  const sorted = [...raw].filter((f) => (f.unit === 'count' || (f.approx !== 'more-than' && f.approx !== 'less-than')) && !loose(f) && !tooLarge.has(f)).sort((a, b) => rank(a) - rank(b));
  const { assigned, open } = adoptSegments(sorted);

  const setApart: RawFigure[] = [...tooLarge].map((f) => ({ ...f, segment: null, quote: { ...f.quote, note: `${f.quote.note ? `${f.quote.note}; ` : ''}set apart: an amount and the revenue it comes from do not fit together (a slip of scale?)` } }));
  const build = (list: readonly RawFigure[], settleConflicts: boolean): Figure[] => {
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
    for (const all of buckets.values()) {
      const settled = settleConflicts ? settle(all) : { keep: all, apart: [], uncertain: false };
      for (const g of settled.apart) setApart.push(...g.map((f) => ({ ...f, segment: null, quote: { ...f.quote, note: `${f.quote.note ? `${f.quote.note}; ` : ''}set apart: the same source states another value for this figure` } })));
      const values = settled.keep;
      values.forEach((group, i) => {
        const first = group[0]!;
        // The most precise statement gives the value; a bound or approximation only if every statement is one.
        const precise = [...group].sort((a, b) => effectivePrecision(a) - effectivePrecision(b))[0]!;
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
          ...(settled.uncertain ? { uncertain: true } : {}),
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
  const figures = build(assigned, true);
  return { figures, unassigned: build([...open, ...setApart], false) };
}
