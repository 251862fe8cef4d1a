/**
 * Figures and guidance from one source: every sentence an executive says (or a quoted results
 * announcement states) is read by `readSentence`; this module walks the source, carries the
 * entity a topic sentence names ("Turning to Cloud…") to the sentences after it, and turns
 * readings into records with their quote and the rule that produced them.
 */
import type { Company, FigureUnit, Guidance, Metric, Paragraph, Reading as Vocab, Source, Speaker } from '../../../src/lib/schema.ts';
import { periodEnd, quarterId, type FiscalQuarter } from '../../../src/lib/quarters.ts';
import { fiscalYearEnd } from '../detect.ts';
import { spokenStatements, type Sentence } from './sentences.ts';
import { metricFamily, passingMention, periodTopicOf, pointsBack, readSentence, RETRACTED, topicOf, type Entity, type Frame, type Reading, type SentenceContext } from './read.ts';
import { vocabulary, type Vocabulary } from './vocabulary.ts';
import { findNumbers, normalizeSameLength, REPEATED_CURRENCY, saidNumbers } from './numbers.ts';
import { columns, continuedHeader, rowSentences, type Column } from './tables.ts';
import { isRule, tableCells } from '../text.ts';
import { CURRENCIES } from '../../../src/lib/currencies.ts';

/** A figure as read from one sentence, before figures stated more than once are merged. */
export interface RawFigure {
  readonly period: string;
  readonly segment: string | null;
  readonly metric: string;
  readonly value: number;
  readonly unit: FigureUnit;
  readonly basis?: 'yoy' | 'qoq';
  readonly approx?: 'more-than' | 'about' | 'less-than';
  /** Value of one unit in the last digit written (2,342 亿 -> 1e8; 9.1% -> 0.1), for comparing roundings. */
  readonly precision: number;
  readonly quote: {
    readonly source: string;
    readonly paragraph: string;
    readonly speaker?: string;
    readonly text: string;
    readonly number: string;
    readonly note?: string;
    readonly rule?: string;
  };
  /** Order of the paragraph in its source, for sorting quotes. */
  readonly order: number;
  /** Said in the Q&A rather than in prepared remarks or an announcement. */
  readonly qa?: boolean;
}

export interface ExtractContext {
  readonly company: Company;
  readonly metrics: readonly Metric[];
  readonly reading: Vocab;
  readonly quarter: FiscalQuarter;
  /** The quarter's last day, when the call states one its fiscal calendar does not give (52/53-week years, years named by their start). */
  readonly periodEnd?: string;
}

/** The period a guidance sentence is about, as it says it; `unspecified` when it does not. */
const GUIDANCE_PERIOD =
  /(20\d\d\s*(?:财)?年\s*第[一二三四](?:财)?季度?|20\d\d\s*年\s*(?:全年|全财年|财年)|(?:(?:the\s+)?(?:fiscal|financial)\s+year\s+ending\s+)(?:march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2},?)?\s+20\d\d|(?:(?:fiscal|financial)\s+(?:year\s+)?|fy\s*)?(?:20)?\d\d\s*\/\s*\d\d\b|next quarter|next year|next three years|next few quarters|coming quarters?|(?:per|each|a) quarter|for the (?:full )?year|this (?:fiscal |financial )?year|the current (?:fiscal |financial )?year|(?:first|second|third|fourth) quarter(?: of (?:(?:fiscal|financial) (?:year )?|fy ?)?\d{4})?|q[1-4](?:\s*(?:fiscal\s+|fy\s*'?)?\d{2,4}\b)?|full[- ](?:fiscal[- ])?year(?: (?:fiscal )?\d{4})?|fiscal (?:year )?\d{4}|fy ?\d{2,4}|\b20\d\d\b|下(?:一|个)?季度?|第[一二三四](?:财|財)?季度?|(?<![前上下第])[一二三四](?:财|財)?季度|全年|明年|今年|本年度?|未来[一二三四五几]+(?:个)?(?:季度|年)|20\d\d\s*(?:财)?年)/gi;

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/**
 * Years as a machine transcript spells them, as digits in place (padded to the same length, so
 * positions hold): "fiscal twenty seven" -> "fiscal 2027", "twenty twenty six" -> "2026".
 */
export function spelledYears(text: string): string {
  const two = (tens: string, unit?: string) => (tens.toLowerCase() === 'thirty' ? 30 : 20) + (unit ? UNITS.indexOf(unit.toLowerCase()) + 1 : 0);
  return text
    .replace(/\b(twenty)[\s-]+(twenty|thirty)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?\b/gi, (m, _a: string, tens: string, unit?: string) => String(2000 + two(tens, unit)).padEnd(m.length, ' '))
    .replace(/\b(fiscal(?:\s+year)?|fy)\s+((twenty|thirty)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?)\b/gi, (_whole: string, lead: string, words: string, tens: string, unit?: string) => `${lead} ${String(2000 + two(tens, unit)).padEnd(words.length, ' ')}`);
}

/** The first period a sentence names for its guidance ("fourth quarter", "full year 2026"), or `unspecified`. */
export function guidancePeriod(text: string): string {
  // (Not the end of a term: "the buyback programme … runs until the end of 2026".)
  // (Years spelled as a machine transcript writes them: "our outlook for fiscal twenty twenty five".)
  const said = spelledYears(text);
  // (Nor a comparison's period: "margin of 16.6% to 17.0%, compared with 16.3% for fiscal 2026"
  // leaves the next sentence's forecast about the year the paragraph opened on.)
  const m = [...said.matchAll(GUIDANCE_PERIOD)].find((x) => !UNTIL_BEFORE.test(said.slice(Math.max(0, x.index - 24), x.index)) && !inComparison(said, x.index));
  return m ? m[0].replace(/\s+/g, ' ') : 'unspecified';
}

/** Whether the period at `at` is what a value is compared with ("compared with HKD 16.4 billion in fiscal 2025"). */
function inComparison(text: string, at: number): boolean {
  const clauseBefore = text.slice(0, at).split(/[,，;；。]/).pop()!;
  return /\b(?:compared|versus|vs\.?|against|relative to|up from|down from)\b|相比|相较|较/i.test(clauseBefore);
}

/** Words that make the period after them the start of a later one: "Beyond FY26, we expect capex to normalise …". */
const BEYOND_BEFORE = /\b(?:beyond|after|post)\s+$/i;

/** Words that make the period after them a term's end, not a forecast's period. */
const UNTIL_BEFORE = /\b(?:until|till|through|runs to|expires? in|expiring in)\s+(?:the\s+end\s+of\s+)?$/i;

/**
 * The period a sentence names for the value at `at`: the nearest period phrase in the value's
 * sentence ("capex of $12 million to $14 million per quarter, so for the full fiscal year …
 * $45 million to $50 million": the first range is per quarter, the second for the year), or
 * `unspecified`. `at` and `length` place the value in the text.
 */
export function guidancePeriodAt(said: string, at: number, length = 0): string {
  const text = spelledYears(said);
  let best: { text: string; distance: number } | undefined;
  for (const m of text.matchAll(GUIDANCE_PERIOD)) {
    const end = m.index + m[0].length;
    // The year of a date ("the thirteen weeks ending January 31, 2026") dates a day, not the period.
    if (/^20\d\d$/.test(m[0]) && /(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?)\s*$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    // A comparison's period is not the forecast's ("revenue of HKD 17.6 billion to HKD 18.0
    // billion, compared with HKD 16.4 billion in fiscal 2025").
    if (inComparison(text, m.index)) continue;
    // (A period after "beyond" is the one after it: kept as said, it names no fiscal period.)
    const beyond = BEYOND_BEFORE.exec(text.slice(Math.max(0, m.index - 8), m.index));
    // Nor the year a forecast grows from: "on our fiscal 2025 base of $9.66 implies EPS of $10.35".
    if (/^\s*(?:base|baseline)\b/i.test(text.slice(end))) continue;
    // Nor a period compared with: "明年的资本开支…会比今年有所下降，大约在30亿元至35亿元" is next year's.
    if (/(?:比|高于|低于|高於|低於|较|較)\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    // A period after the value counts only within its clause ("全年资本开支约为 65 亿元，2026 年…": 2026 is the next clause's),
    // unless it closes the sentence ("capex of £40 million to £45 million, and revenue growth of 4% to 6%, for the full year.").
    const closes = /^\s*[.。!！]?\s*["”’)]?\s*$/.test(text.slice(end)) && (/^for\b/i.test(m[0]) || /\b(?:for|in)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.index - 8), m.index)));
    // (Not a thousands separator: "₹6,300 to ₹6,500 crore for the full year" is one clause.)
    if (m.index >= at + length && /[,，;；。]/.test(text.slice(at + length, m.index).replace(/(\d),(?=\d)/g, '$1')) && !closes) continue;
    // (Nor one that opens the next forecast, as speech without punctuation runs on: "… forty four
    // cents for the full year we expect net sales of …".)
    if (m.index >= at + length && /^\s*,?\s*(?:we|i)\s+(?:now\s+|also\s+|still\s+|continue\s+to\s+)?(?:expect|anticipate|see|plan|guide|target|project|forecast)\b/i.test(text.slice(end))) continue;
    // (Nor the period of what the forecast implies: "EPS of $5.10 to $5.25 … which implies fourth
    // quarter EPS of $1.08 to $1.23".)
    if (m.index >= at + length && /\b(?:(?:which|that)\s+(?:implies|would\s+imply|means|translates\s+(?:in)?to)|implying)\b/i.test(text.slice(at + length, m.index))) continue;
    const distance = end <= at ? at - end : m.index >= at + length ? m.index - at - length : 0;
    if (!best || distance < best.distance) best = { text: `${beyond ? beyond[0].toLowerCase() : ''}${m[0].replace(/\s+/g, ' ')}`, distance };
  }
  return best?.text ?? 'unspecified';
}

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * The fiscal period a guidance period names, relative to the call's quarter: "next quarter" and
 * "the fourth quarter" of a FY2025 Q3 call are FY2025Q4, "full year" and "fiscal 2026" are FY years.
 * Undefined when it cannot tell (a calendar year of a company whose fiscal year is not the calendar's).
 */
export function guidanceTarget(about: string, call: FiscalQuarter, calendarYears: boolean): string | undefined {
  const a = about.toLowerCase();
  if (/^(?:beyond|after|post)\s/.test(a)) return undefined;
  const next = (q: FiscalQuarter) => (q.q === 4 ? { fy: q.fy + 1, q: 1 } : { fy: q.fy, q: q.q + 1 });
  // "next quarter"; a rate "per quarter" holds from the next quarter on.
  if (/next quarter|(?:per|each|a) quarter|下(?:一|个)?季度?/.test(a)) return quarterId(next(call) as FiscalQuarter);
  // "fiscal 2026/27", "FY26/27": the year the fiscal year ends in names it; so does "the fiscal
  // year ending March 2027" (not January or February: a year ending then is often named by the
  // year before).
  const split = /(?:^|[^\d])((?:20)?\d\d)\s*\/\s*(\d\d)\b/.exec(a);
  if (split && !/quarter|q[1-4]|季/.test(a)) {
    const first = split[1]!.length === 2 ? 2000 + Number(split[1]) : Number(split[1]);
    if ((first + 1) % 100 === Number(split[2])) return `FY${first + 1}`;
  }
  const ending = /year\s+ending\s+(march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2},?)?\s+(20\d\d)/.exec(a);
  if (ending) return `FY${ending[2]}`;
  const ord = /(first|second|third|fourth) quarter|(?:第|(?<![前上下]))([一二三四])(?:财|財)?季度?|\bq([1-4])\b/.exec(a);
  // ("2025财年第四季度" is fiscal; "2025年第四季度" is a calendar year's, the fiscal one's only when they agree.)
  const year = /(?:fiscal (?:year )?|fy ?)(\d{4}|\d{2})\b/.exec(a)?.[1] ?? /(20\d\d)\s*财年/.exec(a)?.[1] ?? (calendarYears ? /(20\d\d)\s*年/.exec(a)?.[1] : undefined);
  const fy = year ? (year.length === 2 ? 2000 + Number(year) : Number(year)) : undefined;
  if (ord) {
    const q = ORDINAL[ord[1] ?? ord[2] ?? ''] ?? Number(ord[3]);
    // Without a year, the next such quarter from the call's.
    const y = fy ?? (q > call.q ? call.fy : call.fy + 1);
    return `FY${y}Q${q}`;
  }
  if (fy) return `FY${fy}`;
  // (A fourth quarter's call forecasts the year ahead: the year it reports on is over.)
  if (/full[- ](?:fiscal[- ])?year|for the (?:full )?year|this (?:fiscal |financial )?year|current (?:fiscal |financial )?year|全年|今年|本年/.test(a)) return `FY${call.q === 4 ? call.fy + 1 : call.fy}`;
  if (/next year|明年/.test(a)) return `FY${call.fy + 1}`;
  const cal = /\b(20\d\d)\b/.exec(a)?.[1];
  if (cal && calendarYears) return `FY${cal}`;
  return undefined;
}

/** What stands between the two values of a range: "to", "and", a dash, perhaps the currency again ("$338 million and $346 million", "4.70 to 4.80", "(sic) [ RMB 26.5 billion ] and RMB 29.2 billion"). */
const RANGE_BETWEEN = new RegExp(String.raw`^\s*(?:%|percent|个百分点|pp)?\s*[\])）]?\s*(?:,\s*)?(?:to|and|through|-|–|—|~|至|到)\s*${REPEATED_CURRENCY}\s*$`);

/** Readings of one sentence into guidance: a value of one metric right after another, joined by "to" or "and", makes a range. */
function toGuidance(readings: readonly Reading[], quote: Guidance['quote'], aboutBefore: string | undefined, call: FiscalQuarter, calendarYears: boolean): Guidance[] {
  const out: Guidance[] = [];
  /** Where the last value kept ends in the sentence: a range's end follows it after "to" or "and". */
  let lastEnd = -1;
  for (const r of readings) {
    if (r.decision !== 'guidance' || r.value === undefined) continue;
    const rangeEnd = lastEnd >= 0 && RANGE_BETWEEN.test(normalizeSameLength(quote.text.slice(lastEnd, r.start)));
    lastEnd = r.start + r.number.length;
    const stated = guidancePeriodAt(quote.text, r.start, r.number.length);
    // "For fiscal year 2026, we now expect revenue… We are raising our non-GAAP income…": the period carries.
    // (And within a sentence, "2026年全年收入…，全年资本开支约10亿元": a bare "full year" after a named year is that year.)
    // (Or a year the sentence names before the value: "到2027年云服务业务全年收入突破人民币200亿元".)
    const yearBefore = [...spelledYears(quote.text.slice(0, r.start)).matchAll(/20\d\d\s*(?:财|財)?年(?!\s*第)|\b(?:fiscal\s+(?:year\s+)?|fy\s?)20\d\d\b/gi)].at(-1)?.[0];
    const named = out.map((g) => g.about).filter((a) => /20\d\d/.test(a)).at(-1) ?? yearBefore;
    // (The end of a range is about what its start is about: "sales of 4.70 to 4.80 billion … and capex for the year".)
    const about = rangeEnd && out.length > 0 ? out[out.length - 1]!.about : stated === 'unspecified' && aboutBefore ? aboutBefore : named && /^(?:全年|全财年|full[- ]year|the full year|for the full year)$/i.test(stated) ? named : stated;
    const target = guidanceTarget(about, call, calendarYears);
    const prev = out[out.length - 1];
    const cc = r.frame === 'forecast-cc';
    // (A loss between RMB 450 million and RMB 500 million is the range -500 to -450 million.)
    const loss = prev !== undefined && prev.low! < 0 && r.value < prev.low!;
    if (rangeEnd && prev && prev.metric === r.metric && prev.unit === r.unit && prev.segment === r.segment && prev.low === prev.high && (r.value > prev.low! || loss) && prev.about === about && Boolean(prev.constant_currency) === cc) {
      // "DKK 20 million to DKK 30 billion": a range over a factor of ten is a slip of the
      // tongue or the transcript; neither bound can be trusted.
      if (prev.unit !== '%' && prev.low! !== 0 && Math.sign(prev.low!) === Math.sign(r.value) && Math.abs(r.value) > 10 * Math.abs(prev.low!)) {
        out.pop();
        continue;
      }
      out[out.length - 1] = loss ? { ...prev, low: r.value } : { ...prev, high: r.value };
      continue;
    }
    out.push({
      metric: r.metric!,
      segment: r.segment ?? null,
      // ("above 15%" is open above, "below 5%" open below: the bound not stated is left out.)
      ...(r.approx === 'less-than' ? {} : { low: r.value }),
      ...(r.approx === 'more-than' ? {} : { high: r.value }),
      unit: r.unit!,
      ...(r.approx ? { approx: r.approx } : {}),
      ...(r.basis ? { basis: r.basis } : {}),
      ...(cc ? { constant_currency: true } : {}),
      about,
      ...(target ? { period: target } : {}),
      quote: { ...quote, number: r.number, rule: r.rule },
    });
  }
  return out;
}

/** Currencies written with 元 in Chinese ("新台币…元", "港元"): a bare 元 is one of these. */
const YUAN_FAMILY = new Set(['CNY', 'TWD', 'HKD', 'MOP', 'SGD']);

/** What a bare 元 means in a source: the currency it says its amounts are in ("金额均以人民币计值"), else the one it states most often by name among those a bare 元 can mean; CNY when none. */
export function yuanOf(source: Source): string {
  return currenciesOf(source).yuan;
}

/** What a source's bare `元` and bare `$` mean, and the currency it states most (see `yuanOf`, `dollarOf`, `currencyOf`), from one pass over its amounts. */
function currenciesOf(source: Source): { yuan: string; dollar: string | undefined; currency: string | undefined; implied: string | undefined } {
  const { named, bareDollars, declared, declaredOther, declaredYuan, home } = currencyCounts(source);
  const yuan = declaredYuan ?? top(new Map([...named].filter(([c]) => YUAN_FAMILY.has(c)))) ?? 'CNY';
  const most = top(named);
  // (Twice is enough when the call never names the US dollar: an Australian company's "612.4 million
  // dollars" beside "two hundred Australian dollars an ounce" is in Australian dollars.)
  // (And a call that names no dollar at all, said "here in Melbourne", speaks of its own country's.)
  const namesNoDollar = ![...named.keys()].some((c) => DOLLAR_FAMILY.has(c));
  const dollar = declared ? (declared === 'USD' ? undefined : declared) : most && most !== 'USD' && DOLLAR_FAMILY.has(most) && (named.get(most)! >= 3 || (named.get(most)! >= 2 && !named.has('USD'))) ? most : namesNoDollar ? home : undefined;
  const all = new Map(named);
  if (bareDollars > 0) all.set(dollar ?? 'USD', (all.get(dollar ?? 'USD') ?? 0) + bareDollars);
  // A bare "214 million" of a money measure: in the currency the call says it reports in, else
  // the one currency it names (three times or more), with nine in ten of its amounts (one amount
  // "in Canadian dollars" among a US company's does not make the rest foreign).
  const total = [...all.values()].reduce((a, b) => a + b, 0);
  const lead = top(all);
  const only = lead !== undefined && all.get(lead)! >= 3 && all.get(lead)! >= 0.9 * total ? lead : undefined;
  return { yuan, dollar, currency: top(all), implied: declaredOther ?? declared ?? only };
}

/**
 * "All amounts are in Canadian dollars unless otherwise noted": the dollar a call says its bare
 * "$" amounts are in (on normalised text).
 */
const DECLARED_DOLLAR =
  /\b(?:amounts|figures|numbers|results|dollar amounts|financial results|all references to dollars)\b[^.;]{0,40}?\b(?:are|is|will be|were)\s+(?:(?:expressed|stated|reported|presented|given|quoted)\s+)?in\s+(canadian|australian|singapore|hong kong|new taiwan|u\.s\.|us|american)\s+dollars\b|\bin\s+(canadian|australian|singapore|hong kong|new taiwan|u\.s\.|us|american)\s+dollars,?\s+unless\s+otherwise\b/;
/**
 * "除特别说明外，本次会议中提及的金额均以人民币计值": the currency a Chinese call says its bare 元
 * amounts are in (on normalised text, so simplified characters), whatever other currency it names
 * more often (a Hong Kong listing's buybacks "2.15 亿港元").
 */
const DECLARED_YUAN = /(?:金额|数字|数据|数值|财务资料|财务数据|货币单位|币种|单位)[^。；]{0,16}?(?:均|皆|都|一律)?(?:以|为|按)\s*(人民币|港元|港币|新台币|澳门元)\s*(?:计值|计算|计|列示|呈列|为单位|表示)|(?:货币单位|币种)\s*[:：]\s*(人民币|港元|港币|新台币|澳门元)/;
/**
 * "all figures are in Swiss francs unless stated otherwise", "amounts are in euros": a currency
 * other than a dollar the call says it reports in, by the English words the currency table
 * (src/lib/currencies.ts) writes after an amount.
 */
const OTHER_NAMES: ReadonlyMap<string, string> = new Map(
  CURRENCIES.flatMap((c) => c.after.filter((w) => /^[a-z][a-z ]{2,}$/.test(w) && !/dollars?$/.test(w) && w !== c.code.toLowerCase()).map((w) => [w, c.code] as const)),
);
const DECLARED_OTHER = new RegExp(
  String.raw`\b(?:amounts|figures|numbers|results|financial results|financials)\b[^.;]{0,40}?\b(?:are|is|will be|were)\s+(?:(?:expressed|stated|reported|presented|given|quoted)\s+)?in\s+(?:millions\s+of\s+)?(${[...OTHER_NAMES.keys()].sort((a, b) => b.length - a.length).join('|')})\b`,
);
const YUAN_NAMES: Readonly<Record<string, string>> = { 人民币: 'CNY', 港元: 'HKD', 港币: 'HKD', 新台币: 'TWD', 澳门元: 'MOP' };
const DOLLAR_NAMES: Readonly<Record<string, string>> = { canadian: 'CAD', australian: 'AUD', singapore: 'SGD', 'hong kong': 'HKD', 'new taiwan': 'TWD', 'u.s.': 'USD', us: 'USD', american: 'USD' };

/**
 * "I'm joined here in Melbourne by our CFO", "coming to you from Toronto": where the speakers are,
 * in a country whose own currency is a dollar (on normalised text).
 */
const HOME_CITY = /\b(?:here|live|speaking|joining you|coming to you|with you)\s+(?:today\s+|this morning\s+)?(?:in|from)\s+(?:(?:our|the)\s+(?:office|offices|headquarters|head office)\s+in\s+)?(sydney|melbourne|brisbane|perth|adelaide|canberra|toronto|vancouver|calgary|montreal|ottawa|edmonton|auckland|wellington|christchurch)\b/;
const CITY_DOLLAR: Readonly<Record<string, string>> = {
  sydney: 'AUD', melbourne: 'AUD', brisbane: 'AUD', perth: 'AUD', adelaide: 'AUD', canberra: 'AUD',
  toronto: 'CAD', vancouver: 'CAD', calgary: 'CAD', montreal: 'CAD', ottawa: 'CAD', edmonton: 'CAD',
  auckland: 'NZD', wellington: 'NZD', christchurch: 'NZD',
};

/** How often a source names each currency with its amounts, how many amounts it writes with a bare "$" or "cents", the dollar and the 元 it says it reports in, and the dollar of the city it speaks from (one pass). */
function currencyCounts(source: Source): { named: Map<string, number>; bareDollars: number; declared: string | undefined; declaredOther: string | undefined; declaredYuan: string | undefined; home: string | undefined } {
  const named = new Map<string, number>();
  let bareDollars = 0;
  let home: string | undefined;
  let declared: string | undefined;
  let declaredOther: string | undefined;
  let declaredYuan: string | undefined;
  const texts = [...source.announcement, ...source.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs))].map((p) => p.text);
  for (const t of texts) {
    const norm = normalizeSameLength(t);
    const said = declared ? null : DECLARED_DOLLAR.exec(norm);
    if (said) declared = DOLLAR_NAMES[(said[1] ?? said[2])!];
    const saidOther = declaredOther ? null : DECLARED_OTHER.exec(norm);
    if (saidOther) declaredOther = OTHER_NAMES.get(saidOther[1]!);
    const saidYuan = declaredYuan ? null : DECLARED_YUAN.exec(norm);
    if (saidYuan) declaredYuan = YUAN_NAMES[(saidYuan[1] ?? saidYuan[2])!];
    const city = home ? null : HOME_CITY.exec(norm);
    if (city) home = CITY_DOLLAR[city[1]!];
    for (const n of findNumbers(norm)) {
      if (n.kind !== 'money' || !n.currency || n.bareYuan) continue;
      if (n.bareDollar) bareDollars++;
      else named.set(n.currency, (named.get(n.currency) ?? 0) + 1);
    }
  }
  return { named, bareDollars, declared, declaredOther, declaredYuan, home };
}

/** The most frequent key of counts. */
function top(counts: ReadonlyMap<string, number>): string | undefined {
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Hangul and kana: scripts the reading vocabulary has no words in. */
const UNREAD_SCRIPT = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNREAD_SCRIPT_G = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Currencies written "$" with a country mark (C$, A$, HK$): a bare "$" or "cents" can mean one of these. */
const DOLLAR_FAMILY = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD']);

/**
 * The dollar a bare "$" means in a source: the one the call says its amounts are in ("All
 * amounts are in Canadian dollars unless otherwise noted"); else, in a call that states its
 * amounts in another dollar by name most of all (three times or more: "C$146.3 million"), that
 * dollar; otherwise the US dollar (undefined).
 */
export function dollarOf(source: Source): string | undefined {
  return currenciesOf(source).dollar;
}

/** The currency a source states its amounts in most often (per-share amounts included); undefined when it states none. */
export function currencyOf(source: Source): string | undefined {
  return currenciesOf(source).currency;
}

/** How a figure was read when not literally: a metric the company reads as another, a count written with a dollar sign. */
function noteFor(r: Reading, metrics: ReadonlyMap<string, Metric>, company: Company): string | undefined {
  const notes: string[] = [];
  const alias = /read as (\w+)/.exec(r.rule);
  if (alias) {
    const from = Object.keys(company.metric_aliases).find((k) => company.metric_aliases[k] === alias[1]);
    notes.push(`the transcript says ${metrics.get(from ?? '')?.labels.en ?? from}; read as ${metrics.get(alias[1]!)?.labels.en}, which ${company.names.en} reports`);
  }
  if (r.rule.includes('value:count-written-with-dollar')) notes.push('the transcript writes a dollar sign; read as a count');
  return notes.length ? notes.join('; ') : undefined;
}

/** What earlier sentences of a source carry to the next one. */
interface Carried {
  /** Order of the paragraph in its source. */
  order: number;
  /** The entity a topic sentence named ("Turning to Cloud…"). */
  entity: Entity | undefined;
  /** That entity is a segment a sentence named in passing: the topic of its paragraph only. */
  passing: boolean;
  /** A period a sentence made the topic ("In the quarter, …"); holds for its paragraph. */
  period: Frame | undefined;
  /**
   * A cumulative period that opens a speaker's turn ("Thank you. In the first nine months of
   * 2025, our sales grew …") holds for the whole turn: a speaker who reviews the year to date
   * does not repeat it in each paragraph, and a paragraph that names the quarter returns to it
   * only there. The same period as an aside later in a turn holds for its paragraph only.
   */
  turnPeriod: Frame | undefined;
  /** No sentence of the turn has stated a number yet. */
  turnOpening: boolean;
  /** The period the paragraph's guidance is about ("For fiscal year 2026, …"). */
  about: string | undefined;
  /** Once someone on the call says the figures are non-GAAP unless noted, the rest is read that way. */
  nonGaap: boolean;
  /** Segments sentences of the current paragraph made the topic, one after another. */
  paragraphSegments: Set<string>;
  /** Sentences of the current paragraph read so far. */
  paragraphSentences: number;
  /** The paragraph opened on the company's outlook ("最后是2026年的业绩指引。", "Turning to our guidance."), naming no segment. */
  outlookParagraph: boolean;
  /** Every segment the current paragraph names, topic or not. */
  paragraphNamed: Set<string>;
  /** In prepared remarks, until a speaker turns to a segment, what names no entity is the group's. */
  groupUntilSegments: boolean;
  /** The turn is in the Q&A. */
  inQa: boolean;
  /** The paragraph follows one that went through several segments, and has named none yet: the metric families stated for them. */
  afterBreakdown: Set<string> | undefined;
  /** Metric families the current paragraph stated for segments. */
  paragraphFamilies: Set<string>;
  /** The segments, and the metric families stated for them, of the paragraphs in a row before this one that each named a segment. */
  run: { segments: Set<string>; families: Set<string>; groupBefore: Set<string>; total: boolean };
  /** Metric families the current paragraph stated for the group. */
  paragraphGroupFamilies: Set<string>;
  /** A paragraph that ends "公司预计2025年第四季度：" or "For the fourth quarter, we expect:" opened a list of forecasts. */
  forecastList: boolean;
  /** That list's opener named no segment: its items are the company's. */
  listOfCompany?: boolean;
  /** The table whose rows the paragraphs are, and the topic before it (rows set none for what follows). */
  table: { readonly header: readonly string[]; cols: readonly Column[]; readonly entity: Entity | undefined; line: number; rows?: number; readonly text?: string } | undefined;
}

/** A paragraph that introduces a list of forecasts: a forecast word, and a colon at its end. */
const FORECAST_LIST_OPENER = /(?:预计|預計|预期|預期|指引|展望|guidance|outlook|expect|anticipate|forecast|project)[^。.!?！？]*[:：]\s*$/i;

/**
 * A paragraph of such a list: short, with a number, and not its own sentence of actuals. The
 * list ends with the first paragraph that is not one, or after one that ends a sentence ("。",
 * ".") as the last item of a list does.
 */
function forecastListItem(text: string): boolean {
  return text.length <= 240 && /\d/.test(text) && !/(?:^|[，,。.]\s*)(?:去年|上年|上季度|last year|a year ago)/i.test(text);
}

/** A sentence that opens by turning to another subject. */
const TURNS_AWAY = /^\s*(?:(?:and|now|next|so|ok|okay),?\s+)?(?:moving|turning|shifting|switching|coming)\s+(?:on\s+|next\s+|now\s+|over\s+)?to\b|^\s*(?:let\s+me|let's|let’s|i'll|i’ll|i\s+will)\s+(?:now\s+)?(?:turn|move|shift)\s+(?:on\s+|over\s+)?to\b|^\s*(?:下面|接下来|接着)(?:我们)?(?:来)?看|^\s*(?:on|as\s+for|regarding)\s+(?!the\s+other\s+hand\b|a\b|an\b)[a-z]+(?:\s+[a-z]+)?\s*,|^\s*[\p{Script=Han}]{2,6}方面[，,]/iu;

/** A sentence that opens an outlook: "For the full year…", "For 2027…", "Looking ahead…", "On the outlook…". */
/** A sentence about the company's outlook or guidance. */
const OUTLOOK_TOPIC = /\b(?:outlook|guidance)\b|业绩指引|業績指引|指引|展望/i;
const OUTLOOK_OPENER = /^\s*(?:(?:and|so|now),?\s+)?(?:for\s+the\s+(?:full|fiscal|whole)\s+year|for\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d(?:\/\d{2})?|for\s+fy\s?'?(?:20)?\d\d\b|for\s+the\s+(?:next|coming|first|second|third|fourth)\s+quarter|looking\s+(?:ahead|forward)|(?:turning|moving(?:\s+on)?|coming|now|over)\s+to\s+(?:the\s+|our\s+)?(?:outlook|guidance)|on\s+the\s+outlook|as\s+for\s+(?:the\s+)?outlook|our\s+(?:outlook|guidance)\b|(?:关于|对于)?(?:全年|明年)?展望|全年来看|(?:20\d\d\s*年\s*)?(?:第[一二三四]季度|全年)\s*[，,]?\s*(?:我们|公司)?\s*预计|(?:我们|公司)\s*预计\s*(?:20\d\d\s*年\s*)?(?:第[一二三四]季度|全年))/i;

function newCarried(): Carried {
  return { order: 0, entity: undefined, passing: false, period: undefined, turnPeriod: undefined, turnOpening: false, about: undefined, nonGaap: false, paragraphSegments: new Set(), paragraphSentences: 0, outlookParagraph: false, paragraphNamed: new Set(), groupUntilSegments: false, inQa: false, afterBreakdown: undefined, paragraphFamilies: new Set(), run: { segments: new Set(), families: new Set(), groupBefore: new Set(), total: false }, paragraphGroupFamilies: new Set(), forecastList: false, table: undefined };
}

/** A new speaker turn: the topic and period start afresh. */
function startTurn(state: Carried, section: string): void {
  state.entity = undefined;
  state.passing = false;
  state.run = { segments: new Set(), families: new Set(), groupBefore: new Set(), total: false };
  state.paragraphSegments = new Set();
  state.paragraphNamed = new Set();
  state.period = undefined;
  state.turnPeriod = undefined;
  state.turnOpening = true;
  state.groupUntilSegments = section === 'prepared-remarks';
  state.inQa = section === 'qa';
  state.about = undefined;
  state.forecastList = false;
  state.table = undefined;
}

/**
 * A new paragraph: an unnamed part is the topic of its paragraph only, and so is a period. The
 * period a forecast is about carries through the speaker's turn ("For 2025, sales growth is now
 * expected to be 8% to 11%. … capital expenditure is now expected to be around DKK 60 billion").
 */
function startParagraph(state: Carried): void {
  if (state.entity?.kind === 'part' || state.passing) state.entity = undefined;
  state.passing = false;
  // A paragraph that went through several segments ("By division, Battery Materials …, Films …,
  // Chemicals …") leaves none of them the topic of the next: the last one named is not what the
  // speaker turns to next.
  // So does one that spoke of several in passing ("We saw good demand in Process Automation, and
  // in Service. In Motion & Drives, orders remained subdued."): the next paragraph is not the last one's.
  if (state.paragraphSegments.size >= 2 || (state.paragraphNamed.size >= 3 && state.entity?.kind === 'segment')) state.entity = undefined;
  // (Also one that named three or more while giving one of them a figure: "by division the adjusted
  // EBITDA margin was 21.2% in lab solutions, industrial sensors 14.6 and lifecycle services 24.5".)
  const wentThrough = state.paragraphSegments.size >= 2 || (state.paragraphNamed.size >= 3 && state.paragraphFamilies.size > 0);
  state.afterBreakdown = wentThrough && !state.inQa ? state.paragraphFamilies : undefined;
  // So does a run of paragraphs, one segment each, that stated the same measures of each
  // ("其中，车辆销售收入为…" then "其他销售收入为…"): what follows in another measure is the company's.
  // (Only a run that breaks down a total the paragraph before it stated: "总收入为218.6亿元。"
  // then "其中，车辆销售收入为…"; in a walk through the segments, "starting with Surgical", each
  // segment's paragraphs go on with its other measures.)
  if (state.paragraphSegments.size === 0) {
    state.run = { segments: new Set(), families: new Set(), groupBefore: new Set(state.paragraphGroupFamilies), total: false };
  } else {
    if (state.run.segments.size === 0) state.run.total = [...state.paragraphFamilies].some((f) => state.run.groupBefore.has(f));
    for (const s of state.paragraphSegments) state.run.segments.add(s);
    for (const f of state.paragraphFamilies) state.run.families.add(f);
    if (state.run.total && state.run.segments.size >= 2 && state.paragraphSegments.size === 1 && !state.inQa && [...state.paragraphFamilies].every((f) => state.run.families.has(f))) {
      state.entity = undefined;
      state.afterBreakdown = new Set(state.run.families);
    }
  }
  state.paragraphSegments = new Set();
  state.paragraphSentences = 0;
  state.outlookParagraph = false;
  state.paragraphNamed = new Set();
  state.paragraphFamilies = new Set();
  state.paragraphGroupFamilies = new Set();
  state.period = state.turnPeriod;
}

/**
 * The topic a sentence sets for itself and what follows, or undefined when it keeps the current
 * one: a sentence about "the segment" while a segment is the topic keeps that segment.
 */
export function topicSet(text: string, vocab: Vocabulary, current: Entity | undefined): Entity | undefined {
  const named = topicOf(text, vocab);
  return named?.kind === 'part' && current?.kind === 'segment' && pointsBack(normalizeSameLength(text), vocab) ? undefined : named;
}

export interface SourceReading {
  readonly figures: RawFigure[];
  readonly guidance: Guidance[];
}

/** Prepares the vocabulary for a company and quarter once, then reads sources with it. */
/** "Earlier I said …", "I misspoke when I said …": what follows is a statement the speaker takes back. */
const SAID_EARLIER =
  /\b(?:(?:earlier|previously|before|a (?:moment|minute|few minutes) ago)\s*,?\s+I\s+(?:said|mentioned|stated|quoted|gave(?:\s+you)?|read out)|I\s+(?:said|mentioned|stated|quoted|gave(?:\s+you)?|read out)\s+(?:earlier|previously|a (?:moment|minute|few minutes) ago|before)|I\s+misspoke\s+(?:earlier\s+)?when\s+I\s+said|^\s*I\s+gave\s+you)\s*(?:that\s+)?/gi;
const ZH_SAID_EARLIER = /(?:刚才|之前|前面)我?(?:说|讲|提到)(?:的)?|我(?:刚才|之前|前面)(?:说|讲|提到)(?:的)?/gu;
/** Words that say a statement was wrong. */
const TAKEN_BACK_WORDS = /\b(?:incorrect|not correct|not right|wrong|misspoke|mis-spoke|misstated|should (?:have been|be|read)|(?:a|my) (?:slip|mistake|typo|error)|correction|let me correct|(?:want|like|need) to correct)\b|说错|讲错|有误|不对|更正|纠正/iu;
/** "I misread the professional services figure": a figure of a part the speaker says was wrong, without its value. */
const MISREAD_NAMED = /\bI\s+(?:misread|misstated|mis-stated|misspoke\s+on|gave\s+(?:you\s+)?the\s+wrong|quoted\s+the\s+wrong|read\s+out\s+the\s+wrong)\s+(?:the\s+|our\s+)?(.{2,60}?)\s+(?:figure|number|amount)s?\b/i;
/** "The correct number, which is what's in the press release, is $40.6 million": the value in its place. */
const CORRECT_NUMBER = /^\W*(?:the\s+)?(?:correct|right|actual|accurate)\s+(?:number|figure|amount)\b/i;

/** "… was 22.6%, not 26%": the value after "not" is one the speaker corrects. */
const NOT_THAT = /(\d[\d,.]*\s*(?:%|percent|per cent|[a-z]*illion|bn|m)?)\s*,?\s+(?:and\s+)?not\s+(\d[\d,.]*\s*(?:%|percent|per cent|[a-z]*illion|bn|m)?)(?=[\s,.;]|$)/gi;
const ZH_NOT_THAT = /([\d.,]+\s*(?:%|亿元?|万元?)?)\s*[，,]?\s*而?不是\s*([\d.,]+\s*(?:%|亿元?|万元?)?)/gu;

/**
 * A value the speaker said and the value it should have been, when the correction names no
 * measure: "I said one point one five at the bottom of the range that should be one point one
 * seven". Only in a paragraph that says something was wrong.
 */
export function correctedValue(text: string): { was: number; is: number } | undefined {
  const said = /\bI\s+(?:said|gave|quoted|mentioned)\b/i.exec(text);
  if (!said) return undefined;
  const should = /\b(?:should\s+(?:have\s+been|be|read)|it\s+(?:is|was)\s+actually|the\s+right\s+(?:number|figure)\s+is)\b/i.exec(text.slice(said.index));
  if (!should) return undefined;
  const at = said.index + should.index;
  const numbers = saidNumbers(text);
  const was = numbers.find((n) => n.start > said.index && n.end <= at);
  const is = numbers.find((n) => n.start >= at + should[0].length);
  return was && is && was.value !== is.value ? { was: was.value, is: is.value } : undefined;
}

/**
 * The statements a sentence takes back, rewritten as the statements they were: "Earlier I said
 * gross margin was 44.1%; that is incorrect." gives "gross margin was 44.1%", and "the operating
 * margin was 22.6%, not 26%" gives "the operating margin was 26%", of which only the figure from
 * `from` on (the 26%) is taken back. A figure the same source
 * states with that metric, entity and value is then not the quarter's. "Earlier I said" takes a
 * statement back only when the sentence's paragraph says it was wrong ("that is incorrect";
 * `paragraphSaysWrong`).
 */
export function takenBackClauses(text: string, paragraphSaysWrong = TAKEN_BACK_WORDS.test(text)): Array<{ text: string; from: number }> {
  const out: Array<{ text: string; from: number }> = [];
  // "As I said earlier, revenue was …" repeats a figure; only a paragraph that says it was wrong takes it back.
  const wrong = paragraphSaysWrong;
  for (const re of wrong ? [SAID_EARLIER, ZH_SAID_EARLIER] : []) {
    for (const m of text.matchAll(re)) {
      if (/\bas\s+$/i.test(text.slice(0, m.index)) || /如$/u.test(text.slice(0, m.index))) continue;
      const rest = text.slice(m.index + m[0].length);
      const clause = rest.split(/;|；|。|\.\s|\s[-–—]+\s|,\s*(?:that|which|but)\b|，(?:这|那|说错|有误|不对)/u)[0]!;
      if (/\d/.test(clause)) out.push({ text: clause, from: 0 });
    }
  }
  for (const re of [NOT_THAT, ZH_NOT_THAT]) {
    for (const m of text.matchAll(re)) {
      // The statement with the corrected value in place of the right one, up to the correction.
      // Only that value is taken back: "Subscription revenue was $381.2 million, up 32.9% -- sorry,
      // that's 23.9%, not 32.9%" takes back the 32.9%, not the revenue before it.
      const start = Math.max(text.lastIndexOf(';', m.index), text.lastIndexOf('；', m.index), text.lastIndexOf('. ', m.index)) + 1;
      const before = text.slice(start, m.index);
      out.push({ text: `${before}${m[2]!}`, from: before.length });
    }
  }
  return out;
}

/**
 * `figures` without those a taken-back statement names (same metric, period, unit, basis and
 * value; the same entity, or any when the correction does not say which). A figure the
 * correction's paragraph states for the same metric without an entity takes the entity of the
 * one it replaces ("Earlier I said gross margin was 44.1%; that is incorrect. Gross margin for
 * the quarter was 41.4%").
 */
function withoutTakenBack(figures: readonly RawFigure[], takenBack: readonly RawFigure[]): RawFigure[] {
  const same = (t: RawFigure, f: RawFigure) => t.metric === f.metric && t.period === f.period && t.unit === f.unit && t.basis === f.basis;
  const names = (t: RawFigure, f: RawFigure) => same(t, f) && (t.segment === null || t.segment === f.segment) && Math.abs(t.value - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value));
  const replaced = new Map<RawFigure, string>();
  const kept = figures.filter((f) => {
    const t = takenBack.find((t) => names(t, f));
    if (t && f.segment !== null) replaced.set(t, f.segment);
    return !t;
  });
  return kept.map((f) => {
    if (f.segment !== null) return f;
    const t = [...replaced.keys()].find((t) => same(t, f) && t.quote.source === f.quote.source && t.quote.paragraph === f.quote.paragraph);
    return t ? { ...f, segment: replaced.get(t)! } : f;
  });
}

export function figureReader(ctx: ExtractContext) {
  const end = ctx.periodEnd ?? periodEnd(ctx.quarter, fiscalYearEnd(ctx.company));
  const vocab: Vocabulary = vocabulary(ctx.reading, ctx.metrics, ctx.company, ctx.quarter, Number(end.slice(5, 7)), Number(end.slice(0, 4)));
  const metrics = new Map(ctx.metrics.map((m) => [m.id, m]));
  const growthOf = new Map(ctx.metrics.filter((m) => m.growth_of).map((m) => [m.growth_of!, m]));
  const quarter = quarterId(ctx.quarter);
  const fiscalYear = `FY${ctx.quarter.fy}`;
  const sentenceContext = (entity: Entity | undefined, nonGaap = false): SentenceContext => ({
    vocab,
    metrics,
    growthOf,
    metricAliases: ctx.company.metric_aliases,
    ...(entity ? { entity } : {}),
    ...(nonGaap ? { nonGaap } : {}),
  });

  /** Readings of one sentence, for `--explain` and the tests. */
  function explain(sentence: string, entity?: Entity): Reading[] {
    return readSentence(sentence, sentenceContext(entity));
  }

  /** A reading of a figure as a record with its quote and place. */
  function toRawFigure(r: Reading, quote: Omit<RawFigure['quote'], 'number'>, order: number, qa: boolean): RawFigure {
    const note = noteFor(r, metrics, ctx.company);
    return {
      period: r.frame === 'full-year' || metrics.get(r.metric!)?.period === 'fiscal-year' ? fiscalYear : quarter,
      segment: r.segment ?? null,
      metric: r.metric!,
      value: r.value!,
      unit: r.unit!,
      ...(r.basis ? { basis: r.basis } : {}),
      ...(r.approx ? { approx: r.approx } : {}),
      precision: r.precision!,
      quote: { ...quote, number: r.number, rule: r.rule, ...(note ? { note } : {}) },
      order,
      ...(qa ? { qa: true } : {}),
    };
  }

  /** Every figure and forecast the company's side states in a source. */
  function read(source: Source, speakers: ReadonlyMap<string, Speaker>): SourceReading {
    const figures: RawFigure[] = [];
    const guidance: Guidance[] = [];
    const calendarYears = ctx.company.fiscal_year_end === '12-31';
    const { yuan, dollar, currency, implied } = currenciesOf(source);
    const dollarOfSource = dollar;
    const state = newCarried();
    /** Figures of a metric the company reports for the whole (net income) stated in a paragraph a segment's name opened, with that segment. */
    const inSegmentParagraph = new Map<RawFigure, string>();
    /** Figures the speaker later takes back ("Earlier I said gross margin was 44.1%; that is incorrect"). */
    const takenBack: RawFigure[] = [];
    /** The values of those statements, whatever their frame: a forecast range taken back ("I gave you free cash flow of $850 million to $900 million … That was our July range") goes too. */
    const takenBackValues: Array<{ metric: string; value: number }> = [];
    /** Values corrected with no measure named ("I said one point one five … that should be one point one seven"). */
    const corrections: Array<{ was: number; is: number }> = [];
    /** A part's figure said to be misread, with no value ("I misread the professional services figure"): its earlier figures are not the quarter's. */
    const misread: Array<{ segment: string; order: number; paragraph: string }> = [];
    /** The money metric of the paragraph's last figure: a margin said on its own after it is its margin. */
    let previousMetric: string | undefined;
    /** The value given in place of such a figure ("The correct number … is $40.6 million"), read once the figure it replaces is known. */
    const correctNumbers: Array<{ segment: string; text: string; quote: Omit<RawFigure['quote'], 'number'>; order: number; qa: boolean }> = [];

    /** One sentence in what the sentences before it carried; updates what it carries on. */
    const sentence = (said: string, quote: Omit<RawFigure['quote'], 'number'>, paragraphSaysWrong: boolean) => {
      // "- Revenue of $1.20 billion to $1.25 billion": a list item's dash is not part of its words
      // (blanked, so that positions in the sentence stay those of the quote).
      const text = said.replace(/^[-–—*]\s+/, (m) => ' '.repeat(m.length));
      const topic = topicSet(text, vocab, state.entity);
      // "Moving on to Amazon ads.": the speaker turns to something that is not a segment, and the
      // segment spoken of before is no longer the topic.
      if (!topic && state.entity?.kind === 'segment' && TURNS_AWAY.test(text)) state.entity = undefined;
      // "For the full year we expect …" opening a paragraph after a segment's: the outlook is the company's.
      if (!topic && state.entity?.kind === 'segment' && !state.paragraphSegments.has(state.entity.id) && OUTLOOK_OPENER.test(text)) state.entity = undefined;
      // In a paragraph that opened on the company's outlook, a segment is the topic of its own
      // sentence only: "…；数字健康业务预计在2026年全年实现经营盈亏平衡。2026年第一季度，我们预计收入…" is the company's.
      if (state.paragraphSentences === 0 && !topic && vocab.segments.find(normalizeSameLength(text)).length === 0 && OUTLOOK_TOPIC.test(text)) state.outlookParagraph = true;
      if (state.outlookParagraph && !topic && state.entity?.kind === 'segment' && state.paragraphSegments.has(state.entity.id)) state.entity = undefined;
      state.paragraphSentences++;
      if (vocab.nonGaapBasis.test(normalizeSameLength(text))) state.nonGaap = true;
      const periodTopic = periodTopicOf(text, vocab);
      if (periodTopic !== undefined) state.period = periodTopic ?? undefined;
      if (periodTopic === 'year-to-date' && state.turnOpening) state.turnPeriod = periodTopic;
      if (findNumbers(text).some((n) => n.kind !== 'plain')) state.turnOpening = false;
      const context: SentenceContext = {
        ...sentenceContext(topic ?? state.entity, state.nonGaap),
        yuan,
        ...(currency ? { currency } : {}),
        ...(implied ? { implied } : {}),
        ...(dollar ? { dollar } : {}),
        ...(state.period ? { period: state.period } : {}),
        ...(state.groupUntilSegments ? { groupUntilSegments: true } : {}),
        ...(state.afterBreakdown ? { afterBreakdown: state.afterBreakdown } : {}),
        ...(previousMetric ? { previousMetric } : {}),
      };
      const misreadAt = MISREAD_NAMED.exec(text);
      const misreadPart = misreadAt ? vocab.segments.find(normalizeSameLength(misreadAt[1]!))[0] : undefined;
      if (misreadPart) misread.push({ segment: misreadPart.value, order: state.order, paragraph: quote.paragraph });
      const lastMisread = misread.at(-1);
      if (lastMisread && lastMisread.paragraph === quote.paragraph && CORRECT_NUMBER.test(text)) {
        correctNumbers.push({ segment: lastMisread.segment, text, quote, order: state.order, qa: state.inQa });
        return;
      }
      const readings = readSentence(text, context);
      const corrected = paragraphSaysWrong ? correctedValue(text) : undefined;
      if (corrected) corrections.push(corrected);
      for (const clause of takenBackClauses(text, paragraphSaysWrong)) {
        for (const r of readSentence(clause.text, context).filter((x) => x.start >= clause.from)) {
          if (r.decision === 'figure') takenBack.push(toRawFigure(r, quote, state.order, state.inQa));
          if ((r.decision === 'figure' || r.decision === 'guidance') && r.metric && r.value !== undefined) takenBackValues.push({ metric: r.metric, value: r.value });
        }
      }
      if (topic) state.entity = topic;
      if (topic) state.passing = topic.kind === 'segment' && passingMention(text, vocab);
      if (topic?.kind === 'segment') state.paragraphSegments.add(topic.id);
      for (const named of vocab.segments.find(normalizeSameLength(text))) state.paragraphNamed.add(named.value);
      if (topic && topic.kind !== 'group') state.groupUntilSegments = false;
      if (topic) state.afterBreakdown = undefined;
      // Once a measure of another family has named the group, the speaker is back at the group.
      if (!topic && readings.some((r) => r.rule.includes('entity:group-after-breakdown'))) {
        state.entity = { kind: 'group' };
        state.afterBreakdown = undefined;
      }
      for (const r of readings) if (r.decision === 'figure' && r.segment) (r.segment === 'group' ? state.paragraphGroupFamilies : state.paragraphFamilies).add(metricFamily(metrics.get(r.metric!)!, metrics));
      guidance.push(...toGuidance(readings, { ...quote, number: '' }, state.about, ctx.quarter, calendarYears));
      const stated = guidancePeriod(text);
      if (stated !== 'unspecified') state.about = stated;
      const lastMoney = readings.filter((r) => r.decision === 'figure' && r.unit !== '%').at(-1);
      if (readings.length) previousMetric = lastMoney?.metric;
      for (const r of readings) {
        if (r.decision !== 'figure') continue;
        const figure = toRawFigure(r, quote, state.order, state.inQa);
        figures.push(figure);
        const about = context.entity;
        if (r.segment === null && r.rule.includes('entity:context segment, group metric') && about?.kind === 'segment' && state.paragraphSegments.has(about.id)) inSegmentParagraph.set(figure, about.id);
      }
    };
    const visit = (p: Paragraph, speaker: string | undefined) => {
      state.order++;
      if (p.kind === 'footnote') return;
      startParagraph(state);
      previousMetric = undefined;
      // (A news report puts a speaker's quoted paragraphs together from all over the story: the
      // period one paragraph's forecast is about does not carry to the next.)
      if (source.layout === 'news-report') state.about = undefined;
      // A table: its first row names the columns; each later row is read as the sentences it
      // stands for, quoted as written.
      const cells = tableCells(p.text);
      // (A blank line between rows ends a table: the next row is another table's header.)
      if (state.table && (!cells || p.line !== state.table.line + 1)) {
        state.entity = state.table.entity;
        state.table = undefined;
      }
      if (cells && !state.table) {
        state.table = { header: cells, cols: columns(cells, ctx.quarter), entity: state.entity, line: p.line, text: p.text };
        return;
      }
      if (cells && state.table) {
        state.table.line = p.line;
        if (isRule(cells)) return;
        // (A header's second line: "£m   growth   growth   profit £m   margin".)
        const fuller = !state.table.rows && state.table.text ? continuedHeader(state.table.text, p.text) : undefined;
        if (fuller) {
          state.table = { ...state.table, header: fuller, cols: columns(fuller, ctx.quarter) };
          return;
        }
        state.table.rows = (state.table.rows ?? 0) + 1;
        // (A header without a cell over the row labels, "            Q4 FY2026     Q4 FY2025     Change".)
        if (cells.length === state.table.header.length + 1 && state.table.cols.length === state.table.header.length) state.table.cols = columns(['', ...state.table.header], ctx.quarter);
        for (const said of rowSentences(cells, state.table.cols)) sentence(said, { source: source.key, paragraph: p.id, ...(speaker ? { speaker } : {}), text: p.text }, false);
        state.entity = state.table.entity;
        return;
      }
      // "公司预计2025年第四季度：" then "总收入在255.0亿元至268.0亿元之间。": each item of the list is a forecast.
      const listed = state.forecastList && forecastListItem(p.text);
      if (listed) state.period = 'forecast';
      // (A list the company's outlook opens, naming no segment, "最後是第四季的展望。以匯率…為假設基礎：",
      // is the company's: an item that names no segment is the group's, whatever the talk was on before.)
      const namesSegment = vocab.segments.find(normalizeSameLength(p.text)).length > 0;
      if (listed && state.listOfCompany && !namesSegment) state.entity = { kind: 'group' };
      // (Or a short paragraph that names the outlook and ends with a colon: "最後是第四季的展望。以匯率…為假設基礎：".)
      state.forecastList = listed ? !/[。.]\s*$/.test(p.text) : FORECAST_LIST_OPENER.test(p.text) || (p.text.length <= 200 && /[:：]\s*$/.test(p.text) && OUTLOOK_TOPIC.test(normalizeSameLength(p.text)));
      if (!listed && state.forecastList) state.listOfCompany = !namesSegment;
      const saysWrong = TAKEN_BACK_WORDS.test(p.text);
      // "… was of R$ 121,4 million. Sorry, I correct: R$ 112,4 million, …": a sentence that opens
      // by taking back the figure just said is read with the sentence before it, as one statement.
      const said = spokenStatements(p.text).reduce<Sentence[]>((out, s) => {
        const prev = out.at(-1);
        if (prev && RETRACTED.exec(normalizeSameLength(s.text))?.[0].trim() && /^\W*\p{L}/u.test(s.text) && /\d/.test(s.text.slice(0, 40)) && /\d[^.]{0,24}[.!]?\s*$/.test(prev.text)) {
          out[out.length - 1] = { start: prev.start, end: s.end, text: p.text.slice(prev.start, s.end) };
        } else out.push(s);
        return out;
      }, []);
      for (const s of said) {
        // The reading vocabulary is English and Chinese: a sentence in Korean or Japanese (a
        // translation under each English paragraph, most often) is not read, so that its words
        // for "cumulative" or "planned" are not missed.
        if (UNREAD_SCRIPT.test(s.text) && (s.text.match(UNREAD_SCRIPT_G) ?? []).length >= 0.2 * s.text.replace(/\s/g, '').length) continue;
        sentence(s.text, { source: source.key, paragraph: p.id, ...(speaker ? { speaker } : {}), text: s.text }, saysWrong);
      }
    };
    // Each paragraph of an announcement (or of a news report's prose) names its own subject: what
    // it does not name is the company's until it turns to a segment, whatever the paragraph before spoke of.
    for (const p of source.announcement) {
      startTurn(state, 'prepared-remarks');
      visit(p, undefined);
    }
    for (const section of source.sections) {
      for (const turn of section.turns) {
        startTurn(state, section.id);
        const role = speakers.get(turn.speaker)?.role;
        if (role !== 'executive' && role !== 'investor-relations') {
          state.order += turn.paragraphs.length;
          continue;
        }
        for (const p of turn.paragraphs) visit(p, turn.speaker);
      }
    }
    // A call that names a segment with such a metric ("Corporate Support reported revenue of $137
    // million and net income of $16 million") reports it by segment: in a paragraph a segment's
    // name opened, "Net income was $812 million" is then that segment's.
    const base = (id: string) => metrics.get(id)?.growth_of ?? id;
    const bySegment = new Set(figures.filter((f) => f.segment !== null && f.segment !== 'group' && f.quote.rule?.includes('entity:named')).map((f) => base(f.metric)));
    // A call that never names a segment with such a metric reports it for the company only: net
    // income said in a later paragraph while a segment was still the topic is the company's, when
    // every such statement of that metric gives one value and no other value of it is the company's.
    const close = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    const carried = (f: RawFigure) => f.segment === null && (f.quote.rule ?? '').includes('entity:context segment, group metric');
    const companyOnly = (f: RawFigure) => {
      // (Not in a paragraph a segment's name opened: "Turning to Cloud. … Net income was $81 million" may be Cloud's.)
      if (!carried(f) || bySegment.has(base(f.metric)) || inSegmentParagraph.has(f)) return false;
      const same = figures.filter((g) => g.metric === f.metric && g.period === f.period && (carried(g) || g.segment === 'group'));
      return same.every((g) => close(f.value, g.value));
    };
    const placed = figures.map((f) =>
      inSegmentParagraph.has(f) && bySegment.has(base(f.metric))
        ? { ...f, segment: inSegmentParagraph.get(f)!, quote: { ...f.quote, rule: `${f.quote.rule} · entity:segment-paragraph ${inSegmentParagraph.get(f)}` } }
        : companyOnly(f)
          ? { ...f, segment: 'group', quote: { ...f.quote, rule: `${f.quote.rule} · entity:no-segment-reports-it` } }
          : f,
    );
    const takenBackRange = (g: Guidance) => ['low', 'high'].every((k) => takenBackValues.some((t) => t.metric === g.metric && close(t.value, g[k as 'low' | 'high'])));
    // A range one of whose bounds the speaker corrected, when the range as corrected was given too:
    // the corrected one stands. (A bare value matches a bound at any scale: 1.15 and £1.15 billion.)
    const bound = (g: Guidance, v: number) => [g.low, g.high].some((b) => b !== undefined && [1, 1e3, 1e6, 1e9, 1e12].some((k) => close(b, v * k)));
    const superseded = (g: Guidance) => corrections.some((c) => bound(g, c.was) && guidance.some((h) => h !== g && h.metric === g.metric && h.segment === g.segment && h.period === g.period && bound(h, c.is)));
    return { figures: withoutMisread(withoutTakenBack(placed, takenBack)), guidance: guidance.filter((g) => (g.low === undefined || !takenBackRange(g)) && !superseded(g)) };

    /**
     * Figures without those of a part the speaker later says were misread ("I misread the
     * professional services figure"), amounts only; when they were of one metric, the value the
     * speaker gives in their place ("The correct number … is $40.6 million") is that metric's.
     */
    function withoutMisread(all: RawFigure[]): RawFigure[] {
      let out = all;
      for (const m of misread) {
        const wrong = out.filter((f) => f.segment === m.segment && f.order < m.order && f.unit !== '%' && !f.basis);
        if (!wrong.length) continue;
        out = out.filter((f) => !wrong.includes(f));
        const [metric, ...others] = [...new Set(wrong.map((f) => f.metric))];
        const correct = correctNumbers.find((c) => c.segment === m.segment && c.order === m.order);
        const term = /metric:term '([^']+)'/.exec(wrong[0]!.quote.rule ?? '')?.[1];
        if (!metric || others.length || !correct || !term) continue;
        // Read with the measure in place of "the correct number", as the part's own statement.
        const restated = correct.text.replace(CORRECT_NUMBER, (x) => `${x.match(/^\W*/)![0]}${term}`);
        const readings = readSentence(restated, { ...sentenceContext({ kind: 'segment', id: m.segment }), ...(dollarOfSource ? { dollar: dollarOfSource } : {}) });
        const first = readings.find((r) => r.decision === 'figure' && r.metric === metric && r.segment === m.segment);
        if (first) out.push({ ...toRawFigure(first, correct.quote, correct.order, correct.qa), quote: { ...correct.quote, number: first.number, rule: `${first.rule} · correction:misread-figure-replaced` } });
      }
      return out;
    }
  }

  return { read, explain, vocab };
}
