/**
 * Guidance against outcome: what a call's forecast (a `guidance` record) turned out to be, judged
 * against the figures a later call reports for the same metric, segment and period. Pure: the
 * quarter page's "what they said before", the Outlook's outcome links and the segment page's
 * guidance timeline all come from here.
 *
 * The rule (stated on the page, `guidanceRule` in the i18n table):
 * - a forecast is compared only with a figure of the same metric, segment and period, in the same
 *   unit and, for a growth rate, on the same basis (year over year or quarter over quarter);
 *   otherwise it is "not comparable" (or "no figure stated" when no figure of that metric,
 *   segment and period was reported at all);
 * - a range is "met" when the figure is above it, "in range" within it (bounds included), and
 *   "missed" below it;
 * - a point value is "met" at or above it, within its rounding (0.5% of the value, or 5% when the
 *   forecast was stated as approximate; for percentages 0.05 or 1 point), and "missed" below;
 * - "more than X" is met at or above X; "less than X" (a ceiling, such as a cost) is met at or
 *   below X;
 * - a forecast without a number (a direction only) is not judged, nor one at constant exchange
 *   rates (the figures are reported at actual rates).
 */
import type { Call, Figure, Guidance } from './schema.ts';
import { parseQuarterId, compareQuarters, quarterLabel } from './quarters.ts';
import { formatFigure } from './format.ts';
import { SUMMARY_UI } from './i18n.ts';
import type { Edition } from './paths.ts';

export type Outcome = 'met' | 'in-range' | 'missed' | 'no-figure' | 'not-comparable' | 'direction';

export interface Judgement {
  readonly outcome: Outcome;
  /** The figure the forecast was judged against (also for `not-comparable`, the one that differs). */
  readonly figure?: Figure;
}

/** How far below a point forecast a figure may be and still meet it. */
function tolerance(g: Guidance, point: number): number {
  const about = g.approx === 'about';
  if (g.unit === '%' || g.unit === 'pp') return about ? 1 : 0.05;
  return Math.abs(point) * (about ? 0.05 : 0.005);
}

/** Judges one forecast against the figures reported for its period (any call's figures; only the period's are used). */
export function judge(g: Guidance, figures: readonly Figure[]): Judgement {
  if (g.low === undefined && g.high === undefined) return { outcome: 'direction' };
  // (Figures are reported in the reporting currency; a forecast at constant exchange rates is not comparable with them.)
  if (g.segment === null || g.period === undefined || g.constant_currency) return { outcome: 'not-comparable' };
  const same = figures.filter((f) => f.metric === g.metric && f.segment === g.segment && f.period === g.period);
  if (same.length === 0) return { outcome: 'no-figure' };
  const figure = same.find((f) => f.unit === g.unit && (f.basis ?? null) === (g.basis ?? null));
  if (!figure) return { outcome: 'not-comparable', figure: same[0]! };
  const v = figure.value;
  if (g.approx === 'more-than') return { outcome: v >= (g.low ?? g.high)! ? 'met' : 'missed', figure };
  if (g.approx === 'less-than') return { outcome: v <= (g.high ?? g.low)! ? 'met' : 'missed', figure };
  const low = g.low ?? g.high!;
  const high = g.high ?? g.low!;
  if (low !== high) return { outcome: v > high ? 'met' : v >= low ? 'in-range' : 'missed', figure };
  return { outcome: v >= low - tolerance(g, low) ? 'met' : 'missed', figure };
}

/** Whether a call reports for a period: its own quarter, or its fiscal year when it is the year's last quarter or states full-year figures. */
export function reportsFor(call: Pick<Call, 'quarter' | 'figures'>, period: string): boolean {
  if (period === call.quarter) return true;
  const q = parseQuarterId(call.quarter);
  if (!q || !/^FY\d{4}$/.test(period)) return false;
  return (period === `FY${q.fy}` && q.q === 4) || call.figures.some((f) => f.period === period);
}

/** Stable element ids of a call's guidance records: `guidance-<segment>-<metric>[-<period>]`, numbered when repeated. */
export function guidanceIds(call: Pick<Call, 'guidance'>): string[] {
  const seen = new Map<string, number>();
  return call.guidance.map((g) => {
    const base = `guidance-${g.segment ?? 'unassigned'}-${g.metric}${g.period ? `-${g.period.toLowerCase()}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

const isBefore = (a: string, b: string) => compareQuarters(parseQuarterId(a)!, parseQuarterId(b)!) < 0;

/** A forecast of an earlier call for a period this call reports, with its outcome. */
export interface SaidBefore {
  /** The earlier call's quarter (`FY2025Q1`). */
  readonly quarter: string;
  readonly guidance: Guidance;
  /** The forecast's element id on the earlier call's page. */
  readonly id: string;
  readonly judgement: Judgement;
}

/** What earlier calls of the same company forecast for the periods `call` reports, oldest call first. */
export function saidBefore(call: Pick<Call, 'company' | 'quarter' | 'figures'>, calls: ReadonlyArray<Pick<Call, 'company' | 'quarter' | 'guidance'>>): SaidBefore[] {
  return calls
    .filter((c) => c.company === call.company && isBefore(c.quarter, call.quarter))
    .sort((a, b) => compareQuarters(parseQuarterId(a.quarter)!, parseQuarterId(b.quarter)!))
    .flatMap((c) => {
      const ids = guidanceIds(c);
      return c.guidance.flatMap((g, i) =>
        g.period && reportsFor(call, g.period) ? [{ quarter: c.quarter, guidance: g, id: ids[i]!, judgement: judge(g, call.figures) }] : [],
      );
    });
}

/** The later call that reported for a forecast's period (the first such), and the outcome there. */
export function outcomeOf(g: Guidance, from: Pick<Call, 'company' | 'quarter'>, calls: ReadonlyArray<Pick<Call, 'company' | 'quarter' | 'figures'>>): { quarter: string; judgement: Judgement } | undefined {
  if (!g.period) return undefined;
  const later = calls
    .filter((c) => c.company === from.company && isBefore(from.quarter, c.quarter) && reportsFor(c, g.period!))
    .sort((a, b) => compareQuarters(parseQuarterId(a.quarter)!, parseQuarterId(b.quarter)!))[0];
  return later ? { quarter: later.quarter, judgement: judge(g, later.figures) } : undefined;
}

/** A forecast's value for people: `RMB100bn–110bn`, `>RMB10bn`, `+10% YoY`, or "direction only". */
export function guidanceValue(g: Guidance, edition: Edition): string {
  if ((g.low === undefined && g.high === undefined) || g.unit === undefined) return SUMMARY_UI[edition].directionOnly;
  const one = (value: number, approx?: Guidance['approx']) => formatFigure({ value, unit: g.unit!, ...(approx ? { approx } : {}), ...(g.basis ? { basis: g.basis } : {}) }, edition);
  const low = g.low ?? g.high!;
  const high = g.high ?? g.low!;
  const basis = g.constant_currency ? ` ${SUMMARY_UI[edition].constantCurrency}` : '';
  if (low === high || g.approx === 'more-than' || g.approx === 'less-than') return `${one(g.approx === 'less-than' ? high : low, g.approx)}${basis}`;
  return `${one(low, g.approx)} – ${one(high)}${basis}`;
}

/** The period a forecast is about: `FY2025 Q4`, `FY2026`, else as the call said it (or "period not stated"). */
export function guidancePeriod(g: Pick<Guidance, 'period' | 'about'>, edition: Edition): { text: string; said: boolean } {
  const q = g.period ? parseQuarterId(g.period) : null;
  if (q) return { text: quarterLabel(q, edition), said: false };
  const fy = g.period ? /^FY(\d{4})$/.exec(g.period) : null;
  if (fy) return { text: SUMMARY_UI[edition].fiscalYear(fy[1]!), said: false };
  if (!g.about || g.about === 'unspecified') return { text: SUMMARY_UI[edition].periodNotStated, said: false };
  return { text: g.about, said: true };
}

/** A segment's forecasts, call by call (oldest first), each with its id on its call's page and its outcome if a later call reports the period. */
export function segmentGuidance<C extends Pick<Call, 'company' | 'quarter' | 'guidance' | 'figures'>>(
  calls: readonly C[],
  segment: string,
): Array<{ call: C; items: Array<{ guidance: Guidance; id: string; outcome?: { quarter: string; judgement: Judgement } }> }> {
  return [...calls]
    .sort((a, b) => compareQuarters(parseQuarterId(a.quarter)!, parseQuarterId(b.quarter)!))
    .map((call) => {
      const ids = guidanceIds(call);
      const items = call.guidance.flatMap((guidance, i) => {
        if (guidance.segment !== segment) return [];
        const outcome = outcomeOf(guidance, call, calls);
        return [{ guidance, id: ids[i]!, ...(outcome ? { outcome } : {}) }];
      });
      return { call, items };
    })
    .filter((x) => x.items.length > 0);
}

/** Forward-looking sentences that are not already shown as a forecast (the same sentence of the same paragraph). */
export function otherRemarks<E extends { paragraph: string; text: string }>(remarks: readonly E[], guidance: readonly Guidance[]): E[] {
  const quoted = new Set(guidance.map((g) => `${g.quote.paragraph}|${g.quote.text}`));
  return remarks.filter((r) => ![...quoted].some((q) => q.startsWith(`${r.paragraph}|`) && (r.text.includes(q.slice(q.indexOf('|') + 1)) || q.includes(r.text))));
}
