/**
 * The headline strip (src/lib/headline.ts) is chosen by the metric catalogue: the group's
 * headline metrics in the catalogue's order, and each segment's first stated headline metric.
 */
import { describe, expect, it } from 'vitest';
import { headlineStrip } from '../src/lib/headline.ts';
import type { Call, Figure } from '../src/lib/schema.ts';
import { metrics } from './helpers.ts';

function fig(segment: string, metric: string, value: number, unit: Figure['unit'] = 'USD', extra: Partial<Figure> = {}): Figure {
  return { id: `fig-${segment}-${metric}`, period: 'FY2025Q3', segment, metric, value, unit, quotes: [{ source: 'en', paragraph: 'en-p-1', text: 'x', number: 'x', rule: 'x' }], ...extra } as Figure;
}
/** Only the quarter and the figures matter to the strip. */
const callOf = (figures: Figure[]) => ({ quarter: 'FY2025Q3', figures }) as unknown as Call;
const shown = (pairs: ReadonlyArray<{ segment: string; metric: string }>) => pairs.map((p) => `${p.segment}:${p.metric}`);

describe('the headline strip', () => {
  it('shows a software company its revenue, operating income (GAAP and non-GAAP), net income, free cash flow and capex, in that order', () => {
    const call = callOf([
      fig('group', 'capex', 2e9),
      fig('group', 'free_cash_flow', 5e9),
      fig('group', 'net_income', -1e8),
      fig('group', 'non_gaap_operating_income', 3e9),
      fig('group', 'operating_income', 1e9),
      fig('group', 'revenue_yoy_pct', 4.1, '%', { basis: 'qoq' }),
      fig('group', 'revenue', 12e9),
      fig('group', 'net_cash', 40e9),
      fig('group', 'diluted_eps', 1.2),
      fig('group', 'gross_margin_pct', 70, '%'),
    ]);
    const strip = headlineStrip(call, metrics(), ['group']);
    expect(shown(strip.group)).toEqual(['group:revenue', 'group:operating_income', 'group:non_gaap_operating_income', 'group:net_income', 'group:free_cash_flow', 'group:capex']);
    // The stated growth travels with its amount, by basis; a loss is shown as the call states it.
    expect(strip.group[0]).toMatchObject({ qoq: { value: 4.1 }, level: { value: 12e9 } });
    expect(strip.group[0]!.yoy).toBeUndefined();
    expect(strip.group[3]!.level!.value).toBe(-1e8);
    expect(strip.segments).toEqual([]);
  });

  it("gives each segment its revenue, else the next headline metric it states, and leaves out segments that state none", () => {
    const call = callOf([
      fig('group', 'revenue', 236e9, 'CNY'),
      fig('ecommerce', 'cmr', 78e9, 'CNY'),
      fig('ecommerce', 'adjusted_ebita', 10e9, 'CNY'),
      fig('cloud', 'revenue_yoy_pct', 26, '%', { basis: 'yoy' }),
      fig('cloud', 'cmr', 1e9, 'CNY'),
      fig('logistics', 'adjusted_ebita', 1e9, 'CNY'),
    ]);
    const strip = headlineStrip(call, metrics(), ['group', 'cloud', 'ecommerce', 'logistics']);
    expect(shown(strip.segments)).toEqual(['cloud:revenue', 'ecommerce:cmr']);
    expect(strip.segments[0]).toMatchObject({ yoy: { value: 26 } });
    expect(strip.segments[0]!.level).toBeUndefined();
  });

  it('keeps full-year figures out, and is empty for a call without headline figures', () => {
    const call = callOf([fig('group', 'revenue', 900e9, 'CNY', { period: 'FY2025', id: 'fig-group-revenue-fy2025' }), fig('group', 'buyback_usd', 4e9)]);
    expect(headlineStrip(call, metrics(), ['group'])).toEqual({ group: [], segments: [] });
  });
});
