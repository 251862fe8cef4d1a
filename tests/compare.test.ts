/**
 * True comparisons (src/lib/compare.ts): which call a quarter is compared with, when a change
 * may be computed at all, and that a stated growth rate wins over a computed one.
 */
import { describe, expect, it } from 'vitest';
import { changesOf, chartComparison, comparisonCalls, computeChange, relation } from '../src/lib/compare.ts';
import type { Figure } from '../src/lib/schema.ts';

/** A figure as the converter writes it; only what the comparison reads matters. */
function fig(period: string, metric: string, value: number, unit: Figure['unit'], extra: Partial<Figure> = {}): Figure {
  return {
    id: `fig-group-${metric}`,
    period,
    segment: 'group',
    metric,
    value,
    unit,
    quotes: [{ source: 'en', paragraph: 'en-p-1', text: 'x', number: 'x', rule: 'x' }],
    ...extra,
  } as Figure;
}

describe('which quarter a call is compared with', () => {
  it.each([
    // here, there, relation
    ['FY2025Q2', 'FY2025Q1', 'qoq', 'the quarter just before'],
    ['FY2025Q1', 'FY2024Q4', 'qoq', 'the quarter before, across a fiscal year boundary'],
    ['FY2025Q2', 'FY2024Q2', 'yoy', 'the same quarter a year earlier'],
    ['FY2025Q1', 'FY2024Q1', 'yoy', 'a first quarter against the year-ago first quarter'],
    ['FY2025Q4', 'FY2024Q4', 'yoy', 'a fourth quarter against the year-ago fourth quarter'],
    ['FY2025Q2', 'FY2024Q1', undefined, 'five quarters back (the seed archive: the previous call on the site)'],
    ['FY2025Q4', 'FY2025Q2', undefined, 'two quarters back (a gap)'],
    ['FY2026Q2', 'FY2025Q4', undefined, 'two quarters back across a year boundary'],
    ['FY2025Q2', 'FY2023Q2', undefined, 'the same quarter two years earlier'],
    ['FY2025Q1', 'FY2025Q2', undefined, 'a later quarter'],
    ['FY2025Q2', 'FY2025Q2', undefined, 'the same quarter'],
    ['FY1900Q1', 'FY1899Q4', undefined, 'before the years the site handles'],
    ['FY2025Q2', 'not-a-quarter', undefined, 'not a quarter id'],
  ] as const)('%s against %s: %s (%s)', (here, there, expected, _why) => {
    expect(relation(here, there)).toBe(expected);
  });

  it('finds the previous and the year-ago call of the same company only', () => {
    const calls = [
      { company: 'a', quarter: 'FY2026Q2' },
      { company: 'a', quarter: 'FY2025Q4' },
      { company: 'a', quarter: 'FY2025Q2' },
      { company: 'a', quarter: 'FY2024Q1' },
      { company: 'b', quarter: 'FY2026Q1' },
    ];
    expect(comparisonCalls(calls[0]!, calls)).toEqual({ yoy: calls[2] });
    expect(comparisonCalls(calls[1]!, calls)).toEqual({});
    expect(comparisonCalls(calls[2]!, calls)).toEqual({});
    expect(comparisonCalls({ company: 'a', quarter: 'FY2026Q1' }, calls)).toEqual({ qoq: calls[1] });
    expect(comparisonCalls({ company: 'b', quarter: 'FY2026Q2' }, calls)).toEqual({ qoq: calls[4] });
  });

  it('draws a chart against the year-ago quarter first, else the previous one, else none', () => {
    expect(chartComparison({ yoy: 'Y', qoq: 'Q' })).toEqual({ basis: 'yoy', call: 'Y' });
    expect(chartComparison({ qoq: 'Q' })).toEqual({ basis: 'qoq', call: 'Q' });
    expect(chartComparison({})).toBeUndefined();
  });
});

describe('a computed change', () => {
  it.each([
    // why, now, then, expected
    ['an amount that grew', fig('FY2025Q2', 'revenue', 110, 'CNY'), fig('FY2025Q1', 'revenue', 100, 'CNY'), { unit: '%', value: 10 }],
    ['an amount that fell', fig('FY2025Q2', 'revenue', 90, 'CNY'), fig('FY2025Q1', 'revenue', 120, 'CNY'), { unit: '%', value: -25 }],
    ['a count', fig('FY2025Q2', 'members', 46e6, 'count'), fig('FY2025Q1', 'members', 40e6, 'count'), { unit: '%', value: 15 }],
    ['a margin, in percentage points', fig('FY2025Q2', 'net_margin_pct', 12.5, '%'), fig('FY2025Q1', 'net_margin_pct', 10, '%'), { unit: 'pp', value: 2.5 }],
    ['a negative margin, in percentage points', fig('FY2025Q2', 'net_margin_pct', -2, '%'), fig('FY2025Q1', 'net_margin_pct', -5, '%'), { unit: 'pp', value: 3 }],
    ['a loss: no percentage change of a negative value', fig('FY2025Q2', 'net_income', -590, 'CNY'), fig('FY2025Q1', 'net_income', 100, 'CNY'), { refused: 'sign' }],
    ['from a loss: no percentage change from a negative base', fig('FY2025Q2', 'net_income', 100, 'CNY'), fig('FY2025Q1', 'net_income', -20, 'CNY'), { refused: 'sign' }],
    ['two losses', fig('FY2025Q2', 'net_income', -50, 'CNY'), fig('FY2025Q1', 'net_income', -20, 'CNY'), { refused: 'sign' }],
    ['from zero', fig('FY2025Q2', 'net_income', 50, 'CNY'), fig('FY2025Q1', 'net_income', 0, 'CNY'), { refused: 'sign' }],
    ['two growth rates: a pp difference is not a change', fig('FY2025Q2', 'revenue_yoy_pct', 5, '%', { basis: 'yoy' }), fig('FY2025Q1', 'revenue_yoy_pct', 14, '%', { basis: 'yoy' }), { refused: 'growth-rate' }],
    ['percentage-point figures', fig('FY2025Q2', 'x', 1, 'pp'), fig('FY2025Q1', 'x', 3, 'pp'), { refused: 'growth-rate' }],
    ['different currencies', fig('FY2025Q2', 'revenue', 110, 'CNY'), fig('FY2025Q1', 'revenue', 15, 'USD'), { refused: 'unit' }],
    ['a full-year figure', fig('FY2025', 'revenue', 400, 'CNY'), fig('FY2025Q1', 'revenue', 100, 'CNY'), { refused: 'period' }],
    ['a bound', fig('FY2025Q2', 'members', 46e6, 'count', { approx: 'more-than' }), fig('FY2025Q1', 'members', 40e6, 'count'), { refused: 'approximate' }],
    ['a disputed value', fig('FY2025Q2', 'revenue', 110, 'CNY', { disputed: true }), fig('FY2025Q1', 'revenue', 100, 'CNY'), { refused: 'disputed' }],
  ] as const)('%s', (_why, now, then, expected) => {
    expect(computeChange(now, 'FY2025Q2', then, 'FY2025Q1')).toEqual(expected);
  });
});

describe('the changes shown beside a figure', () => {
  const level = fig('FY2025Q2', 'revenue', 236.5, 'CNY');
  const yearAgo = { quarter: 'FY2024Q2', figures: [fig('FY2024Q2', 'revenue', 200, 'CNY'), fig('FY2024Q2', 'revenue_yoy_pct', 3, '%', { basis: 'yoy' })] };
  const previous = { quarter: 'FY2025Q1', figures: [fig('FY2025Q1', 'revenue', 250, 'CNY')] };

  it('are the growth rates the call states, even when another call would give a different number', () => {
    const yoy = fig('FY2025Q2', 'revenue_yoy_pct', 5, '%', { basis: 'yoy' });
    const qoq = fig('FY2025Q2', 'revenue_yoy_pct', -4, '%', { basis: 'qoq' });
    expect(changesOf({ segment: 'group', metric: 'revenue', level, yoy, qoq }, 'FY2025Q2', { yoy: yearAgo, qoq: previous })).toEqual({
      yoy: { kind: 'stated', basis: 'yoy', figure: yoy },
      qoq: { kind: 'stated', basis: 'qoq', figure: qoq },
    });
  });

  it('are computed against the true year-ago and previous calls where the call states none', () => {
    const got = changesOf({ segment: 'group', metric: 'revenue', level }, 'FY2025Q2', { yoy: yearAgo, qoq: previous });
    expect(got.yoy).toMatchObject({ kind: 'computed', quarter: 'FY2024Q2', change: { unit: '%', value: 18.3 } });
    expect(got.qoq).toMatchObject({ kind: 'computed', quarter: 'FY2025Q1', change: { unit: '%', value: -5.4 } });
  });

  it('are nothing without a true comparison call, and never a growth rate compared with a growth rate', () => {
    expect(changesOf({ segment: 'group', metric: 'revenue', level }, 'FY2025Q2', {})).toEqual({});
    const growthOnly = { segment: 'group', metric: 'revenue', yoy: undefined, level: undefined };
    expect(changesOf(growthOnly, 'FY2025Q2', { yoy: yearAgo })).toEqual({});
  });

  it('are nothing when the other call does not state the figure for its own segment', () => {
    const cloud = { ...level, segment: 'cloud' };
    expect(changesOf({ segment: 'cloud', metric: 'revenue', level: cloud }, 'FY2025Q2', { yoy: yearAgo })).toEqual({});
  });
});
