/** Guidance against outcome (src/lib/guidance.ts): the met/missed rule as a table of cases, and which forecasts a call is judged on. */
import { describe, expect, it } from 'vitest';
import { guidanceIds, guidancePeriod, guidanceValue, judge, otherRemarks, outcomeOf, reportsFor, saidBefore, segmentGuidance, type Outcome } from '../src/lib/guidance.ts';
import type { Figure, Guidance } from '../src/lib/schema.ts';

const quote = { source: 'en', paragraph: 'en-p-1', text: 'We expect revenue of RMB 100 to 110 billion.', number: '100' };
const g = (x: Partial<Guidance>): Guidance => ({ metric: 'revenue', segment: 'group', about: 'next quarter', period: 'FY2025Q3', unit: 'CNY', low: 100e9, high: 110e9, quote, ...x });
const f = (x: Partial<Figure>): Figure => ({ id: 'fig-group-revenue', period: 'FY2025Q3', segment: 'group', metric: 'revenue', value: 105e9, unit: 'CNY', quotes: [{ ...quote, paragraph: 'en-p-9' }], ...x });

describe('judging a forecast against the figure reported for its period', () => {
  const cases: Array<[string, Guidance, Figure[], Outcome]> = [
    ['a range, figure above it: met', g({}), [f({ value: 111e9 })], 'met'],
    ['a range, figure inside it: in range', g({}), [f({ value: 105e9 })], 'in-range'],
    ['a range, figure on its lower bound: in range', g({}), [f({ value: 100e9 })], 'in-range'],
    ['a range, figure below it: missed', g({}), [f({ value: 99.9e9 })], 'missed'],
    ['a point, figure equal: met', g({ low: 100e9, high: 100e9 }), [f({ value: 100e9 })], 'met'],
    ['a point, figure rounded down within 0.5%: met', g({ low: 100e9, high: 100e9 }), [f({ value: 99.6e9 })], 'met'],
    ['a point, figure 1% below: missed', g({ low: 100e9, high: 100e9 }), [f({ value: 99e9 })], 'missed'],
    ['an approximate point, figure 4% below: met', g({ low: 100e9, high: 100e9, approx: 'about' }), [f({ value: 96e9 })], 'met'],
    ['an approximate point, figure 6% below: missed', g({ low: 100e9, high: 100e9, approx: 'about' }), [f({ value: 94e9 })], 'missed'],
    ['a growth point of 10% yoy, 9.96% reported: met', g({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', low: 10, high: 10 }), [f({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', value: 9.96 })], 'met'],
    ['a growth point of 10% yoy, 9% reported: missed', g({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', low: 10, high: 10 }), [f({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', value: 9 })], 'missed'],
    ['more than X, figure above: met', g({ low: 100e9, high: 100e9, approx: 'more-than' }), [f({ value: 101e9 })], 'met'],
    ['more than X, figure below: missed', g({ low: 100e9, high: 100e9, approx: 'more-than' }), [f({ value: 99.9e9 })], 'missed'],
    ['less than X (a ceiling), figure below: met', g({ metric: 'capex', low: 50e9, high: 50e9, approx: 'less-than' }), [f({ metric: 'capex', value: 45e9 })], 'met'],
    ['less than X (a ceiling), figure above: missed', g({ metric: 'capex', low: 50e9, high: 50e9, approx: 'less-than' }), [f({ metric: 'capex', value: 55e9 })], 'missed'],
    // (As the reader exports them: the open side has no bound.)
    ['more than X, open above, figure above: met', g({ low: 100e9, high: undefined, approx: 'more-than' }), [f({ value: 101e9 })], 'met'],
    ['up to X, open below, figure above: missed', g({ metric: 'capex', low: undefined, high: 50e9, approx: 'less-than' }), [f({ metric: 'capex', value: 55e9 })], 'missed'],
    ['a direction only: not judged', g({ low: undefined, high: undefined, unit: undefined }), [f({})], 'direction'],
    ['another currency: not comparable', g({}), [f({ unit: 'USD', value: 15e9 })], 'not-comparable'],
    ['another growth basis (qoq against yoy): not comparable', g({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', low: 5, high: 5 }), [f({ metric: 'revenue_yoy_pct', unit: '%', basis: 'qoq', value: 6 })], 'not-comparable'],
    ['no figure of that metric: no figure stated', g({}), [f({ metric: 'adjusted_ebita' })], 'no-figure'],
    ['a figure of another segment: no figure stated', g({ segment: 'cloud' }), [f({})], 'no-figure'],
    ['a figure of another period: no figure stated', g({}), [f({ period: 'FY2025Q2' })], 'no-figure'],
    ['a forecast without a segment: not comparable', g({ segment: null }), [f({})], 'not-comparable'],
    ['a forecast without a period: not comparable', g({ period: undefined }), [f({})], 'not-comparable'],
    ['a forecast at constant currency, figure inside it: not comparable', g({ constant_currency: true }), [f({ value: 105e9 })], 'not-comparable'],
  ];
  it.each(cases)('%s', (_name, guidance, figures, outcome) => {
    expect(judge(guidance, figures).outcome).toBe(outcome);
  });

  it('names the figure it judged by, so the page can link to it', () => {
    const fig = f({ id: 'fig-group-revenue', value: 111e9 });
    expect(judge(g({}), [f({ id: 'fig-group-revenue_yoy_pct', metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', value: 5 }), fig]).figure).toBe(fig);
  });
});

describe('which calls report for a forecast period', () => {
  it.each([
    ['FY2025Q3', 'FY2025Q3', [], true],
    ['FY2025Q3', 'FY2025Q4', [], false],
    ['FY2025Q4', 'FY2025', [], true],
    ['FY2025Q2', 'FY2025', [], false],
    ['FY2025Q2', 'FY2025', ['FY2025'], true],
    ['FY2026Q4', 'FY2025', [], false],
  ] as const)('a %s call reports for %s (full-year figures: %j): %s', (quarter, period, periods, expected) => {
    expect(reportsFor({ quarter, figures: periods.map((p) => f({ period: p })) }, period)).toBe(expected);
  });
});

describe('what they said before', () => {
  const q2 = { company: 'acme', quarter: 'FY2025Q2', guidance: [g({}), g({ period: 'FY2025Q4', metric: 'capex' }), g({ period: undefined })], figures: [] };
  const q1 = { company: 'acme', quarter: 'FY2025Q1', guidance: [g({ low: 90e9, high: 90e9 })], figures: [] };
  const other = { company: 'other', quarter: 'FY2025Q1', guidance: [g({})], figures: [] };
  const q3 = { company: 'acme', quarter: 'FY2025Q3', guidance: [g({ period: 'FY2025Q3' })], figures: [f({ id: 'fig-group-revenue', value: 111e9 })] };

  it('gives the earlier calls of the same company that forecast this call\'s period, oldest first, with the outcome', () => {
    const before = saidBefore(q3, [q3, q2, other, q1]);
    expect(before.map((b) => [b.quarter, b.id, b.judgement.outcome, b.judgement.figure?.id])).toEqual([
      ['FY2025Q1', 'guidance-group-revenue-fy2025q3', 'met', 'fig-group-revenue'],
      ['FY2025Q2', 'guidance-group-revenue-fy2025q3', 'met', 'fig-group-revenue'],
    ]);
  });

  it('gives a forecast the outcome of the first later call that reports for its period', () => {
    expect(outcomeOf(q2.guidance[0]!, q2, [q1, q2, q3])).toMatchObject({ quarter: 'FY2025Q3', judgement: { outcome: 'met' } });
    expect(outcomeOf(q2.guidance[1]!, q2, [q1, q2, q3])).toBeUndefined();
    expect(outcomeOf(q2.guidance[2]!, q2, [q1, q2, q3])).toBeUndefined();
  });

  it('gives forecasts stable ids from segment, metric and period, numbering repeats', () => {
    expect(guidanceIds({ guidance: [g({}), g({}), g({ segment: null, period: undefined, metric: 'capex' })] })).toEqual([
      'guidance-group-revenue-fy2025q3',
      'guidance-group-revenue-fy2025q3-2',
      'guidance-unassigned-capex',
    ]);
  });
});

describe('how a forecast is shown', () => {
  it.each([
    [g({}), 'en', 'RMB100bn – RMB110bn'],
    [g({ low: 2.6e9, high: 2.6e9, unit: 'USD' }), 'en', 'US$2.6bn'],
    [g({ low: 10e9, high: 10e9, approx: 'more-than' }), 'en', '>RMB10bn'],
    [g({ low: 10e9, high: undefined, approx: 'more-than' }), 'en', '>RMB10bn'],
    [g({ low: undefined, high: 10e9, approx: 'less-than' }), 'zh', '不到 人民币 100 亿元'],
    [g({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', low: 10, high: 10 }), 'en', '+10% YoY'],
    [g({ low: undefined, high: undefined, unit: undefined }), 'en', 'direction only'],
    [g({ low: undefined, high: undefined, unit: undefined }), 'zh', '仅方向'],
    [g({ metric: 'revenue_yoy_pct', unit: '%', basis: 'yoy', low: 8, high: 11, constant_currency: true }), 'en', '+8% YoY – +11% YoY at constant currency'],
  ] as const)('%# %s', (guidance, edition, shown) => {
    expect(guidanceValue(guidance, edition)).toBe(shown);
  });

  it.each([
    [{ period: 'FY2025Q4', about: 'next quarter' }, 'en', 'FY2025 Q4'],
    [{ period: 'FY2026', about: 'fiscal year 2026' }, 'zh', '2026财年'],
    [{ about: 'the next three years' }, 'en', 'the next three years'],
    [{ about: 'unspecified' }, 'en', 'period not stated'],
  ] as const)('period %j in %s: %s', (guidance, edition, shown) => {
    expect(guidancePeriod(guidance, edition).text).toBe(shown);
  });
});

describe('a segment\'s guidance timeline', () => {
  it('lists the segment\'s forecasts call by call, oldest first, with outcomes where a later call reports the period', () => {
    const q1 = { company: 'acme', quarter: 'FY2025Q1', guidance: [g({ segment: 'cloud', period: 'FY2025Q2', low: 10e9, high: 10e9 }), g({ segment: 'group' })], figures: [] };
    const q2 = { company: 'acme', quarter: 'FY2025Q2', guidance: [g({ segment: 'cloud', period: 'FY2025Q4' })], figures: [f({ segment: 'cloud', period: 'FY2025Q2', value: 9e9, id: 'fig-cloud-revenue' })] };
    const none = { company: 'acme', quarter: 'FY2024Q4', guidance: [], figures: [] };
    const timeline = segmentGuidance([q2, none, q1], 'cloud');
    expect(timeline.map((t) => [t.call.quarter, t.items.map((i) => [i.id, i.outcome?.quarter, i.outcome?.judgement.outcome])])).toEqual([
      ['FY2025Q1', [['guidance-cloud-revenue-fy2025q2', 'FY2025Q2', 'missed']]],
      ['FY2025Q2', [['guidance-cloud-revenue-fy2025q4', undefined, undefined]]],
    ]);
  });
});

describe('other forward-looking remarks', () => {
  it('leave out a sentence already shown as a forecast, keeping the rest in order', () => {
    const remarks = [
      { paragraph: 'en-p-1', text: 'We expect revenue of RMB 100 to 110 billion.' },
      { paragraph: 'en-p-1', text: 'We will keep investing.' },
      { paragraph: 'en-p-2', text: 'We expect revenue of RMB 100 to 110 billion.' },
    ];
    expect(otherRemarks(remarks, [g({})])).toEqual([remarks[1], remarks[2]]);
  });
});
