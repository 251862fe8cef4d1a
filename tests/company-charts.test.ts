/**
 * The company and home pages chart the group metrics the catalogue flags (`company_chart` in
 * content/metrics.yaml), in its order, when the calls state them in two quarters or more: a
 * company that reports operating income, not adjusted EBITA, gets its operating income charted.
 */
import { describe, expect, it } from 'vitest';
import { amountScale, companyTrends } from '../src/lib/charts.ts';
import type { Call, Figure } from '../src/lib/schema.ts';
import { metrics } from './helpers.ts';

const fig = (period: string, metric: string, value: number, unit: Figure['unit']): Figure =>
  ({ id: `fig-group-${metric}`, period, segment: 'group', metric, value, unit, quotes: [{ source: 'en', paragraph: 'en-p-1', text: 'x', number: 'x', rule: 'x' }] }) as Figure;
const call = (quarter: string, figures: Figure[]): Call => ({ company: 'acme', quarter, figures }) as unknown as Call;

describe('company trend charts', () => {
  it('charts each flagged metric the calls state in two quarters, in the catalogue order, with the flag\'s id', () => {
    const calls = [
      call('FY2025Q1', [fig('FY2025Q1', 'revenue', 100e6, 'USD'), fig('FY2025Q1', 'operating_income', 12e6, 'USD'), fig('FY2025Q1', 'net_income', 9e6, 'USD')]),
      call('FY2025Q2', [fig('FY2025Q2', 'revenue', 110e6, 'USD'), fig('FY2025Q2', 'operating_income', 14e6, 'USD'), fig('FY2025Q2', 'net_income', 10e6, 'USD')]),
    ];
    const charts = companyTrends(calls, metrics(), 'en');
    expect(charts.map((c) => c.id)).toEqual(['revenue', 'operating_income']);
    expect(charts.map((c) => c.label)).toEqual(['Revenue', 'Operating income']);
    expect(charts[1]!.spec.series[0]!.values.map((v) => v! * charts[1]!.spec.series[0]!.scale)).toEqual([12e6, 14e6]);
    expect(companyTrends(calls, metrics(), 'zh').map((c) => c.label)).toEqual(['收入', '经营利润']);
  });

  it('charts nothing a single quarter states, and keeps the adjusted EBITA chart\'s id', () => {
    const calls = [
      call('FY2025Q1', [fig('FY2025Q1', 'adjusted_ebita', 40e9, 'CNY'), fig('FY2025Q1', 'operating_income', 30e9, 'CNY')]),
      call('FY2025Q2', [fig('FY2025Q2', 'adjusted_ebita', 42e9, 'CNY')]),
    ];
    expect(companyTrends(calls, metrics(), 'en').map((c) => c.id)).toEqual(['ebita']);
  });
});

describe('the amount axis of a chart', () => {
  it.each([
    ['CNY', 'RMB bn', '亿元'],
    ['USD', 'US$ bn', '亿美元'],
    ['HKD', 'HK$ bn', '亿港元'],
    ['EUR', '€ bn', '亿欧元'],
    ['KRW', '₩ bn', '亿韩元'],
    ['TWD', 'NT$ bn', '亿新台币'],
    ['CHF', 'CHF bn', '亿瑞士法郎'],
  ])('is in the figures\' own currency: %s', (unit, en, zh) => {
    expect(amountScale(unit, 'en')).toEqual({ scale: 1e9, label: en });
    expect(amountScale(unit, 'zh')).toEqual({ scale: 1e8, label: zh });
  });
});
