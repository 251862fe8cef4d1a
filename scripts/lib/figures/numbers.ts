/**
 * Numbers in a sentence with what they measure: amounts with currency and scale (亿, 万,
 * 百万, billion, million), growth rates (%), percentage points, counts, `千分之六`-style rates.
 * Works on a normalised copy of the text (full-width forms folded, Traditional converted to
 * Simplified, lowercased) that has the same length as the original, so offsets point into the
 * verbatim sentence.
 */
import { simplifiedChars } from '../text.ts';

const folded = new Map<string, string>();

/** Same-length normalisation: full-width ASCII folded, Traditional to Simplified, lowercase. */
export function normalizeSameLength(text: string): string {
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
export type Currency = 'CNY' | 'USD' | 'HKD';

export interface NumberMention {
  /** Offsets of the whole mention (currency, number, scale, unit) in the sentence. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the digits. */
  readonly numStart: number;
  readonly value: number;
  /** Value of one unit in the last digit written (2,342 亿 -> 1e8; 9.1% -> 0.1). */
  readonly unitValue: number;
  readonly kind: NumberKind;
  readonly currency?: Currency;
  /** The amount was written with a bare `$`, which speech recognition also writes for counts. */
  readonly bareDollar?: boolean;
  /** Followed by "per ADS/share" or 每股. */
  readonly perShare?: boolean;
}

const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 12], ['千亿', 11], ['百亿', 10], ['十亿', 9], ['亿', 8], ['千万', 7], ['百万', 6], ['十万', 5], ['万', 4],
  ['trillion', 12], ['billion', 9], ['million', 6], ['bn', 9], ['mn', 6],
];
const PREFIX_CURRENCY: ReadonlyArray<readonly [RegExp, Currency, boolean]> = [
  [/(rmb|cny|人民币)\s*$/, 'CNY', false],
  [/(us\$|usd|美元)\s*$/, 'USD', false],
  [/(hk\$|hkd|港元|港币)\s*$/, 'HKD', false],
  [/\$\s*$/, 'USD', true],
];
const SUFFIX_CURRENCY: ReadonlyArray<readonly [RegExp, Currency]> = [
  [/^\s*(元人民币|元|人民币|rmb)/, 'CNY'],
  [/^\s*(美元|usd)/, 'USD'],
  [/^\s*(港元|港币|hkd)/, 'HKD'],
];
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function scaled(digits: string, exp: number): number {
  const [int, frac = ''] = digits.replace(/,/g, '').split('.') as [string, string?];
  const shift = exp - frac.length;
  const mantissa = BigInt(int + frac);
  if (shift >= 0) return Number(mantissa * 10n ** BigInt(shift));
  return Number((Number(mantissa) / 10 ** -shift).toFixed(-shift));
}

/** Finds every number in a normalised sentence. */
export function findNumbers(norm: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of norm.matchAll(/千分之([一二两三四五六七八九十]|\d+(?:\.\d+)?)/g)) {
    const n = CN_DIGITS[m[1]!] ?? Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, numStart: m.index, value: n / 10, unitValue: 0.1, kind: 'percent' });
  }
  for (const m of norm.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const numStart = m.index;
    let end = numStart + m[0].length;
    const before = norm.slice(0, numStart);
    const after = norm.slice(end);
    // Part of a word or code (Q3, 88VIP, 20-F, 11.11, FY2025): not a figure.
    if (/[a-z_]$/.test(before) && !/(rmb|usd|cny|hkd|us\$|hk\$)$/.test(before)) continue;
    if (/^[a-z]/.test(after) && !/^(bn|mn|m\b|b\b|trillion|billion|million|percent|pp\b|per)/.test(after)) continue;
    if (/^-[a-z]/.test(after) || /^\.\d/.test(after)) continue;
    // More digits than any stated figure (and than a double holds): 400 digits would be Infinity,
    // over 100 decimals beyond what toFixed takes. Not a figure.
    if (m[0].replace(/[,.]/g, '').length > 24) continue;
    // Dates and years: 2024 年, 9 月, 30 日, fiscal 2025, September 30, 2024.
    if (/^\s*(年|月|日|号|财年|財年|季|个月|个季度|天|周|小时|位|倍)/.test(after)) continue;
    if (/(fy|fiscal|year|quarter|q[1-4])\s*$/.test(before) || /^\s*(fiscal|年度)/.test(after)) continue;
    if (/(january|february|march|april|may|june|july|august|september|october|november|december)\s*$/.test(before)) continue;

    let value = 0;
    let exp = 0;
    let kind: NumberKind = 'plain';
    let currency: Currency | undefined;
    let bareDollar = false;
    let start = numStart;
    for (const [re, cur, bare] of PREFIX_CURRENCY) {
      const p = re.exec(before.slice(-8));
      if (p) {
        currency = cur;
        bareDollar = bare;
        start = numStart - (before.slice(-8).length - p.index);
        break;
      }
    }
    const pct = /^\s*(%|percent\b|个百分点|percentage points?\b|pp\b)/.exec(after);
    if (pct) {
      kind = /百分点|percentage|pp/.test(pct[1]!) ? 'pp' : 'percent';
      value = scaled(m[0], 0);
      end += pct[0].length;
    } else {
      const sc = /^\s*([a-z]+|[万亿千百十]+)/.exec(after);
      if (sc) {
        const hit = SCALES.find(([word]) => sc[1] === word || (sc[1]!.startsWith(word) && /[万亿]/.test(word)));
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
          end += s[0].length;
          break;
        }
        if (s && currency === cur) {
          end += s[0].length;
          break;
        }
      }
      value = scaled(m[0], exp);
      kind = currency ? 'money' : exp > 0 ? 'count' : 'plain';
    }
    const perShare = /^\s*(per ads|per share|per american depositary share|每股)/.test(norm.slice(end));
    const decimals = (m[0].split('.')[1] ?? '').length;
    const unitValue = 10 ** (exp - decimals);
    out.push({ start, end, numStart, value, unitValue, kind, ...(currency ? { currency } : {}), ...(bareDollar ? { bareDollar } : {}), ...(perShare ? { perShare } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}
