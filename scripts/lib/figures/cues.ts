/**
 * Words around a number that say what it is, in Chinese and English. All patterns run on
 * normalised text (lowercase, Simplified, half-width; see `normalizeSameLength`).
 */
import { CURRENCIES } from '../../../src/lib/currencies.ts';
import { MONTH_NAMES } from '../../../src/lib/quarters.ts';

/** A growth verb or noun; the last one before a percentage gives its sign. */
export const GROWTH_UP = /(增长|增加|上升|提升|提高|增幅|增速|上涨|年增|季增|成长|growth|grew|grows?|growing|increase[sd]?|increasing|\bup\b|rose|rise|rising|climbed|climbs|jumped|surged|soared|accelerat(?:ed|ing) to|improved)/g;
export const GROWTH_DOWN = /(下降|减少|下滑|降低|下跌|年减|季减|衰退|decrease[sd]?|decreasing|decline[sd]?|declining|\bdown\b|fell|drop(?:ped)?|slipped|slid|slumped|tumbled|contracted|\breduction\b|\bretraction\b|\bshrank\b)/g;
/** A percentage followed by "growth" (`7% 的增长`, `10% growth`). */
export const GROWTH_AFTER = /^\s*(?:的)?\s*(?:同比|年同比|year[- ]over[- ]year|year[- ]on[- ]year|yoy)?\s*(增长|增速|growth|increase)/;
export const DECLINE_AFTER = /^\s*(?:的)?\s*(?:同比|年同比|year[- ]over[- ]year|year[- ]on[- ]year|yoy)?\s*(下降|decline|decrease)/;
/** Quarter-over-quarter wording; growth is year over year unless the sentence says so. */
export const QOQ = /(环比|季增|季减|季比|较上一?个?季度?|较前一?季度?|比上一?个?季度?|quarter-over-quarter|quarter over quarter|quarter-on-quarter|sequential|\bqoq\b)/;

/** An amount right after one of these is a change, not a level ("增长 110 亿元", "an increase of RMB11.1 billion"). */
export const CHANGE_BEFORE =
  /(增长了?|增加了?|减少了?|下降了?|收窄了?|扩大了?|提升了?|an? (?:increase|decrease|decline|improvement|reduction) of|(?:increased|decreased|declined|grew|rose|fell|narrowed|widened|improved|reduced|up|down) by|narrowed|widened)\s*(?:人民币|rmb|us\$|usd|hk\$|hkd|\$)?\s*$/;
/** An amount after one of these is a comparison period's ("去年同期为", "compared to"). */
export const PRIOR_BEFORE = /(去年|上年|同期|一年前|相较|相比|compared to|compared with|versus|\bvs\.?|a year ago|last year|prior year|previous year)/;
export const FROM_BEFORE = /\bfrom\s*(?:a loss of\s*)?(?:人民币|rmb|us\$|usd|hk\$|hkd|\$)?\s*$/;
/** The figure leaves something out, so it is not the reported measure. */
export const EXCLUDING = /(excluding|excluded|exclude|like-for-like|不包括|不包含|不计|剔除|除去|扣除|不考虑)/;
/** A loss: the amount is negative. */
export const LOSS_BEFORE = /(亏损|亏|loss of|a loss of|loss was|negative)\s*(?:人民币|rmb|us\$|usd|hk\$|hkd|\$)?\s*$/;
/** Qualifiers kept with the value. */
/** Any currency written before an amount (`rmb`, `us$`, `chf`, `€`), as the currency table lists them. */
const CURRENCY_BEFORE = `(?:${CURRENCIES.flatMap((c) => c.before)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')})`;
export const MORE_THAN = new RegExp(`(超过|逾|多于|突破|超|more than|over|above|surpassing|surpassed|exceeding|exceeded)\\s*${CURRENCY_BEFORE}?\\s*$`);
export const ABOUT = new RegExp(`(约合|大约为?|约为|约|近|接近|approximately|about|around|nearly|roughly|~)\\s*${CURRENCY_BEFORE}?\\s*$`);
export const LESS_THAN = new RegExp(`(不到|少于|低于|less than|under|below|up to)\\s*${CURRENCY_BEFORE}?\\s*$`);
/** A second amount given as a conversion of the first ("（约合 54 亿美元）", "or USD50.2 billion"). */
export const CONVERSION_BETWEEN = /^\s*[,，]?\s*[(（/]?\s*(?:约合|合计约|合约|合|约|相当于|or|approximately|about|equivalent to|roughly)?\s*(?:approximately\s*)?$/;
/** The figure is for the full fiscal year. */
export const FULL_YEAR = /(full fiscal year|full year|fiscal year|for the year|全年|整个财年|财年全年|\d{4}\s*财年)/;
/** Words for the whole company, outside any segment name. */
export const GROUP_WORDS = /(consolidated|total|overall|group|集团|合并|整体|总收入|总营收)/g;
/** What follows is a part of what was just named ("其中", "of which"): its figures are not the segment's. */
export const PART_OF = /(其中|of which|among which|among them)/;

/** Mentions of a period other than the quarter ending in `month` (1-12): later numbers in the sentence are not this quarter's. */
export function otherPeriodPattern(month: number, quarter?: number, endYear?: number, fiscalYear?: number): RegExp {
  const others = MONTH_NAMES.filter((_, i) => i + 1 !== month && (i + 1) % 3 === month % 3).map((m) => m.toLowerCase());
  const otherMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => m !== month && m % 3 === month % 3);
  const HAN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const monthWords = otherMonths.flatMap((m) => [String(m), HAN_MONTHS[m - 1]!]);
  // Other quarters of the fiscal year by their ordinal ("second quarter", "Q2", "第二季度") when the call's is known.
  const ordinals = quarter ? [1, 2, 3, 4].filter((q) => q !== quarter) : [];
  const EN_ORD = ['first', 'second', 'third', 'fourth'];
  const HAN_ORD = ['一', '二', '三', '四'];
  const ordinalPattern = ordinals.length
    ? `(?:${ordinals.map((q) => EN_ORD[q - 1]).join('|')}) quarter|(?<![a-z0-9])q(?:${ordinals.join('|')})(?![0-9])|第(?:${ordinals.map((q) => HAN_ORD[q - 1]).join('|')})(?:财)?季度?|`
    : '';
  // A quarter of an earlier year ("the third quarter of 2024", "Q3 2024") in a call about a quarter ending later.
  const years = endYear ? [1, 2, 3, 4, 5].map((d) => endYear - d) : [];
  // (Also as Portuguese and Spanish write it: "3T25", "3T2025", "T3 2025"; and "3Q25" as their English translations keep it.)
  const short = years.map((y) => String(y).slice(2));
  const earlier = years.length
    ? `(?:first|second|third|fourth) quarter of (?:calendar )?(?:${years.join('|')})|(?<![a-z0-9])q[1-4] (?:${years.join('|')})|(?<![a-z0-9])[1-4][tq](?:${[...years, ...short].join('|')})(?![0-9])|(?<![a-z0-9])t[1-4] (?:${years.join('|')})|`
    : '';
  // A quarter of an earlier fiscal year by the company's own name for it ("the third quarter of
  // FY2025", "Q3 FY25", "FY2025 Q3") when the call is about a later fiscal year.
  const fiscal = fiscalYear ? [1, 2, 3, 4, 5].map((d) => fiscalYear - d) : [];
  const fy = `(?:fy|fiscal (?:year )?)\\s?'?(?:${[...fiscal, ...fiscal.map((y) => String(y).slice(2))].join('|')})(?![0-9])`;
  const earlierFiscal = fiscal.length ? `(?:first|second|third|fourth) quarter of ${fy}|(?<![a-z0-9])q[1-4] ${fy}|${fy} q[1-4](?![0-9])|` : '';
  return new RegExp(
    `(${earlier}${earlierFiscal}${ordinalPattern}(${others.join('|')}) quarter|(?<![\\d一二三四五六七八九十])(${monthWords.join('|')})\\s*月份?季度|上半财年|上半年|下半年|前六个月|first half|second half|six months|last quarter|previous quarter|prior quarter|上季度|上个季度|上一季度|combined with|加上)`,
  );
}
