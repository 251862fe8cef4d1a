/**
 * Numbers in a sentence with what they measure: amounts with currency and scale (亿, 万,
 * 百万, billion, million, crore, lakh), growth rates (%), percentage points, counts, `千分之六`-style rates.
 * Works on a normalised copy of the text (full-width forms folded, Traditional converted to
 * Simplified, lowercased) that has the same length as the original, so offsets point into the
 * verbatim sentence.
 */
import { simplifiedChars } from '../text.ts';
import { CURRENCIES } from '../../../src/lib/currencies.ts';

const folded = new Map<string, string>();

/** Texts normalised lately: the reader normalises one sentence many times. */
const normalised = new Map<string, string>();

/** Same-length normalisation: full-width ASCII folded, Traditional to Simplified, lowercase. */
export function normalizeSameLength(text: string): string {
  // (Plain ASCII only needs lower case, which keeps its length.)
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const seen = normalised.get(text);
  if (seen !== undefined) return seen;
  const out = foldEach(text);
  if (normalised.size >= 4096) normalised.clear();
  normalised.set(text, out);
  return out;
}

function foldEach(text: string): string {
  let out = '';
  for (const c of text) {
    let f = folded.get(c);
    if (f === undefined) {
      const code = c.codePointAt(0)!;
      if (code >= 0xff01 && code <= 0xff5e) f = String.fromCodePoint(code - 0xfee0).toLowerCase();
      else if (code === 0x3000) f = ' ';
      else if (code >= 0x3400) f = simplifiedChars(c);
      else f = c.toLowerCase();
      if (f.length !== c.length) f = c;
      folded.set(c, f);
    }
    out += f;
  }
  return out;
}

export type NumberKind = 'money' | 'percent' | 'pp' | 'count' | 'plain';
/** An ISO currency code from `src/lib/currencies.ts`. */
export type Currency = string;

export interface NumberMention {
  /** Offsets of the whole mention (currency, number, scale, unit) in the sentence. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the digits. */
  readonly numStart: number;
  readonly value: number;
  /** Value of one unit in the last digit written (2,342 亿 -> 1e8; 9.1% -> 0.1). */
  readonly unitValue: number;
  /** Power of ten of the scale word (billion 9, 亿 8; 0 without one). */
  readonly exp?: number;
  readonly kind: NumberKind;
  readonly currency?: Currency;
  /** The amount was written with a bare `$`, which speech recognition also writes for counts. */
  readonly bareDollar?: boolean;
  /** The amount was written with a bare `元` (yuan, NT dollars, HK dollars…): the currency is the call's own. */
  readonly bareYuan?: boolean;
  /** Followed by "per ADS/share" or 每股. */
  readonly perShare?: boolean;
}

const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 12], ['千亿', 11], ['百亿', 10], ['十亿', 9], ['亿', 8], ['千万', 7], ['百万', 6], ['十万', 5], ['万', 4],
  ['조', 12], ['억', 8], ['만', 4],
  ['trillion', 12], ['billion', 9], ['million', 6], ['bn', 9], ['mn', 6],
  // German and Nordic abbreviations in translated or exported text: "EUR 238 Mio.", "EUR 1,2 Mrd.", "SEK 410 mln".
  ['mio', 6], ['mrd', 9], ['mln', 6], ['bln', 9],
  // Indian numbering: a crore is ten million, a lakh a hundred thousand ("Rs. 1,284 crores", "₹75 lakh").
  ['crores', 7], ['crore', 7], ['cr', 7], ['lakhs', 5], ['lakh', 5], ['lacs', 5], ['lac', 5],
  // Japanese numbering as an interpreter says it: an oku (億) is a hundred million ("125 oku yen").
  ['oku', 8],
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Currency written before the number, longest first (`us$` before `$`); Latin words whole. */
const PREFIX_CURRENCY: ReadonlyArray<readonly [RegExp, Currency, boolean]> = CURRENCIES.flatMap((c) => c.before.map((t) => [t, c.code] as const))
  .sort((a, b) => b[0].length - a[0].length)
  .map(([t, code]) => [new RegExp(`${/^[a-z]/.test(t) ? '(?<![a-z])' : ''}(${escapeRe(t)})\\s*$`), code, t === '$'] as const);
/** Currency written after the number and its scale. A bare `元` is marked: its currency is the call's. */
const SUFFIX_CURRENCY: ReadonlyArray<readonly [RegExp, Currency]> = CURRENCIES.flatMap((c) => c.after.map((t) => [t, c.code] as const))
  .filter(([t]) => t !== '元')
  .sort((a, b) => b[0].length - a[0].length)
  .map(([t, code]) => [new RegExp(`^\\s*(${escapeRe(t)})${/[a-z]$/.test(t) ? '(?![a-z])' : ''}`), code] as const);
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function scaled(digits: string, exp: number): number {
  const [int, frac = ''] = digits.replace(/,/g, '').split('.') as [string, string?];
  const shift = exp - frac.length;
  const mantissa = BigInt(int + frac);
  if (shift >= 0) return Number(mantissa * 10n ** BigInt(shift));
  return Number((Number(mantissa) / 10 ** -shift).toFixed(-shift));
}

/** The dollar whose cents a country's name gives ("Singapore cents"). */
const DOLLAR_CENTS: Readonly<Record<string, string>> = { singapore: 'SGD', s: 'SGD', australian: 'AUD', a: 'AUD', 'hong kong': 'HKD', hk: 'HKD', canadian: 'CAD', c: 'CAD', 'new zealand': 'NZD', nz: 'NZD', us: 'USD' };

/** Finds every number in a normalised sentence. */
/** Number words and their values, zero to ninety. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS).join('|')}|hundred|thousand)`;
/** "two hundred and forty one", "sixty eight point two": a number spoken as words (lower case, as normalised). */
/** The digits said after "point": "three point oh five" is 3.05. */
const DECIMAL_DIGIT: Readonly<Record<string, number>> = { ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([, v]) => v < 10)), oh: 0 };
/** "five and a half", "two and a quarter": a half or a quarter said after a whole number. */
const FRACTION_SAID = /\s+and\s+a\s+(half|quarter)$/;
const SPELLED = new RegExp(`\\b${NUMBER_WORD}(?:(?:\\s+|-)(?:and\\s+)?${NUMBER_WORD})*(?:\\s+point(?:\\s+(?:${Object.keys(DECIMAL_DIGIT).join('|')}))+|\\s+and\\s+a\\s+(?:half|quarter))?\\b`, 'g');
/** What makes spoken words a figure: a unit or scale right after them. */
const SPELLED_UNIT = /^\s*(?:percent|per cent|percentage points?|basis points|million|billion|thousand|pence|pounds|(?:(?:us|u\.s\.|american|australian|canadian|singapore|new zealand|hong kong)\s+)?dollars|euros|yen|cents)\b/;

/** Words of the numbers below a hundred: "forty seven", "twelve", "four". */
const wordsOf = (from: number, to: number, step = 1) => Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w]! >= from && NUMBER_WORDS[w]! <= to && NUMBER_WORDS[w]! % step === 0).join('|');
const UNDER_HUNDRED = `(?:(?:${wordsOf(20, 90, 10)})(?:[\\s-](?:${wordsOf(1, 9)}))?|${wordsOf(10, 19)}|${wordsOf(1, 9)})`;
const SPOKEN_DOLLARS = new RegExp(
  `\\b(a|\\d{1,2}|${UNDER_HUNDRED})\\s+dollars?\\s+(?:and\\s+)?((?:oh|o|zero)\\s+(?:${wordsOf(1, 9)})|${UNDER_HUNDRED})(?:\\s+cents?)?\\b(?!\\s+(?:million|billion|thousand|hundred|point)\\b)`,
  'g',
);

/** "four ninety five", "five oh five", "three eighteen": dollars then cents, as a per-share amount is said (never before a unit or scale). */
const SPOKEN_PER_SHARE = new RegExp(
  `\\b(${wordsOf(1, 9)})\\s+(oh\\s+(?:${wordsOf(1, 9)})|(?:${wordsOf(20, 90, 10)})(?:[\\s-](?:${wordsOf(1, 9)}))?|${wordsOf(10, 19)})\\b(?!\\s+(?:million|billion|thousand|hundred|point|percent|per cent|dollars?|cents?|basis)\\b)`,
  'g',
);
/** A per-share measure shortly before: "eps", "earnings per diluted share". */
const PER_SHARE_BEFORE = /\b(?:e\s?p\s?s|earnings per (?:diluted |basic )?share|per (?:diluted )?share)\b/;

function spelledValue(words: string): number | undefined {
  const fraction = FRACTION_SAID.exec(words);
  if (fraction) {
    const value = spelledValue(words.slice(0, fraction.index));
    return value === undefined ? undefined : value + (fraction[1] === 'half' ? 0.5 : 0.25);
  }
  const [whole, frac] = words.split(/\s+point\s+/);
  // "three eighty to four hundred million", "five twenty five million": hundreds said without
  // "hundred", a unit then a teen or tens word (and perhaps a unit).
  const said = whole!.split(/[\s-]+/);
  const [u, t, v] = said.map((w) => NUMBER_WORDS[w]);
  // ("two forty one point nine million": with its decimals too.)
  const decimals = frac ? frac.split(/\s+/).map((w) => DECIMAL_DIGIT[w]).join('') : '';
  if (said.length >= 2 && said.length <= 3 && u !== undefined && u >= 1 && u <= 9 && t !== undefined && t >= 10 && (said.length === 2 || (t >= 20 && t % 10 === 0 && v !== undefined && v >= 1 && v <= 9))) return Number(`${u * 100 + t + (v ?? 0)}${decimals ? `.${decimals}` : ''}`);
  let total = 0;
  let current = 0;
  for (const w of whole!.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (NUMBER_WORDS[w] !== undefined) {
      // "twenty twenty six" is a year, "one two" a list: two units in a row are not one number.
      if (current % 10 !== 0 && NUMBER_WORDS[w]! < 10) return undefined;
      if (NUMBER_WORDS[w]! >= 10 && current % 100 !== 0) return undefined;
      current += NUMBER_WORDS[w]!;
    } else return undefined;
  }
  const digits = frac ? frac.split(/\s+/).map((w) => DECIMAL_DIGIT[w]).join('') : '';
  return Number(`${total + current}${digits ? `.${digits}` : ''}`);
}

/**
 * A machine transcript that writes figures as spoken ("sixty eight point two percent", "two
 * hundred and forty one million pounds"): the words are given as digits, padded with spaces to
 * the same length, so that every position in the text stays where it was. Only before a unit or
 * a scale, so that "one of our stores" stays words.
 */
function withSpelledNumbers(norm: string): { text: string; spans: Array<{ start: number; end: number }> } {
  if (!/\b(?:percent|per cent|million|billion|pence|pounds|point|dollars?)\b/.test(norm)) return { text: norm, spans: [] };
  let text = norm;
  const spans: Array<{ start: number; end: number }> = [];
  // "one dollar and four cents", "a dollar forty seven", "five dollars ten to five dollars
  // thirty": a per-share amount said in dollars and cents (never before a scale: "five dollars
  // ten million" is not one).
  for (const m of norm.matchAll(SPOKEN_DOLLARS)) {
    const dollars = m[1] === 'a' ? 1 : /^\d+$/.test(m[1]!) ? Number(m[1]) : spelledValue(m[1]!);
    // ("a dollar o eight": the cents' tens said as "o", "oh" or "zero".)
    const cents = /^(?:oh|o|zero)\s/.test(m[2]!) ? NUMBER_WORDS[m[2]!.split(/\s+/)[1]!] : spelledValue(m[2]!);
    if (dollars === undefined || cents === undefined || cents >= 100) continue;
    const digits = `$${dollars}.${String(cents).padStart(2, '0')}`;
    if (digits.length > m[0].length) continue;
    text = text.slice(0, m.index) + digits.padEnd(m[0].length, ' ') + text.slice(m.index + m[0].length);
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  // "adjusted eps guidance to a range of four ninety five to five oh five": dollars and cents
  // said as two numbers after a per-share measure, with no unit or scale after them.
  for (const m of norm.matchAll(SPOKEN_PER_SHARE)) {
    if (!PER_SHARE_BEFORE.test(norm.slice(Math.max(0, m.index - 120), m.index))) continue;
    if (spans.some((x) => m.index < x.end && m.index + m[0].length > x.start)) continue;
    const dollars = NUMBER_WORDS[m[1]!]!;
    const cents = m[2]!.startsWith('oh') ? NUMBER_WORDS[m[2]!.split(/\s+/)[1]!]! : spelledValue(m[2]!);
    if (cents === undefined) continue;
    const digits = `$${dollars}.${String(cents).padStart(2, '0')}`;
    text = text.slice(0, m.index) + digits.padEnd(m[0].length, ' ') + text.slice(m.index + m[0].length);
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const all = [...norm.matchAll(SPELLED)];
  // (Or the start of a range whose end has one: "one point one five to one point two one billion pounds".)
  const unitAfter = (i: number): boolean => {
    const m = all[i]!;
    const rest = norm.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (SPELLED_UNIT.test(rest)) return true;
    const next = all[i + 1];
    return next !== undefined && /^\s+(?:to|and)\s+$/.test(norm.slice(m.index + m[0].length, next.index)) && unitAfter(i + 1);
  };
  for (const [i, m] of all.entries()) {
    if (!unitAfter(i) || spans.some((x) => m.index < x.end && m.index + m[0].length > x.start)) continue;
    const value = spelledValue(m[0]);
    if (value === undefined) continue;
    const digits = String(value);
    if (digits.length > m[0].length) continue;
    text = text.slice(0, m.index) + digits.padEnd(m[0].length, ' ') + text.slice(m.index + m[0].length);
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return { text, spans };
}

/**
 * Every number said, in digits or in words, with or without a unit: "I said one point one five,
 * that should be one point one seven" (what a correction compares). Lower-case text.
 */
export function saidNumbers(text: string): Array<{ start: number; end: number; value: number }> {
  const out: Array<{ start: number; end: number; value: number }> = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) out.push({ start: m.index, end: m.index + m[0].length, value: Number(m[0].replace(/,/g, '')) });
  for (const m of text.toLowerCase().matchAll(SPELLED)) {
    const value = spelledValue(m[0]);
    if (value !== undefined) out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The latest texts' numbers: the reader looks for the numbers of one sentence several times. */
const recentNumbers = new Map<string, readonly NumberMention[]>();

export function findNumbers(written: string): NumberMention[] {
  const known = recentNumbers.get(written);
  if (known) return [...known];
  const found = scanNumbers(written);
  if (recentNumbers.size >= 64) recentNumbers.delete(recentNumbers.keys().next().value!);
  recentNumbers.set(written, found);
  return [...found];
}

function scanNumbers(written: string): NumberMention[] {
  const { text: spelled, spans } = withSpelledNumbers(written);
  // "MSEK 812", "MNOK 1,126": millions of the currency written before it, read as "SEK 812m"
  // (the same length, so positions stay where they were).
  const norm = spelled.replace(/(?<![a-z])m(sek|nok|dkk|eur|usd|chf|gbp)(\s?)(\d(?:[\d,.]*\d)?)(?![\d.,]*\s*(?:million|billion|bn|mn|m)\b)/g, (_m, c: string, sp: string, d: string) => `${c}${sp}${d}m`);
  const mentions = findDigits(norm);
  // A number written as words spans all of its words.
  return spans.length === 0 ? mentions : mentions.map((n) => {
    const span = spans.find((s) => n.numStart >= s.start && n.numStart < s.end);
    return span && n.end < span.end ? { ...n, end: span.end } : n;
  });
}

function findDigits(norm: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of norm.matchAll(/千分之([一二两三四五六七八九十]|\d+(?:\.\d+)?)/g)) {
    const n = CN_DIGITS[m[1]!] ?? Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, numStart: m.index, value: n / 10, unitValue: 0.1, kind: 'percent' });
  }
  // (A decimal comma, as translations from Portuguese, Spanish or German keep it: "R$ 4,3 billion",
  // "12,5%", "R$ 1.250,4 million" with a dot between thousands. A comma before exactly three
  // digits stays a thousands separator: "1,250 million".)
  for (const m of norm.matchAll(/\d{1,3}(?:\.\d{3})+,\d+(?![\d,])|\d+,\d{1,2}(?!\d|,\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const numStart = m.index;
    let end = numStart + m[0].length;
    const digits = /,\d{1,2}$|^\d{1,3}(?:\.\d{3})+,\d+$/.test(m[0]) ? m[0].replace(/\./g, '').replace(',', '.') : m[0];
    // What is written around the number, within a window: a pattern that ends with `$` scans the
    // whole of its text, so a whole paragraph here would make a long paragraph quadratic.
    const before = norm.slice(Math.max(0, numStart - 64), numStart);
    const after = norm.slice(end, end + 64);
    // Part of a word or code (Q3, 88VIP, 20-F, 11.11, FY2025): not a figure.
    if (/[a-z_]$/.test(before) && !PREFIX_CURRENCY.some(([re, , bare]) => !bare && re.test(before))) continue;
    if (/^[a-z]/.test(after) && !/^(bn|mn|m\b|b\b|p\b(?!\.\w|')|trillion|billion|million|crores?\b|cr\b|lakhs?\b|lacs?\b|oku\b|percent|pp\b|per)/.test(after)) continue;
    if (/^-[a-z]/.test(after) || /^\.\d/.test(after)) continue;
    // More digits than any stated figure (and than a double holds): 400 digits would be Infinity,
    // over 100 decimals beyond what toFixed takes. Not a figure.
    if (digits.replace(/[,.]/g, '').length > 24) continue;
    // Dates and years: 2024 年, 9 月, 30 日, fiscal 2025, September 30, 2024.
    if (/^\s*(年|月|日|号|财年|財年|季|个月|个季度|天|周|小时|位|倍)/.test(after)) continue;
    if (/(fy|fiscal|year|quarter|q[1-4])\s*$/.test(before) || /^\s*(fiscal|年度)/.test(after)) continue;
    if (/(january|february|march|april|may|june|july|august|september|october|november|december)\s*$/.test(before)) continue;

    let value = 0;
    let exp = 0;
    let kind: NumberKind = 'plain';
    let currency: Currency | undefined;
    let bareDollar = false;
    let bareYuan = false;
    let start = numStart;
    for (const [re, cur, bare] of PREFIX_CURRENCY) {
      const tail = before.slice(-12);
      const p = re.exec(tail);
      if (p) {
        currency = cur;
        bareDollar = bare;
        start = numStart - (tail.length - p.index);
        break;
      }
    }
    const pct = /^\s*(%|percent\b|per\s+cent\b|个百分点|percentage points?\b|pp\b)/.exec(after);
    if (pct) {
      kind = /百分点|percentage|pp/.test(pct[1]!) ? 'pp' : 'percent';
      value = scaled(digits, 0);
      end += pct[0].length;
    } else {
      const sc = /^\s*([a-z]+|[万亿千百十조억만]+)/.exec(after);
      // "SEK 7,410m", "£45m", "$1.2b": a scale letter written onto the number.
      const glued = /^([mb])(?![a-z])/.exec(after);
      if (glued) {
        exp = glued[1] === 'm' ? 6 : 9;
        end += 1;
      } else if (sc) {
        const hit = SCALES.find(([word]) => sc[1] === word || (sc[1]!.startsWith(word) && /[万亿조억만]/.test(word)));
        if (hit) {
          exp = hit[1];
          end += after.indexOf(hit[0]) + hit[0].length;
        }
      }
      const rest = norm.slice(end);
      for (const [re, cur] of SUFFIX_CURRENCY) {
        const s = re.exec(rest);
        if (s && !currency) {
          currency = cur;
          // ("612.4 million dollars", no country named: the call's own dollar, like a bare "$".)
          if (cur === 'USD' && /^\s*dollars?$/.test(s[0])) bareDollar = true;
          end += s[0].length;
          break;
        }
        if (s && currency === cur) {
          end += s[0].length;
          break;
        }
      }
      const yuan = /^\s*元/.exec(norm.slice(end));
      if (yuan) {
        // "人民币 3,521 亿元", "新台币 92.4 亿元": 元 follows a named currency; alone, it is the call's own.
        if (!currency) {
          currency = 'CNY';
          bareYuan = true;
        }
        end += yuan[0].length;
      }
      // "76 to 79¢", "50 cents": hundredths of a dollar.
      const cents = exp === 0 && /^\s*(?:¢|cents?\b)/.exec(norm.slice(end));
      if (cents && (!currency || currency === 'USD')) {
        // ("10.2 cents" alone is the call's own dollar's, like a bare "$".)
        if (!currency) bareDollar = true;
        currency = 'USD';
        exp = -2;
        end += cents[0].length;
      }
      // "4.34 Singapore cents", "12.5 Australian cents": hundredths of that country's dollar.
      const dollarCents = !cents && exp === 0 && !currency && /^\s*(singapore|s|australian|a|hong kong|hk|canadian|c|new zealand|nz|us|u\.s\.)\s*cents?\b/.exec(norm.slice(end));
      if (dollarCents) {
        currency = DOLLAR_CENTS[dollarCents[1]!.replace(/\./g, '')]!;
        exp = -2;
        end += dollarCents[0].length;
      }
      // "9.8 pence", "9.8p": hundredths of a pound.
      const pence = !cents && !dollarCents && exp === 0 && !currency && /^\s*(?:pence\b|p\b(?!\.\w|'))/.exec(norm.slice(end));
      if (pence) {
        currency = 'GBP';
        exp = -2;
        end += pence[0].length;
      }
      value = exp < 0 ? Number((scaled(digits, 0) / 100).toFixed(6)) : scaled(digits, exp);
      kind = currency ? 'money' : exp > 0 ? 'count' : 'plain';
    }
    const perShare = /^\s*(per ads|per share|per (?:basic and |basic or )?diluted share|per basic share|per american depositary share|每股)/.test(norm.slice(end));
    const decimals = (digits.split('.')[1] ?? '').length;
    const unitValue = 10 ** (exp - decimals);
    out.push({ start, end, numStart, value, unitValue, exp, kind, ...(currency ? { currency } : {}), ...(bareDollar ? { bareDollar } : {}), ...(bareYuan ? { bareYuan } : {}), ...(perShare ? { perShare } : {}) });
  }
  return perUnitRangeEnds(norm, shareRangeScale(joinCompounds(out.sort((a, b) => a.start - b.start), norm), norm));
}

/** A currency written again before the second number of a range ("$2.34 to $2.36 billion", "₹1,100 to ₹1,200 crore"), as normalised text has it. */
export const REPEATED_CURRENCY = String.raw`(?:us\$|hk\$|nt\$|a\$|c\$|s\$|r\$|rs\.?|rmb|usd|inr|eur|gbp|jpy|chf|sek|nok|dkk|cad|aud|hkd|twd|krw|brl|mxn|sgd|cny|\$|€|£|¥|₩|₹|人民币)?`;
const RANGE_JOINER = new RegExp(String.raw`^\s*(?:to|and|-|–|~|至|到)\s*${REPEATED_CURRENCY}\s*$`);

/**
 * "EUR 8,60 to 9,00", "$4.70 to 4.80": the end of a range of amounts per share, written with
 * cents and no currency, is an amount in its start's currency.
 */
function perUnitRangeEnds(norm: string, numbers: readonly NumberMention[]): NumberMention[] {
  return numbers.map((n, i) => {
    const start = numbers[i - 1];
    if (n.kind !== 'plain' || !start || start.kind !== 'money' || !start.currency || start.exp || !/\d[.,]\d{2}$/.test(norm.slice(n.start, n.end))) return n;
    if (!/^\s*(?:to|-|–|~)\s*$/.test(norm.slice(start.end, n.start)) || !/\d[.,]\d{2}$/.test(norm.slice(start.start, start.end))) return n;
    return { ...n, kind: 'money', currency: start.currency };
  });
}

/** "$2.34 to $2.36 billion", "RMB 36.5 到 38 亿元", "76 to 79¢": the first number of a range takes the scale written after the second. */
function shareRangeScale(list: NumberMention[], norm: string): NumberMention[] {
  return list.map((a, i) => {
    const b = list[i + 1];
    // "18–19 percent", "5 to 7%": the first number of a range of rates is a rate too.
    // ("between 14 and 15 percent" too.)
    if (b && a.kind === 'plain' && (b.kind === 'percent' || b.kind === 'pp') && a.value < 1000 && (/^\s*(?:to|-|–|~|至|到)\s*$/.test(norm.slice(a.end, b.numStart)) || (/^\s*and\s*$/.test(norm.slice(a.end, b.numStart)) && /\bbetween\s*$/.test(norm.slice(Math.max(0, a.start - 10), a.start))))) return { ...a, kind: b.kind };
    if (!b || a.kind === 'percent' || a.kind === 'pp') return a;
    const joiner = norm.slice(a.end, b.numStart);
    if (!RANGE_JOINER.test(joiner)) return a;
    // ("for 2025 to EUR 1.22 billion": a range writes its currency before both numbers or only the first.)
    if (!a.currency && !/^\s*(?:to|and|-|–|~|至|到)\s*$/.test(joiner)) return a;
    // "15亿至16亿港元": the first has its scale but takes the second's currency.
    if ((a.exp ?? 0) !== 0 && a.exp === b.exp && !a.currency && b.currency && b.kind === 'money') return { ...a, kind: 'money', currency: b.currency, ...(b.bareYuan ? { bareYuan: true } : {}), ...(b.bareDollar ? { bareDollar: true } : {}) };
    if ((a.exp ?? 0) !== 0 || !b.exp) return a;
    const factor = 10 ** b.exp;
    const currency = a.currency ?? b.currency;
    // (The start of a range takes a bare dollar as bare: "two point four to two point six billion dollars".)
    const bare = !a.currency && b.bareDollar;
    return { ...a, value: b.exp < 0 ? Number((a.value / 100).toFixed(6)) : a.value * factor, unitValue: a.unitValue * factor, exp: b.exp, kind: currency ? 'money' : 'count', ...(currency ? { currency } : {}), ...(bare ? { bareDollar: true } : {}) };
  });
}

/** "1조 2,400억 원" is one amount: a 조 amount followed directly by an 억 amount (or 万亿 by 亿) adds up. */
function joinCompounds(list: NumberMention[], norm: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const n of list) {
    const prev = out[out.length - 1];
    if (prev && prev.unitValue >= 1e12 && n.unitValue < prev.unitValue && n.unitValue >= 1e4 && /^\s*$/.test(norm.slice(prev.end, n.numStart)) && (n.kind === 'money' || prev.kind !== 'percent')) {
      const currency = prev.currency ?? n.currency;
      out[out.length - 1] = { ...prev, end: n.end, value: prev.value + n.value, unitValue: n.unitValue, kind: currency ? 'money' : 'count', ...(currency ? { currency } : {}) };
      continue;
    }
    out.push(n);
  }
  return out;
}
