/**
 * The reader on text it was not written for: the evaluation corpus in tests/eval/ (fictional
 * calls with keys of right and forbidden figures; see tests/eval/README.md). Prints recall and
 * wrong figures per file and in total. The development part must have no wrong figure; the
 * held-out part runs only in CI or with EVAL_HELDOUT=1, and its score is reported, not tuned to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FigureRecord } from '../src/lib/export.ts';
import { companyMatches, evaluateFile, keySchema, scoreCall, scoreGuidance, scoreLine, standIn, type FileResult, type Key } from '../scripts/lib/eval.ts';
import { catalog, root } from './helpers.ts';

function runFolder(folder: string): FileResult[] {
  const dir = join(root, folder);
  const cat = catalog();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => evaluateFile(`${folder}/${f}`, readFileSync(join(dir, f)), keySchema.parse(JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.key.json')), 'utf8'))), cat));
}

function report(label: string, results: readonly FileResult[]): { facts: number; found: number; wrong: number } {
  const lines = results.map((r) => `  ${r.file}: ${scoreLine(r.score)}; guidance ${r.guidance.found}/${r.guidance.total}, ${r.guidance.wrong?.length ?? 0} wrong${r.wrongEnd ? `; quarter end WRONG (${r.wrongEnd.said}, the key says ${r.wrongEnd.key})` : ''}${r.mode === 'detected' ? '' : r.mode === 'stand-in' ? ' (stand-in profile)' : ` (not converted: ${r.error})`}`);
  const total = results.reduce((t, r) => ({ facts: t.facts + r.score.facts, found: t.found + r.score.found, wrong: t.wrong + r.score.wrong.length }), { facts: 0, found: 0, wrong: 0 });
  console.log(`${label}\n${lines.join('\n')}\n  total: ${scoreLine({ facts: total.facts, found: total.found, wrong: { length: total.wrong } as never })}`);
  return total;
}

const key = (over: Partial<Key> = {}): Key =>
  keySchema.parse({
    company: ['zephyr'],
    quarter: 'FY2025Q3',
    period_end: '2025-09-30',
    currency: 'USD',
    facts: [['group', 'revenue', 4.2, 'USD_bn', 'Revenue was $4.2 billion.'], ['Cloud & AI', 'revenue_yoy_pct', 12, 'pct', 'Cloud & AI revenue grew 12%.']],
    forbidden: [['group', 'revenue', 3.9, 'USD_bn', 'last year']],
    ...over,
  });
const rec = (over: Partial<FigureRecord>): FigureRecord => ({
  company: 'zephyr-logistics',
  quarter: 'FY2025Q3',
  period: 'FY2025Q3',
  period_end: '2025-09-30',
  segment: 'group',
  metric: 'revenue',
  value: 4.2e9,
  unit: 'USD',
  basis: null,
  approx: null,
  disputed: false,
  frame: 'quarter',
  rule: null,
  uncertain: false,
  quote: 'q',
  speaker: null,
  source: 's',
  paragraph: 'en-p-1',
  url: 'u',
  figure_url: 'f',
  ...over,
});

describe('scoring against a key', () => {
  it('finds a fact within 0.6% in the same unit, and the segment by its words', () => {
    const s = scoreCall(key(), [rec({ value: 4.21e9 }), rec({ segment: 'cloud-and-ai', metric: 'revenue_yoy_pct', value: 12, unit: '%', basis: 'yoy' })]);
    expect([s.found, s.wrong.length]).toEqual([2, 0]);
  });
  it('counts a forbidden value, another value, a wrong quarter and a wrong company as wrong', () => {
    const s = scoreCall(key(), [rec({ value: 3.9e9 }), rec({ value: 5e9 }), rec({ quarter: 'FY2025Q2' }), rec({ company: 'acme' })]);
    expect(s.found).toBe(0);
    expect(s.wrong.map((w) => w.why.split(':')[0]!.split(' ')[0])).toEqual(['forbidden', 'the', 'filed', 'filed']);
  });
  it("counts the group's value filed under a segment the key has no figure for as wrong", () => {
    const s = scoreCall(key(), [rec({ segment: 'retail', value: 4.2e9 }), rec({ segment: 'retail', value: 1.1e9 })]);
    expect([s.found, s.wrong.length, s.other]).toEqual([0, 1, 1]);
    expect(s.wrong[0]!.why).toMatch(/key gives this value to group/);
  });
  it('takes a company key in Chinese script as the pinyin id the converter makes', () => {
    expect(companyMatches({ company: ['tidewave', '潮汐出行'] }, 'chaoxichuxing')).toBe(true);
    expect(companyMatches({ company: ['tidewave', '潮汐出行'] }, 'chaoxi')).toBe(false);
  });
  it('does not hold a figure labelled as the fiscal year against the quarter, but does a quarter figure of the same value', () => {
    const s = scoreCall(key(), [rec({ period: 'FY2025', value: 3.9e9 }), rec({ value: 3.9e9 })]);
    expect([s.found, s.wrong.length, s.other]).toEqual([0, 1, 1]);
  });
  it('does not score quarter-on-quarter rates or metrics the key does not name', () => {
    const s = scoreCall(key(), [rec({ metric: 'revenue_yoy_pct', basis: 'qoq', value: 3, unit: '%' }), rec({ metric: 'capex', value: 1e8 })]);
    expect([s.found, s.wrong.length, s.other]).toEqual([0, 0, 1]);
  });
  it('finds guidance by metric, segment, period and both bounds; another range there is wrong, unkeyed guidance is not scored', () => {
    const k = key({ guidance: [['FY2025', 'group', 'revenue', 16.5, 16.9, 'USD_bn', 'q'], ['FY2025Q4', 'group', 'non_gaap_diluted_eps', 1.2, 1.25, 'USD', 'q']] });
    const g = (over: object) => ({ segment: 'group', metric: 'revenue', low: 16.5e9, high: 16.9e9, unit: 'USD', period: 'FY2025', ...over });
    const s = scoreGuidance(k, [
      g({}),
      g({ low: 16.2e9, high: 16.6e9 }), // the range the outlook replaced
      g({ metric: 'non_gaap_diluted_eps', low: 1.2, high: 1.2, unit: 'USD', period: 'FY2025Q4' }), // a lost upper bound
      g({ metric: 'capex', low: 1e9, high: 1e9 }), // not in the key
      g({ period: 'FY2026', low: 18e9, high: 18e9 }), // another period
    ]);
    expect([s.found, s.wrong.length, s.missed.length]).toEqual([1, 2, 1]);
    expect(s.wrong.map((w) => w.low)).toEqual([16.2e9, 1.2]);
  });
  it('counts a key\'s range under another period or entity as wrong, and one whose period or entity was left open as not', () => {
    const k = key({ guidance: [['FY2027', 'group', 'non_gaap_diluted_eps', 3.85, 4.05, 'USD', 'q']] });
    const g = (over: object) => ({ segment: 'group', metric: 'non_gaap_diluted_eps', low: 3.85, high: 4.05, unit: 'USD', period: 'FY2027', ...over });
    const s = scoreGuidance(k, [g({ period: 'FY2026' }), g({ segment: 'cloud' }), g({ period: undefined }), g({ segment: null })]);
    expect([s.found, s.wrong.length]).toEqual([0, 2]);
    expect(s.wrong.map((w) => `${w.segment} ${w.period}`)).toEqual(['group FY2026', 'cloud FY2027']);
  });
  it('matches a key that writes "more than 25%" as 25 to 25 with a record open above', () => {
    const k = key({ guidance: [['FY2025', 'group', 'revenue_yoy_pct', 25, 25, 'pct', 'q']] });
    const g = (over: object) => ({ segment: 'group', metric: 'revenue_yoy_pct', low: 25, unit: '%', period: 'FY2025', ...over });
    expect(scoreGuidance(k, [g({ approx: 'more-than' })]).found).toBe(1);
    expect(scoreGuidance(k, [g({})]).found).toBe(0);
  });
  it('takes a null bound for a forecast open on that side ("more than 25%")', () => {
    const k = key({ guidance: [['FY2025', 'group', 'revenue_yoy_pct', 25, null, 'pct', 'q']] });
    const g = (over: object) => ({ segment: 'group', metric: 'revenue_yoy_pct', low: 25, unit: '%', period: 'FY2025', ...over });
    expect(scoreGuidance(k, [g({})]).found).toBe(1);
    const closed = scoreGuidance(k, [g({ high: 25 })]);
    expect([closed.found, closed.wrong.length]).toEqual([0, 1]);
  });
});

describe('the stand-in profile of a key', () => {
  it('names the month end for a 52/53-week year that ends near it (a key\'s "01-30" crashed the scorer)', () => {
    const key = { company: ['copper'], quarter: 'FY2026Q3', period_end: '2025-10-31', fiscal_year_end: '01-30' } as unknown as Key;
    expect(standIn(key).fiscal_year_end).toBe('01-31');
    expect(standIn({ ...key, fiscal_year_end: '12-31' } as Key).fiscal_year_end).toBe('12-31');
  });
});

/**
 * Lowered as the reader improves, never raised (sets 1 and 2 were at 1 when sets 3 and 4 joined
 * them on 2026-12-03 with the 10 wrong figures of their last held-out run; 1 after that day's rules;
 * set 5 joined on 2026-12-04 with the 2 wrong figures of its last held-out run; 0 after the rules
 * of that day's second session; set 6 joined that evening with the 3 of its last held-out run; 0
 * after the rules that followed; set 7 joined on 2026-12-04 with the 18 of its last held-out run; 0 after the rules that followed;
 * set 8 joined on 2026-12-04 with the 8 of its last held-out run; 0 after the rules of that day's fourth session;
 * set 9 joined on 2026-12-04 (fifth session) with the 4 of its last held-out run; 0 after the rules that followed;
 * set 10 joined on 2026-12-04 (sixth session) with the 1 of its last held-out run; 0 after the rule that followed;
 * set 11 joined on 2026-12-05 with the 24 of its last held-out run; 0 after the rules of that day's first session;
 * set 12 joined the same session with the 2 of its last held-out run; 0 after the rules that followed;
 * set 13 joined on 2026-12-05 (second session) with the 5 of its last held-out run; 0 after the rules that followed).
 */
const RETIRED_WRONG_AT_MOST = 0;
/** Guidance ranges exported with a key entry's metric, segment and period that match none of its ranges (sets 1 and 2: 3, then 0; with sets 3 and 4: 2, then 0; with set 5: 4, its last held-out run, then 0; with set 6: 2, its last held-out run, then 0; with set 7: 5, its last held-out run, then 0; with set 8: 3, its last held-out run, then 0; with set 9: 0, its last held-out run; with set 10: 0, its last held-out run; with set 11: 11, its last held-out run, counted the strict way, then 0; with set 12: 3, its last held-out run, then 0; with set 13: 3, its last held-out run, then 0). */
const RETIRED_GUIDANCE_WRONG_AT_MOST = 0;

describe('the evaluation corpus', () => {
  it('development part: no wrong figure (recall is printed)', () => {
    const results = runFolder('tests/eval/dev');
    expect(results.length).toBeGreaterThanOrEqual(9);
    const total = report('development corpus (tests/eval/dev):', results);
    const wrong = results.flatMap((r) => r.score.wrong.map((w) => `${r.file}: ${w.record.segment}/${w.record.metric} = ${w.record.value} (${w.why}) "${w.record.quote}"`));
    expect(wrong).toEqual([]);
    const wrongGuidance = results.flatMap((r) => (r.guidance.wrong ?? []).map((g) => `${r.file}: ${g.period} ${g.segment}/${g.metric} ${g.low}..${g.high} "${g.quote?.text}"`));
    expect(wrongGuidance).toEqual([]);
    // (A wrong quarter end is a wrong date on every page of the call.)
    expect(results.filter((r) => r.wrongEnd).map((r) => `${r.file}: ${r.wrongEnd!.said}, the key says ${r.wrongEnd!.key}`)).toEqual([]);
    expect(total.facts).toBeGreaterThan(0);
  });

  // The first thirteen held-out sets, retired into development after their last held-out runs
  // (sets 1 and 2 on 2026-12-03: 101/333 found, 38 wrong; sets 3 and 4 on 2026-12-03: 156/365
  // found, 10 wrong; set 5 on 2026-12-04: 104/153 found, 2 wrong; set 6 on 2026-12-04: 74/149
  // found, 3 wrong; set 7 on 2026-12-04: 65/151 found, 18 wrong; set 8 on 2026-12-04: 108/187
  // found, 8 wrong; set 9 on 2026-12-04: 103/184 found, 4 wrong; set 10 on 2026-12-04: 126/179
  // found, 1 wrong; set 11 on 2026-12-05: 122/181 found, 24 wrong; set 12 on 2026-12-05: 124/190 found, 2 wrong;
  // set 13 on 2026-12-05: 94/170 found, 5 wrong, six of its seven calls: the seventh, a half year, left out).
  // Their wrong figures may only go down.
  it('retired held-out sets: wrong figures no more than recorded (recall is printed)', () => {
    const results = runFolder('tests/eval/retired');
    expect(results.length).toBeGreaterThanOrEqual(88);
    report('retired held-out sets (tests/eval/retired):', results);
    const wrong = results.reduce((n, r) => n + r.score.wrong.length, 0);
    expect(wrong).toBeLessThanOrEqual(RETIRED_WRONG_AT_MOST);
    const wrongGuidance = results.reduce((n, r) => n + (r.guidance.wrong?.length ?? 0), 0);
    expect(wrongGuidance).toBeLessThanOrEqual(RETIRED_GUIDANCE_WRONG_AT_MOST);
    expect(results.filter((r) => r.wrongEnd).map((r) => `${r.file}: ${r.wrongEnd!.said}, the key says ${r.wrongEnd!.key}`)).toEqual([]);
  });



});
