/**
 * The reading rules, one table of sentences per class of error a careless reader makes (the
 * classes of issue 11: sign, time frame, metric boundaries, context, Chinese orderings, new
 * metrics). Sentences are written for these tests about a fictional company with two segments.
 */
import { describe, expect, it } from 'vitest';
import { figureReader, guidancePeriod, guidancePeriodAt, guidanceTarget } from '../scripts/lib/figures/extract.ts';
import { topicOf, type Entity } from '../scripts/lib/figures/read.ts';
import { columns, continuedHeader, rowSentences } from '../scripts/lib/figures/tables.ts';
import { tableCells } from '../scripts/lib/text.ts';
import { spokenStatements } from '../scripts/lib/figures/sentences.ts';
import { parseQuarterId } from '../src/lib/quarters.ts';
import { companySchema, type Company, type Source, type Speaker } from '../src/lib/schema.ts';
import { metrics, reading } from './helpers.ts';

const company: Company = companySchema.parse({
  id: 'zephyr',
  names: { en: 'Zephyr Group', 'zh-Hans': '和风集团' },
  aliases: ['Zephyr', '和风'],
  fiscal_year_end: '12-31',
  segments: [
    { id: 'group', names: { en: 'Zephyr Group' }, aliases: [], metrics: [] },
    { id: 'cloud', names: { en: 'Cloud', 'zh-Hans': '云业务' }, aliases: ['云智能'], metrics: [] },
    { id: 'retail', names: { en: 'Retail', 'zh-Hans': '零售业务' }, aliases: ['零售'], metrics: [] },
  ],
  people: [],
  metric_aliases: {},
});
const reader = figureReader({ company, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q3')! });
const speakersOf = new Map<string, Speaker>([['cfo', { id: 'cfo', name: 'Ann Lee', role: 'executive', labels: [] }]]);
/** One executive's prepared remarks, one paragraph each. */
const cfoTurn = (paragraphs: readonly string[]) => {
  let line = 0;
  return {
    key: 'en',
    layers: [{ lang: 'en', role: 'original', machine_translated: false }],
    sections: [{ id: 'prepared-remarks', turns: [{ speaker: 'cfo', label: 'cfo', line: ++line, paragraphs: paragraphs.map((text) => ({ id: `en-p-${++line}`, line, text, segments: [] })) }] }],
    exchanges: [],
    announcement: [],
    omitted: [],
  } as unknown as Source;
};

/** The figures (and guidance) a sentence gives: [segment, metric, value, unit], guidance marked. */
function read(sentence: string, entity?: Entity): Array<[string | null | undefined, string, number, string] | ['guidance' | 'guidance-cc', string, number, string]> {
  return reader
    .explain(sentence, entity)
    .filter((r) => r.decision !== 'skip')
    .map((r) => (r.decision === 'guidance' ? [r.frame === 'forecast-cc' ? 'guidance-cc' : 'guidance', r.metric!, r.value!, r.unit!] : [r.segment, r.metric!, r.value!, r.unit!]));
}

describe('sign', () => {
  // Read as the group's remarks (a topic sentence said so), so the entity is not what is tested here.
  it.each([
    ['Free cash flow was an outflow of RMB 12.4 billion.', [['group', 'free_cash_flow', -12.4e9, 'CNY']]],
    ['Net loss attributable to Zephyr was RMB 7.9 billion.', [['group', 'net_income', -7.9e9, 'CNY']]],
    ['Operating loss was US$310 million in the quarter.', [['group', 'operating_income', -310e6, 'USD']]],
    ['Our total adjusted EBITA turned to negative RMB 14 billion.', [['group', 'adjusted_ebita', -14e9, 'CNY']]],
    ['Net loss narrowed to US$45 million from US$80 million a year ago.', [['group', 'net_income', -45e6, 'USD']]],
    ['Operating margin was negative 4.3%.', [['group', 'operating_margin_pct', -4.3, '%']]],
    ['集团净亏损为人民币 12 亿元。', [['group', 'net_income', -1.2e9, 'CNY']]],
    ['本季度自由现金流为净流出人民币 35 亿元。', [['group', 'free_cash_flow', -3.5e9, 'CNY']]],
    ['每股摊薄亏损为人民币0.09元，上年同期为每股亏损人民币0.15元。', [['group', 'diluted_eps', -0.09, 'CNY']]],
    ['本季度净亏损率为3.8%。', [['group', 'net_margin_pct', -3.8, '%']]],
    // "整体" after a name the profile does not know is that part's whole; an amount after debt subtracted from cash is no cash balance.
    ['所以 NEE 整体收入增长是 11.6%。', [[null, 'revenue_yoy_pct', 11.6, '%']]],
    ['截至 9 月底，我们的净现金，也就是现金及短期投资减去有息负债，大约是 113.8 亿元。', []],
    // Figures spoken as words in a machine transcript; "one of our stores" stays words.
    ['Gross margin for the group was sixty eight point two percent up one point one percentage points.', [['group', 'gross_margin_pct', 68.2, '%']]],
    ['Group revenue was two hundred and fifty six point four million pounds, an increase of eleven percent.', [['group', 'revenue', 256.4e6, 'GBP'], ['group', 'revenue_yoy_pct', 11, '%']]],
    ['Diluted earnings per share were seven point four pence.', [['group', 'diluted_eps', 0.074, 'GBP']]],
    ['We opened one of our stores and two new ones.', []],
    // Growth in another currency than the one reported in is off the reported basis.
    ['In US dollar terms, revenue grew 19.8% year over year.', []],
    // A retailer's words: "cash and temporary cash investments", "adjusted FIFO operating profit".
    ['We ended the quarter with cash and temporary cash investments of 1.37 billion dollars.', [['group', 'cash_and_investments', 1.37e9, 'USD']]],
    ['We expect adjusted FIFO operating profit of $2.05 billion to $2.1 billion for the year.', [['guidance', 'non_gaap_operating_income', 2.05e9, 'USD'], ['guidance', 'non_gaap_operating_income', 2.1e9, 'USD']]],
    // A decimal comma before the sentence's own comma; "more than" an amount is a bound, not a comparison; "we confirm" a range forecasts.
    ['Diluted earnings per share were EUR 1,42, after EUR 1,12 in the second quarter of last year.', [['group', 'diluted_eps', 1.42, 'EUR']]],
    ['We continue to expect free cash flow of more than EUR 750 million for the full fiscal year.', [['guidance', 'free_cash_flow', 750e6, 'EUR']]],
    ['We confirm diluted earnings per share of EUR 5,60 to EUR 5,90.', [['guidance', 'diluted_eps', 5.6, 'EUR'], ['guidance', 'diluted_eps', 5.9, 'EUR']]],
    // A margin taken "of sales" is the margin; off-basis words of the next statement in run-on speech are not this figure's.
    ['Our gross margin rate was 27.6% of sales, up twenty basis points.', [['group', 'gross_margin_pct', 27.6, '%']]],
    ['gaap operating income was three hundred seventy two million dollars or an operating margin of 3.1% of sales adjusted operating profit which excludes the charge was four hundred sixty eight million dollars', [['group', 'operating_income', 372e6, 'USD'], ['group', 'operating_margin_pct', 3.1, '%']]],
    // A spoken range: the first number takes the unit and scale said after the second.
    ['We expect revenue of one point one five to one point two one billion pounds.', [['guidance', 'revenue', 1.15e9, 'GBP'], ['guidance', 'revenue', 1.21e9, 'GBP']]],
    // Hundreds said without "hundred"; dollars and cents said as words (never before a scale).
    ['We continue to expect capital expenditures for the year of three eighty to four hundred million dollars.', [['guidance', 'capex', 380e6, 'USD'], ['guidance', 'capex', 400e6, 'USD']]],
    ['net sales were two forty one point nine million dollars, up nine point eight percent', [['group', 'revenue', 241.9e6, 'USD'], ['group', 'revenue_yoy_pct', 9.8, '%']]],
    // After a per-share aside, the measure goes on: "up 15.2%" is the net income's growth.
    ['Net income was $41.7 million, or $0.38 per diluted share, up 15.2% from $36.2 million.', [['group', 'net_income', 41.7e6, 'USD'], ['group', 'diluted_eps', 0.38, 'USD'], ['group', 'net_income_yoy_pct', 15.2, '%']]],
    ['During the quarter we repurchased and cancelled 412,300 common shares under our normal course issuer bid for a total of $27.4 million.', [['group', 'buyback_usd', 27.4e6, 'USD']]],
    // "oh" said for a zero after the point; spelled words after "of" are an amount, not a source.
    ['We expect net sales of two point nine five billion to three point oh five billion dollars.', [['guidance', 'revenue', 2.95e9, 'USD'], ['guidance', 'revenue', 3.05e9, 'USD']]],
    // Dollars and cents said as two numbers after a per-share measure; the replaced range said in words is left out.
    ['we are raising our adjusted eps guidance to a range of four ninety five to five oh five from our prior range of four eighty five to five dollars', [['guidance', 'non_gaap_diluted_eps', 4.95, 'USD'], ['guidance', 'non_gaap_diluted_eps', 5.05, 'USD']]],
    ['we opened four ninety five stores', []],
    // A target the measure heads towards is no forecast of a period.
    ['we expect adjusted EBITDA margin of twenty seven to twenty eight percent so another step towards the thirty percent', [['guidance', 'adjusted_ebitda_margin_pct', 27, '%'], ['guidance', 'adjusted_ebitda_margin_pct', 28, '%']]],
    ['we expect revenue growth of five to five and a half percent for the year', [['guidance', 'revenue_yoy_pct', 5, '%'], ['guidance', 'revenue_yoy_pct', 5.5, '%']]],
    ['Diluted earnings per share were one dollar and four cents compared to ninety one cents a year ago.', [['group', 'diluted_eps', 1.04, 'USD']]],
    ['Adjusted diluted earnings per share were a dollar forty seven.', [['group', 'non_gaap_diluted_eps', 1.47, 'USD']]],
    ['We are raising our diluted eps guidance to five dollars ten to five dollars thirty.', [['guidance', 'diluted_eps', 5.1, 'USD'], ['guidance', 'diluted_eps', 5.3, 'USD']]],
    ['Capital expenditures were five dollars ten million.', []],
    // A run-on sentence: the measure after a number that has its own verb is the next clause's; "cash flow" is not cash.
    ['Operating cash flow was sixty eight point nine million pounds capital expenditure was sixteen point one million pounds.', [['group', 'operating_cash_flow', 68.9e6, 'GBP'], ['group', 'capex', 16.1e6, 'GBP']]],
    ['And three cash flow was fifty two point eight million pounds.', []],
    // A minus sign written on the number; a range's dash is none.
    ['自由现金流为 -6.3 亿元，较上一季度的 -14.9 亿元明显改善。', [['group', 'free_cash_flow', -0.63e9, 'CNY']]],
    ['Operating margin was −11.6%.', [['group', 'operating_margin_pct', -11.6, '%']]],
    ['Revenue grew 10-12% in the quarter.', [['group', 'revenue_yoy_pct', 10, '%'], ['group', 'revenue_yoy_pct', 12, '%']]],
    // A growth rate that came down to a level is that level; a rate that fell by so much is a decline.
    ['It was provisions that took the net income growth down to 6%.', [['group', 'net_income_yoy_pct', 6, '%']]],
    ['Revenue growth slowed to 6% in the quarter.', [['group', 'revenue_yoy_pct', 6, '%']]],
    ['Revenue fell 6% in the quarter.', [['group', 'revenue_yoy_pct', -6, '%']]],
    ['收入增速回落至 6%。', [['group', 'revenue_yoy_pct', 6, '%']]],
  ] as const)('%s', (s, expected) => expect(read(s, { kind: 'group' })).toEqual(expected));
});

describe('time frame and modality', () => {
  // Read as the group's remarks (a topic sentence said so), so the entity is not what is tested here.
  it.each([
    ['We will continue our three-year plan to invest RMB 200 billion in cloud infrastructure.', []],
    // The call's quarter named after a cumulative period, or right after the value, is the value's.
    ['For the first nine months, operating cash flow was ¥46.8 billion, of which the third quarter, three months, was ¥27.5 billion.', [['group', 'operating_cash_flow', 27.5e9, 'JPY']]],
    ['Capital expenditure was 31.4 billion yen for the first nine months and 11.9 billion yen in the third quarter.', [['group', 'capex', 11.9e9, 'JPY']]],
    // (Another quarter is not the call's: "in the second quarter" of a third quarter's call.)
    ['Capital expenditure was 31.4 billion yen for the first nine months and 11.9 billion yen in the second quarter.', []],
    // A Chinese correction with the measure said again: the first value is taken back.
    ['營業利益為36.8億元——抱歉，這邊更正一下，營業利益是38.6億元。', [['group', 'operating_income', 3.86e9, 'CNY']]],
    ['Operating income was US$36.8 million -- sorry, operating income was US$38.6 million.', [['group', 'operating_income', 38.6e6, 'USD']]],
    // "二季度" without 第 is a period word, not a part of the company.
    ['公司二季度实现毛利9.17亿元，毛利率为38.6%。', [['group', 'gross_profit', 9.17e8, 'CNY'], ['group', 'gross_margin_pct', 38.6, '%']]],
    // "should be" in a correction is no forecast; "or 17.2% of segment revenue" is the segment measure's margin.
    ['Statutory diluted earnings per share was 8.9p, sorry, that should be 9.8p.', [['group', 'diluted_eps', 0.098, 'GBP']]],
    ['Cloud operating income was US$68.9 million, or 17.2% of segment revenue.', [['cloud', 'operating_income', 68.9e6, 'USD'], ['cloud', 'operating_margin_pct', 17.2, '%']]],
    // "较9月末的79.8亿元": the value compared against.
    ['公司现金及现金等价物合计86.4亿元，较9月末的79.8亿元有所增加。', [['group', 'cash_and_investments', 8.64e9, 'CNY']]],
    // A quarter of an earlier year written "3Q25" after the value; a basis before IFRS 16.
    ['Net revenue totaled R$ 4.312,6 million in the third quarter, 9,4% above the R$ 3.942,0 million of 3Q24.', [['group', 'revenue', 4312.6e6, 'BRL']]],
    ['In the concept pre-IFRS 16, that is, deducting the rent payments, the adjusted EBITDA was R$ 371,8 million.', []],
    // "Basic and diluted … were $0.43 and $0.42, respectively": the second is diluted, and a prefix before "basic" holds for both.
    ['Basic and diluted net income per ADS were US$0.43 and US$0.42, respectively.', [['group', 'diluted_eps', 0.42, 'USD']]],
    ['Non-GAAP basic and diluted net income per ADS were US$0.54 and US$0.53, respectively.', [['group', 'non_gaap_diluted_eps', 0.53, 'USD']]],
    // A list of cash items with "short-term and long-term investments"; a programme's total since its launch.
    ['We had cash, cash equivalents, restricted cash, short-term and long-term investments of US$1.27 billion.', [['group', 'cash_and_investments', 1.27e9, 'USD']]],
    ['Since the launch of our current program, we have repurchased a total of US$63.8 million out of the US$150 million authorized.', []],
    ['Since the programme began we have returned £88.6 million to shareholders through buybacks.', []],
    // A correction that says the speaker misread the value before it.
    ['Operating margin was 4.3% — sorry, I misread that, operating margin was 3.4%.', [['group', 'operating_margin_pct', 3.4, '%']]],
    // A part of a total said before it; a forecast the amount's own clause states after it, the range's start taking the measure after its end.
    ['Of the £190m to £210m total capex we\'re guiding for the year, Leeds is about £95m.', [['guidance', 'capex', 190e6, 'GBP'], ['guidance', 'capex', 210e6, 'GBP']]],
    ['We reaffirm a consolidated operating margin of 10% to 12% by 2028, and a return on equity above 10%.', [['guidance', 'operating_margin_pct', 10, '%'], ['guidance', 'operating_margin_pct', 12, '%']]],
    // The year of a date before the measure is no full year; a spoken year before it is no line of revenue.
    ['In the results for the thirteen weeks ended January 31 2026 net sales were $612.4 million.', [['group', 'revenue', 612.4e6, 'USD']]],
    ['results for the weeks ended january thirty first twenty twenty six net sales were six hundred twelve point four million dollars', [['group', 'revenue', 612.4e6, 'USD']]],
    // "per cent" in two words; an amount a change takes out of a measure is not its level.
    ['Revenue was A$842.6 million, up 11.4 per cent, and the EBITDA margin was 24.6 per cent.', [['group', 'revenue', 842.6e6, 'AUD'], ['group', 'revenue_yoy_pct', 11.4, '%'], ['group', 'adjusted_ebitda_margin_pct', 24.6, '%']]],
    ['Our guidance reflects the wholesale exit, which takes out roughly $85 million of net sales.', []],
    // Growth on a 52-week basis in a 53-week year is not the reported growth.
    ['Fourth-quarter revenue was £612.8 million, up 11.4%, and up 3.9% on a 52-week comparable basis.', [['group', 'revenue', 612.8e6, 'GBP'], ['group', 'revenue_yoy_pct', 11.4, '%']]],
    // "£28.9m" holds no "9m" (nine months); "statutory" is no line of the operating margin.
    ['Statutory profit after tax was £28.9m, and underlying profit after tax was £41.9m.', [['group', 'net_income', 28.9e6, 'GBP'], ['group', 'non_gaap_net_income', 41.9e6, 'GBP']]],
    ['Operating profit was £41.7m, which gives a statutory operating margin of 8.6%.', [['group', 'operating_income', 41.7e6, 'GBP'], ['group', 'operating_margin_pct', 8.6, '%']]],
    // Singapore's net income words, its cents, and an adjusted measure defined by "excluding that gain".
    ['Profit after tax and minority interests, or PATMI, was S$61.5 million, up 41.7%.', [['group', 'net_income', 61.5e6, 'SGD'], ['group', 'net_income_yoy_pct', 41.7, '%']]],
    ['Excluding that gain, core PATMI was S$48.3 million.', [['group', 'non_gaap_net_income', 48.3e6, 'SGD']]],
    ['Diluted earnings per share were 4.34 Singapore cents.', [['group', 'diluted_eps', 0.0434, 'SGD']]],
    // Taiwanese buyback words; the cap a board approved is not what was bought.
    ['第三季實際買回庫藏股3,100張，買回總金額新台幣1,426百萬元。', [['group', 'buyback_usd', 1.426e9, 'TWD']]],
    ['本次董事會核准之買回上限為新台幣50億元。', []],
    // A rate against a named quarter: the one before the call's is sequential, another one is left out.
    ['Revenue for the quarter was US$128.4 million, up 17.6% on the pcp, and up 3.5% on the second quarter.', [['group', 'revenue', 128.4e6, 'USD'], ['group', 'revenue_yoy_pct', 17.6, '%'], ['group', 'revenue_yoy_pct', 3.5, '%']]],
    ['Revenue grew 9% over the first quarter of 2025.', []],
    ['Revenue grew 9% over the third quarter of 2024.', [['group', 'revenue_yoy_pct', 9, '%']]],
    // An amount inside an "including" aside is a part of the measure; NPATA is an adjusted net profit.
    ['Capital expenditure, including capitalised development of US$9.8 million, was US$12.5 million.', [['group', 'capex', 12.5e6, 'USD']]],
    ['Underlying NPATA, which excludes the amortisation of acquired intangibles, was US$21.6 million, up 22%.', [['group', 'non_gaap_net_income', 21.6e6, 'USD'], ['group', 'non_gaap_net_income_yoy_pct', 22, '%']]],
    // A later year than the call's in the number's clause, or an objective, is a forecast's; a rate "in relation to" last year's quarter is year on year.
    ['We maintain the objective of reaching a net revenue of R$ 20 billion in the year of 2028.', [['guidance', 'revenue', 20e9, 'BRL']]],
    ['We see net revenue of R$ 20 billion by 2028.', [['guidance', 'revenue', 20e9, 'BRL']]],
    ['Net revenue reached R$ 4,3 billion, a growth of 12,5% in relation to the 3T24.', [['group', 'revenue', 4.3e9, 'BRL'], ['group', 'revenue_yoy_pct', 12.5, '%']]],
    // "had net revenue of R$ …" is an amount, not revenue from a part; "in the total of" is what the shares cost.
    ['Retail had net revenue of R$ 2.655,9 million, growth of 8,1%.', [['retail', 'revenue', 2655.9e6, 'BRL'], ['retail', 'revenue_yoy_pct', 8.1, '%']]],
    ['In the quarter, we repurchased 4,2 million shares, in the total of R$ 38,6 million.', [['group', 'buyback_usd', 38.6e6, 'BRL']]],
    // A spelled rate after an amount ends what the amount's tail is read for ("… up nineteen percent … on last year").
    ['adjusted EBITA was 78.3 million pounds up nineteen percent and the adjusted EBITA margin was twenty seven point five percent which is up one point eight points on last year', [['group', 'adjusted_ebita', 78.3e6, 'GBP'], ['group', 'adjusted_ebita_yoy_pct', 19, '%'], ['group', 'adjusted_ebita_margin_pct', 27.5, '%']]],
    // "P&L" and clause words ("so") before a generic head are no line of revenue; "reported EBITDA" is not the adjusted one.
    ['I start with the group P&L net sales US$284.6 million up 3.2% reported.', [['group', 'revenue', 284.6e6, 'USD'], ['group', 'revenue_yoy_pct', 3.2, '%']]],
    ['gross margin was 46.8 percent so gross profit of US$133.2 million the improvement comes from pricing', [['group', 'gross_margin_pct', 46.8, '%'], ['group', 'gross_profit', 133.2e6, 'USD']]],
    ['reported EBITDA was US$50.1 million this includes restructuring costs', []],
    // An amount "after £16.7m of amortisation" is the amortisation; "bringing the total repurchased to" is the programme's total.
    ['On a statutory basis, operating profit was £41.7m, after £16.7m of amortisation of acquired intangibles.', [['group', 'operating_income', 41.7e6, 'GBP']]],
    ['We bought back £23.4m of shares during the quarter, bringing the total repurchased to £64.5m under the £100m programme.', [['group', 'buyback_usd', 23.4e6, 'GBP']]],
    // A basis written after the measure with an aside in it.
    ['Operating profit on an adjusted, or non-IFRS, basis climbed 15% to 348 million euros.', [['group', 'non_gaap_operating_income', 348e6, 'EUR']]],
    // "climbed", "slipped": verbs of a change.
    ['Revenue climbed 15% to 348 million euros, while adjusted EBITA slipped 2%.', [['group', 'revenue_yoy_pct', 15, '%'], ['group', 'revenue', 348e6, 'EUR'], ['group', 'adjusted_ebita_yoy_pct', -2, '%']]],
    // German abbreviations of scale; a sentence that opens on the quarter keeps a programme named later out of its buyback.
    ['Free cash flow amounted to EUR 238 Mio. in the quarter.', [['group', 'free_cash_flow', 238e6, 'EUR']]],
    ['In the third quarter, we bought back shares for EUR 40 million and thereby completed the share buyback programme of EUR 150 million.', [['group', 'buyback_usd', 40e6, 'EUR']]],
    // An ambition is a target: guidance, never the quarter's figure.
    ['Our ambition for 2030 is an adjusted EBITA margin of around 28%.', [['guidance', 'adjusted_ebita_margin_pct', 28, '%']]],
    ['Our last twelve months free cash flow was RMB 9 billion.', []],
    ['Under the program authorized in 2023, we have bought back US$1.6 billion of shares.', []],
    // 累计 within the quarter ("第三季度…累计") is the quarter's total; to the quarter's end, or the year so far, it is not.
    ['第三季度公司累计回购股份 1,860 万股，合计耗资约 2.15 亿港元。', [['group', 'buyback_usd', 215e6, 'HKD']]],
    ['截至本季度末我们已累计回购 18.6 亿美元。', []],
    ['前三季度累计回购 6.8 亿港元。', []],
    ['In the quarter we repurchased US$820 million of our shares.', [['group', 'buyback_usd', 820e6, 'USD']]],
    ['During the quarter we repurchased 0.9 million shares for US$100 million.', [['group', 'buyback_usd', 100e6, 'USD']]],
    ['We issued 2 million shares for US$50 million.', []],
    ['For the first nine months, revenue was US$9.1 billion.', []],
    ['Revenue grew 12% to US$3.2 billion, compared with US$2.9 billion in the same quarter last year.', [['group', 'revenue_yoy_pct', 12, '%'], ['group', 'revenue', 3.2e9, 'USD']]],
    ['This compares to a net income of US$43 million in the year-ago period.', []],
    ['Excluding the disposal, revenue grew 8%.', []],
    // Earnings per ADS restated per share (or the reverse) is one figure, the first.
    ['Diluted earnings per ADS were RMB 2.01, or RMB 0.25 per ordinary share.', [['group', 'diluted_eps', 2.01, 'CNY']]],
    ['Diluted earnings per share were RMB 0.25, or RMB 2.01 per ADS.', [['group', 'diluted_eps', 0.25, 'CNY']]],
    // A retailer's year to date in weeks; a buyback "worth" an amount, or the company acquiring its own shares.
    ['For the first thirty-nine weeks of the year, diluted earnings per share were $4.78.', []],
    ['Veltrup bought back shares worth 150 million euros in the quarter under the buyback programme of up to 1 billion euros that it launched in February.', [['group', 'buyback_usd', 150e6, 'EUR']]],
    ['Under the share buyback program of up to 2 million shares that we announced in October, we acquired 1.1 million shares for 8.0 billion yen during the October to December quarter.', [['group', 'buyback_usd', 8e9, 'JPY']]],
    ['We acquired 1.1 million shares of Brisk for 8.0 billion yen.', []],
    ['We repurchased $75 million of our stock in the quarter under the $500 million program authorized in March.', [['group', 'buyback_usd', 75e6, 'USD']]],
    // A translation from Portuguese: decimal commas, "a reduction of", "margin EBITDA adjusted".
    ['The net profit of the period was R$ 210,5 million, a reduction of 3,2% in comparison with the same period of the previous year.', [['group', 'net_income', 210.5e6, 'BRL'], ['group', 'net_income_yoy_pct', -3.2, '%']]],
    ['The EBITDA adjusted was R$ 512,3 million, with margin EBITDA adjusted of 9,8%.', [['group', 'adjusted_ebitda', 512.3e6, 'BRL'], ['group', 'adjusted_ebitda_margin_pct', 9.8, '%']]],
    // A hypothetical, however it is said, is no figure.
    ["That's a hypothetical, but if volumes normalised, we think the group adjusted EBITA margin could approach 11% on an annual basis.", []],
    // A span of years is a plan, not the quarter.
    ['Last month we announced that we will invest a total of €1.2 billion in capex over 2025 to 2027.', []],
    ['Capex between 2024 and 2026 will total $900 million.', []],

    // A question states nothing, even in an executive's mouth; a name that explains the figure is not its entity.
    ['So why add a new US$200 million buyback?', []],
    ['Reflecting the weaker Cloud market, we now expect revenue of US$18.9 billion to US$19.2 billion.', [['guidance', 'revenue', 18.9e9, 'USD'], ['guidance', 'revenue', 19.2e9, 'USD']]],
    // Another year's quarter before the value, a value the speaker rejects.
    ['To put this in context, two years back, in Q2 FY25, our revenue was Rs. 2,716 crores.', []],
    ['In Q3 2024, revenue was US$2.9 billion.', []],
    ['Just a small correction: the EBITDA margin was 15.5%, not 15.8%.', [['group', 'adjusted_ebitda_margin_pct', 15.5, '%']]],
    ['Operating profit was US$312 million, up 41% from US$221 million a year ago, and the operating margin improved to 6.5%.', [['group', 'operating_income', 312e6, 'USD'], ['group', 'operating_income_yoy_pct', 41, '%'], ['group', 'operating_margin_pct', 6.5, '%']]],
    // A figure for the whole of the call's own year, before its last quarter, is a forecast.
    ['We are reducing 2025 capital expenditures to US$1.7 billion from US$2.0 billion.', [['guidance', 'capex', 1.7e9, 'USD']]],
    ['Our 2024 revenue was US$11 billion.', []],
    // The basis words hold for their own stretch: an exclusion that defines the adjusted measure
    // keeps it, and "in constant currency" after one range is not the next range's.
    ['Excluding restructuring charges and a small tax benefit, adjusted EPS was $1.42, compared with $1.30 a year ago.', [['group', 'non_gaap_diluted_eps', 1.42, 'USD']]],
    ['Excluding currency, revenue grew 5% and EBITDA grew 7%.', []],
    ['Revenue grew 5%, and organic revenue grew 3%.', [['group', 'revenue_yoy_pct', 5, '%']]],
    // "organically" after a rate is that rate's, not the amount's after "to".
    ['Revenue grew 5.4% reported, or 7.0% organically, to €268 million.', [['group', 'revenue_yoy_pct', 5.4, '%'], ['group', 'revenue', 268e6, 'EUR']]],
    ['Total revenues are expected to grow from 16% to 18% in constant currency and are expected to grow from 19% to 21% in USD.', [['guidance-cc', 'revenue_yoy_pct', 16, '%'], ['guidance-cc', 'revenue_yoy_pct', 18, '%'], ['guidance', 'revenue_yoy_pct', 19, '%'], ['guidance', 'revenue_yoy_pct', 21, '%']]],
    // A forecast at constant exchange rates is guidance on that basis; anything else off the reported basis is left out.
    ['For 2025, sales growth is now expected to be 8% to 11% at constant exchange rates.', [['guidance-cc', 'revenue_yoy_pct', 8, '%'], ['guidance-cc', 'revenue_yoy_pct', 11, '%']]],
    ['Excluding acquisitions and at constant currency, we expect revenue to grow 5%.', []],
    // The end of a range shares its start's currency; a replaced range is no guidance, in any wording.
    ['For the fourth quarter, we expect revenue of KRW 4.85 trillion to 5.15 trillion.', [['guidance', 'revenue', 4.85e12, 'KRW'], ['guidance', 'revenue', 5.15e12, 'KRW']]],
    ['We are raising our adjusted diluted EPS outlook to C$3.05 to C$3.20, from the preliminary range of C$2.95 to C$3.15 we gave in August.', [['guidance', 'non_gaap_diluted_eps', 3.05, 'CAD'], ['guidance', 'non_gaap_diluted_eps', 3.2, 'CAD']]],
    ['我們將今年全年的資本支出由原先預估的42億元上修到約48億元。', [['guidance', 'capex', 4.8e9, 'CNY']]],
    ['公司将2026年全年营业收入目标由此前的65亿元至70亿元上调至68亿元至72亿元。', [['guidance', 'revenue', 6.8e9, 'CNY'], ['guidance', 'revenue', 7.2e9, 'CNY']]],
    // The first number of a range of rates is a rate too.
    ['We expect an adjusted EBITA margin of 18–19 percent for the full year.', [['guidance', 'adjusted_ebita_margin_pct', 18, '%'], ['guidance', 'adjusted_ebita_margin_pct', 19, '%']]],
    // The period nearest the value wins over one in a clause before it.
    ['考虑到前三季度订单交付情况，公司将2026年全年营业收入目标上调至68亿元。', [['guidance', 'revenue', 6.8e9, 'CNY']]],
    ['Revenue grew 7% in constant currency.', []],
    ['We reaffirm organic sales growth of 2% to 4% and raise the bottom of our adjusted EPS range: we now expect adjusted EPS of $5.70 to $5.85.', [['guidance', 'non_gaap_diluted_eps', 5.7, 'USD'], ['guidance', 'non_gaap_diluted_eps', 5.85, 'USD']]],
    // The range an outlook replaced is not guidance.
    ['We now expect adjusted EPS of $5.70 to $5.85, up from $5.60 to $5.85 previously.', [['guidance', 'non_gaap_diluted_eps', 5.7, 'USD'], ['guidance', 'non_gaap_diluted_eps', 5.85, 'USD']]],
    ['We are raising our revenue guidance to a range of $2.384 billion to $2.392 billion, up from our prior range of $2.360 billion to $2.375 billion.', [['guidance', 'revenue', 2.384e9, 'USD'], ['guidance', 'revenue', 2.392e9, 'USD']]],
    ['We are narrowing our guidance for EBITDA to EUR 1.22 billion to EUR 1.28 billion, from EUR 1.20 billion to EUR 1.30 billion before.', [['guidance', 'adjusted_ebitda', 1.22e9, 'EUR'], ['guidance', 'adjusted_ebitda', 1.28e9, 'EUR']]],
    // A change verb in an earlier clause does not make a later amount "at" a level a change.
    ['明年的资本开支预计会比今年有所下降，大约在30亿元至35亿元之间。', [['guidance', 'capex', 3e9, 'CNY'], ['guidance', 'capex', 3.5e9, 'CNY']]],
    // A programme is not what was bought back (a metric's `not_after` words).
    ['自 2024 年 3 月董事会批准 50 亿美元股份回购计划以来，我们本季度回购股份 2.1 亿美元。', [['group', 'buyback_usd', 2.1e8, 'USD']]],
    ['The board approved a new $5 billion repurchase program.', []],
    // Indian units and labels: crores and lakhs, "Rs.", PAT, H1.
    ['Profit after tax stood at Rs. 112 crores, with a PAT margin of 8.7%.', [['group', 'net_income', 1.12e9, 'INR'], ['group', 'net_margin_pct', 8.7, '%']]],
    ['For H1 FY27, revenue from operations was Rs. 2,431 crores.', []],
    ['We spent Rs. 75 lakhs on training, and PAT was ₹205 Cr.', [['group', 'net_income', 2.05e9, 'INR']]],
    // Japanese units as an interpreter says them: an oku is a hundred million.
    ['Operating income was 125 oku yen, up 8%.', [['group', 'operating_income', 125e8, 'JPY'], ['group', 'operating_income_yoy_pct', 8, '%']]],
    // "and a half" said after a spoken number: "five and a half percent" is 5.5%.
    ['revenue grew five and a half percent in the quarter', [['group', 'revenue_yoy_pct', 5.5, '%']]],
    // A figure the transcriber marks "(sic)" is not read; the correction after it is.
    ['We expect total revenues to be between RMB 36.5 billion (sic) [ RMB 26.5 billion ] and RMB 29.2 billion.', [['guidance', 'revenue', 26.5e9, 'CNY'], ['guidance', 'revenue', 29.2e9, 'CNY']]],
    ['On an organic basis, revenue was up 6%.', []],
    ['本季度我们回购了约 1,850 万股股份，总金额约 2.3 亿港元，约合 2,950 万美元。', [['group', 'buyback_usd', 2.3e8, 'HKD']]],
    ['我們預期2025年全年營收年增8%至10%。', [['guidance', 'revenue_yoy_pct', 8, '%'], ['guidance', 'revenue_yoy_pct', 10, '%']]],
    ['Operating profit forecast is revised from previous 92.0 billion yen to 98.0 billion yen.', [['guidance', 'operating_income', 98e9, 'JPY']]],
    // "from A to B to C to D": the first pair is the replaced range; ", raising our range from A to B" after a range too.
    ['For the full year, we are raising our revenue range from $9.05 billion to $9.20 billion to $9.15 billion to $9.25 billion.', [['guidance', 'revenue', 9.15e9, 'USD'], ['guidance', 'revenue', 9.25e9, 'USD']]],
    ['We now expect full-year total revenue of $15.1 billion to $15.3 billion, raising our range from $14.9 billion to $15.2 billion.', [['guidance', 'revenue', 15.1e9, 'USD'], ['guidance', 'revenue', 15.3e9, 'USD']]],
    ['全年資本支出預估約新台幣 85 億元至 90 億元，高於先前預估的新台幣 75 億元至 80 億元。', [['guidance', 'capex', 8.5e9, 'TWD'], ['guidance', 'capex', 9e9, 'TWD']]],
    // A second range "from … to …" after a forecast range is the one it replaced, both ends.
    ['We now expect non-GAAP net income per diluted share of $1.68 to $1.69, up from $1.62 to $1.65.', [['guidance', 'non_gaap_diluted_eps', 1.68, 'USD'], ['guidance', 'non_gaap_diluted_eps', 1.69, 'USD']]],
    ['And we are raising our free cash flow guidance to $330 million to $335 million, from $315 million to $325 million.', [['guidance', 'free_cash_flow', 330e6, 'USD'], ['guidance', 'free_cash_flow', 335e6, 'USD']]],
    ['Gross margin improved from 41% to 43%.', [['group', 'gross_margin_pct', 43, '%']]],
    // The margin a non-GAAP amount represents, its rate written before the margin's name.
    ['Non-GAAP operating income was $78.2 million, a 19% operating margin.', [['group', 'non_gaap_operating_income', 78.2e6, 'USD'], ['group', 'non_gaap_operating_margin_pct', 19, '%']]],
    // A bank's revenue on a fully taxable-equivalent basis is not the reported one; a rate's base period after "from".
    ['Total revenue on a fully taxable-equivalent basis was $816 million.', []],
    ['Total revenue was $810 million, up 7% from the third quarter of 2024.', [['group', 'revenue', 810e6, 'USD'], ['group', 'revenue_yoy_pct', 7, '%']]],
    ['Revenue was $200 million in the fourth quarter of 2024.', []],
    // An earlier fiscal year's quarter by the company's own name for it; the change from it, stated after it, is this quarter's.
    ['Revenue was $200 million in the third quarter of FY2024.', []],
    ['Revenue was $810 million, compared with $760 million in Q3 FY24.', [['group', 'revenue', 810e6, 'USD']]],
    ['Adjusted EBITDA of $142.5 million compares with $128.9 million in the third quarter of 2024, an increase of 10.6%.', [['group', 'adjusted_ebitda', 142.5e6, 'USD'], ['group', 'adjusted_ebitda_yoy_pct', 10.6, '%']]],
    // An opening exclusion that names an amount and what it was for still defines the adjusted measure.
    ['Excluding $14 million of pre-tax restructuring charges tied to the branch program we announced in October, adjusted diluted EPS was $1.76.', [['group', 'non_gaap_diluted_eps', 1.76, 'USD']]],
    // "a margin of negative 6.9%" is an amount after "of", not a source of revenue.
    ['On a GAAP basis, our operating loss was $28.4 million, or an operating margin of negative 6.9%.', [['group', 'operating_income', -28.4e6, 'USD'], ['group', 'operating_margin_pct', -6.9, '%']]],
    // The same amount in another currency, in brackets after 合.
    ['本季度总收入为人民币 186.4 亿元（合 26.2 亿美元），同比增长 12%。', [['group', 'revenue', 186.4e8, 'CNY'], ['group', 'revenue_yoy_pct', 12, '%']]],
    // "We" opening the clause names no part of the company.
    ['We now expect revenue of 760 billion yen, up from our previous forecast of 745 billion yen.', [['guidance', 'revenue', 760e9, 'JPY']]],
    // A period before "revenue" does not make it a line of revenue; per-diluted-share wordings.
    ['We now expect FY27 revenue growth of 10% to 12%.', [['guidance', 'revenue_yoy_pct', 10, '%'], ['guidance', 'revenue_yoy_pct', 12, '%']]],
    ['We expect non-GAAP net income per diluted share of $0.38 to $0.40.', [['guidance', 'non_gaap_diluted_eps', 0.38, 'USD'], ['guidance', 'non_gaap_diluted_eps', 0.4, 'USD']]],
    ['GAAP earnings per diluted share were $0.91.', [['group', 'diluted_eps', 0.91, 'USD']]],
    // "year-to-date" as a reason is neither a period nor a total since inception.
    ['Given the year-to-date performance, we are raising our full-year 2026 total revenue guidance to $9.70 billion to $9.80 billion, from $9.55 billion to $9.70 billion previously.', [['guidance', 'revenue', 9.7e9, 'USD'], ['guidance', 'revenue', 9.8e9, 'USD']]],
    // A forecast word of an earlier clause does not reach a clause in the past tense.
    ['We won share in a market we estimate at about $14 billion, and operating margin expanded to 19.8%.', [['group', 'operating_margin_pct', 19.8, '%']]],
    ['We expect revenue of $5.1 billion to $5.2 billion, and an operating margin of 12%.', [['guidance', 'revenue', 5.1e9, 'USD'], ['guidance', 'revenue', 5.2e9, 'USD'], ['guidance', 'operating_margin_pct', 12, '%']]],
    // A figure the speaker takes back is not read; the one after it is.
    ['Profit attributable to owners of the parent was 152 billion yen -- sorry, 15.2 billion yen, up 18.8%.', [['group', 'net_income', 15.2e9, 'JPY'], ['group', 'net_income_yoy_pct', 18.8, '%']]],
    ['Revenue was $410 million, sorry, I mean $412 million.', [['group', 'revenue', 412e6, 'USD']]],
    ['毛利率33.2%——不好意思，我更正一下，毛利率是32.3%，同比提升1.4个百分点。', [['group', 'gross_margin_pct', 32.3, '%']]],
    // "前一季為…" is the quarter before; "較上一季成長6.2%" is sequential, not year on year.
    ['第三季合併營業收入為新台幣5,874百萬元，前一季為5,531百萬元，去年同期為5,207百萬元，年增12.8%。', [['group', 'revenue', 5874e6, 'TWD'], ['group', 'revenue_yoy_pct', 12.8, '%']]],
    ['The operating margin was 13.6% — I apologise, let me correct that — the operating margin was 13.0%.', [['group', 'operating_margin_pct', 13, '%']]],
    ['By December 31 we had acquired 2.1 million shares for ¥6.3 billion.', [['group', 'buyback_usd', 6.3e9, 'JPY']]],
    // The cash-flow statement's name for capex.
    ['Investments in property, plant and equipment and intangible assets were EUR 87 million.', [['group', 'capex', 87e6, 'EUR']]],
    // "MSEK 812", "MNOK 1,126": millions of the currency; a correction "let me correct myself, the right figure is".
    ['Cash flow from operating activities was SEK 821 million – sorry, let me correct myself, the right figure is MSEK 812 – compared with MSEK 701 in the same quarter last year.', [['group', 'operating_cash_flow', 812e6, 'SEK']]],
    ['Group revenue for the quarter was NOK 6,842 million, up 8.4 percent.', [['group', 'revenue', 6842e6, 'NOK'], ['group', 'revenue_yoy_pct', 8.4, '%']]],
    // A Norwegian seafood company's alternative performance measure: operational EBIT is adjusted.
    ['Operational EBIT came to NOK 1,126 million, and the operational EBIT margin was 16.5 percent.', [['group', 'non_gaap_operating_income', 1126e6, 'NOK'], ['group', 'non_gaap_operating_margin_pct', 16.5, '%']]],
    ['We expect the adjusted EBITA margin to be between 14 and 15 percent for the full year.', [['guidance', 'adjusted_ebita_margin_pct', 14, '%'], ['guidance', 'adjusted_ebita_margin_pct', 15, '%']]],
    // A clause that defines the measure names no measure and breaks no clause.
    ['Adjusted net income, which excludes the restructuring and purchase price allocation effects, was EUR 64 million.', [['group', 'non_gaap_net_income', 64e6, 'EUR']]],
    ['Adjusted EBITA, which excludes the amortization of acquired intangibles and the impairment, increased 11% to HKD 421 million.', [['group', 'adjusted_ebita_yoy_pct', 11, '%'], ['group', 'adjusted_ebita', 421e6, 'HKD']]],
    // Per-share wordings: "per basic and diluted share", Chinese per-ADS losses, "underlying" profit.
    ['Net loss was $18.9 million, or $0.12 per basic and diluted share.', [['group', 'net_income', -18.9e6, 'USD'], ['group', 'diluted_eps', -0.12, 'USD']]],
    ['每股 ADS 摊薄净亏损为人民币 0.49 元。', [['group', 'diluted_eps', -0.49, 'CNY']]],
    ['Underlying net profit after tax was A$75.6 million, and statutory NPAT was A$68.3 million.', [['group', 'non_gaap_net_income', 75.6e6, 'AUD'], ['group', 'net_income', 68.3e6, 'AUD']]],
    ['We ended the quarter with cash, cash equivalents and investments of $2.41 billion.', [['group', 'cash_and_investments', 2.41e9, 'USD']]],
    ['We repurchased approximately 1.1 million shares in the third quarter for a total of $84.5 million.', [['group', 'buyback_usd', 84.5e6, 'USD']]],
    ['We repurchased 2 million shares in the fourth quarter for $84.5 million.', []],
    // A bank's revenue "net of interest expense"; "net earnings" are net income, and a new subject after a figure is not the earlier measure.
    ['Total revenue, net of interest expense, was $6.42 billion, up 7% year-over-year.', [['group', 'revenue', 6.42e9, 'USD'], ['group', 'revenue_yoy_pct', 7, '%']]],
    ['Net revenues were $12.7 billion, and net earnings were $2.9 billion.', [['group', 'revenue', 12.7e9, 'USD'], ['group', 'net_income', 2.9e9, 'USD']]],
    ['Net revenues were $12.7 billion, and book value per share was $350.', [['group', 'revenue', 12.7e9, 'USD']]],
    ['Cash and short-term financial instruments totaled $2.41 billion.', [['group', 'cash_and_investments', 2.41e9, 'USD']]],
    // "up 12% from a year ago": the period after a rate of change is its base; "down from 43.0% a year ago" is the earlier level.
    ['Revenue was $410 million, up 12% from a year ago, on record advisory fees.', [['group', 'revenue', 410e6, 'USD'], ['group', 'revenue_yoy_pct', 12, '%']]],
    ['Gross margin was 41.2%, down from 43.0% a year ago.', [['group', 'gross_margin_pct', 41.2, '%']]],
    // An exclusion defines the adjusted measure whose qualifier stands before its term.
    ['Excluding those charges, adjusted net income was $643 million, and adjusted diluted earnings per share were $1.96.', [['group', 'non_gaap_net_income', 643e6, 'USD'], ['group', 'non_gaap_diluted_eps', 1.96, 'USD']]],
    ['Excluding those charges, diluted earnings per share were $1.96.', []],
    // "organic" inside a measure qualifies that measure; set off by a comma it holds for the clause.
    ['For the full year we confirm organic growth of 4% to 6% and now expect an adjusted EBITA margin of 13.5% to 14.0%.', [['guidance', 'adjusted_ebita_margin_pct', 13.5, '%'], ['guidance', 'adjusted_ebita_margin_pct', 14, '%']]],
    ['Excluding the $2.5 billion legal charge, operating income would have been $7.3 billion with an operating margin of 6.9%.', []],
    ['Revenue was CHF 1.28 billion, up 2.1% in Swiss francs and 4.8% in local currencies.', [['group', 'revenue', 1.28e9, 'CHF'], ['group', 'revenue_yoy_pct', 2.1, '%']]],
    ['按固定汇率计算，收入同比增长9%。', []],
    ['We expect revenue for the fourth quarter to be between US$3.3 billion and US$3.4 billion.', [['guidance', 'revenue', 3.3e9, 'USD'], ['guidance', 'revenue', 3.4e9, 'USD']]],
    // An outlook given before ("In July, we guided …") is not the current one.
    ['In July, we guided full-year revenue of $7.10 billion to $7.25 billion and adjusted EPS of $6.90 to $7.10.', []],
    // A forecast revised from one value to another: the new one only.
    ['Net sales are revised upward from 290.0 billion yen to 305.0 billion yen.', [['guidance', 'revenue', 305e9, 'JPY']]],
    // A forecast replaced, with a hedge before the old value; a date's year is not the forecast's period.
    ['We now expect capital expenditures of approximately $340 million, down from approximately $360 million.', [['guidance', 'capex', 340e6, 'USD']]],
    // The end of a range takes its start's measure, whatever words follow it.
    ['We expect to repurchase between $1.5 billion and $2.0 billion of shares over the year.', [['guidance', 'buyback_usd', 1.5e9, 'USD'], ['guidance', 'buyback_usd', 2e9, 'USD']]],
    ['We expect to repurchase $1.5 billion to $2.0 billion of shares next year.', [['guidance', 'buyback_usd', 1.5e9, 'USD'], ['guidance', 'buyback_usd', 2e9, 'USD']]],
    // (A forecast of the coming quarters, open above: guidance, never the quarter's growth.)
    ['我们预计该业务收入增速在未来几个季度将保持在 25% 以上。', [['guidance', 'revenue_yoy_pct', 25, '%']]],
    ['Revenue of US$3.2 billion was above our expectations.', [['group', 'revenue', 3.2e9, 'USD']]],
    ['Our GAAP net income was RMB12 billion, an increase of RMB11.1 billion.', [['group', 'net_income', 12e9, 'CNY']]],
    ['We are aiming for an operating margin of 20% in fiscal 2028.', [['guidance', 'operating_margin_pct', 20, '%']]],
    ['We plan capital expenditure of around US$320 million for 2025.', [['guidance', 'capex', 320e6, 'USD']]],
    ['The divested business contributed US$12 million of revenue in the third quarter of 2024.', []],
    ['如果碳酸锂价格涨到每吨15万元，综合毛利率大约会下降至20%左右。', []],
    ['If prices were to rise by 10%, our gross margin would be about 20%.', []],
    ['第三季度综合毛利率为21.3%，同比提升1.8个百分点。', [['group', 'gross_margin_pct', 21.3, '%']]],
    ['扣除非经常性损益后的归母净利润为7.15亿元，同比增长21.0%。', [['group', 'non_gaap_net_income', 715e6, 'CNY'], ['group', 'non_gaap_net_income_yoy_pct', 21, '%']]],
    ['公司货币资金及交易性金融资产合计152.3亿元。', [['group', 'cash_and_investments', 15.23e9, 'CNY']]],
  ] as const)('%s', (s, expected) => expect(read(s, { kind: 'group' })).toEqual(expected));

  // Full-year actuals are stated in a year's last quarter: these are read as a fourth-quarter call's.
  const q4 = figureReader({ company, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q4')! });
  const frames = (s: string, entity?: Entity, r = q4) => r.explain(s, entity).filter((x) => x.decision !== 'skip').map((x) => `${x.segment}/${x.metric}:${x.frame}`);
  it('reads a change from last quarter\'s amount as sequential, and only that rate', () => {
    const bases = (s: string) => reader.explain(s, { kind: 'group' }).filter((r) => r.unit === '%').map((r) => [r.value, r.basis]);
    expect(bases('Revenue grew 4% to US$498 million, down 2% from US$508 million last quarter.')).toEqual([[4, 'yoy'], [-2, 'qoq']]);
    expect(bases('Revenue was US$286.4 million, an increase of 18% from US$242.6 million a year ago and 7% from US$267.7 million in the prior quarter.')).toEqual([[18, 'yoy']]);
  });

  it('reads a figure for the whole of the current fiscal year, before its last quarter, as a forecast', () => {
    expect(frames('Fiscal year GAAP operating income was US$1.07 billion.', { kind: 'group' }, reader)).toEqual(['group/operating_income:forecast']);
    expect(frames('For the full year 2024, revenue was US$11 billion.', { kind: 'group' }, reader)).toEqual([]);
  });
  it.each([
    ['Cloud revenue for the fiscal year was US$3.62 billion, up 27%.', ['cloud/revenue:full-year', 'cloud/revenue_yoy_pct:full-year']],
    ['Fiscal year GAAP operating income was US$1.07 billion.', ['group/operating_income:full-year']],
    ['Fiscal fourth quarter revenue was US$1.07 billion.', ['group/revenue:quarter']],
    // The call's own fiscal year named by its number is the full year; an earlier one is a comparison.
    ['We returned US$520 million to shareholders through buybacks during fiscal 2025.', ['group/buyback_usd:full-year']],
    ['For FY25, GAAP gross margin was 53.4%.', ['group/gross_margin_pct:full-year']],
    ['Revenue in fiscal 2024 was US$6.1 billion.', []],
    // The call's calendar year after "for" or "in", in a sentence that names no quarter.
    ['Total capital expenditure for 2025 was US$1.32 billion.', ['group/capex:full-year']],
    ['In 2025, we invested US$1.32 billion in capital expenditure.', ['group/capex:full-year']],
    ['Capital expenditure in the fourth quarter of 2025 was US$455 million.', ['group/capex:quarter']],
  ] as const)('full-year wording: %s', (s, expected) => expect(frames(s, { kind: 'group' })).toEqual(expected));
});

describe('metric boundaries', () => {
  // Read as the group's remarks (a topic sentence said so), so the entity is not what is tested here.
  it.each([
    ['Total cost of revenues increased 12% year-over-year to US$1.9 billion.', []],
    ['Net cash generated from operating activities was US$640 million.', [['group', 'operating_cash_flow', 640e6, 'USD']]],
    ['Online marketing revenue grew 9% to US$1.1 billion.', []],
    ['Subscription revenue reached 15% of revenue, up from 6% a year ago.', []],
    // A share of something is not the measure's growth, in either language; a margin is a share itself.
    ['云业务收入同比增长 8.6%，其中海外收入占云业务收入的比重提升至 38%。', [['cloud', 'revenue_yoy_pct', 8.6, '%']]],
    ['Cloud revenue grew 8.6%, and its share of group revenue rose to 38%.', [['cloud', 'revenue_yoy_pct', 8.6, '%']]],
    ['As a percentage of revenue, gross margin was 28.2%.', [['group', 'gross_margin_pct', 28.2, '%']]],
    ['We remain backed by nearly US$40 billion in net cash.', [['group', 'net_cash', 40e9, 'USD']]],
    ['Non-GAAP operating margin was 11%, and GAAP operating margin was negative 2%.', [['group', 'non_gaap_operating_margin_pct', 11, '%'], ['group', 'operating_margin_pct', -2, '%']]],
    ['Diluted EPS was US$1.12, and we paid a quarterly dividend of US$0.34 per share.', [['group', 'diluted_eps', 1.12, 'USD']]],
    ['Net income was US$2.0 billion, or US$4.50 per diluted share.', [['group', 'net_income', 2e9, 'USD'], ['group', 'diluted_eps', 4.5, 'USD']]],
    ['Gross profit was US$436 million, representing a gross margin of 74%.', [['group', 'gross_profit', 436e6, 'USD'], ['group', 'gross_margin_pct', 74, '%']]],
    ['Non-GAAP operating income was RMB 404 million with a margin of 15.2%.', [['group', 'non_gaap_operating_income', 404e6, 'CNY'], ['group', 'non_gaap_operating_margin_pct', 15.2, '%']]],
    ['There was an increase in our cash balance of approximately US$360 million.', []],
    ['On a non-GAAP basis, operating income was US$61.9 million.', [['group', 'non_gaap_operating_income', 61.9e6, 'USD']]],
    ['Net loss was US$29.7 million, or US$0.19 per share, compared with a net loss of US$51.2 million, or US$0.29 per share, a year ago.', [['group', 'net_income', -29.7e6, 'USD'], ['group', 'diluted_eps', -0.19, 'USD']]],
    ['Free cash flow was an outflow of US$12.4 million, as we paid US$31.0 million in one-time costs.', [['group', 'free_cash_flow', -12.4e6, 'USD']]],
    ['We repurchased US$150 million principal amount of our convertible notes.', []],
    ['Revenue was KRW 3.1 trillion, and EBITDA was KRW 1.05 trillion.', [['group', 'revenue', 3.1e12, 'KRW'], ['group', 'adjusted_ebitda', 1.05e12, 'KRW']]],
    ['第三季合併營收為新台幣92.4億元，年增11.8%。', [['group', 'revenue', 9.24e9, 'TWD'], ['group', 'revenue_yoy_pct', 11.8, '%']]],
    ['Net loss narrowed from US$49 million in the second quarter to US$38 million.', [['group', 'net_income', -38e6, 'USD']]],
    ['Gross margin decreased to 81.0% compared to 84.6% in 2024.', []],
    ['Sales grew by 16% in the first 9 months of 2025.', []],
    ['As we kept investing in our own tour guide network, adjusted EBITDA turned to negative US$35 million.', [['group', 'adjusted_ebitda', -35e6, 'USD']]],
    ['We expect to generate US$2.6 billion in maximum of cash proceeds from the sale of two businesses.', []],
    ['Our guide is for revenue of US$3.4 billion.', [['guidance', 'revenue', 3.4e9, 'USD']]],
    ['Revenue growth accelerated from 11% to 14%.', []],
    ['Total revenues are expected to grow from 16% to 18% in constant currency.', [['guidance-cc', 'revenue_yoy_pct', 16, '%'], ['guidance-cc', 'revenue_yoy_pct', 18, '%']]],
    ['We expect organic revenue to grow 4% to 6%.', []],
    ['We expect our full-year revenue to be between US$1.12 billion and US$1.17 billion.', [['guidance', 'revenue', 1.12e9, 'USD'], ['guidance', 'revenue', 1.17e9, 'USD']]],
    ['For the fourth quarter, we expect revenue to grow by 11% to 14% year-over-year.', [['guidance', 'revenue_yoy_pct', 11, '%'], ['guidance', 'revenue_yoy_pct', 14, '%']]],
    ['我们预计第四季度集团经调整 EBITA 将达到15亿至16亿港元。', [['guidance', 'adjusted_ebita', 1.5e9, 'HKD'], ['guidance', 'adjusted_ebita', 1.6e9, 'HKD']]],
    ['我们预计第四季度集团收入同比增长 8% 至 10%。', [['guidance', 'revenue_yoy_pct', 8, '%'], ['guidance', 'revenue_yoy_pct', 10, '%']]],
    ['Revenue increased to US$5 billion.', [['group', 'revenue', 5e9, 'USD']]],
    ['Revenue increased by US$2 billion.', []],
    ['股东应占净亏损收窄至3.85亿港元。', [['group', 'net_income', -3.85e8, 'HKD']]],
    ['净亏损收窄2亿港元。', []],
    ['期内集团总收益为58.6亿港元，同比增长9.6%。', [['group', 'revenue', 5.86e9, 'HKD'], ['group', 'revenue_yoy_pct', 9.6, '%']]],
    ['去年同期集团收入为人民币 118.0 亿元，上季度为人民币 123.7 亿元。', []],
    ['Revenue was up 8% on a reported basis and up 6% organically.', [['group', 'revenue_yoy_pct', 8, '%']]],
    ['We ended the quarter with cash, cash equivalents, restricted cash and time deposits of US$4.2 billion.', [['group', 'cash_and_investments', 4.2e9, 'USD']]],
    ['我们的现金、现金等价物、短期投资及定期存款合计为人民币 215.4 亿元。', [['group', 'cash_and_investments', 21.54e9, 'CNY']]],
    ['現金及約當現金加上短期投資合計為新台幣68.5億元。', [['group', 'cash_and_investments', 6.85e9, 'TWD']]],
    ['Revenue in the quarter was US$3.2 billion.', [['group', 'revenue', 3.2e9, 'USD']]],
    ['Sales in Danish kroner increased by 12%.', [['group', 'revenue_yoy_pct', 12, '%']]],
  ] as const)('%s', (s, expected) => expect(read(s, { kind: 'group' })).toEqual(expected));
});

describe('tables', () => {
  const q4 = parseQuarterId('FY2026Q4')!;
  it('splits Markdown rows and rows of a slide set apart by runs of spaces, not prose', () => {
    expect(tableCells('| Retail Banking | SEK 7,410m | +0.9% |')).toEqual(['Retail Banking', 'SEK 7,410m', '+0.9%']);
    expect(tableCells('Drives             EUR 612m       +4.1%     EUR 71m')).toEqual(['Drives', 'EUR 612m', '+4.1%', 'EUR 71m']);
    expect(tableCells('Revenue was EUR 612 million, up 4.1%, and adjusted EBIT was EUR 71 million.')).toBeUndefined();
  });

  it('reads rows of units under measures, and under periods only the call\'s quarter and the change', () => {
    const units = columns(['Segment', 'Revenue', 'YoY', 'Adj. EBIT'], q4);
    expect(rowSentences(['Drives', 'EUR 612m', '+4.1%', 'EUR 71m'], units)).toEqual(['Drives revenue was EUR 612m.', 'Drives revenue rose 4.1% year on year.', 'Drives adjusted ebit was EUR 71m.']);
    expect(rowSentences(['**Total**', '**EUR 900m**', '(2.0%)', ''], units)).toEqual(['Group total revenue was EUR 900m.', 'Group total revenue fell 2.0% year on year.']);
    const periods = columns(['', 'Q4 FY2026', 'Q4 FY2025', 'Change'], q4);
    expect(rowSentences(['Net income', 'EUR 64m', 'EUR 58m', '+10.3%'], periods)).toEqual(['Net income was EUR 64m in the quarter.', 'Net income rose 10.3% year on year.']);
    // Another quarter, a half year or the year to date is not the call's quarter.
    expect(columns(['', 'Q3 FY2026', '9M FY2026', 'Q4 2025'], q4).map((c) => c.kind)).toEqual(['other', 'other', 'other', 'other']);
    expect(columns(['', '4Q26', 'Q4 2026'], q4).map((c) => c.kind)).toEqual(['other', 'current', 'current']);
    // A change column is the change of the periods before it: the full year's is not the quarter's.
    expect(columns(['in EUR million', 'Q4 FY26', 'Q4 FY25', 'Change', 'FY 2026', 'FY 2025', 'Change'], q4).map((c) => c.kind)).toEqual(['other', 'current', 'other', 'change', 'other', 'other', 'other']);
    expect(columns(['', 'Q4 2026', 'Q4 2025', 'YoY', 'Q3 2026', 'QoQ'], q4).map((c) => c.kind)).toEqual(['other', 'current', 'other', 'change', 'other', 'change']);
  });

  it('reads a slide header written on two lines, with the unit of bare numbers in it, and no organic growth as the reported one', () => {
    const header = continuedHeader('Q4 FY25 (three months to 30 June)   Revenue   Reported   Organic   Adj. op.   Adj. op.', '£m        growth     growth    profit £m  margin')!;
    expect(header).toEqual(['Q4 FY25 (three months to 30 June)', 'Revenue £m', 'Reported growth', 'Organic growth', 'Adj. op. profit £m', 'Adj. op. margin']);
    const cols = columns(header, q4);
    expect(rowSentences(['Built Environment', '187.4', '+9.1%', '+10.8%', '34.6', '18.5%'], cols)).toEqual([
      'Built Environment revenue was £187.4m.',
      'Built Environment revenue rose 9.1% year on year.',
      'Built Environment adjusted operating profit was £34.6m.',
      'Built Environment adjusted operating margin was 18.5%.',
    ]);
    // A cost in brackets is negative; a unit over the row labels holds for every column.
    expect(rowSentences(['Central costs', '-', '-', '-', '(5.4)', '-'], cols)).toEqual(['Central costs adjusted operating profit was negative £5.4m.']);
    expect(rowSentences(['Drives', '612', '+4.1%'], columns(['in EUR million', 'Revenue', 'YoY'], q4))).toEqual(['Drives revenue was EUR 612 million.', 'Drives revenue rose 4.1% year on year.']);
    // A line with numbers, or cells that do not fit the header, continues nothing.
    expect(continuedHeader('Segment   Revenue   YoY', 'Drives   612   +4.1%')).toBeUndefined();
    expect(continuedHeader('Segment   Revenue   YoY', 'a   b   c   d')).toBeUndefined();
  });
});

describe('statements of a machine transcript without sentence ends', () => {
  const run = [
    'gross margin was 46.8 percent up from 45.9 percent so gross profit of CHF 133.2 million the improvement comes from pricing and from mix with a higher share of service',
    'adjusted EBITDA was CHF 54.9 million or 19.3% of sales compared to eighteen point one percent last year reported EBITDA was 50.1 million this includes restructuring costs of 4.8 million',
    'we now expect net sales of CHF 1.17 to 1.21 billion at current exchange rates previously we said 1.19 to 1.23 billion and we plan capex of around CHF 65 million for 2026',
  ].join(' ');
  it('cuts before the words that open a new statement and before a measure and its verb after a figure', () => {
    expect(spokenStatements(run).map((s) => s.text)).toEqual([
      'gross margin was 46.8 percent up from 45.9 percent',
      'so gross profit of CHF 133.2 million the improvement comes from pricing and from mix with a higher share of service adjusted EBITDA was CHF 54.9 million or 19.3% of sales compared to eighteen point one percent last year',
      'reported EBITDA was 50.1 million',
      'this includes restructuring costs of 4.8 million',
      'we now expect net sales of CHF 1.17 to 1.21 billion at current exchange rates',
      'previously we said 1.19 to 1.23 billion and',
      'we plan capex of around CHF 65 million for 2026',
    ]);
    // Spelled figures end a statement too, and so does the period a figure was for; a period said
    // right before a forecast stays with it.
    const spoken = [
      'thanks Rachel so um we are pleased with the quarter which ended November first we gained share in home for the quarter net sales were two point four one billion dollars up six point two percent',
      'net income was one hundred thirty one million dollars and now turning to the outlook',
      'for the fourth quarter we expect net sales of two point nine five billion to three point oh five billion dollars and',
      'for the full fiscal year we now expect diluted earnings per share of four dollars and twenty cents to four dollars and thirty five cents and that is all from me thank you very much for listening today',
    ].join(' ');
    expect(spokenStatements(spoken).map((s) => s.text)).toEqual([
      'thanks Rachel',
      'so um we are pleased with the quarter which ended November first we gained share in home for the quarter',
      'net sales were two point four one billion dollars up six point two percent',
      'net income was one hundred thirty one million dollars and now turning to the outlook',
      'for the fourth quarter we expect net sales of two point nine five billion to three point oh five billion dollars and',
      'for the full fiscal year we now expect diluted earnings per share of four dollars and twenty cents to four dollars and thirty five cents and that is all from me thank you very much for listening today',
    ]);
    // "year to date" ends a statement, and an "excluding …" that opens the next one goes with it.
    const ytd = 'net cash provided by operating activities was 812 million dollars in the quarter and two point four one billion dollars year to date capital expenditures in the quarter were six hundred eight million dollars and total sales grew 3.6% excluding fuel total sales increased 4.9% which was in line with what we expected for the quarter and for the year and that reflects the work our teams in the stores and in the distribution centers have done all year long';
    expect(spokenStatements(ytd).map((s) => s.text)).toEqual([
      'net cash provided by operating activities was 812 million dollars in the quarter and two point four one billion dollars year to date',
      'capital expenditures in the quarter were six hundred eight million dollars',
      'and total sales grew 3.6%',
      'excluding fuel total sales increased 4.9% which was in line with what we expected for the quarter and for the year and that reflects the work our teams in the stores and in the distribution centers have done all year long',
    ]);
    // A shorter run (forty words or more) is cut only before a measure and its verb after a
    // figure; "with a margin of" goes on the statement before it, and so do the words of speech.
    const shorter = 'total sales for the quarter were eleven point eight four billion dollars an increase of 3.6% excluding fuel total sales increased 4.9% so we are pleased operating income was 372 million dollars with a margin of 3.1% which was in line with what we had planned';
    expect(spokenStatements(shorter).map((s) => s.text)).toEqual([
      'total sales for the quarter were eleven point eight four billion dollars an increase of 3.6%',
      'excluding fuel total sales increased 4.9% so we are pleased operating income was 372 million dollars with a margin of 3.1% which was in line with what we had planned',
    ]);
    // A punctuated paragraph keeps its sentences.
    expect(spokenStatements('Revenue was $10 million. So margin was 5%.').map((s) => s.text)).toEqual(['Revenue was $10 million.', 'So margin was 5%.']);
  });

  it('reads "projects" as a noun, not a forecast', () => {
    expect(read('Here we saw a recovery in hydrogen projects and the adjusted EBITDA margin improved to 14.6% from 12.9% a year ago.', { kind: 'group' })).toEqual([['group', 'adjusted_ebitda_margin_pct', 14.6, '%']]);
  });
});

describe('forecasts open on one side', () => {
  const bounds = (paragraph: string) => reader.read(cfoTurn([paragraph]), speakersOf).guidance.map((g) => [g.metric, g.low ?? null, g.high ?? null, g.approx ?? null]);
  it.each([
    ['We expect Cloud gross margin to recover to above 15% in 2026.', [['gross_margin_pct', 15, null, 'more-than']]],
    ['公司预计全年经调整净利润不低于人民币1亿元。', [['non_gaap_net_income', 1e8, null, 'more-than']]],
    ['到2027年，公司整体经营利润率达到8%以上。', [['operating_margin_pct', 8, null, 'more-than']]],
    ['We expect capex of up to $50 million for the year.', [['capex', null, 50e6, 'less-than']]],
    // "revised up to" is the new level, not a ceiling.
    ['Net income for the year is revised up to 76 billion yen from 72 billion yen.', [['net_income', 76e9, 76e9, null]]],
  ] as const)('%s', (paragraph, expected) => expect(bounds(paragraph)).toEqual(expected));
  it('reads a year the sentence names before a bare "全年" as that year', () => {
    const periods = reader.read(cfoTurn(['同时，我们重申云业务的中期目标，即到2027年云业务全年收入突破人民币200亿元。']), speakersOf).guidance.map((g) => [g.segment, g.metric, g.period]);
    expect(periods).toEqual([['cloud', 'revenue', 'FY2027']]);
  });
});

describe('whose forecast it is', () => {
  it.each([
    // A group word right before the measure, in a later clause than the segment named.
    ['我们的目标是在2027年让云业务收入比重超过五成，并把整体营业利润率拉高到15%以上。', undefined, [['group', 'operating_margin_pct', 15]]],
    ['我们的中长期目标没有变化：到 2027 年，云业务收入达到 200 亿元，集团 non-IFRS net margin 提升到 13% 到 14%。', undefined, [['cloud', 'revenue', 20e9], ['group', 'non_gaap_net_margin_pct', 13], ['group', 'non_gaap_net_margin_pct', 14]]],
    // "its" in "its forecast for non-IFRS operating profit" does not take the group's basis away.
    ['It reiterated its forecast for non-IFRS operating profit of 1.38 billion euros.', { kind: 'segment', id: 'cloud' }, [['group', 'non_gaap_operating_income', 1.38e9]]],
    // A subject in Chinese that is no segment, while the group is the topic, is a part of the company.
    ['此外，我们预计第四季度车辆毛利率在16%至17%之间。', { kind: 'group' }, [[null, 'gross_margin_pct', 16], [null, 'gross_margin_pct', 17]]],
  ] as const)('%s', (sentence, topic, expected) => {
    const got = reader.explain(sentence, topic as Entity | undefined).filter((r) => r.decision === 'guidance').map((r) => [r.segment ?? null, r.metric, r.value]);
    expect(got).toEqual(expected);
  });
});

describe('a bank\'s words for revenue', () => {
  it.each([
    ['Total operating income was SEK 14.86 billion, up 2.3%.', [['group', 'revenue', 14.86e9, 'SEK'], ['group', 'revenue_yoy_pct', 2.3, '%']]],
    ['Operating profit was SEK 8.54 billion.', [['group', 'operating_income', 8.54e9, 'SEK']]],
    ['Total income tax expenses was RMB 69.0 million for the quarter.', []],
  ] as const)('%s', (s, expected) => expect(read(s, { kind: 'group' })).toEqual(expected));
});

describe('entity and context', () => {
  it.each([
    ['Cloud revenue grew 12% to US$4.1 billion.', undefined, [['cloud', 'revenue_yoy_pct', 12, '%'], ['cloud', 'revenue', 4.1e9, 'USD']]],
    ['The adjusted EBITA was US$300 million.', { kind: 'segment', id: 'retail' }, [['retail', 'adjusted_ebita', 300e6, 'USD']]],
    ['The adjusted EBITA was US$300 million.', { kind: 'group' }, [['group', 'adjusted_ebita', 300e6, 'USD']]],
    ['The adjusted EBITA was US$300 million.', undefined, [[null, 'adjusted_ebita', 300e6, 'USD']]],
    ['Its operating loss narrowed to around US$96 million.', undefined, [[null, 'operating_income', -96e6, 'USD']]],
    ['Revenue from Cloud was US$1.2 billion.', undefined, [['cloud', 'revenue', 1.2e9, 'USD']]],
    ['Revenue from overseas markets was US$1.2 billion.', undefined, [[null, 'revenue', 1.2e9, 'USD']]],
    ['Sales in international operations grew by 16%.', { kind: 'group' }, [[null, 'revenue_yoy_pct', 16, '%']]],
    ['During this quarter, segment revenue declined 2% to US$598 million.', { kind: 'segment', id: 'retail' }, [['retail', 'revenue_yoy_pct', -2, '%'], ['retail', 'revenue', 598e6, 'USD']]],
    ['The adjusted EBITA of the segment was US$300 million.', { kind: 'segment', id: 'retail' }, [['retail', 'adjusted_ebita', 300e6, 'USD']]],
    // "分部经营利润" while a segment is the topic is that segment's; with none, an unnamed part's.
    ['分部经营利润4.98亿元，经营利润率为23.3%。', { kind: 'segment', id: 'retail' }, [['retail', 'operating_income', 4.98e8, 'CNY'], ['retail', 'operating_margin_pct', 23.3, '%']]],
    ['分部经营利润4.98亿元。', undefined, [[null, 'operating_income', 4.98e8, 'CNY']]],
    ['The operating income of the segment was US$352 million, and segment operating margin was 34.5%.', { kind: 'segment', id: 'retail' }, [['retail', 'operating_income', 352e6, 'USD'], ['retail', 'operating_margin_pct', 34.5, '%']]],
    ['Segment revenue grew 5%.', undefined, [[null, 'revenue_yoy_pct', 5, '%']]],
    ['Next, the CIB reported net income of US$7.3 billion.', { kind: 'group' }, [[null, 'net_income', 7.3e9, 'USD']]],
    ['Cloud continues to benefit from AI spend, delivering 24% year-on-year revenue growth to US$4.1 billion.', undefined, [['cloud', 'revenue_yoy_pct', 24, '%'], ['cloud', 'revenue', 4.1e9, 'USD']]],
    ['Retail saw a 5% sales decline.', undefined, [['retail', 'revenue_yoy_pct', -5, '%']]],
    // Without punctuation, a segment that ends a phrase ("increases in Cloud") before a measure with its own verb is not surely the measure's.
    ['gross margin was 58.9 percent up 60 basis points on price increases in Cloud adjusted EBITA was US$301 million', { kind: 'group' }, [['group', 'gross_margin_pct', 58.9, '%'], [null, 'adjusted_ebita', 301e6, 'USD']]],
    ['In Cloud adjusted EBITA was US$301 million.', undefined, [['cloud', 'adjusted_ebita', 301e6, 'USD']]],
    // "with the credit portfolio reaching …": a new subject after the measure's own amount.
    ['In Cloud, the revenue was US$272 million, growth of 23%, with the credit portfolio reaching US$3.9 billion.', undefined, [['cloud', 'revenue', 272e6, 'USD'], ['cloud', 'revenue_yoy_pct', 23, '%']]],
    // Each value with the segment named right after it ("63.2% for Cloud"), not the one before it.
    ['By segment, gross margin was 63.2% for Cloud and 31.6% for Retail.', undefined, [['cloud', 'gross_margin_pct', 63.2, '%'], ['retail', 'gross_margin_pct', 31.6, '%']]],
    // What explains a figure does not name its entity, even with a part word in it ("subsidiary").
    ['Our HKFRS net income was US$340 million, primarily impacted by items associated with a transaction with Alat, a wholly owned subsidiary of PIF.', { kind: 'segment', id: 'cloud' }, [['group', 'net_income', 340e6, 'USD']]],
    ['Revenue of our subsidiaries was US$340 million, primarily driven by Cloud.', { kind: 'group' }, [[null, 'revenue', 340e6, 'USD']]],
    // Nor does the rest of a list a preposition governs.
    ['Revenue of US$19.4 billion was up 10%, driven by higher revenues in Markets, Payments and Securities Services.', { kind: 'segment', id: 'retail' }, [['retail', 'revenue', 19.4e9, 'USD'], ['retail', 'revenue_yoy_pct', 10, '%']]],
    ["China's adjusted EBITA decreased to US$55 million.", { kind: 'segment', id: 'cloud' }, [[null, 'adjusted_ebita', 55e6, 'USD']]],
    ['In September, adjusted EBITA rose to US$55 million.', { kind: 'segment', id: 'cloud' }, [['cloud', 'adjusted_ebita', 55e6, 'USD']]],
    ['Our partner Nvidia and its revenue of US$30 billion show the demand.', { kind: 'segment', id: 'cloud' }, [[null, 'revenue', 30e9, 'USD']]],
    ['Our third quarter net income of US$21.2 billion includes a pretax gain.', { kind: 'segment', id: 'cloud' }, [['group', 'net_income', 21.2e9, 'USD']]],
    ['Net income was US$21.2 billion, including a pretax gain.', { kind: 'segment', id: 'cloud' }, [[null, 'net_income', 21.2e9, 'USD']]],
    ['Cloud net income was US$2.1 billion.', { kind: 'segment', id: 'retail' }, [['cloud', 'net_income', 2.1e9, 'USD']]],
    ['Worldwide revenue was US$180.2 billion, a 12% increase year-over-year.', { kind: 'segment', id: 'cloud' }, [['group', 'revenue', 180.2e9, 'USD'], ['group', 'revenue_yoy_pct', 12, '%']]],
    ['Revenue of US$19.4 billion was up 6%, driven by a higher deposit margin in Banking & Wealth Management.', { kind: 'segment', id: 'retail' }, [['retail', 'revenue', 19.4e9, 'USD'], ['retail', 'revenue_yoy_pct', 6, '%']]],
    ['Revenue grew 14%, and Aftermarket Services reached 23% of revenue.', { kind: 'segment', id: 'retail' }, [[null, 'revenue_yoy_pct', 14, '%']]],
    ['In the quarter, we reported net income of US$13 billion.', { kind: 'group' }, [['group', 'net_income', 13e9, 'USD']]],
    ['第三季营业毛利为61.1亿元。', { kind: 'group' }, [['group', 'gross_profit', 6.11e9, 'CNY']]],
    // The base a forecast grows from is a past value.
    ['We expect adjusted EPS growth of 7% to 10%, which on our fiscal 2025 base of $9.66 implies adjusted EPS of roughly $10.35 to $10.60.', { kind: 'group' }, [['guidance', 'non_gaap_diluted_eps_yoy_pct', 7, '%'], ['guidance', 'non_gaap_diluted_eps_yoy_pct', 10, '%'], ['guidance', 'non_gaap_diluted_eps', 10.35, 'USD'], ['guidance', 'non_gaap_diluted_eps', 10.6, 'USD']]],
    // "我们这个季度的 revenue": the company speaking of itself, the period between.
    ['我们这个季度的 revenue 是人民币 63.8 亿元。', undefined, [['group', 'revenue', 6.38e9, 'CNY']]],
    // An amount spoken in words after "of" is no part the revenue comes from.
    ['For the group we reported net sales of two point four one billion dollars for the quarter.', undefined, [['group', 'revenue', 2.41e9, 'USD']]],
    ['Net income was US$1.8 billion with pretax margin of 38%.', { kind: 'group' }, [['group', 'net_income', 1.8e9, 'USD']]],
    ['Adjusted net income grew 25% to US$512 million, and adjusted net income margin expanded to 2.5%.', { kind: 'group' }, [['group', 'non_gaap_net_income_yoy_pct', 25, '%'], ['group', 'non_gaap_net_income', 512e6, 'USD'], ['group', 'non_gaap_net_margin_pct', 2.5, '%']]],
    ['All segments improved, and adjusted EBITA grew 36%.', { kind: 'segment', id: 'retail' }, [[null, 'adjusted_ebita_yoy_pct', 36, '%']]],
    ['Segment revenue grew 5%.', { kind: 'group' }, [[null, 'revenue_yoy_pct', 5, '%']]],
    ['Revenue of our overseas subsidiaries grew 5%.', { kind: 'segment', id: 'retail' }, [[null, 'revenue_yoy_pct', 5, '%']]],
    ['Within Cloud, revenue from our database products was US$212 million.', undefined, [[null, 'revenue', 212e6, 'USD']]],
    ['Revenue in Cloud grew 12%.', undefined, [['cloud', 'revenue_yoy_pct', 12, '%']]],
    // "该业务" (this business) names the unit the sentence opened on, no line of revenue.
    ['云业务：该业务收入同比增长 3.1% 至 人民币 15.2 亿元。', undefined, [['cloud', 'revenue_yoy_pct', 3.1, '%'], ['cloud', 'revenue', 1.52e9, 'CNY']]],
    ['云业务方面，第三季营收为人民币41.6亿元，年增18%。', undefined, [['cloud', 'revenue', 4.16e9, 'CNY'], ['cloud', 'revenue_yoy_pct', 18, '%']]],
    ['零售业务收入同比增长 6%，其中广告收入同比增长 15%。', undefined, [['retail', 'revenue_yoy_pct', 6, '%']]],
    // A business the profile does not name right before the measure is a part, whatever group word came before.
    ['出行业务依然是集团利润的核心来源，本季度出行业务经调整 EBITA 为人民币 42.0 亿元。', { kind: 'group' }, [[null, 'adjusted_ebita', 4.2e9, 'CNY']]],
    ['本季度主营业务收入为12亿元。', { kind: 'group' }, [['group', 'revenue', 1.2e9, 'CNY']]],
    // British usage: statutory (reported) measures, profit after tax, pence, buybacks in pounds.
    ['Statutory operating profit was GBP 81.2 million.', { kind: 'segment', id: 'cloud' }, [['group', 'operating_income', 81.2e6, 'GBP']]],
    ['Statutory profit after tax was GBP 52.7 million, and adjusted profit after tax was GBP 63.7 million.', { kind: 'group' }, [['group', 'net_income', 52.7e6, 'GBP'], ['group', 'non_gaap_net_income', 63.7e6, 'GBP']]],
    ['Adjusted earnings per share were 9.8 pence.', { kind: 'group' }, [['group', 'non_gaap_diluted_eps', 0.098, 'GBP']]],
    ['Statutory diluted earnings per share was 9.1p.', { kind: 'group' }, [['group', 'diluted_eps', 0.091, 'GBP']]],
    // Others' estimates are not the company's figures.
    ['Earnings per share were 1.96 euros, ahead of the 1.89 euros expected by analysts.', { kind: 'group' }, [['group', 'diluted_eps', 1.96, 'EUR']]],
    ['Revenue was slightly ahead of the 1.27 billion euros analysts had expected.', { kind: 'group' }, []],
    ['Revenue came in below a consensus of $2.10 billion.', { kind: 'group' }, []],
    // The basis written after the measure, and a defining clause that lists several items.
    ['Operating profit on a non-IFRS basis, which excludes share-based compensation, acquisition-related charges and restructuring costs, rose 16% to 356 million euros.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 356e6, 'EUR']]],
    // "the difference being £9.8 million of amortisation": a bridge, not a second operating profit.
    ['Statutory operating profit was £51.2 million, the difference being £9.8 million of amortisation of acquired intangibles.', { kind: 'group' }, [['group', 'operating_income', 51.2e6, 'GBP']]],
    ['We bought back GBP 25 million of shares during the quarter.', { kind: 'group' }, [['group', 'buyback_usd', 25e6, 'GBP']]],
    ['We are announcing a new share buyback programme of up to CHF 400 million over three years.', { kind: 'group' }, []],
    // European usage: core and reported EBIT, core EPS; "or a margin of" is the margin of the measure before it.
    ['Core EBIT was CHF 121.3 million, which corresponds to the margin of 19.8%.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 121.3e6, 'CHF'], ['group', 'non_gaap_operating_margin_pct', 19.8, '%']]],
    ['Reported EBIT was CHF 96.8 million, or a margin of 15.8%.', { kind: 'group' }, [['group', 'operating_income', 96.8e6, 'CHF'], ['group', 'operating_margin_pct', 15.8, '%']]],
    ['Diluted earnings per share were CHF 1.84, and core EPS was CHF 2.31.', { kind: 'group' }, [['group', 'diluted_eps', 1.84, 'CHF'], ['group', 'non_gaap_diluted_eps', 2.31, 'CHF']]],
    ['Adjusted operating profit, which excludes amortization of acquired intangibles, was 24.9 billion yen.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 24.9e9, 'JPY']]],
    // A segment's name inside the clause that defines the measure ("the amortisation of cloud software") is not whose the measure is.
    ['Adjusted operating profit, which is after the amortisation of cloud software but before exceptional items, was £71.9 million, giving a 23.0% margin.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 71.9e6, 'GBP'], ['group', 'non_gaap_operating_margin_pct', 23, '%']]],
    ['Segment profit was 8.9 billion yen, and the margin was 15.3%.', { kind: 'segment', id: 'cloud' }, [['cloud', 'operating_income', 8.9e9, 'JPY'], ['cloud', 'operating_margin_pct', 15.3, '%']]],
    ['Cash and deposits at the end of September were 212.5 billion yen.', { kind: 'group' }, [['group', 'cash_and_investments', 212.5e9, 'JPY']]],
    // A currency code written with an amount names no other business.
    ['Adjusted EBITA was SEK 216 million, a margin of 21.3 percent.', { kind: 'segment', id: 'retail' }, [['retail', 'adjusted_ebita', 216e6, 'SEK'], ['retail', 'adjusted_ebita_margin_pct', 21.3, '%']]],
    // A margin the income amount represents is on that income's basis; "underlying" is adjusted.
    ['Non-GAAP operating income was US$70.2 million, representing an operating margin of 18.4%.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 70.2e6, 'USD'], ['group', 'non_gaap_operating_margin_pct', 18.4, '%']]],
    ['Non-GAAP operating income was US$70.2 million and GAAP operating margin was 9%.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 70.2e6, 'USD'], ['group', 'operating_margin_pct', 9, '%']]],
    ['Underlying EBIT was A$121.9 million, an underlying EBIT margin of 9.5%.', { kind: 'group' }, [['group', 'non_gaap_operating_income', 121.9e6, 'AUD'], ['group', 'non_gaap_operating_margin_pct', 9.5, '%']]],
    // Chinese statement lines: non-recurring items deducted, basic EPS (not exported), capex as the cash-flow line.
    ['归属于上市公司股东的扣除非经常性损益的净利润为19,185.30万元，同比增长31.2%。', { kind: 'group' }, [['group', 'non_gaap_net_income', 191853000, 'CNY'], ['group', 'non_gaap_net_income_yoy_pct', 31.2, '%']]],
    ['基本每股收益0.53元，稀释每股收益0.52元。', { kind: 'group' }, [['group', 'diluted_eps', 0.52, 'CNY']]],
    ['Basic EPS was 9.8 pence.', { kind: 'group' }, []],
    ['购建固定资产、无形资产等长期资产支付的现金为1.05亿元。', { kind: 'group' }, [['group', 'capex', 1.05e8, 'CNY']]],
    // Taiwanese usage: 稅後純益率, 營業活動現金流入, 買回金額, 業外 items (not net income), a product line's revenue.
    ['本季稅後純益率為12.6%，去年同期為11.6%。', { kind: 'group' }, [['group', 'net_margin_pct', 12.6, '%']]],
    ['第三季營業活動現金流入31.2億元。', { kind: 'group' }, [['group', 'operating_cash_flow', 3.12e9, 'CNY']]],
    ['第三季營業活動淨現金流入為15.8億元。', { kind: 'group' }, [['group', 'operating_cash_flow', 1.58e9, 'CNY']]],
    ['During the quarter we used US$141.8 million in cash to repurchase US$150 million of our notes.', { kind: 'group' }, []],
    ['We repurchased US$200 million of our 0.5% convertible senior notes.', { kind: 'group' }, []],
    ['We repurchased US$200 million of our shares.', { kind: 'group' }, [['group', 'buyback_usd', 200e6, 'USD']]],
    ['本季執行庫藏股買回共3,000張，買回金額約9.8億元。', { kind: 'group' }, [['group', 'buyback_usd', 9.8e8, 'CNY']]],
    ['業外收支合計淨收益2.2億元。', { kind: 'group' }, []],
    ['零售產品線營收47.5億元，年增9%。', { kind: 'group' }, [['retail', 'revenue', 4.75e9, 'CNY'], ['retail', 'revenue_yoy_pct', 9, '%']]],
    ['兩年前也就是2024年第三季，我們的EPS只有3.98元。', { kind: 'group' }, []],
    // With no segment in view, the company's own forecast is the group's.
    ['We expect revenue of £2.25 billion to £2.32 billion.', undefined, [['guidance', 'revenue', 2.25e9, 'GBP'], ['guidance', 'revenue', 2.32e9, 'GBP']]],
    // "…, or 1.6% of revenue" after an income amount is that measure's margin; a bare share of revenue is nothing.
    ['Reported EBIT was EUR 38 million, or 1.6% of revenue.', { kind: 'group' }, [['group', 'operating_income', 38e6, 'EUR'], ['group', 'operating_margin_pct', 1.6, '%']]],
    ['Cloud revenue was 15% of revenue.', { kind: 'group' }, []],
    ['Cloud revenue was US$410 million, with net new assets of US$3.9 billion in the quarter.', { kind: 'group' }, [['cloud', 'revenue', 410e6, 'USD']]],
    // A loss as a share of revenue is a negative margin; one restating a comparison amount is the comparison's.
    ['GAAP operating loss was US$26.3 million, or negative 4.3% of revenue, compared with an operating loss of US$48.7 million, or negative 9.4% of revenue, in the same quarter last year.', { kind: 'group' }, [['group', 'operating_income', -26.3e6, 'USD'], ['group', 'operating_margin_pct', -4.3, '%']]],
    ['Operating loss was US$21.7 million, or 5.7% of revenue.', { kind: 'group' }, [['group', 'operating_income', -21.7e6, 'USD'], ['group', 'operating_margin_pct', -5.7, '%']]],
    // A segment that grew, with an aside between its name and the verb.
    ['Cloud, which is still our largest business, grew 17% to US$201.3 million.', undefined, [['cloud', 'revenue_yoy_pct', 17, '%'], ['cloud', 'revenue', 201.3e6, 'USD']]],
    // A sentence that goes through parts by region or business names none of them the group.
    ['分地区看，澳门物业EBITDA利润率为29.1%。', { kind: 'group' }, [[null, 'adjusted_ebitda_margin_pct', 29.1, '%']]],
    ['By region, the EBITDA margin was 21%.', { kind: 'group' }, [[null, 'adjusted_ebitda_margin_pct', 21, '%']]],
    ['The EBITDA margin was 21%.', { kind: 'group' }, [['group', 'adjusted_ebitda_margin_pct', 21, '%']]],
    ['The translation effect at adjusted EBITDA level was around minus EUR 9 million in the quarter.', { kind: 'segment', id: 'cloud' }, []],
    // An accounting basis is the consolidated company's, unless the sentence says whose.
    ['GAAP operating income was US$1.07 billion.', { kind: 'segment', id: 'cloud' }, [['group', 'operating_income', 1.07e9, 'USD']]],
    ['GAAP operating income for the segment was US$92 million.', { kind: 'segment', id: 'cloud' }, [['cloud', 'operating_income', 92e6, 'USD']]],
    ['To recap, we grew total revenue 24% to US$412.6 million.', undefined, [['group', 'revenue_yoy_pct', 24, '%'], ['group', 'revenue', 412.6e6, 'USD']]],
    // "其中" before a period names a quarter of the total, not a part of it.
    ['其中第三季度营业收入21.3亿元，同比增长16.5%。', { kind: 'group' }, [['group', 'revenue', 2.13e9, 'CNY'], ['group', 'revenue_yoy_pct', 16.5, '%']]],
    // An amount in any currency code after "of" is the revenue's amount, not a source of revenue.
    ['Our Cloud division reported revenue of CHF 702 million.', undefined, [['cloud', 'revenue', 702e6, 'CHF']]],
    // The verb before the measure gives the direction.
    ['Our Cloud division grew revenue by 9% to GBP 391 million.', undefined, [['cloud', 'revenue_yoy_pct', 9, '%'], ['cloud', 'revenue', 391e6, 'GBP']]],
    ['We reduced adjusted EBITA by 3% to fund growth.', { kind: 'group' }, [['group', 'adjusted_ebita_yoy_pct', -3, '%']]],
    // A segment that grows with no measure named grows in revenue; a measure in the clause wins.
    ['Our Cloud segment grew 15% to $201 million.', undefined, [['cloud', 'revenue_yoy_pct', 15, '%'], ['cloud', 'revenue', 201e6, 'USD']]],
    ['Retail declined 3% in the quarter.', undefined, [['retail', 'revenue_yoy_pct', -3, '%']]],
    ['Cloud grew operating income by 12%.', undefined, [['cloud', 'operating_income_yoy_pct', 12, '%']]],
  ] as const)('%s (topic %j)', (s, topic, expected) => expect(read(s, topic as Entity | undefined)).toEqual(expected));

  it("takes guidance the sentence calls the company's guidance as the company's, whatever segment the talk was on", () => {
    const cloud = { kind: 'segment', id: 'cloud' } as const;
    expect(reader.explain('So the revenue guidance for fiscal 2026 is US$1.17 billion to US$1.21 billion.', cloud).map((r) => [r.decision, r.segment])).toEqual([['guidance', 'group'], ['guidance', 'group']]);
    expect(reader.explain('We expect revenue of US$1.17 billion to US$1.21 billion.', cloud).map((r) => [r.decision, r.segment])).toEqual([['guidance', 'cloud'], ['guidance', 'cloud']]);
  });

  it('does not take a segment named in what explains a forecast for the forecast\'s entity', () => {
    expect(reader.explain('Reflecting the weaker Cloud market, we now expect revenue of US$18.9 billion.').map((r) => [r.decision, r.segment])).toEqual([['guidance', 'group']]);
  });

  it.each([
    ["Now let's look at the segment results, starting with Cloud.", { kind: 'segment', id: 'cloud' }],
    ['Turning to our Retail segment.', { kind: 'segment', id: 'retail' }],
    ["Now let's look at the results on a consolidated basis.", { kind: 'group' }],
    ['下面我们来看零售业务。', { kind: 'segment', id: 'retail' }],
    ['云业务方面，本季度表现稳健。', { kind: 'segment', id: 'cloud' }],
    ['The segment saw strong demand.', { kind: 'part' }],
    ['We had a good quarter.', undefined],
    ['CCB reported net income of US$3.6 billion.', { kind: 'part' }],
    ['Net income was US$340 million, impacted by a transaction with a subsidiary of PIF.', undefined],
    ['Reflecting the weaker retail market, we are lowering our revenue guidance to US$18.9 billion.', undefined],
    ['This quarter, the firm reported net income of US$13 billion.', { kind: 'group' }],
    ['By segment, we expect Cloud revenue to grow by 13% to 16% and Retail revenue by 5% to 8%.', undefined],
    ['Adjusted operating profit, which is after the amortisation of cloud software, was £71.9 million.', undefined],
  ] as const)('"%s" sets the topic %j', (s, topic) => expect(topicOf(s, reader.vocab)).toEqual(topic));
});

describe('Chinese orderings', () => {
  it.each([
    ['经调整 EBITA 同比下降 15% 至人民币 420 亿元。', { kind: 'group' }, [['group', 'adjusted_ebita_yoy_pct', -15, '%'], ['group', 'adjusted_ebita', 42e9, 'CNY']]],
    ['云业务收入为人民币 296 亿元，同比增长 7%。', undefined, [['cloud', 'revenue', 29.6e9, 'CNY'], ['cloud', 'revenue_yoy_pct', 7, '%']]],
    // "公司总收入" is the company's total, even with no topic set.
    ['本季度，公司总收入达到人民币 186.4 亿元，同比增长 42.3%。', undefined, [['group', 'revenue', 18.64e9, 'CNY'], ['group', 'revenue_yoy_pct', 42.3, '%']]],
    ['集团经营利润率为 12.5%，去年同期为 10.1%。', undefined, [['group', 'operating_margin_pct', 12.5, '%']]],
    ['集团经营利润增长 110 亿元至 454 亿元。', undefined, [['group', 'operating_income', 45.4e9, 'CNY']]],
    // A loss rate is a negative margin; a loss per share is a negative EPS; "剔除股权激励费用后" is what makes the measure adjusted.
    ['第三季度经营亏损为14.7亿元，经营亏损率为6.7%，去年同期经营亏损为31.5亿元。', { kind: 'group' }, [['group', 'operating_income', -1.47e9, 'CNY'], ['group', 'operating_margin_pct', -6.7, '%']]],
    ['每股基本及摊薄净亏损为0.58元。', { kind: 'group' }, [['group', 'diluted_eps', -0.58, 'CNY']]],
    ['第三季度经营性现金流为净流入26.4亿元。', { kind: 'group' }, [['group', 'operating_cash_flow', 2.64e9, 'CNY']]],
    ['剔除股权激励费用后，非公认会计准则下的经调整净亏损为9.6亿元，去年同期经调整净亏损为26.0亿元。', { kind: 'group' }, [['group', 'non_gaap_net_income', -0.96e9, 'CNY']]],
    ['剔除汇率影响后，收入增长9%。', { kind: 'group' }, []],
    // A forecast replaced in the same sentence: "低于年初预计的约80亿元".
    ['全年资本开支预计约为70亿元，低于年初预计的约80亿元。', { kind: 'group' }, [['guidance', 'capex', 7e9, 'CNY']]],
  ] as const)('%s', (s, topic, expected) => expect(read(s, topic as Entity | undefined)).toEqual(expected));
});

describe('what earlier sentences of a turn carry', () => {
  const speakers = new Map<string, Speaker>([
    ['cfo', { id: 'cfo', name: 'Ann Lee', role: 'executive', labels: [] }],
    ['ceo', { id: 'ceo', name: 'Bo Chen', role: 'executive', labels: [] }],
  ]);
  /** Figures [metric, value] of prepared remarks given as turns of paragraphs. */
  const figuresOf = (turns: ReadonlyArray<readonly [string, readonly string[]]>) => {
    let line = 0;
    const source = {
      key: 'en',
      file: 'x',
      sha256: '0'.repeat(64),
      layout: 'official-transcript',
      layers: [{ lang: 'en', role: 'original', machine_translated: false }],
      sections: [
        {
          id: 'prepared-remarks',
          turns: turns.map(([speaker, paragraphs]) => ({
            speaker,
            label: speaker,
            line: ++line,
            paragraphs: paragraphs.map((text) => ({ id: `en-p-${++line}`, line, text, segments: [] })),
          })),
        },
      ],
      exchanges: [],
      announcement: [],
      omitted: [],
    } as unknown as Source;
    return reader.read(source, speakers).figures.map((f) => [f.metric, f.value]);
  };
  /** The CFO's prepared remarks as one turn of these paragraphs. */
  /** The same, with each figure's segment (null when unassigned). */
  const segmentsOf = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.segment, f.metric, f.value]);

  it('takes no segment named in what offsets or explains a change for the topic', () => {
    expect(topicOf('Merchandise margin expanded 90 basis points, partially offset by higher Retail fulfillment costs.', reader.vocab)).toBeUndefined();
    expect(topicOf('The increase reflects investment in Cloud capacity ahead of the season.', reader.vocab)).toBeUndefined();
    expect(topicOf('Turning to Cloud.', reader.vocab)).toEqual({ kind: 'segment', id: 'cloud' });
  });

  it('holds a segment named in passing, in a sentence without figures, as the topic of its paragraph only', () => {
    // The CEO's remark about a segment does not make the next paragraph's figures the segment's.
    const passing = segmentsOf(['Cloud became our largest business this year, and it now accounts for more than half of what we sell.', 'Operating income was $231 million.']);
    expect(passing.filter(([segment]) => segment === 'cloud')).toEqual([]);
    // A heading or a transition still carries over.
    expect(segmentsOf(['Second, Cloud.', 'Operating income was $231 million.'])).toEqual([['cloud', 'operating_income', 231e6]]);
    expect(segmentsOf(['Let me now talk about Cloud, which had a good quarter.', 'Operating income was $231 million.'])).toEqual([['cloud', 'operating_income', 231e6]]);
    // Within the paragraph it is the topic.
    expect(segmentsOf(['Cloud became our largest business this year. Its operating income was $231 million.'])).toEqual([['cloud', 'operating_income', 231e6]]);
  });

  it('drops a figure the speaker later takes back, and gives its correction the entity of the figure it replaces', () => {
    const said = ['Turning to Cloud. Cloud revenue was $40 million. Cloud operating margin was 14.1%.', 'Turning to Retail. Retail revenue was $80 million.'];
    // "Earlier I said …; that is incorrect." in a later paragraph, with the right value after it.
    expect(segmentsOf([...said, 'One correction. Earlier I said Cloud operating margin was 14.1%; that is incorrect. Cloud operating margin was 11.4%.']).filter(([, m]) => m === 'operating_margin_pct')).toEqual([['cloud', 'operating_margin_pct', 11.4]]);
    expect(segmentsOf(['Gross margin was 44.1% in the quarter.', 'Before I turn to guidance, one correction. Earlier I said gross margin was 44.1%; that is incorrect. Gross margin for the quarter was 41.4%.']).filter(([, m]) => m === 'gross_margin_pct')).toEqual([['group', 'gross_margin_pct', 41.4]]);
    // "… was 11.4%, not 14.1%": the value after "not" is the one taken back.
    expect(segmentsOf([...said, 'Just to clarify, the Cloud operating margin was 11.4%, not 14.1%.']).filter(([, m]) => m === 'operating_margin_pct')).toEqual([['cloud', 'operating_margin_pct', 11.4]]);
    expect(segmentsOf(['净利润为 12.4 亿元。', '更正一下，净利润是 14.2 亿元，而不是 12.4 亿元。']).filter(([, m]) => m === 'net_income')).toEqual([['group', 'net_income', 14.2e8]]);
    // Another value, another metric or another segment is not taken back.
    expect(segmentsOf([...said, 'Earlier I said Retail revenue was $80 million, and that holds.'])).toContainEqual(['retail', 'revenue', 80e6]);
    expect(segmentsOf([...said, 'As I said earlier, Retail revenue was $80 million; a correction to the deck follows.'])).toContainEqual(['retail', 'revenue', 80e6]);
    expect(segmentsOf([...said, 'Earlier I said Cloud operating margin was 14.2%; that is incorrect.']).filter(([, m]) => m === 'operating_margin_pct')).toEqual([['cloud', 'operating_margin_pct', 14.1]]);
    expect(segmentsOf([...said, 'Just to clarify, Retail operating margin was 11.4%, not 14.1%.']).filter(([s, m]) => s === 'cloud' && m === 'operating_margin_pct')).toEqual([['cloud', 'operating_margin_pct', 14.1]]);
  });

  it('takes back only the value after "not", and the right rate keeps the direction of the one it replaces', () => {
    const said = 'Turning to Cloud. Cloud revenue was $381.2 million, up 32.9% -- sorry, that\'s 23.9%, not 32.9%.';
    expect(segmentsOf([said])).toEqual([['cloud', 'revenue', 381.2e6], ['cloud', 'revenue_yoy_pct', 23.9]]);
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $381.2 million, down 3.2% -- I mean, 2.3%, not 3.2%.'])).toEqual([['cloud', 'revenue', 381.2e6], ['cloud', 'revenue_yoy_pct', -2.3]]);
  });

  it('reads a sentence that opens by taking back the figure just said with the sentence before it', () => {
    expect(segmentsOf(['The net profit of the period was of R$ 121,4 million. Sorry, I correct: R$ 112,4 million, against R$ 61,9 million in the 3T25.'])).toEqual([['group', 'net_income', 112.4e6]]);
    // "in relation to" a value is a comparison, and "3T24" (the third quarter of 2024) another year's quarter.
    expect(segmentsOf(['The gross margin was 30,0%, an expansion of 0,8 p.p. in relation to the 29,2% of the 3T24.'])).toEqual([['group', 'gross_margin_pct', 30]]);
    expect(segmentsOf(['The gross margin of the 3T24 was 29,2%.'])).toEqual([]);
  });

  it('takes "我们预计第四季度…" after a segment\'s paragraph for the company\'s outlook', () => {
    const g = reader.read(cfoTurn(['云业务方面，本季度收入为人民币 21.7 亿元。', '我们预计第四季度 revenue 在人民币 68 亿元到 71 亿元之间。']), speakers).guidance.map((x) => [x.segment, x.metric, x.period]);
    expect(g).toEqual([['group', 'revenue', 'FY2025Q4']]);
  });

  it('in a paragraph that opens on the outlook, keeps a segment the topic of its own sentence only', () => {
    const r = figureReader({ company, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q4')! });
    const outlook = '最后是2026年的业绩指引。我们预计2026年全年收入同比增长10%至13%；云业务预计在2026年全年实现经营利润率5%。2026年第一季度，我们预计收入同比增长9%至11%。';
    const guidance = r.read(cfoTurn([outlook]), speakers).guidance.map((g) => [g.segment, g.metric, g.period, g.low]);
    expect(guidance).toEqual([['group', 'revenue_yoy_pct', 'FY2026', 10], ['cloud', 'operating_margin_pct', 'FY2026', 5], ['group', 'revenue_yoy_pct', 'FY2026Q1', 9]]);
    // (In a paragraph that opens on the segment, it stays the topic.)
    const cloud = r.read(cfoTurn(['云业务方面，我们预计2026年全年实现经营利润率5%。2026年第一季度，我们预计收入同比增长9%至11%。']), speakers).guidance.map((g) => [g.segment, g.metric, g.period]);
    expect(cloud).toContainEqual(['cloud', 'revenue_yoy_pct', 'FY2026Q1']);
  });

  it('lets the quarter named with a value win over a cumulative period the paragraph opened on', () => {
    const figures = reader.read(cfoTurn(['For the first nine months, revenue was ¥900 billion. Free cash flow was 15.6 billion yen in the third quarter and 25.4 billion yen for the nine months.']), speakers).figures.map((f) => [f.metric, f.value]);
    expect(figures).toEqual([['free_cash_flow', 15.6e9]]);
  });

  it('carries a year named in a forecast sentence to a bare "全年" after it in the same sentence', () => {
    const r = figureReader({ company, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q4')! });
    const guidance = r.read(cfoTurn(['我们预计2026年全年收入同比增长10%至13%，全年资本开支约10亿元。']), speakers).guidance.map((g) => [g.metric, g.period]);
    expect(guidance).toEqual([['revenue_yoy_pct', 'FY2026'], ['capex', 'FY2026']]);
  });

  it('makes a range of a loss "between" two amounts, and keeps an earlier range out whole', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.high]);
    expect(guidance(["We now expect Cloud's full-year operating loss to be between RMB 450 million and RMB 500 million, narrower than the RMB 550 million to RMB 650 million we expected at the start of the year."])).toEqual([
      ['cloud', 'operating_income', -500e6, -450e6],
    ]);
    // The new value of a revision after "from … to" stays the forecast.
    expect(guidance(['Operating profit forecast for 2025 is revised from previous 92.0 billion yuan to 98.0 billion yuan.']).map(([, m, low]) => [m, low])).toEqual([['operating_income', 98e9]]);
  });

  it('reads a range whose currency is written again before its end, with the scale after it, and a thousands separator inside one clause', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.high, g.about]);
    expect(guidance(['We expect capex for the full year of ₹1,100 to ₹1,200 crore, including the first tranche of the new plant.'])).toEqual([['group', 'capex', 11e9, 12e9, 'for the full year']]);
    // A year before "to" and an amount is not the start of a range.
    expect(guidance(['We are narrowing our guidance for adjusted EBITDA for 2025 to EUR 1.22 billion to EUR 1.28 billion, from EUR 1.20 billion to EUR 1.30 billion before.'])).toEqual([['group', 'adjusted_ebitda', 1.22e9, 1.28e9, '2025']]);
  });

  it('leaves out the part of an amount that an "includes" clause right after it names', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high]);
    expect(guidance(['For the fourth quarter, we expect total revenue of $421 million to $425 million, which includes roughly $8 million from the acquired business.'])).toEqual([['revenue', 421e6, 425e6]]);
    expect(read('Capital expenditures, including capitalized software, were $6.6 million.', { kind: 'group' })).toEqual([['group', 'capex', 6.6e6, 'USD']]);
  });

  it('takes the group as the topic of "the group figures first and then the segments", and no segment from a sentence of drivers', () => {
    expect(segmentsOf(["I'll go through the group figures first and then the segments. Revenue in the quarter was $2.41 billion."])).toEqual([['group', 'revenue', 2.41e9]]);
    expect(segmentsOf(['Adjusted EBITA was $312 million.', 'The main drivers were price, savings and a better mix in Cloud, partly offset by about 20 basis points of currency. EBIT was therefore $268 million.'])).toEqual([
      ['group', 'adjusted_ebita', 312e6],
      ['group', 'operating_income', 268e6],
    ]);
    // "Below adjusted EBITA" places an amount in the income statement; it is not adjusted EBITA.
    expect(segmentsOf(['Below adjusted EBITA, we had $29 million of amortisation.'])).toEqual([]);
  });

  it('takes the company as the topic of a heading that is a measure and 方面, until a segment is named', () => {
    const said = ['云业务方面，本季度收入为 40 亿元。', '经营利润方面。第三季度经营利润为 6.83 亿元。其中，零售业务经营亏损为 3,860 万元。'];
    expect(segmentsOf(said).filter(([, m]) => m === 'operating_income')).toEqual([['group', 'operating_income', 6.83e8], ['retail', 'operating_income', -3.86e7]]);
    // A heading with a segment's name in it is that segment's topic, not the company's.
    expect(segmentsOf(['云业务方面。本季度收入为 40 亿元。'])).toEqual([['cloud', 'revenue', 4e9]]);
    // Without the heading, the segment's topic carries on into the next paragraph of the turn.
    expect(segmentsOf(['云业务方面，本季度收入为 40 亿元。', '第三季度经营利润为 6.83 亿元。'])).toContainEqual(['cloud', 'operating_income', 6.83e8]);
  });

  it('reads a measure after a paragraph that named three segments, one with a figure, as the group\'s', () => {
    const three = companySchema.parse({ ...company, segments: [...company.segments, { id: 'media', names: { en: 'Media' }, aliases: [], metrics: [] }] });
    const r3 = figureReader({ company: three, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q3')! });
    const said = ['Gross profit was $133 million, with a higher share of Media.', 'By division, the adjusted EBITA margin was 21.2% in Cloud, Retail 14.6 and Media 24.5.', 'EBIT was $38.4 million.'];
    expect(r3.read(cfoTurn(said), speakers).figures.map((f) => [f.segment, f.metric, f.value])).toContainEqual(['group', 'operating_income', 38.4e6]);
  });

  it('reads the clauses after a full-year clause that ends with a semicolon as the full year\'s', () => {
    const said = ['2025年全年公司实现收入142.85亿元，同比增长12.1%；归属于母公司股东的净利润12.36亿元，同比增长19.5%。', '第四季度归属于母公司股东的净利润为3.61亿元。'];
    const q4 = figureReader({ company, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q4')! });
    const figures = q4.read(cfoTurn(said), speakers).figures.filter((f) => f.metric === 'net_income').map((f) => [f.period, f.value]);
    expect(figures).toEqual([['FY2025', 12.36e8], ['FY2025Q4', 3.61e8]]);
  });

  it('takes an outlook that names no segment, and the forecasts after it, as the company\'s', () => {
    const said = ['云业务方面，本季度收入为 40 亿元。展望第四季，基于目前的客户预测，我们预期第四季营收将介于 177 亿元至 181 亿元之间；毛利率预估介于 31.5% 至 33.5%。'];
    expect(reader.read(cfoTurn(said), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.high])).toEqual([
      ['group', 'revenue', 17.7e9, 18.1e9],
      ['group', 'gross_margin_pct', 31.5, 33.5],
    ]);
  });

  it('ends a segment\'s topic at a sentence about a business of two words or more it does not know', () => {
    const said = ['Turning to Cloud. Cloud revenue was $40 million.', 'Sensing and Instrumentation was steadier. Revenue of $296.7 million increased 4.3%.'];
    expect(segmentsOf(said)).toEqual([['cloud', 'revenue', 40e6], [null, 'revenue', 296.7e6], [null, 'revenue_yoy_pct', 4.3]]);
    // (Not a sentence about the company's own people or a measure in capitals.)
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $40 million.', 'Gross Margin was strong. Revenue grew 4.3%.'])).toContainEqual(['cloud', 'revenue_yoy_pct', 4.3]);
  });

  it("reads net income said while a segment was the topic as the company's when no segment is ever named with it and one value is said", () => {
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $40 million.', 'Net loss was $19.8 million.'])).toContainEqual(['group', 'net_income', -19.8e6]);
    // Two values under two segments' topics: the reader cannot tell, and keeps both unassigned.
    const two = segmentsOf(['Turning to Cloud. Cloud revenue was $40 million. Net income was $12 million.', 'Turning to Retail. Retail revenue was $80 million. Net income was $20 million.']);
    expect(two.filter(([, m]) => m === 'net_income')).toEqual([[null, 'net_income', 12e6], [null, 'net_income', 20e6]]);
  });

  it('takes no part as the topic from a sentence whose part is the object of what the company does', () => {
    expect(segmentsOf(['本季度我们对智能硬件分部计提了人民币 6.1 亿元的商誉减值。受此影响，本季度经营亏损为人民币 2.3 亿元。'])).toContainEqual(['group', 'operating_income', -2.3e8]);
    // (A part that is the sentence's subject still is: "该分部经营亏损为…".)
    expect(segmentsOf(['该分部经营亏损为人民币 2.3 亿元。'])).toEqual([[null, 'operating_income', -2.3e8]]);
  });

  it('takes no part as the topic from a sentence that speaks of all the segments at once', () => {
    expect(segmentsOf(['Net revenue reached $4.3 billion, with expansion in the three segments of business. The net profit reached $112 million.'])).toContainEqual(['group', 'net_income', 112e6]);
    // (In the sentence itself they leave the figure unassigned: "all segments achieving EBITDA improvement, leading to a 36% increase".)
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $40 million.', 'All segments achieved year-over-year adjusted EBITA improvement this quarter, leading to a 36% increase in overall group adjusted EBITA.'])).toContainEqual([null, 'adjusted_ebita_yoy_pct', 36]);
    expect(segmentsOf(['Revenue grew in all our divisions. Net profit was $112 million.'])).toContainEqual(['group', 'net_income', 112e6]);
    // One part not named is still a part: "the division" after no segment keeps its figure unassigned.
    expect(segmentsOf(['Revenue of the division was $40 million.'])).toEqual([[null, 'revenue', 40e6]]);
  });

  it('takes no part as the topic from a sentence that says what the figures are not in', () => {
    expect(segmentsOf(['The charges sit in our unallocated corporate expense, not in the segments. Excluding those charges, adjusted operating income was $179.5 million.'])).toEqual([['group', 'non_gaap_operating_income', 179.5e6]]);
  });

  it('leaves no segment the topic after a paragraph that spoke of three in passing', () => {
    const passing = 'We saw good demand in Cloud and in Retail. In Devices, orders remained subdued.';
    const withDevices = { ...company, segments: [...company.segments, { id: 'devices', names: { en: 'Devices' }, aliases: [], metrics: [], origin: 'profile' as const }] };
    const r = figureReader({ company: withDevices, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q3')! });
    const segs = (paragraphs: readonly string[]) => r.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.segment, f.metric, f.value]);
    // (Not Devices: whose it is, the reader cannot tell from here.)
    expect(segs([passing, 'Adjusted EBITA rose to $312 million.'])).toEqual([[null, 'adjusted_ebita', 312e6]]);
    // One segment spoken of stays the topic of the next paragraph.
    expect(segs(['In Devices, orders remained subdued.', 'Adjusted EBITA rose to $31 million.'])).toEqual([['devices', 'adjusted_ebita', 31e6]]);
  });

  it('knows a segment named with "&" when it is said with "and", and reads comparable sales as no revenue growth', () => {
    const withGear = { ...company, segments: [...company.segments, { id: 'apparel-and-gear', names: { en: 'Apparel & Gear' }, aliases: [], metrics: [], origin: 'text' as const }] };
    const r = figureReader({ company: withGear, metrics: metrics(), reading: reading(), quarter: parseQuarterId('FY2025Q3')! });
    const segs = (paragraphs: readonly string[]) => r.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.segment, f.metric, f.value]);
    expect(segs(['Apparel and Gear net sales were $1,087.6 million, up 5.4%, with comps up 4.1%.'])).toEqual([
      ['apparel-and-gear', 'revenue', 1087.6e6],
      ['apparel-and-gear', 'revenue_yoy_pct', 5.4],
    ]);
  });

  it('drops a forecast range the speaker later says was the old one', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high]);
    const said = 'We expect free cash flow of $850 million to $900 million for the full year.';
    expect(guidance([said, 'I want to correct something I said. I gave you free cash flow of $850 million to $900 million for the full year. That was our July range. Our updated full-year free cash flow outlook is $880 million to $920 million.'])).toEqual([['free_cash_flow', 880e6, 920e6]]);
    // A bound corrected with no measure named, when the corrected range is given too.
    const spoken = 'We expect revenue of $1.15 billion to $1.21 billion.';
    expect(guidance([spoken, 'And on guidance I need to correct myself, I said one point one five at the bottom of the range, that should be one point one seven.', 'So the revenue guidance is $1.17 billion to $1.21 billion.'])).toEqual([['revenue', 1.17e9, 1.21e9]]);
    expect(guidance([spoken, 'So the revenue guidance is $1.17 billion to $1.21 billion.'])).toEqual([['revenue', 1.15e9, 1.21e9], ['revenue', 1.17e9, 1.21e9]]);
    // Without words that say it was wrong, a repeated range stands.
    expect(guidance([said, 'As I said, I gave you free cash flow of $850 million to $900 million for the full year, and that holds.'])).toContainEqual(['free_cash_flow', 850e6, 900e6]);
  });

  it('reads "we did not repurchase any shares" as a zero buyback of the quarter, in the call\'s currency', () => {
    const zero = (text: string) => figuresOf([['cfo', ['Revenue was $120 million.', text]]]).filter(([metric]) => metric === 'buyback_usd');
    expect(zero('We did not repurchase any shares in Q3.')).toEqual([['buyback_usd', 0]]);
    expect(zero('We did not utilize our repurchase program in the quarter.')).toEqual([['buyback_usd', 0]]);
    // Another quarter, another year, a plan: not this quarter's.
    expect(zero('We did not repurchase any shares in Q2.')).toEqual([]);
    expect(zero('We did not repurchase any shares last year.')).toEqual([]);
    expect(zero('We do not intend to repurchase shares this year.')).toEqual([]);
    expect(zero('Did we not repurchase any shares in Q3?')).toEqual([]);
  });

  it('reads a bare "$" and "cents" in the dollar a call states its amounts in by name', () => {
    const withUnits = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.metric, f.value, f.unit]);
    const aud = ['Revenue was A$612 million.', 'EBIT was A$88 million and capex A$40 million.'];
    expect(withUnits([...aud, 'Free cash flow was $52 million.', 'Diluted earnings per share were 10.2 cents, and underlying diluted earnings per share were 11.3 cents.'])).toEqual([
      ['revenue', 612e6, 'AUD'],
      ['operating_income', 88e6, 'AUD'],
      ['capex', 40e6, 'AUD'],
      ['free_cash_flow', 52e6, 'AUD'],
      ['diluted_eps', 0.102, 'AUD'],
      ['non_gaap_diluted_eps', 0.113, 'AUD'],
    ]);
    // A call that says which dollar its amounts are in: "$" is that dollar, however seldom it is named.
    expect(withUnits(['All amounts are in Canadian dollars unless otherwise noted.', 'Revenue was $612 million.'])).toEqual([['revenue', 612e6, 'CAD']]);
    expect(withUnits(['Figures are in Australian dollars.', 'Revenue was $612 million.'])).toEqual([['revenue', 612e6, 'AUD']]);
    expect(withUnits(['All amounts are in U.S. dollars unless otherwise stated.', 'Revenue was $612 million.', 'Canada sold C$12 million, C$13 million and C$14 million.'])).toContainEqual(['revenue', 612e6, 'USD']);
    // A US-dollar call, or one that names another dollar only in passing, keeps "$" as US dollars.
    expect(withUnits(['Revenue was $612 million.', 'Our Canadian unit sold C$12 million.', 'Free cash flow was $52 million.'])).toEqual([
      ['revenue', 612e6, 'USD'],
      ['free_cash_flow', 52e6, 'USD'],
    ]);
  });

  it('reads a bare amount of a money measure in the currency the call reports in, never a count of something', () => {
    const withUnits = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.metric, f.value, f.unit]);
    // Declared: "all figures are in Swiss francs unless stated otherwise".
    expect(withUnits(['all figures are in Swiss francs unless stated otherwise', 'operating income EBIT was 214 million giving an EBIT margin of 18.1 percent'])).toEqual([
      ['operating_income', 214e6, 'CHF'],
      ['operating_margin_pct', 18.1, '%'],
    ]);
    // Or the only currency the call names (three times or more).
    const chf = ['Group sales were CHF 1.18 billion.', 'Capex was 83 million Swiss francs.', 'We repurchased shares for 75 million francs.'];
    expect(withUnits([...chf, 'Net income was 162 million, up 9.5%.'])).toContainEqual(['net_income', 162e6, 'CHF']);
    // ("2.1 million shares" is a count; a call that names two currencies leaves a bare amount out.)
    expect(withUnits([...chf, 'Net income was 162 million shares.']).filter(([m]) => m === 'net_income')).toEqual([]);
    expect(withUnits([...chf, 'Revenue in the US was $40 million.', 'Net income was 162 million, up 9.5%.']).filter(([m]) => m === 'net_income')).toEqual([]);
  });

  it('makes a range of guidance only of two values joined by "to" or "and", each about the period of the first', () => {
    const guided = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high, g.period]);
    expect(guided(['all figures are in Swiss francs', 'for the full year 2025 we expect reported sales of 4.70 to 4.80 billion Swiss francs and capex for the year at 330 to 360 million'])).toEqual([
      ['revenue', 4.7e9, 4.8e9, 'FY2025'],
      ['capex', 330e6, 360e6, 'FY2025'],
    ]);
    // "capex of about 65 million so that would be well above 100 million": the second amount is not capex, nor the end of a range.
    expect(guided(['all figures are in Swiss francs', 'for the full year we target capex of about 65 million so that would be well above 100 million for the year'])).toEqual([['capex', 65e6, 65e6, 'FY2025']]);
  });

  it('reads a bare 元 in the currency a Chinese call says its amounts are in, whatever it names more often', () => {
    const withUnits = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.metric, f.value, f.unit]);
    const hkdBuybacks = ['本季度回购耗资约 2.15 亿港元。', '今年以来累计回购约 6.8 亿港元，全年回报不少于 20 亿港元。'];
    expect(withUnits(['除特别说明外，本次会议中提及的金额均以人民币计值。', '集团净利润为 5.92 亿元。', ...hkdBuybacks])).toEqual([
      ['net_income', 5.92e8, 'CNY'],
      ['buyback_usd', 2.15e8, 'HKD'],
    ]);
    // Without the statement, the 元-currency named most often is what a bare 元 means.
    expect(withUnits(['集团净利润为 5.92 亿元。', ...hkdBuybacks])).toContainEqual(['net_income', 5.92e8, 'HKD']);
    expect(withUnits(['货币单位：新台币', '集团净利润为 5.92 亿元。'])).toEqual([['net_income', 5.92e8, 'TWD']]);
  });

  it('reads growth "較上一季" as sequential, not year on year', () => {
    const bases = reader.read(cfoTurn(['第三季合併營業收入為新台幣58.74億元，較上一季成長6.2%，與去年同期相比則成長12.8%。']), speakers).figures.filter((f) => f.metric === 'revenue_yoy_pct').map((f) => [f.value, f.basis]);
    expect(bases).toEqual([[6.2, 'qoq'], [12.8, 'yoy']]);
  });

  it('reads the items after a short paragraph that names the outlook and ends with a colon as the company\'s forecasts, after a segment\'s paragraph', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.high, g.period]);
    expect(guidance(['零售业务收入为人民币30亿元。', '最後是第四季的展望。以匯率1美元兌新台幣30.5元為假設基礎：', '第一，第四季營業收入預估在新台幣56億元至59億元之間。'])).toEqual([['group', 'revenue', 5.6e9, 5.9e9, 'FY2025Q4']]);
  });

  it('reads each item of a list a forecast sentence introduces with a colon as a forecast of the period it names', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high, g.period]);
    const list = ['第三季度总收入为218.6亿元，同比增长31.2%。', '接下来是业绩指引。公司预计2025年第四季度：', '交付量在100,000台至106,000台之间；', '总收入在255.0亿元至268.0亿元之间，同比增长约23.9%至30.2%。'];
    expect(guidance(list)).toEqual([
      ['revenue', 25.5e9, 26.8e9, 'FY2025Q4'],
      ['revenue_yoy_pct', 23.9, 30.2, 'FY2025Q4'],
    ]);
    expect(figuresOf([['cfo', list]]).filter(([m]) => m === 'revenue')).toEqual([['revenue', 21.86e9]]);
    expect(guidance(['For the fourth quarter, we expect:', '- Revenue of $1.20 billion to $1.25 billion', '- Operating margin of 14% to 15%.'])).toEqual([
      ['revenue', 1.2e9, 1.25e9, 'FY2025Q4'],
      ['operating_margin_pct', 14, 15, 'FY2025Q4'],
    ]);
    // The list ends with its last item; a paragraph after it is read as said.
    expect(figuresOf([['cfo', ['公司预计2025年第四季度：', '总收入在255.0亿元至268.0亿元之间。', '第三季度毛利为31.0亿元。']]])).toEqual([['gross_profit', 3.1e9]]);
    // A colon that introduces actuals is not a forecast list.
    expect(figuresOf([['cfo', ['Here are the quarter\'s results:', 'Revenue was $1.20 billion.']]])).toEqual([['revenue', 1.2e9]]);
  });

  it('reads a per-share range written with cents and no second currency, and drops the old range and plan', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high]);
    expect(guidance(['Adjusted earnings per share are now expected at EUR 8,60 to 9,00, after EUR 8,30 to 8,80 previously.'])).toEqual([['non_gaap_diluted_eps', 8.6, 9]]);
    expect(guidance(['We expect adjusted EPS of $4.70 to 4.80 for the full year.'])).toEqual([['non_gaap_diluted_eps', 4.7, 4.8]]);
    expect(guidance(['We expect full-year capital expenditure of around KRW 2.1 trillion, slightly lower than our previous plan of KRW 2.3 trillion.'])).toEqual([['capex', 2.1e12, 2.1e12]]);
  });

  it('reads an amount inside a clause that defines the measure ("that is, after …") as none of the measure\'s, nor a segment it names as the entity', () => {
    const seen = reader.read(cfoTurn(['EBIT, that is, after amortisation from purchase price allocations and special items of EUR 53 million, mainly restructuring in Cloud, came to EUR 248 million, a margin of 10.3%.']), speakers).figures.map((f) => [f.segment, f.metric, f.value]);
    expect(seen).not.toContainEqual(['cloud', 'operating_margin_pct', 10.3]);
    expect(seen.map(([, m, v]) => [m, v])).toEqual([['operating_income', 248e6], ['operating_margin_pct', 10.3]]);
    // A growth rate with its basis right after it is not the reported one.
    expect(figuresOf([['cfo', ['Our service business grew by 11% comparable in the quarter.']]])).toEqual([]);
  });

  it('reads "X after Y" as X compared with Y, "plus 14.8%" as growth, "raising the range" as a forecast, and treasury shares bought as a buyback', () => {
    expect(figuresOf([['cfo', ['The adjusted EBITA margin was 12.5% after 11.6%.']]])).toEqual([['adjusted_ebita_margin_pct', 12.5]]);
    expect(figuresOf([['cfo', ['Diluted earnings per share were EUR 1,87 after EUR 1,61 in the prior year.']]])).toEqual([['diluted_eps', 1.87]]);
    expect(figuresOf([['cfo', ['Revenue of EUR 608 million, plus 14.8% nominal and plus 16.1% comparable.']]])).toEqual([['revenue', 608e6], ['revenue_yoy_pct', 14.8]]);
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high]);
    expect(guidance(['We are raising the range for the adjusted EBITA margin to 12.0% to 13.0%, from previously 11.5% to 12.5%.'])).toEqual([['adjusted_ebita_margin_pct', 12, 13]]);
    expect(figuresOf([['cfo', ['In the third quarter, we purchased KRW 50 billion of treasury shares.']]])).toEqual([['buyback_usd', 50e9]]);
    // A programme's size or its upper limit is not what was bought.
    expect(figuresOf([['cfo', ['In February we announced a treasury share purchase program of KRW 150 billion through the end of this year.']]])).toEqual([]);
    expect(figuresOf([['cfo', ['The Board resolved to acquire up to 12 million of our own shares, with an upper limit of 30 billion yen.']]])).toEqual([]);
  });

  it('keeps a forecast compared with the year before, and a bound "more than 15% in 2026", as forecasts', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high, g.period]);
    expect(guidance(['For 2026, we expect revenue growth of 10% to 12%, compared with 9% in 2025.'])).toEqual([['revenue_yoy_pct', 10, 12, 'FY2026']]);
    expect(guidance(['Revenue is expected to grow by more than 15% in 2026.'])).toEqual([['revenue_yoy_pct', 15, undefined, 'FY2026']]);
    // An actual compared with a whole year is still no quarter's figure.
    expect(figuresOf([['cfo', ['The margin was 84.9%, compared to 84.6% in 2024.']]])).toEqual([]);
  });

  it('reads a budget as a forecast and "前三季" as the year to date, not as the quarter\'s', () => {
    expect(figuresOf([['cfo', ['我們將2025年資本支出預算由原先的新台幣170億元調高至約190億元。']]])).toEqual([]);
    expect(figuresOf([['cfo', ['美玲，你的數字是正確的，前三季資本支出為新台幣131億元。']]])).toEqual([]);
    expect(figuresOf([['cfo', ['第三季資本支出為新台幣49.5億元。']]])).toEqual([['capex', 4.95e9]]);
  });

  it('reads "dollars" without a country as the call\'s own dollar: Australian when the call names only Australian dollars', () => {
    const units = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.filter((f) => f.metric === 'revenue').map((f) => [f.value, f.unit]);
    const revenue = 'revenue for the quarter was six hundred and twelve point four million dollars';
    expect(units([revenue, 'copper averaged fifteen thousand australian dollars a tonne', 'we assume fifteen thousand two hundred australian dollars a tonne'])).toEqual([[612.4e6, 'AUD']]);
    expect(units([revenue])).toEqual([[612.4e6, 'USD']]);
    // Named once, or beside the US dollar named, another dollar changes nothing.
    expect(units([revenue, 'copper averaged fifteen thousand australian dollars a tonne'])).toEqual([[612.4e6, 'USD']]);
  });

  it('reads a balance at the end of the quarter as the quarter\'s, after a paragraph opened on the year to date', () => {
    expect(figuresOf([['cfo', ['For the nine months, operating cash flow was ¥41.2 billion. Cash and deposits at the end of September were ¥118.5 billion.']]])).toEqual([['cash_and_investments', 118.5e9]]);
    expect(figuresOf([['cfo', ['For the nine months, operating cash flow was ¥41.2 billion. Free cash flow was ¥12.0 billion.']]])).toEqual([]);
  });

  it('leaves out a measure the sentence dates to an earlier period before naming it', () => {
    expect(figuresOf([['cfo', ['As a result, prior-year Q3 operating profit was revised from 28.3 billion yen to 27.8 billion yen.']]])).toEqual([]);
    expect(figuresOf([['cfo', ["Last year's net sales were 1,655.2 billion yen."]]])).toEqual([]);
    expect(figuresOf([['cfo', ['Operating profit was 31.8 billion yen, compared with prior-year operating profit of 27.8 billion yen.']]])).toEqual([['operating_income', 31.8e9]]);
  });

  it('reads a forecast after "On growth," or "成長方面，" as no longer the last segment\'s, and "Based on …, we expect" as the company\'s', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.period]);
    const cloud = 'Cloud revenue was $410 million, up 9%, and Cloud should keep growing faster than the company.';
    // ("2026年營收" is a year's revenue, not a line of revenue; "我們預期" makes it the company's.)
    expect(guidance([cloud, '成長方面，我們預期2026年營收成長將超過15%。'])).toEqual([['group', 'revenue_yoy_pct', 15, 'FY2026']]);
    expect(guidance([cloud, 'On growth, we are not giving a formal 2026 forecast today, but based on customer forecasts and the capacity we are adding, we expect 2026 revenue to grow by more than 15%.'])).toEqual([['group', 'revenue_yoy_pct', 15, 'FY2026']]);
    expect(guidance([cloud, 'On growth, revenue is expected to grow by more than 15% in 2026.'])).toEqual([[null, 'revenue_yoy_pct', 15, 'FY2026']]);
    expect(guidance([cloud, 'Now our guidance for the fourth quarter. Based on the current business outlook and an exchange rate assumption of 31.8 NT dollars to the US dollar, we expect revenue to be between NT$17.6 billion and NT$18.4 billion for the fourth quarter.'])).toEqual([['group', 'revenue', 17.6e9, 'FY2025Q4']]);
  });

  it('reads the outlook a paragraph comes to after the segments as the company\'s', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.segment, g.metric, g.low, g.high, g.period]);
    const walk = ['Coming to the segments. Cloud revenue was Rs. 812 crore, up 9.0% year-on-year.', 'Retail revenue was Rs. 430 crore, up 8.1%.', 'On cash flows, cash flow from operations for the quarter was Rs. 298 crore.'];
    expect(guidance([...walk, 'Coming to the outlook. For FY25, we continue to expect revenue growth of 12% to 14% and an EBITDA margin in the range of 19.5% to 20.5%.'])).toEqual([
      ['group', 'revenue_yoy_pct', 12, 14, 'FY2025'],
      ['group', 'adjusted_ebitda_margin_pct', 19.5, 20.5, 'FY2025'],
    ]);
  });

  it('keeps the new range of a sentence that names the old one after it, and gives what the forecast implies its own period', () => {
    const guidance = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).guidance.map((g) => [g.metric, g.low, g.high, g.period]);
    // A machine transcript's run-on sentence, cents said "o eight".
    expect(guidance(['now the outlook, for fiscal twenty twenty five we now expect net sales growth of four point five percent to five percent up from our prior range of four to five percent with comparable sales growth of three to three point five percent, we are narrowing adjusted eps to five dollars ten cents to five dollars twenty five cents from the prior five dollars to five dollars thirty cents which implies fourth quarter adjusted eps of a dollar o eight to a dollar twenty three'])).toEqual([
      ['revenue_yoy_pct', 4.5, 5, 'FY2025'],
      ['non_gaap_diluted_eps', 5.1, 5.25, 'FY2025'],
      ['non_gaap_diluted_eps', 1.08, 1.23, 'FY2025Q4'],
    ]);
    expect(guidance(['For fiscal 2025, we now expect adjusted EBITDA of EUR 820 million to EUR 840 million, previously EUR 800 million to EUR 840 million.'])).toEqual([['adjusted_ebitda', 820e6, 840e6, 'FY2025']]);
    // "from previous X to Y" with no new range before it is still the change to Y.
    expect(guidance(['For fiscal 2025, we revised adjusted EBITDA from previous EUR 800 million to EUR 840 million.'])).toEqual([['adjusted_ebitda', 840e6, 840e6, 'FY2025']]);
  });

  it('reads a measure after a run of paragraphs that broke down a total, one part each, as the company\'s', () => {
    const parts = ['第三季度总收入为218.6亿元，同比增长31.2%。', '其中，云业务收入为197.3亿元，同比增长33.5%。', '零售业务收入为21.3亿元，同比增长13.3%。'];
    expect(segmentsOf([...parts, '第三季度毛利为31.0亿元。'])).toContainEqual(['group', 'gross_profit', 3.1e9]);
    // In a walk through the segments, a segment's paragraphs go on with its other measures.
    const walk = segmentsOf(['Turning to Cloud. Cloud revenue was $410 million.', 'Turning to Retail. Retail revenue was $300 million.', 'Operating income was $20 million.']);
    expect(walk).toContainEqual(['retail', 'operating_income', 20e6]);
    expect(walk).not.toContainEqual(['group', 'operating_income', 20e6]);
  });

  it("reads net income in a paragraph a segment's name opens as the segment's, when the call names a segment with net income", () => {
    const paragraphs = ['Turning to Cloud. Cloud revenue was $410 million. Net income was $81 million, up 6% year over year.', 'Retail reported revenue of $300 million and net income of $16 million.'];
    expect(segmentsOf(paragraphs).filter(([, m]) => String(m).startsWith('net_income'))).toEqual([
      ['cloud', 'net_income', 81e6],
      ['cloud', 'net_income_yoy_pct', 6],
      ['retail', 'net_income', 16e6],
    ]);
    // Without a segment named with net income, net income stays the company's or unassigned.
    expect(segmentsOf([paragraphs[0]!, 'Retail reported revenue of $300 million.']).filter(([, m]) => String(m).startsWith('net_income'))).toEqual([
      [null, 'net_income', 81e6],
      [null, 'net_income_yoy_pct', 6],
    ]);
    // Nor in a paragraph the segment's name did not open.
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $410 million.', 'Net income was $81 million.', paragraphs[1]!]).filter(([, m]) => m === 'net_income')).toEqual([
      [null, 'net_income', 81e6],
      ['retail', 'net_income', 16e6],
    ]);
  });

  it('takes no topic from a breakdown sentence through several segments', () => {
    expect(segmentsOf(['分业务来看，云业务收入占总收入的 50%，零售业务占 31%。', '毛利率为 51.6%。'])).toEqual([['group', 'gross_margin_pct', 51.6]]);
  });

  it('reads an unnamed paragraph right after a walk through several segments as the group\'s when it opens with another measure', () => {
    expect(
      segmentsOf([
        'By segment, Cloud revenue was $410 million, up 8%, with operating income of $61 million. Retail revenue was $300 million, and operating income was $20 million.',
        'Gross margin was 44.6%, compared with 43.9% last year. Operating income was $146.3 million.',
      ]),
    ).toEqual([
      ['cloud', 'revenue', 410e6],
      ['cloud', 'revenue_yoy_pct', 8],
      ['cloud', 'operating_income', 61e6],
      ['retail', 'revenue', 300e6],
      ['retail', 'operating_income', 20e6],
      ['group', 'gross_margin_pct', 44.6],
      ['group', 'operating_income', 146.3e6],
    ]);
    // Opening with a measure the segments were given, it could be the last segment's: left open.
    expect(segmentsOf(['By segment, Cloud operating income was $61 million. Retail operating income was $20 million.', 'Operating income was $146.3 million.'])).toEqual([
      ['cloud', 'operating_income', 61e6],
      ['retail', 'operating_income', 20e6],
      [null, 'operating_income', 146.3e6],
    ]);
    // After one segment's paragraph, the next unnamed paragraph may still be that segment's: not the group's.
    expect(segmentsOf(['Turning to Cloud. Cloud revenue was $410 million.', 'Gross margin was 44.6%.'])).toEqual([
      ['cloud', 'revenue', 410e6],
      ['cloud', 'gross_margin_pct', 44.6],
    ]);
  });

  it('does not read Korean or Japanese sentences (no vocabulary for their periods and plans)', () => {
    expect(figuresOf([['cfo', ['Capex in the quarter was KRW 162.4 billion.', '1~9월 누적 CAPEX는 4,680억 원입니다.', '연간 CAPEX는 약 6,900억 원 수준을 유지할 계획입니다.']]])).toEqual([['capex', 162.4e9]]);
  });

  it('holds a cumulative period that opens a turn for the whole turn, and no further', () => {
    const got = figuresOf([
      ['cfo', ['Thank you, Bo. Next slide, please. In the first nine months of 2025, our sales grew by 12%.', 'In the third quarter, restructuring costs of US$9 million were booked.', 'Net profit increased by 4% to US$1.2 billion.']],
      ['ceo', ['Net income was US$400 million.']],
    ]);
    expect(got).toEqual([['net_income', 400e6]]);
  });

  it('carries the period a forecast is about through the turn, not into the next speaker', () => {
    const guidanceOf = (turns: ReadonlyArray<readonly [string, readonly string[]]>) => {
      let line = 0;
      const source = {
        key: 'en',
        layers: [{ lang: 'en', role: 'original', machine_translated: false }],
        sections: [{ id: 'prepared-remarks', turns: turns.map(([speaker, paragraphs]) => ({ speaker, label: speaker, line: ++line, paragraphs: paragraphs.map((text) => ({ id: `en-p-${++line}`, line, text, segments: [] })) })) }],
        exchanges: [],
        announcement: [],
        omitted: [],
      } as unknown as Source;
      return reader.read(source, speakers).guidance.map((g) => [g.metric, g.period ?? null]);
    };
    expect(
      guidanceOf([
        ['cfo', ['For 2025, sales growth is now expected to be 8% to 11%.', 'Capital expenditure is now expected to be around US$6 billion.']],
        ['ceo', ['We expect free cash flow of US$2 billion.']],
      ]),
    ).toEqual([
      ['revenue_yoy_pct', 'FY2025'],
      ['capex', 'FY2025'],
      ['free_cash_flow', null],
    ]);
  });

  it('makes ranges of guidance, but not a range over a factor of ten (a slip between million and billion)', () => {
    let line = 0;
    const source = {
      key: 'en',
      layers: [{ lang: 'en', role: 'original', machine_translated: false }],
      sections: [{ id: 'prepared-remarks', turns: [{ speaker: 'cfo', label: 'cfo', line: ++line, paragraphs: ['For 2025, free cash flow is now expected to be US$20 million to US$30 billion.', 'For 2025, capital expenditure is expected to be US$2 billion to US$2.4 billion.'].map((text) => ({ id: `en-p-${++line}`, line, text, segments: [] })) }] }],
      exchanges: [],
      announcement: [],
      omitted: [],
    } as unknown as Source;
    expect(reader.read(source, speakers).guidance.map((g) => [g.metric, g.low, g.high])).toEqual([['capex', 2e9, 2.4e9]]);
  });

  it('reads GAAP terms as non-GAAP only after a declaration that figures are, not after a mention of non-GAAP measures', () => {
    expect(figuresOf([['cfo', ['We will also refer to non-GAAP measures; reconciliations are in the earnings release.', 'Operating income was US$60 million.']]])).toEqual([['operating_income', 60e6]]);
    expect(figuresOf([['cfo', ['Unless otherwise noted, all figures are non-GAAP.', 'Operating income was US$60 million.']]])).toEqual([['non_gaap_operating_income', 60e6]]);
  });

  it('ends a segment topic when the speaker turns to something that is not a segment', () => {
    expect(segmentsOf(['Turning to our Cloud segment. Revenue was US$3 billion.', 'Moving on to advertising. We generated US$1.7 billion of revenue in the quarter.'])).toEqual([
      ['cloud', 'revenue', 3e9],
      [null, 'revenue', 1.7e9],
    ]);
  });

  it('leaves no segment the topic after a paragraph that went through several', () => {
    // Into the next paragraph, none of them carries.
    expect(segmentsOf(['Turning to Cloud, revenue was US$1.2 billion. Turning to Retail, revenue was US$2.0 billion.', 'Revenue grew 9% in the quarter.'])).toEqual([
      ['cloud', 'revenue', 1.2e9],
      ['retail', 'revenue', 2.0e9],
      [null, 'revenue_yoy_pct', 9],
    ]);
    // One segment named in a paragraph stays the topic of the next.
    expect(segmentsOf(['Turning to Retail, revenue was US$2.0 billion.', 'Revenue grew 9% in the quarter.'])).toEqual([
      ['retail', 'revenue', 2.0e9],
      ['retail', 'revenue_yoy_pct', 9],
    ]);
  });

  it('takes no period from a reason ("Given the year-to-date performance, …") or an attribute ("year-to-date results")', () => {
    expect(figuresOf([['cfo', ['Given the year-to-date performance, we feel good about the business. Revenue was US$3.2 billion.']]])).toEqual([['revenue', 3.2e9]]);
    expect(figuresOf([['cfo', ['Our year-to-date results are strong. Revenue was US$3.2 billion.']]])).toEqual([['revenue', 3.2e9]]);
    expect(figuresOf([['cfo', ['For the first nine months, we did well. Revenue was US$9.1 billion.']]])).toEqual([]);
  });

  it('holds a cumulative aside later in a turn for its paragraph only', () => {
    const got = figuresOf([['cfo', ['Revenue for the third quarter was US$3.2 billion.', 'For the first nine months, revenue was US$9.1 billion.', 'Net income was US$400 million.']]]);
    expect(got).toEqual([
      ['revenue', 3.2e9],
      ['net_income', 400e6],
    ]);
  });
});

describe('the period a forecast is about', () => {
  const call = parseQuarterId('FY2026Q2')!;
  it.each([
    ['We expect capex of roughly $12 million to $14 million per quarter, so for the full fiscal year we now expect capex of roughly $45 million to $50 million.', '$12 million', 'FY2026Q3'],
    ['We expect capex of roughly $12 million to $14 million per quarter, so for the full fiscal year we now expect capex of roughly $45 million to $50 million.', '$45 million', 'FY2026'],
    ['We expect revenue of $300 million for the third quarter and $1.2 billion for the full year.', '$300 million', 'FY2026Q3'],
    ['We expect revenue of $300 million for the third quarter and $1.2 billion for the full year.', '$1.2 billion', 'FY2026'],
    ['For the fourth quarter, we expect revenue of $320 million.', '$320 million', 'FY2026Q4'],
    ['We aim for a margin of 10% in fiscal 2028.', '10%', 'FY2028'],
    ['我们预期全年资本开支约为人民币 65 亿元，2026 年资本开支将进一步增加。', '人民币 65 亿元', 'FY2026'],
    ['For Q3 FY27, we expect revenue growth of 9% to 11% Y-o-Y.', '9%', 'FY2027Q3'],
    ['公司预计三季度营业收入在25亿元至26.5亿元之间，2026年全年营业收入目标为96亿元至100亿元。', '25亿元', 'FY2026Q3'],
    // Years a machine transcript spells out.
    ['so the revenue guidance for fiscal twenty seven is one point one seven to one point two one billion pounds', 'one point one seven', 'FY2027'],
    ['For the third quarter of fiscal year 2026, we expect total net revenues to be between $338 million and $346 million.', '$338 million', 'FY2026Q3'],
    // Split fiscal years and a year named by its end; not the period of a comparison.
    ['Because of currency, we now expect fiscal 2026/27 revenue of EUR 4.45 billion to EUR 4.60 billion.', 'EUR 4.45 billion', 'FY2027'],
    ['We are keeping our revenue forecast for the fiscal year ending March 2027 at 760 billion yen.', '760 billion yen', 'FY2027'],
    ['We continue to expect revenue of HKD 17.6 billion to HKD 18.0 billion, compared with HKD 16.4 billion in fiscal 2025, which is growth of roughly 7% to 10%.', 'HKD 17.6 billion', undefined],
    ['We plan capital expenditure of 62 billion yen to 66 billion yen this fiscal year.', '62 billion yen', 'FY2026'],
    ['Given the year-to-date performance, we are raising our full-year 2026 total revenue guidance to $9.70 billion to $9.80 billion.', '$9.70 billion', 'FY2026'],
    // A period that closes the sentence holds for every clause of it.
    ['We still expect capex of £40 million to £45 million, and revenue growth of 4% to 6%, for the full year.', '£40 million', 'FY2026'],
    // The year of a date dates a day, not the forecast's period.
    ['For the fourth quarter of fiscal 2026, which is the thirteen weeks ending January 31, 2027, we expect net sales of $2.72 billion.', '$2.72 billion', 'FY2026Q4'],
    // A period said right before the next forecast, in speech without punctuation, is that forecast's.
    ['for the third quarter we expect earnings per share of thirty eight to forty four cents for the full year we expect net sales of two billion', 'forty four cents', 'FY2026Q3'],
    // Not the year a forecast grows from, a year compared with, or the end of a programme's term.
    ['which on our fiscal 2025 base of $9.66 implies adjusted EPS of roughly $10.35 to $10.60', '$10.35', undefined],
    ['明年的资本开支我们初步预计会比今年有所下降，大约在30亿元至35亿元之间。', '30亿元', 'FY2027'],
    ['明年资本支出初步来看会和今年的75亿元相当。', '75亿元', 'FY2026'],
    // "Beyond FY26": the years after it, no fiscal period the reader can name.
    ['Beyond FY26, we expect capex to normalise back to about Rs 300 crore to Rs 350 crore a year.', 'Rs 300 crore', undefined],
  ] as const)('%s (%s)', (text, value, period) => {
    expect(guidanceTarget(guidancePeriodAt(text, text.indexOf(value), value.length), call, false)).toBe(period);
  });
  it('reads a year spelled out in the period a paragraph\'s forecasts are about', () => {
    expect(guidancePeriod('now to our outlook for fiscal twenty twenty five we now expect identical sales of 2.5% to 3%')).toBe('fiscal 2025');
  });
  it('takes no period from the end of a programme\'s term', () => {
    expect(guidancePeriod('The buyback programme runs until the end of 2026. We expect revenue growth of 9%.')).toBe('unspecified');
    expect(guidancePeriod('For 2025 we expect revenue growth of 9%.')).toBe('2025');
  });
  it('takes no period from what a forecast is compared with, so the next sentence keeps the paragraph\'s', () => {
    expect(guidancePeriod('We expect adjusted operating margin of 16.6% to 17.0%, compared with 16.3% for fiscal 2026, and adjusted EPS of $7.05 to $7.35.')).toBe('unspecified');
    expect(guidancePeriod('For fiscal 2027 we expect revenue of $4.70 billion, compared with $4.52 billion in fiscal 2026.')).toBe('fiscal 2027');
  });
  it('reads "the full year" of a fourth quarter\'s call as the year ahead, of other calls as the year under way', () => {
    expect(guidanceTarget('for the full year', parseQuarterId('FY2026Q4')!, false)).toBe('FY2027');
    expect(guidanceTarget('this fiscal year', parseQuarterId('FY2026Q4')!, false)).toBe('FY2027');
    expect(guidanceTarget('for the full year', parseQuarterId('FY2026Q3')!, false)).toBe('FY2026');
  });
});

describe('lines, lists, earlier periods and corrections (rules retired held-out set 13 showed missing)', () => {
  const speakers = new Map<string, Speaker>([['cfo', { id: 'cfo', name: 'Ann Lee', role: 'executive', labels: [] }]]);
  const segmentsOf = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.segment, f.metric, f.value]);
  it('files the figure of a line between the segments and the group under neither, and reads "minus" on an amount before its measure', () => {
    expect(read('Group functions and eliminations were minus EUR 110 million in adjusted EBITA.')).toEqual([[null, 'adjusted_ebita', -110e6, 'EUR']]);
    expect(read('Corporate and other costs were $14 million, and Cloud revenue was $40 million.')).toEqual([['cloud', 'revenue', 40e6, 'USD']]);
    expect(read('Free cash flow came in at negative RMB 3.2 billion.')).toEqual([['group', 'free_cash_flow', -3.2e9, 'CNY']]);
    // The group itself is still the group.
    expect(read('Group adjusted EBITA was EUR 1,047 million.')).toEqual([['group', 'adjusted_ebita', 1047e6, 'EUR']]);
  });
  it('takes a list item that opens on its own value for no segment named in the item before it', () => {
    expect(read('To sum up: revenue up 17.8%, Cloud up 21%, a 21.5% non-GAAP operating margin, and a raised outlook.').slice(1)).toEqual([
      ['cloud', 'revenue_yoy_pct', 21, '%'],
      [null, 'non_gaap_operating_margin_pct', 21.5, '%'],
    ]);
    // Within one item the segment holds.
    expect(read('Cloud revenue was $40 million, a 12% increase.')).toEqual([['cloud', 'revenue', 40e6, 'USD'], ['cloud', 'revenue_yoy_pct', 12, '%']]);
  });
  it('dates what a sentence says when it opens on an earlier period, unless it names this one', () => {
    expect(read('In the same period of last year, the operating margin of Cloud was 11.4%.')).toEqual([]);
    expect(read('A year ago, Cloud revenue was $35 million.')).toEqual([]);
    expect(read('Last year, we launched two products, and this quarter Cloud revenue was $40 million.')).toEqual([['cloud', 'revenue', 40e6, 'USD']]);
  });
  it('knows ordinary income and profit before tax as measures it does not export, not as the operating income listed before them', () => {
    // ("we forecast operating income": a verb of forecasting takes the measure as its object, no line of it.)
    expect(read('For the full year, we forecast operating income of 60 billion yen, ordinary income of 62 billion yen, and profit before tax of 61 billion yen.')).toEqual([['guidance', 'operating_income', 60e9, 'JPY']]);
  });
  it('reads the half year as a period other than the quarter', () => {
    expect(read('Operating cash flow for the half year was healthy at Rs 1,207 crore.')).toEqual([]);
  });
  it('reads a forecast compared with the plan made earlier ("比年初規劃的") as one value, not two', () => {
    expect(read('今年全年資本支出預估約新台幣55億元，比年初規劃的48億元略為增加。')).toEqual([['guidance', 'capex', 55e8, 'TWD']]);
  });
  it('drops a part\'s amounts the speaker says were misread, and takes the right number given in their place', () => {
    const said = ['Cloud revenue was $46.0 million, down 14%. Retail revenue was $80 million.'];
    const fixed = 'I misread the Cloud figure. The correct number, which is what\'s in the press release, is $40.6 million, down 14% from $47.2 million a year ago.';
    expect(segmentsOf([...said, fixed])).toEqual([['cloud', 'revenue_yoy_pct', -14], ['retail', 'revenue', 80e6], ['cloud', 'revenue', 40.6e6]]);
    // Without the admission nothing is dropped, and "the correct number" alone is no figure of anyone's.
    expect(segmentsOf([...said, 'The correct number to watch is $40.6 million of backlog.'])).toEqual([['cloud', 'revenue', 46e6], ['cloud', 'revenue_yoy_pct', -14], ['retail', 'revenue', 80e6]]);
  });
  it('reads a rate against a quarter named by its last month as year on year or sequential, as the month says', () => {
    // (The test company's third quarter ends in September.)
    const bases = (s: string) => reader.explain(s, { kind: 'group' }).filter((r) => r.unit === '%').map((r) => [r.value, r.basis]);
    expect(bases("revenue was 612.4 million dollars that's up fourteen percent on the september quarter last year and it's also up three percent on the june quarter")).toEqual([[14, 'yoy'], [3, 'qoq']]);
    expect(bases('revenue was up five percent on the march quarter')).toEqual([]);
  });
  it('reads "that compares with … in the prior corresponding period" as the earlier value, and a filler before a measure as no line of it', () => {
    expect(read('so the underlying ebitda margin was thirty seven point nine percent and that compares with thirty three point two percent in the prior corresponding period', { kind: 'group' })).toEqual([['group', 'adjusted_ebitda_margin_pct', 37.9, '%']]);
    expect(read('the zinc by product um revenue there was four hundred and twenty eight point nine million dollars', { kind: 'segment', id: 'cloud' })).toEqual([['cloud', 'revenue', 428.9e6, 'USD']]);
  });
  it('reads a margin said on its own after a paragraph\'s amount as that amount\'s margin, and a bare amount before a filler', () => {
    const said = ['Turning to Cloud. cloud underlying ebitda was 172.4 million dollars. so a margin of forty point two percent.'];
    expect(segmentsOf(said)).toEqual([['cloud', 'adjusted_ebitda', 172.4e6], ['cloud', 'adjusted_ebitda_margin_pct', 40.2]]);
    // Not across paragraphs, and not a margin with words of its own before it.
    expect(segmentsOf(['Turning to Cloud. cloud underlying ebitda was 172.4 million dollars.', 'so a margin of forty point two percent.'])).toEqual([['cloud', 'adjusted_ebitda', 172.4e6]]);
    expect(segmentsOf(['Turning to Cloud. cloud underlying ebitda was 172.4 million dollars. we think the industry margin is forty percent.'])).toEqual([['cloud', 'adjusted_ebitda', 172.4e6]]);
    const withUnits = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.metric, f.value, f.unit]);
    expect(withUnits(['revenue was A$612 million, EBIT A$88 million and capex A$40 million.', 'operating cash flow was one hundred and ninety eight point three million um that is lower than ebitda'])).toContainEqual(['operating_cash_flow', 198.3e6, 'AUD']);
  });
  it('reads bare dollars in the dollar of the city the speakers are in, when the call names no dollar', () => {
    const withUnits = (paragraphs: readonly string[]) => reader.read(cfoTurn(paragraphs), speakers).figures.map((f) => [f.metric, f.value, f.unit]);
    expect(withUnits(["good morning everyone i'm joined here in melbourne by our cfo", 'revenue was two point four one billion dollars'])).toEqual([['revenue', 2.41e9, 'AUD']]);
    // A call that names the US dollar keeps it.
    expect(withUnits(["good morning everyone i'm joined here in melbourne by our cfo", 'revenue was two point four one billion US dollars', 'capex was forty million dollars'])).toEqual([['revenue', 2.41e9, 'USD'], ['capex', 40e6, 'USD']]);
  });
});
