/**
 * The quarter page's figures (src/lib/quarter-view.ts): changes and the segment chart compare
 * only with the true previous or year-ago quarter of the same company.
 */
import { describe, expect, it } from 'vitest';
import { keyFiguresView } from '../src/lib/quarter-view.ts';
import { formatChange } from '../src/lib/format.ts';
import type { Call, Company, Figure } from '../src/lib/schema.ts';
import { metrics } from './helpers.ts';

const company = {
  id: 'acme',
  names: { en: 'Acme' },
  segments: [
    { id: 'group', names: { en: 'Acme' }, aliases: [], metrics: [] },
    { id: 'cloud', names: { en: 'Cloud' }, aliases: [], metrics: [] },
    { id: 'retail', names: { en: 'Retail' }, aliases: [], metrics: [] },
  ],
} as unknown as Company;

function fig(quarter: string, segment: string, metric: string, value: number, extra: Partial<Figure> = {}): Figure {
  return { id: `fig-${segment}-${metric}`, period: quarter, segment, metric, value, unit: 'USD', quotes: [{ source: 'en', paragraph: 'en-p-1', text: 'x', number: 'x', rule: 'x' }], ...extra } as Figure;
}
const call = (quarter: string, figures: Figure[], companyId = 'acme') => ({ company: companyId, quarter, figures, unassigned: [] }) as unknown as Call;
const figures = (q: string, cloud: number, retail: number, income: number) => [fig(q, 'cloud', 'revenue', cloud), fig(q, 'retail', 'revenue', retail), fig(q, 'group', 'net_income', income)];

describe('the key figures of a quarter page', () => {
  const here = call('FY2025Q2', figures('FY2025Q2', 120, 60, -5));

  it('compute nothing and draw no comparison when the site has only a quarter two or more apart', () => {
    const view = keyFiguresView(here, [here, call('FY2024Q1', figures('FY2024Q1', 100, 50, 10)), call('FY2024Q4', figures('FY2024Q4', 100, 50, 10))], company, metrics(), 'en');
    expect(view.against).toEqual([]);
    expect(view.rows.every((r) => Object.keys(r.changes).length === 0)).toBe(true);
    expect(view.chart!.spec.series.map((s) => s.ref?.quarter)).toEqual(['FY2025Q2']);
    expect(view.chart!.against).toBeUndefined();
  });

  it('compute year-on-year changes against the same quarter a year earlier, but none for a loss, and draw the chart against it', () => {
    const yearAgo = call('FY2024Q2', figures('FY2024Q2', 100, 50, 10));
    const view = keyFiguresView(here, [here, yearAgo, call('FY2025Q2', figures('FY2025Q2', 1, 1, 1), 'other')], company, metrics(), 'en');
    expect(view.against).toEqual([{ basis: 'yoy', label: 'FY2024 Q2', quarter: 'FY2024Q2' }]);
    const change = (segment: string) => view.rows.find((r) => r.segment === segment)!.changes;
    expect(change('cloud').yoy).toMatchObject({ kind: 'computed', change: { unit: '%', value: 20 } });
    expect(change('group')).toEqual({});
    expect(view.showQoq).toBe(false);
    expect(view.chart!.against).toEqual({ basis: 'yoy', label: 'FY2024 Q2', quarter: 'FY2024Q2' });
    expect(view.chart!.spec.series[1]!.values.map((v) => v! * view.chart!.spec.series[1]!.scale)).toEqual([100, 50]);
  });

  it('add a quarter-on-quarter column when the quarter before is on the site', () => {
    const view = keyFiguresView(here, [here, call('FY2025Q1', figures('FY2025Q1', 150, 60, 8))], company, metrics(), 'zh');
    expect(view.showQoq).toBe(true);
    const cloud = view.rows.find((r) => r.segment === 'cloud')!.changes.qoq!;
    expect(cloud.kind === 'computed' && formatChange(cloud.change, 'zh')).toBe('−20%');
    expect(view.against[0]!.label).toBe('2025财年第一季度');
  });
});

describe('a computed change as shown', () => {
  it.each([
    [{ unit: '%', value: 18.25 }, 'en', '+18.3%'],
    [{ unit: '%', value: -5.4 }, 'en', '−5.4%'],
    [{ unit: 'pp', value: 2.5 }, 'en', '+2.5 pp'],
    [{ unit: 'pp', value: -1 }, 'zh', '−1 个百分点'],
    [{ unit: '%', value: 0 }, 'en', '±0%'],
  ] as const)('%o in %s is %s', (change, edition, shown) => {
    expect(formatChange(change, edition)).toBe(shown);
  });
});
