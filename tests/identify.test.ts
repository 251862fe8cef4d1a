/**
 * Company, fiscal calendar, quarter and call date read from the text with no profile. Every
 * transcript line here is written for the test about fictional companies.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { companyIdFrom, identifyCompany, nameInWelcome, shortName } from '../scripts/lib/identify.ts';
import { headerCallDate, readCalendar } from '../scripts/lib/calendar.ts';
import { splitLines } from '../scripts/lib/text.ts';
import { titleFromIntroduction } from '../scripts/lib/structure.ts';
import { withoutRecordingTimes } from '../scripts/lib/layouts/shared.ts';
import { periodEnd, quarterId } from '../src/lib/quarters.ts';
import { convert, root, textInput } from './helpers.ts';
import { inferredCompany } from '../scripts/lib/pipeline.ts';

const lines = (text: string) => splitLines(text);
const idOf = (text: string) => identifyCompany(lines(text), 'seeds/x.txt', [], 'seeds/x.meta.yaml').id;
const calendarOf = (text: string) => {
  const l = lines(text);
  const r = readCalendar(l, headerCallDate(l)?.date)!;
  return { quarter: quarterId(r.quarter), end: r.periodEnd ?? periodEnd(r.quarter, r.fye), fye: r.fye.month, how: r.fyeStrength };
};

describe('company names', () => {
  it.each([
    ['Quillon Systems, Inc.', 'Quillon Systems'],
    ['Marrow & Finch Co.', 'Marrow & Finch'],
    ['Tessaly.com, Inc.', 'Tessaly'],
    ['Orvane Group Holding Limited', 'Orvane'],
    ['Brisk Holdings Limited', 'Brisk'],
  ])('shortens %s to %s', (full, short) => expect(shortName(full)).toBe(short));

  it('makes a lowercase ASCII id from the English name, else the ticker, else the pinyin of the Chinese name', () => {
    expect(companyIdFrom('Marrow & Finch Co.', 'MFC')).toBe('marrow-and-finch');
    expect(companyIdFrom(undefined, 'MFC')).toBe('mfc');
    // Letters no accent-stripping reaches are spelled out: "Sjømat" is sjomat, not "sj-mat".
    expect(companyIdFrom('Straumnes Sjømat ASA', undefined)).toBe('straumnes-sjomat');
    expect(companyIdFrom('Brauerei Straße AG', undefined)).toBe('brauerei-strasse');
    expect(companyIdFrom(undefined, undefined, '重庆长城汽车集团股份有限公司')).toBe('chongqingchangchengqiche');
    expect(companyIdFrom(undefined, undefined)).toBeUndefined();
  });

  it.each([
    ["Good day, and welcome to Quillon Systems' third quarter 2025 earnings call.", 'Quillon Systems'],
    ['Ladies and gentlemen, welcome to the Tessaly Corporation Second Quarter Fiscal Year 2026 Earnings Conference Call.', 'Tessaly Corporation'],
    ['Thank you for standing by, and welcome to the Third Quarter 2025 Orvane Group, Inc. Earnings Conference Call', 'Orvane Group, Inc.'],
    ['Thank you for participating in the Third Quarter 2025 Earnings Conference Call of Brisk Resorts Limited.', 'Brisk Resorts Limited'],
    ['Welcome to our fiscal 2026 second quarter earnings webinar.', undefined],
  ])('reads the company from the welcome "%s"', (sentence, name) => expect(nameInWelcome(sentence)).toBe(name));
});

describe('which company a call is about', () => {
  it.each([
    ['a title line with a ticker', 'Quillon Systems, Inc. (QLN) Q3 2025 Earnings Call October 29, 2025 5:00 PM ET\n\nOperator\n\nHello.', 'quillon-systems'],
    ['a scraper header', '=====\nEarnings Call Transcript\nCompany: Tessaly (Tessaly)\nTicker: TSLY\nQuarter: Q2 2026\n=====\n', 'tessaly'],
    ['a ticker with an exchange and a stock quote', 'Larkspur Bio(NASDAQ: LKSP+2.10%)Q1 2026 Earnings CallMay 6, 2026', 'larkspur-bio'],
    ['a Chinese news report naming the English name', '星辉物流(Starglow Logistics,02288.HK)公布截至2025年6月30日止第二季度业绩\n', 'starglow-logistics'],
    ['a wire header with an exchange code', 'Ashgrove Holdings PLC (AGH LN Equity)\nQ3 2025 Trading Update Call\n', 'ashgrove'],
    ['a "Company Name:" field', 'Company Name: Brisk Ltd\nCompany Ticker: BRSK LN\nDate: 2025-10-23\n', 'brisk'],
    ['a trading-update welcome', 'Operator\n\nGood morning, and welcome to the Ashgrove Holdings third quarter 2025 trading update.\n', 'ashgrove'],
    ['a cover line with the legal name above the call line', 'Kirin Works Co., Ltd.\nFY2026 Second Quarter Financial Results Briefing\nNovember 6, 2025\n', 'kirin-works'],
    ['the operator welcome only', 'Operator\n\nGood morning, and welcome to Marrow & Finch Co.’s fourth quarter 2025 earnings call.\n', 'marrow-and-finch'],
    ['a title with the legal form and no ticker', 'Wrenby Group plc - Q4 and Full Year FY2026 Results Call\nAuto-generated transcript.\n', 'wrenby-group'],
    ['a legal form after a comma, above speaker lines with a role in brackets', 'Brightlake Data, Inc. - Q2 Fiscal 2026 Earnings Webcast\nSpeakers: Operator; Lukas Brenner (CFO)\n\n[00:05:43] Lukas Brenner (CFO): Turning to operating results. On a GAAP basis, we had an operating loss of $8.4 million, compared with a loss of $21.7 million a year ago.\n', 'brightlake-data'],
    ['a PDF cover with the ticker on the line under the name', 'KESTREL RIDGE INDUSTRIES INC.\n(TSX: KRI)\n\nQ2 Fiscal 2026 Earnings Conference Call\n', 'kestrel-ridge-industries'],
    ['a welcome a PDF wrapped over two lines', 'OPERATOR:\nGood morning, ladies and gentlemen, and welcome to the Tallis Ridge Minerals second\nquarter fiscal 2026 earnings conference call. At this time, all participants are in a\n', 'tallis-ridge-minerals'],
    ['a Chinese news headline on the results, with a news lead naming its source first', '首页 | 财经\n\n澄湖科技二季度营收23.76亿元同比增长18.3%\n\n2025-08-21 19:45 来源：示例财经\n\n示例财经讯　澄湖科技于8月21日召开业绩说明会。\n', 'chenghu'],
    ["a machine transcript's welcome in lower case", 'Speaker 1: good morning and welcome to the larkwood stores third quarter fiscal twenty twenty five earnings conference call\n', 'larkwood-stores'],
    ["a lower-case welcome to a name with 'and' inside it", 'Speaker 1  00:00:02\ngood morning and welcome to the larkmoor and finch third quarter fiscal twenty twenty six earnings conference call\n', 'larkmoor-and-finch'],
    ["a wire story's lead", 'Markets | Technology\n\nBy Anna Kell\n\nMUNICH, Oct 23 (Northwire) - Brisbane Tools SE raised its forecast after a conference call.\n', 'brisbane-tools'],
  ])('reads %s', (_what, text, id) => expect(idOf(text)).toBe(id));

  it("spells the company as a machine transcript's typed title does, not as the welcome was heard", () => {
    const text = [
      'harbourline foods q3 fiscal 2026 earnings call (auto-generated transcript)',
      '',
      'speaker 1 (00:00:02)',
      'good morning and welcome to the harbour line foods third quarter fiscal twenty twenty six earnings conference call',
      '',
      'speaker 3 (00:01:18)',
      'thanks and good morning, the customer continues to choose harbour line and net sales were up five percent',
    ].join('\n');
    expect(idOf(text)).toBe('harbourline-foods');
    // A title naming someone else (the publisher) is no statement about the call: the welcome decides.
    expect(idOf(text.replace('harbourline foods q3', 'Marketfold Daily Q3'))).toBe('harbour-line-foods');
  });

  it('takes no filler or pronoun of a lower-case welcome for a name', () => {
    expect(() => idOf('Speaker 1: welcome to the um third quarter call\n')).toThrow(/which company/);
    expect(() => idOf('Speaker 1: good morning and welcome to our third quarter earnings call\n')).toThrow(/which company/);
  });

  it('never files a call under a company it only mentions, however often', () => {
    const text = [
      'Quillon Systems, Inc. (QLN) Q3 2025 Earnings Call',
      '',
      'Operator',
      '',
      "Welcome to Quillon Systems' third quarter 2025 earnings call.",
      '',
      'Our partner Tessaly shipped on Tessaly Cloud; Tessaly and Tessaly again and Tessaly, Inc. resold it.',
    ].join('\n');
    expect(idOf(text)).toBe('quillon-systems');
  });

  it('asks for the sidecar line when only a host introduction names the company', () => {
    expect(() => idOf('Operator\n\nI am Ann Lee, head of investor relations at Quillon Systems. Thank you.\n')).toThrowErrorMatchingInlineSnapshot(`[ConvertError: cannot tell which company this transcript is about: only line 3 (host): "I am Ann Lee, head of investor relations at Quillon Systems." names one, which is not enough]`);
  });

  it('makes the id of a company named only in Chinese from the pinyin of its name', () => {
    expect(idOf('欢迎参加星辉物流 2025 年第二季度业绩电话会议。\n')).toBe('xinghuiwuliu');
    expect(idOf('青岚云科技有限公司\n\n2025 年第三季度\n\n业绩发布电话会\n')).toBe('qinglanyun');
  });

  it('joins the names a bilingual call gives itself in each script', () => {
    const text = [
      '华澜食品 (2288.HK) 2026 财年第一季度业绩电话会',
      '',
      "Operator: Good morning, and welcome to Hualan Foods Group's first quarter fiscal year 2026 earnings conference call.",
      '主持人：早上好，欢迎参加华澜食品集团 2026 财年第一季度业绩电话会议。',
    ].join('\n');
    expect(idOf(text)).toBe('hualan-foods-group');
  });

  it('does not join a Chinese title with an English welcome when two English names compete: it asks', () => {
    const text = [
      '华澜食品 (2288.HK) 2026 财年第一季度业绩电话会',
      '',
      "Operator: Good morning, and welcome to Hualan Foods Group's first quarter fiscal year 2026 earnings conference call.",
      "Operator: Good morning, and welcome to Marrow & Finch Co.’s fourth quarter 2025 earnings call.",
    ].join('\n');
    expect(() => idOf(text)).toThrow(/names two companies as its own/);
  });

  it('takes a name the transcriber misheard in one welcome and the name said in the rest of the call as one company', () => {
    const text = [
      'speaker 1 (00:00:04)',
      'good morning and welcome to the green mirror markets third quarter fiscal twenty twenty five conference call',
      '',
      'speaker 2 (00:00:31)',
      'thank you operator and thanks for joining us for greenmere markets third quarter fiscal twenty twenty five earnings call',
      '',
      'speaker 3 (00:01:10)',
      'net earnings attributable to greenmere were two hundred forty eight million dollars and we feel good about where greenmere is heading',
    ].join('\n');
    expect(idOf(text)).toBe('greenmere-markets');
    // A slip at the start of a long name ("arrow field" for "yarrafield") is one too.
    const slip = [
      '[00:00:04] Speaker 1: thank you for standing by and welcome to the arrow field minerals first quarter fiscal twenty twenty six results call',
      '',
      '[00:00:31] Speaker 2: thanks very much and good morning everyone thanks for joining the yarrafield minerals first quarter results call',
      '',
      '[00:01:10] Speaker 2: yarrafield had a strong quarter and yarrafield shipped more than ever',
    ].join('\n');
    expect(idOf(slip)).toBe('yarrafield-minerals');
    // Said once each, the name in fewer words is the one a transcriber did not split.
    expect(idOf(slip.replace(/\n\n\[00:01:10\].*$/, ''))).toBe('yarrafield-minerals');
    // One welcome may say a word more ("energy"), and a coined name split into two common words
    // keeps its consonants ("arrow wind" for "yarrawind").
    const split = [
      '[00:00:04] Speaker 1: thank you for standing by and welcome to the arrow wind energy first quarter fiscal twenty six results briefing',
      '',
      "[00:00:29] Speaker 2: thanks very much and um good morning everyone thanks for joining us for the yarrawind first quarter update for fiscal twenty six so that's the three months to the thirtieth of september",
      '',
      '[00:01:10] Speaker 2: yarrawind had a solid quarter',
    ].join('\n');
    expect(idOf(split)).toBe('yarrawind');
    expect(calendarOf(split)).toMatchObject({ quarter: 'FY2026Q1', end: '2025-09-30', fye: 6 });
    expect(() => idOf(split.replace('arrow wind energy', 'harbour wind energy'))).toThrow(/names two companies as its own/);
    // Two names that differ by more than a slip of the ear stay two: the converter asks.
    expect(() => idOf(text.replace('green mirror markets', 'harbor view markets'))).toThrow(/names two companies as its own/);
  });
});

describe('fiscal calendar from the text', () => {
  it('keeps a fiscal year named by the year it starts in, and ends its quarter a year later than the name', () => {
    expect(calendarOf('Hoshiba Electric Corporation\nFinancial Results Briefing for the Second Quarter of Fiscal 2025 (Fiscal Year Ending March 31, 2026)\n')).toEqual({ quarter: 'FY2025Q2', end: '2025-09-30', fye: 3, how: 2 });
    expect(calendarOf('Hoshiba Electric Corporation\nFinancial Results Briefing for the Second Quarter of Fiscal 2026 (Fiscal Year Ending March 31, 2026)\n')).toEqual({ quarter: 'FY2026Q2', end: '2025-09-30', fye: 3, how: 2 });
    // Written "Q1 FY2026", the year named by its start the same way.
    expect(calendarOf('Hoshiba Electric Co., Ltd.\nFinancial Results Briefing for Q1 FY2026 (Fiscal Year Ending March 31, 2027)\nNotes: Our fiscal year runs from April 1 to March 31.\n')).toEqual({ quarter: 'FY2026Q1', end: '2026-06-30', fye: 3, how: 2 });
  });
  it('reads "the September quarter results" with a fiscal quarter as the quarter ending in September', () => {
    expect(calendarOf('Speaker 1: welcome to the yarrafield minerals first quarter fiscal twenty twenty six results briefing\nSpeaker 2: thanks for joining us for the yarrafield minerals september quarter results\n')).toMatchObject({ quarter: 'FY2026Q1', end: '2025-09-30', fye: 6 });
  });
  it('reads a results statement\'s "for the year ended 30 June 2025" as the fiscal year end', () => {
    expect(calendarOf('Operator: Welcome to the Carrow Group plc full year and fourth quarter results call for the year ended 30 June 2025.\nQ4 FY25 revenue was £412.3m.\n')).toMatchObject({ quarter: 'FY2025Q4', end: '2025-06-30', fye: 6 });
  });
  it('reads the fiscal year end from a quarter stated with the day it ended', () => {
    expect(calendarOf('Tessaly (TSLY) Q4 2025 Earnings Call\nResults for the fourth quarter of fiscal 2025 ended February 28, 2025.')).toEqual({
      quarter: 'FY2025Q4',
      end: '2025-02-28',
      fye: 2,
      how: 1,
    });
    expect(calendarOf('Revenue was up for the fiscal second quarter ended July 31, 2025.\nQuarter: Q2 2026')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-07-31', fye: 1 });
    // A company that names its fiscal year by the year it starts in keeps its own name, with the stated end.
    expect(calendarOf('Penrose Stores Third Quarter Fiscal 2025 Earnings Call\nAs a reminder, the third quarter of fiscal 2025 was the thirteen weeks ended November 1, 2025.')).toMatchObject({ quarter: 'FY2025Q3', end: '2025-11-01', fye: 1, how: 1 });
    expect(calendarOf('welcome to the Penrose Stores third quarter fiscal 2025 earnings call\nwe are pleased with the third quarter which ended November 1, 2025.')).toMatchObject({ quarter: 'FY2025Q3', end: '2025-11-01', fye: 1 });
    expect(calendarOf('Results for the fourth quarter of fiscal 2025 ended January 31, 2026.')).toMatchObject({ quarter: 'FY2025Q4', end: '2026-01-31', fye: 1 });
    // A quarter named, and its weeks' last day stated apart from it (spoken).
    expect(calendarOf('welcome to the larkmoor brands fourth quarter fiscal twenty twenty six earnings call\nyou can see that in the results for the thirteen weeks ended january thirty first twenty twenty six net sales were')).toMatchObject({ quarter: 'FY2026Q4', end: '2026-01-31', fye: 1 });
    expect(calendarOf('Q4 FY2026 results\nfor the 13 weeks ended February 1, 2026, net sales rose')).toMatchObject({ quarter: 'FY2026Q4', end: '2026-02-01', fye: 1 });
    // Spoken years and days in a machine transcript.
    expect(calendarOf('welcome to the larkmoor third quarter fiscal twenty twenty six call\nresults for the third quarter of fiscal twenty twenty six which is the thirteen weeks ended november first twenty twenty five joining me today')).toMatchObject({ quarter: 'FY2026Q3', end: '2025-11-01', fye: 1, how: 1 });
    // "…, which ended …", the statement wrapped over two lines as a PDF's text is.
    expect(calendarOf('Kestrel Works Q2 FY2026 Earnings Call\nThis morning we released our results for the second quarter of\nfiscal 2026, which ended April 30, 2026. The press release is on our website.')).toMatchObject({ quarter: 'FY2026Q2', end: '2026-04-30', fye: 10, how: 1 });
  });

  it('reads the quarter and the period it covers from one sentence, the date written either way round', () => {
    expect(calendarOf('Operator: welcome to the Wrenby plc third quarter trading update and results conference call for the three months to 31 December 2025.')).toMatchObject({ quarter: 'FY2026Q3', end: '2025-12-31', fye: 3, how: 1 });
    expect(calendarOf('Welcome to the Acme second quarter conference call, covering the three months ended June 30, 2025.')).toMatchObject({ quarter: 'FY2025Q2', end: '2025-06-30', fye: 12, how: 1 });
    // A comparison's period is not the call's.
    expect(calendarOf('Quarter: Q2 2026\nComparisons are to the fiscal second quarter of 2025, the quarter ended September 30, 2024.\nRevenue for the quarter ended September 30, 2025 grew.')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-09-30' });
  });

  it('reads "the thirteen weeks ended" with the quarter it names', () => {
    expect(calendarOf('As a reminder, the third quarter of fiscal 2026 was the thirteen weeks ended November 1, 2025.')).toMatchObject({ quarter: 'FY2026Q3', end: '2025-11-01', fye: 1, how: 1 });
  });

  it('keeps a 52/53-week quarter end as stated', () => {
    expect(calendarOf('We reported results for the first quarter of fiscal year 2026 for 12 weeks ended November 23.')).toEqual({
      quarter: 'FY2026Q1',
      end: '2025-11-23',
      fye: 8,
      how: 1,
    });
  });

  it('reads a Chinese statement of fiscal quarter and quarter end', () => {
    expect(calendarOf('欢迎参加2024 财年第三财季业绩电话会，本季度截至 3 月 31 日。')).toMatchObject({ quarter: 'FY2024Q3', end: '2024-03-31', fye: 6 });
  });

  it('takes a calendar fiscal year when "Q3 2025" goes with a September quarter end', () => {
    expect(calendarOf('Quillon (QLN) Q3 2025 Earnings Call\nSee our report for the quarter ended September 30, 2025.')).toEqual({ quarter: 'FY2025Q3', end: '2025-09-30', fye: 12, how: 2 });
  });

  it('places the quarter by the call date when the text states no quarter end', () => {
    // A calendar-quarter end six weeks before the call fits "Q2 2026" only with a March year end.
    expect(calendarOf('Brisk Ltd (BRSK) Q2 2026 Earnings Call November 12, 2025 8:00 AM ET')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-09-30', fye: 3, how: 3 });
    // No calendar-quarter end fits "Q3 2025" before a call on 21 November 2024: October does.
    expect(calendarOf('Larkspur (LKSP) Q3 2025 Earnings Call Nov. 21, 2024 at 5 p.m. ET')).toMatchObject({ quarter: 'FY2025Q3', end: '2024-10-31', fye: 1, how: 3 });
  });

  it('prefers the quarter the header names over quarters discussed in the call', () => {
    const text = 'Company: Tessaly (Tessaly)\nQuarter: Q2 2026\n\nFor Q3 fiscal 2026 we expect growth. Q3 fiscal 2026 will be strong. In Q3 FY2026 too.';
    expect(calendarOf(text).quarter).toBe('FY2026Q2');
  });

  it('reads a stated fiscal year end, and a quarter end from "the period ending"', () => {
    expect(calendarOf('Brunnwald — Q4 FY2025 Earnings Call\nThe fiscal year ended on September 30, 2025.')).toEqual({ quarter: 'FY2025Q4', end: '2025-09-30', fye: 9, how: 2 });
    expect(calendarOf('Larchmont (LRCH) Q2 2026 Earnings Call\nOur fiscal year ends on June 30.')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-12-31', fye: 6 });
    expect(calendarOf('Larchmont (LRCH) Q2 2026 Earnings Call\nLRCH earnings call for the period ending December 31, 2025.')).toMatchObject({ end: '2025-12-31', fye: 6, how: 2 });
    // A 52/53-week year ("ends on the Saturday nearest …") is not read as a month end.
    expect(calendarOf('Brisk (BRSK) Q2 2026 Earnings Call\nOur fiscal year ends on June 27.')).toMatchObject({ how: 4 });
  });

  it('reads a quarter named with the end of its fiscal year, as Japanese companies write it', () => {
    expect(calendarOf('白妙精機 2027年3月期 第1四半期 決算説明会')).toEqual({ quarter: 'FY2027Q1', end: '2026-06-30', fye: 3, how: 1 });
    expect(calendarOf('第2四半期（2026年3月期）の売上収益は…')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-09-30', fye: 3 });
    expect(calendarOf('Results for the first quarter of the fiscal year ending March 31, 2027.')).toEqual({ quarter: 'FY2027Q1', end: '2026-06-30', fye: 3, how: 1 });
  });

  it('reads the quarter of a "Q4 and full year" title before later mentions of the next quarter', () => {
    const text = '# Brenn AG – Q4 and Full-Year FY2025 Results Call\n*Fiscal year ended 30 September 2025.*\n\nFor the first quarter of fiscal 2026 we expect growth.';
    expect(calendarOf(text)).toEqual({ quarter: 'FY2025Q4', end: '2025-09-30', fye: 9, how: 2 });
  });

  it('reads "financial year runs from 1 July to 30 June" and a quarter of a split year, "Q1 2026/27"', () => {
    expect(calendarOf('Kvarn AB (publ) — Interim report (Q1 2026/27)\nOur financial year runs from 1 July to 30 June.')).toMatchObject({ quarter: 'FY2027Q1', end: '2026-09-30', fye: 6 });
    expect(calendarOf('This is the second quarter of the financial year 2026/27.\nOur financial year runs from July 1 to June 30.')).toMatchObject({ quarter: 'FY2027Q2', end: '2026-12-31', fye: 6 });
  });

  it('reads the end of a 52/53-week "financial year" stated with its date', () => {
    expect(calendarOf('Kestrel (KST) Q4 FY2026 Results\nFiscal 2026 was a 53-week year ended 31 October 2026.')).toMatchObject({ quarter: 'FY2026Q4', end: '2026-10-31', fye: 10 });
    expect(calendarOf('Kestrel (KST) Q4 FY2026 Results\nOur financial year ended on 31 October 2026.')).toMatchObject({ fye: 10 });
  });

  it('reads a 52/53-week quarter given by its weeks and its financial year', () => {
    const text = 'This update covers the 13 weeks to 1 November 2025, the third quarter of our financial year ending 31 January 2026.';
    expect(calendarOf(text)).toEqual({ quarter: 'FY2026Q3', end: '2025-11-01', fye: 1, how: 1 });
    expect(calendarOf('Results for the second quarter of the fiscal year ending March 2026.')).toMatchObject({ quarter: 'FY2026Q2', end: '2025-09-30', fye: 3 });
  });

  it('never takes the end of a period for the call date', () => {
    expect(headerCallDate(lines('Acme (ACME) Q2 2026 Earnings Call\nfor the period ending December 31, 2025.\nDate: Thursday, February 5, 2026'))).toEqual({ date: '2026-02-05', line: 3 });
  });

  it('reads the call date from a header, never from scraper metadata', () => {
    expect(headerCallDate(lines('Scraped: 2026-05-29T22:27:30\nWednesday, Aug. 27, 2025 at 5 p.m. ET'))).toEqual({ date: '2025-08-27', line: 2 });
    expect(headerCallDate(lines('📅 Date 日期: 2025-12-02 (Tuesday) 4:30 p.m. ET'))).toEqual({ date: '2025-12-02', line: 1 });
  });
});

describe('a call with no profile converts', () => {
  const call = [
    'Quillon Systems, Inc. (QLN) Q2 2026 Earnings Call August 27, 2025 5:00 PM ET',
    '',
    'Company Participants',
    '',
    'Ann Lee - Head of Investor Relations',
    'Raj Patel - Chief Executive Officer',
    '',
    'Conference Call Participants',
    '',
    'Tom Reed - Example Capital, Research Division',
    '',
    'Operator',
    '',
    "Welcome to Quillon Systems' second quarter fiscal 2026 earnings call, for the fiscal second quarter ended July 31, 2025.",
    '',
    'Raj Patel',
    '',
    'Revenue was $512 million, up 14% year over year.',
    '',
    'Operator',
    '',
    'Our first question comes from Tom Reed with Example Capital.',
    '',
    'Tom Reed',
    '',
    'How was demand?',
    '',
    'Raj Patel',
    '',
    'Strong.',
  ].join('\n');

  it('files it under the company the text names, with its fiscal calendar and date', () => {
    const r = convert([textInput('seeds/quillon.txt', call)]);
    expect(r.errors).toEqual([]);
    const c = r.calls[0]!;
    expect([c.company, c.quarter, c.period_end, c.call_date]).toEqual(['quillon-systems', 'FY2026Q2', '2025-07-31', '2025-08-27']);
    expect(c.inferred_company).toMatchObject({ id: 'quillon-systems', names: { en: 'Quillon Systems' }, ticker: 'QLN', legal_name: 'Quillon Systems, Inc.', fiscal_year_end: '01-31', origin: 'text' });
  });
});

describe('people from the text', () => {
  it('takes a job title from an introduction, never the next person\'s words', () => {
    const intro = ['With me today are our CEO, Jonas Achterberg, and our CFO, Elif Demir.'];
    expect(titleFromIntroduction(intro, 'Jonas Achterberg')).toBe('CEO');
    expect(titleFromIntroduction(intro, 'Elif Demir')).toBe('CFO');
    expect(titleFromIntroduction(['Joining me is Laura Mendes, our Chief Financial Officer.'], 'Laura Mendes')).toBe('Chief Financial Officer');
  });

  it('takes the recording times out of timestamped turns, and only out of a recording', () => {
    const lines = ['[00:00:03] Operator: Good morning.', '(00:01:05) Jonas Achterberg: Thank you.', 'Elif Demir [00:02:26]: Thank you, Jonas.', '00:03:02 Elif Demir: By segment, ...'].map((text) => ({ text }));
    expect(withoutRecordingTimes(lines).map((l) => l.text)).toEqual(['Operator: Good morning.', 'Jonas Achterberg: Thank you.', 'Elif Demir: Thank you, Jonas.', 'Elif Demir: By segment, ...']);
    // One sentence that starts with a time of day is not a recording's export.
    const one = [{ text: '10:30 a.m. is when the market opened.' }, { text: 'Revenue grew.' }];
    expect(withoutRecordingTimes(one)).toEqual(one);
  });

  it('reads a call whose every turn carries its time into the recording', () => {
    const text = readFileSync(join(root, 'tests/fixtures/layouts/inline-turns-timestamped-labels.txt'), 'utf8');
    const r = convert([textInput('seeds/brennholt.txt', text)]);
    expect(r.errors).toEqual([]);
    const c = r.calls[0]!;
    const byId = new Map(c.speakers.map((s) => [s.id, s]));
    expect(byId.get('jonas-achterberg')).toMatchObject({ role: 'executive', title: 'CEO' });
    expect(byId.get('claire-dubois')).toMatchObject({ role: 'analyst', firm: 'Banque Arcelle' });
    const quotes = c.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(quotes.some((q) => /\d{2}:\d{2}:\d{2}/.test(q))).toBe(false);
    const revenue = c.figures.find((f) => f.segment === 'group' && f.metric === 'revenue');
    expect(revenue?.value).toBe(1_420_000_000);
  });
});

describe('a Taiwanese briefing with titled labels inline', () => {
  it('reads "財務長 王美惠：" as an executive, "凱基證券 林建宏：" as an analyst of that firm, and the product lines', () => {
    const text = readFileSync(join(root, 'tests/fixtures/layouts/zh-hant-inline-title-labels.txt'), 'utf8');
    const r = convert([textInput('seeds/ruisheng.txt', text)]);
    expect(r.errors).toEqual([]);
    const c = r.calls[0]!;
    const who = (name: string) => c.speakers.find((s) => s.name === name);
    expect(who('王美惠')).toMatchObject({ role: 'executive', title: '財務長' });
    expect(who('林建宏')).toMatchObject({ role: 'analyst', firm: '凱基證券' });
    expect(who('張家豪')).toMatchObject({ role: 'analyst', firm: '元大投顧' });
    expect(who('主持人')).toMatchObject({ role: 'operator' });
    expect(c.sources[0]!.sections.map((s) => s.id)).toEqual(['prepared-remarks', 'qa']);
    const fig = (segment: string, metric: string, basis?: string) => c.figures.find((f) => f.segment === segment && f.metric === metric && (basis === undefined || f.basis === basis))?.value;
    expect(fig('group', 'revenue')).toBe(15_230_000_000);
    expect(fig('group', 'revenue_yoy_pct', 'yoy')).toBe(18.6);
    // "季增" is the change on the previous quarter.
    expect(fig('group', 'revenue_yoy_pct', 'qoq')).toBe(7.2);
    expect(fig('cheyongguangxue', 'revenue')).toBe(6_850_000_000);
    // The nine months' revenue is not the quarter's.
    expect(c.figures.some((f) => f.value === 42_170_000_000)).toBe(false);
  });
});

describe('where the Q&A starts', () => {
  it('is not at a broker who hosts the call and speaks before management', () => {
    const text = [
      'Acme Foods Limited Q2 FY27 Earnings Conference Call',
      'MANAGEMENT: MR. JOHN ROE – CHIEF FINANCIAL OFFICER, ACME FOODS LIMITED',
      'MODERATOR: MR. RAVI SHAH – CORBIN CAPITAL',
      '',
      'Moderator: Ladies and gentlemen, welcome to the Acme Foods Q2 FY27 earnings call hosted by Corbin Capital. There will be an opportunity to ask questions after the presentation. I now hand over to Mr. Ravi Shah.',
      '',
      'Ravi Shah: Thank you. Good evening, everyone. I welcome you all to the call and hand over to the management.',
      '',
      'John Roe: Thank you, Ravi. Revenue from operations was Rs. 512 crores, up 9% Y-o-Y.',
      '',
      'John Roe: Gross margin was 41.2%.',
      '',
      'Moderator: Thank you. The first question is from the line of Meera Nair from Lotus Securities.',
      '',
      'Meera Nair: What drove the margin?',
      '',
      'John Roe: Lower input costs, mainly palm oil and packaging.',
      '',
      'Moderator: Thank you. The next question is from the line of Arjun Das from Vega Research.',
      '',
      'Arjun Das: How much did volumes grow in the quarter?',
      '',
      'John Roe: Volumes grew about 6% across the portfolio.',
      '',
      'Moderator: Thank you. That was the last question.',
    ].join('\n');
    const r = convert([textInput('seeds/acme-foods.txt', text)]);
    expect(r.errors).toEqual([]);
    const sections = r.calls[0]!.sources[0]!.sections.map((s) => [s.id, s.turns.map((t) => t.speaker)]);
    expect(sections.map(([id]) => id)).toEqual(['introduction', 'prepared-remarks', 'qa']);
    expect(sections[2]![1]).toContain('meera-nair');
    expect(sections[0]![1]).toContain('ravi-shah');
  });
});

describe('labels that give a firm', () => {
  it('reads "Name - Firm" as an analyst of that firm, "Name - Title" as an executive', async () => {
    const { parseDashLabel } = await import('../scripts/lib/layouts/shared.ts');
    expect(parseDashLabel('Michael Cho - Westbridge Asia Research')).toEqual({ text: 'Michael Cho - Westbridge Asia Research', name: 'Michael Cho', role: 'analyst', firm: 'Westbridge Asia Research' });
    expect(parseDashLabel('Jane Doe - Chief Financial Officer')).toEqual({ text: 'Jane Doe - Chief Financial Officer', name: 'Jane Doe', title: 'Chief Financial Officer' });
    expect(parseDashLabel('Jane Doe - Head of Research')).toMatchObject({ title: 'Head of Research' });
  });
});

describe('a briefing with a speakers list and family-name labels', () => {
  it('takes the company from "Name, Ltd. (TSE Prime: 6487)", people from "Speakers:" and "Ono:" as the listed Takeshi Ono', () => {
    const text = [
      'Minato Kogyo, Ltd. (TSE Prime: 6487)',
      'Financial Results Briefing for the Second Quarter of Fiscal Year Ending March 2026',
      'October 30, 2025',
      '',
      'Speakers:',
      'Hiroshi Mori, Representative Director, President and CEO',
      'Aiko Nishi, Director, Managing Executive Officer, CFO',
      'Takeshi Ono, General Manager, Corporate Communications and IR Department',
      '',
      'Ono: Thank you for waiting. We will start the financial results briefing of Minato Kogyo. First, Nishi will explain the results.',
      '',
      'Nishi: Thank you. Net sales for the second quarter was 312.4 billion yen, increase of 6.1% from the same period of last year.',
      '',
      'Nishi: Operating profit forecast is revised from previous 92.0 billion yen to 98.0 billion yen.',
      '',
      'Ono: We will take questions. First, Mr. Kanda of Hoshino Securities, please.',
      '',
      'Kanda: Thank you. Could you explain the reason for the revision of the forecast?',
      '',
      'Nishi: The main reason is the weaker yen and the strong demand in semiconductor equipment.',
      '',
      'Ono: Next, Ms. Hirai of Tamura Capital, please.',
      '',
      'Hirai: What is the order trend in the third quarter so far?',
      '',
      'Mori: Orders remain strong, especially in Asia.',
    ].join('\n');
    const r = convert([textInput('seeds/minato.txt', text)]);
    expect(r.errors).toEqual([]);
    const c = r.calls[0]!;
    expect([c.company, c.quarter]).toEqual(['minato-kogyo', 'FY2026Q2']);
    const role = (id: string) => c.speakers.find((s) => s.id === id)?.role;
    expect(['ono', 'nishi', 'mori', 'kanda', 'hirai'].map(role)).toEqual(['investor-relations', 'executive', 'executive', 'analyst', 'analyst']);
    expect(c.speakers.find((s) => s.id === 'kanda')?.firm).toBe('Hoshino Securities');
    expect(c.figures.find((f) => f.metric === 'revenue')?.value).toBe(312.4e9);
    expect(c.guidance.map((g) => [g.metric, g.low, g.high])).toEqual([['operating_income', 98e9, 98e9]]);
  });
});

describe('the names of a company known only from its calls', () => {
  it('shows a company named only in Chinese by its Chinese name, not by its ticker or its id', () => {
    const c = inferredCompany('688417-sh', { evidence: [], weight: 2, zhName: '启衡科技', ticker: '688417.SH' }, { month: 12, day: 31 });
    expect(c.names).toEqual({ en: '启衡科技', 'zh-Hans': '启衡科技' });
    expect(c.aliases).toContain('688417.SH');
    expect(inferredCompany('acme', { evidence: [], weight: 2, name: 'Acme Holdings Inc.', ticker: 'ACME' }, { month: 12, day: 31 }).names.en).toBe('Acme');
  });
});
