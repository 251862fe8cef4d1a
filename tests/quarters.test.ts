import { describe, expect, it } from 'vitest';
import {
  calendarQuarterLabel,
  compareQuarters,
  dateLabel,
  parseFiscalYearEnd,
  parseQuarterId,
  parseQuarterSlug,
  periodEnd,
  previousQuarter,
  quarterEndingIn,
  quarterId,
  quarterLabel,
  quarterSlug,
} from '../src/lib/quarters.ts';

const march = parseFiscalYearEnd('03-31')!;
const december = parseFiscalYearEnd('12-31')!;
const june = parseFiscalYearEnd('06-30')!;

describe('quarter arithmetic', () => {
  it.each([
    // fiscal year end, quarter, period end, calendar quarter
    [march, 'FY2024Q1', '2023-06-30', '2023Q2'],
    [march, 'FY2025Q2', '2024-09-30', '2024Q3'],
    [march, 'FY2025Q3', '2024-12-31', '2024Q4'],
    [march, 'FY2025Q4', '2025-03-31', '2025Q1'],
    [march, 'FY2026Q2', '2025-09-30', '2025Q3'],
    [december, 'FY2024Q1', '2024-03-31', '2024Q1'],
    [december, 'FY2024Q4', '2024-12-31', '2024Q4'],
    [june, 'FY2025Q1', '2024-09-30', '2024Q3'],
    [june, 'FY2024Q3', '2024-03-31', '2024Q1'],
  ] as const)('with year end %o, %s ends on %s (%s)', (fye, id, end, cal) => {
    const q = parseQuarterId(id)!;
    expect(periodEnd(q, fye)).toBe(end);
    expect(calendarQuarterLabel(q, fye)).toBe(cal);
    const [y, m] = end.split('-').map(Number) as [number, number];
    expect(quarterId(quarterEndingIn(y, m, fye)!)).toBe(id);
  });

  it('gives February 29 as the end of a leap-year quarter for a February year end', () => {
    expect(periodEnd({ fy: 2024, q: 4 }, parseFiscalYearEnd('02-28')!)).toBe('2024-02-29');
  });

  it('rejects months that end no quarter', () => {
    expect(quarterEndingIn(2024, 5, march)).toBeNull();
    expect(quarterEndingIn(2024, 11, december)).toBeNull();
  });

  it('rejects fiscal year ends that are not month ends', () => {
    expect(parseFiscalYearEnd('03-30')).toBeNull();
    expect(parseFiscalYearEnd('13-31')).toBeNull();
    expect(parseFiscalYearEnd('3-31')).toBeNull();
  });

  it('round-trips ids and slugs and rejects malformed ones', () => {
    expect(quarterSlug(parseQuarterId('FY2025Q2')!)).toBe('fy2025-q2');
    expect(quarterId(parseQuarterSlug('fy2025-q2')!)).toBe('FY2025Q2');
    expect(parseQuarterId('FY2025Q5')).toBeNull();
    expect(parseQuarterId('fy2025q2')).toBeNull();
    expect(parseQuarterSlug('FY2025-Q2')).toBeNull();
  });

  it('orders quarters and steps back across a fiscal year', () => {
    const qs = ['FY2025Q4', 'FY2024Q1', 'FY2025Q2'].map((s) => parseQuarterId(s)!);
    expect(qs.sort(compareQuarters).map(quarterId)).toEqual(['FY2024Q1', 'FY2025Q2', 'FY2025Q4']);
    expect(quarterId(previousQuarter(parseQuarterId('FY2025Q1')!))).toBe('FY2024Q4');
  });

  it('labels quarters and dates in both languages', () => {
    const q = parseQuarterId('FY2025Q2')!;
    expect(quarterLabel(q, 'en')).toBe('FY2025 Q2');
    expect(quarterLabel(q, 'zh')).toBe('2025财年第二季度');
    expect(dateLabel('2024-11-15', 'en')).toBe('15 November 2024');
    expect(dateLabel('2024-11-15', 'zh')).toBe('2024年11月15日');
  });
});
