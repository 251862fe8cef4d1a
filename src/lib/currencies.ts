/**
 * The currencies figures are read and shown in, defined once: ISO code, how an English and a
 * Chinese page write an amount, and how transcripts write the currency before or after a number
 * (patterns on normalised text: lowercase, Simplified, half-width).
 */
export interface CurrencyDef {
  readonly code: string;
  /** English display prefix (`RMB`, `US$`). */
  readonly en: string;
  /** Chinese display prefix and suffix (`人民币 `…`元`). */
  readonly zh: readonly [string, string];
  /** Words or symbols written before the number. */
  readonly before: readonly string[];
  /** Words written after the number (and its scale). */
  readonly after: readonly string[];
}

export const CURRENCIES: readonly CurrencyDef[] = [
  { code: 'CNY', en: 'RMB', zh: ['人民币 ', '元'], before: ['rmb', 'cny', '人民币', 'rmb¥'], after: ['元人民币', '人民币', '元', 'rmb', 'yuan', 'renminbi'] },
  { code: 'USD', en: 'US$', zh: ['', '美元'], before: ['us$', 'usd', 'us dollars', '美元', '$'], after: ['美元', 'usd', 'us dollars', 'dollars'] },
  { code: 'HKD', en: 'HK$', zh: ['', '港元'], before: ['hk$', 'hkd', '港元', '港币'], after: ['港元', '港币', 'hkd', 'hong kong dollars'] },
  { code: 'EUR', en: '€', zh: ['', '欧元'], before: ['€', 'eur', 'euro', '欧元'], after: ['欧元', 'eur', 'euros', 'euro'] },
  { code: 'GBP', en: '£', zh: ['', '英镑'], before: ['£', 'gbp'], after: ['英镑', 'gbp', 'pounds sterling', 'pounds', 'sterling'] },
  { code: 'JPY', en: '¥', zh: ['', '日元'], before: ['jpy', '日元', '¥'], after: ['日元', 'jpy', 'yen'] },
  { code: 'KRW', en: '₩', zh: ['', '韩元'], before: ['krw', '₩', 'w'], after: ['원', '韩元', 'krw', 'won'] },
  { code: 'TWD', en: 'NT$', zh: ['新台币 ', '元'], before: ['nt$', 'twd', '新台币'], after: ['新台币', 'twd'] },
  { code: 'DKK', en: 'DKK ', zh: ['', '丹麦克朗'], before: ['dkk'], after: ['丹麦克朗', 'dkk', 'danish kroner', 'kroner'] },
  { code: 'SEK', en: 'SEK ', zh: ['', '瑞典克朗'], before: ['sek'], after: ['瑞典克朗', 'sek', 'swedish kronor', 'kronor'] },
  { code: 'NOK', en: 'NOK ', zh: ['', '挪威克朗'], before: ['nok'], after: ['挪威克朗', 'nok', 'norwegian kroner'] },
  { code: 'CHF', en: 'CHF ', zh: ['', '瑞士法郎'], before: ['chf'], after: ['瑞士法郎', 'chf', 'swiss francs', 'francs'] },
  { code: 'INR', en: '₹', zh: ['', '印度卢比'], before: ['inr', '₹', 'rs.', 'rs'], after: ['卢比', 'inr', 'rupees'] },
  { code: 'SGD', en: 'S$', zh: ['', '新加坡元'], before: ['s$', 'sgd'], after: ['新加坡元', 'sgd', 'singapore dollars'] },
  { code: 'CAD', en: 'C$', zh: ['', '加元'], before: ['c$', 'cad'], after: ['加元', 'cad', 'canadian dollars'] },
  { code: 'AUD', en: 'A$', zh: ['', '澳元'], before: ['a$', 'aud'], after: ['澳元', 'aud', 'australian dollars'] },
  { code: 'NZD', en: 'NZ$', zh: ['', '新西兰元'], before: ['nz$', 'nzd'], after: ['新西兰元', 'nzd', 'new zealand dollars'] },
  { code: 'MOP', en: 'MOP ', zh: ['', '澳门元'], before: ['mop'], after: ['澳门元', 'mop', 'patacas'] },
  { code: 'BRL', en: 'R$', zh: ['', '巴西雷亚尔'], before: ['r$', 'brl'], after: ['巴西雷亚尔', 'brl', 'reais'] },
  { code: 'MXN', en: 'MX$', zh: ['', '墨西哥比索'], before: ['mx$', 'mxn'], after: ['墨西哥比索', 'mxn', 'mexican pesos'] },
];

export const CURRENCY_CODES = CURRENCIES.map((c) => c.code) as [string, ...string[]];

export function currency(code: string): CurrencyDef | undefined {
  return CURRENCIES.find((c) => c.code === code);
}
