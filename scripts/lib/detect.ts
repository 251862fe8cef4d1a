/**
 * Detection from the text: which layout, which company, which fiscal quarter, when the call
 * was held. Every rule is about how transcripts are written in general; none is about a
 * particular file.
 */
import type { Company } from '../../src/lib/schema.ts';
import {
  MONTH_NAMES,
  parseFiscalYearEnd,
  quarterEndingIn,
  quarterId,
  type FiscalQuarter,
  type FiscalYearEnd,
} from '../../src/lib/quarters.ts';
import type { Layout } from './raw.ts';
import { bilingual } from './layouts/bilingual.ts';
import { official } from './layouts/official.ts';
import { inline } from './layouts/inline.ts';
import { plain } from './layouts/plain.ts';
import { inlineTurns, interleaved } from './layouts/turns.ts';
import { labelLinesLayout } from './layouts/label-lines.ts';
import { news, zhNews } from './layouts/news.ts';
import { matchKey, type Line } from './text.ts';

/** Layouts in the order they are tried; the first whose `sniff` accepts the text parses it. */
export const LAYOUTS: readonly Layout[] = [bilingual, interleaved, official, news, zhNews, inlineTurns, plain, inline, labelLinesLayout];

export function detectLayout(lines: readonly Line[]): Layout | undefined {
  return LAYOUTS.find((l) => l.sniff(lines));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const namePatterns = new Map<string, RegExp | null>();

/** Counts how often a name occurs in already-normalised text (whole words for Latin names). */
export function countName(normalisedText: string, name: string): number {
  let re = namePatterns.get(name);
  if (re === undefined) {
    const key = matchKey(name);
    const latin = /^[a-z0-9]/.test(key) && /[a-z0-9]$/.test(key);
    re = key ? new RegExp(latin ? `(?<![a-z0-9])${escapeRe(key)}(?![a-z0-9])` : escapeRe(key), 'g') : null;
    namePatterns.set(name, re);
  }
  if (!re) return 0;
  return normalisedText.match(re)?.length ?? 0;
}

/** The company whose names occur most often in the text, if any occurs. */
export function detectCompany(text: string, companies: readonly Company[]): Company | undefined {
  const norm = matchKey(text);
  let best: { company: Company; hits: number } | undefined;
  for (const company of companies) {
    const names = new Set([company.names.en, company.names['zh-Hans'], company.names['zh-Hant'], ...company.aliases]);
    let hits = 0;
    for (const n of names) if (n) hits += countName(norm, n);
    if (hits > 0 && (!best || hits > best.hits)) best = { company, hits };
  }
  return best?.company;
}

export interface QuarterEvidence {
  readonly quarter: FiscalQuarter;
  /** 1 = stated as a fiscal quarter, 2 = stated as a period end, 3 = a page title's "YYYY Q#", 4 = "Q# YYYY". */
  readonly strength: 1 | 2 | 3 | 4;
  readonly line: number;
  readonly text: string;
}

const ORDINAL: Record<string, 1 | 2 | 3 | 4> = { first: 1, second: 2, third: 3, fourth: 4, 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const MONTH_RE = MONTH_NAMES.join('|');

function monthIndex(name: string): number {
  return MONTH_NAMES.findIndex((m) => m.toLowerCase() === name.toLowerCase()) + 1;
}

function fq(fy: number, q: number): FiscalQuarter | null {
  return fy >= 1990 && fy <= 2100 && q >= 1 && q <= 4 ? { fy, q: q as 1 | 2 | 3 | 4 } : null;
}

/** Every statement of a quarter in the text, strongest kinds first in `strength`. */
export function quarterEvidence(lines: readonly Line[], fye: FiscalYearEnd): QuarterEvidence[] {
  const out: QuarterEvidence[] = [];
  const add = (quarter: FiscalQuarter | null, strength: QuarterEvidence['strength'], l: Line, text: string) => {
    if (quarter) out.push({ quarter, strength, line: l.n, text });
  };
  const fromMonth = (year: number, month: number) => (month >= 1 && month <= 12 ? quarterEndingIn(year, month, fye) : null);
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    if (!t) continue;
    for (const m of t.matchAll(/\bFY\s?(\d{4})\s?Q([1-4])\b/gi)) add(fq(+m[1]!, +m[2]!), 1, l, m[0]);
    const year = (y: string) => (y.length === 2 ? 2000 + +y : +y);
    for (const m of t.matchAll(/\bQ([1-4])\s*(?:of\s+)?(?:FY|fiscal(?:\s+year)?)\s*'?(\d{4}|\d{2})\b/gi)) add(fq(year(m[2]!), +m[1]!), 1, l, m[0]);
    // "Q1 2026/27", "the first quarter of the financial year 2026/27": a year across two calendar years, named by the later.
    for (const m of t.matchAll(/\b(?:Q([1-4])|(first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+)?(?:financial|fiscal)\s+year)\s+(\d{4})\s*\/\s*(\d{2}|\d{4})\b/gi)) {
      const later = year(m[4]!);
      if (later === Number(m[3]) + 1) add(fq(later, m[1] ? +m[1] : ORDINAL[m[2]!.toLowerCase()]!), 1, l, m[0]);
    }
    // "second quarter fiscal 2026", "Second Quarter Fiscal Year '26", "fiscal '26 second quarter".
    // "Q4 and Full-Year FY2025 Results", "fourth quarter and full fiscal year 2025": the quarter that ends the year.
    for (const m of t.matchAll(/\b(?:Q([1-4])|(first|second|third|fourth)\s+quarter)\s+(?:and|&)\s+(?:the\s+)?full[- ](?:fiscal[- ])?year\s+(?:(FY|fiscal(?:\s+year)?)\s*)?'?(\d{4}|\d{2})\b/gi)) {
      add(fq(year(m[4]!), m[1] ? +m[1] : ORDINAL[m[2]!.toLowerCase()]!), m[3] ? 1 : 4, l, m[0]);
    }
    for (const m of t.matchAll(/\b(first|second|third|fourth)\s+quarter\s+(?:FY|fiscal(?:\s+year)?)\s*'?(\d{4}|\d{2})\b/gi)) {
      add(fq(year(m[2]!), ORDINAL[m[1]!.toLowerCase()]!), 1, l, m[0]);
    }
    for (const m of t.matchAll(/\b(?:FY|fiscal(?:\s+year)?)\s*'(\d{2})\s+(first|second|third|fourth)\s+quarter\b/gi)) {
      add(fq(year(m[1]!), ORDINAL[m[2]!.toLowerCase()]!), 1, l, m[0]);
    }
    for (const m of t.matchAll(/\b(first|second|third|fourth) (?:fiscal )?quarter of (?:the )?(?:fiscal|FY) ?(?:year )?(\d{4})\b/gi)) {
      add(fq(+m[2]!, ORDINAL[m[1]!.toLowerCase()]!), 1, l, m[0]);
    }
    for (const m of t.matchAll(/\bfiscal (?:year )?(\d{4}) (first|second|third|fourth) quarter\b/gi)) {
      add(fq(+m[1]!, ORDINAL[m[2]!.toLowerCase()]!), 1, l, m[0]);
    }
    for (const m of t.matchAll(/(\d{4})\s*(?:财年|財年|财政年度|財政年度)\s*第\s*([一二三四1-4])\s*(?:财季|財季|季度|季)/g)) {
      add(fq(+m[1]!, ORDINAL[m[2]!]!), 1, l, m[0]);
    }
    for (const m of t.matchAll(new RegExp(`\\b(${MONTH_RE}) quarter(?: of)?,? (\\d{4})\\b`, 'gi'))) {
      add(fromMonth(+m[2]!, monthIndex(m[1]!)), 2, l, m[0]);
    }
    for (const m of t.matchAll(new RegExp(`\\b(?:quarter|three months) ended (?:\\d{1,2} )?(${MONTH_RE})(?: \\d{1,2})?,? (\\d{4})\\b`, 'gi'))) {
      add(fromMonth(+m[2]!, monthIndex(m[1]!)), 2, l, m[0]);
    }
    for (const m of t.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月份?\s*(?:季度|季)/g)) add(fromMonth(+m[1]!, +m[2]!), 2, l, m[0]);
    for (const m of t.matchAll(/截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*止\s*(?:三个月|三個月|季度)/g)) {
      add(fromMonth(+m[1]!, +m[2]!), 2, l, m[0]);
    }
    // A page title such as "阿里巴巴 (BABA) 2025 Q4 法說會逐字稿": such sites number quarters
    // by fiscal year, which a period statement elsewhere in the text confirms or overrides.
    for (const m of t.matchAll(/(\d{4})\s?Q([1-4])\s*(?:法說會|法说会|業績|业绩|財報|财报|earnings)/gi)) add(fq(+m[1]!, +m[2]!), 3, l, m[0]);
    for (const m of t.matchAll(/\bQ([1-4])\s?(\d{4})\b/g)) add(fq(+m[2]!, +m[1]!), 4, l, m[0]);
    // "2Q25", "3Q 2025", "2025年第二季": quarters as the company numbers them.
    for (const m of t.matchAll(/\b([1-4])Q\s?(\d{2}|\d{4})\b/g)) add(fq(year(m[2]!), +m[1]!), 4, l, m[0]);
    for (const m of t.matchAll(/(\d{4})\s*年\s*第\s*([一二三四1-4])\s*(?:季度|季)(?!度?末)/g)) add(fq(+m[1]!, ORDINAL[m[2]!]!), 4, l, m[0]);
    for (const m of t.matchAll(/\b(first|second|third|fourth) quarter(?: of)?,? (\d{4})\b/gi)) {
      add(fq(+m[2]!, ORDINAL[m[1]!.toLowerCase()]!), 4, l, m[0]);
    }
  }
  return out;
}

/**
 * Picks the call's quarter: the strongest kind of statement present wins; within it, the
 * quarter stated most often, then the earliest. Also returns weaker statements that disagree.
 */
export function pickQuarter(evidence: readonly QuarterEvidence[]): { best: QuarterEvidence; conflicts: QuarterEvidence[] } | undefined {
  if (evidence.length === 0) return undefined;
  const strongest = Math.min(...evidence.map((e) => e.strength));
  const tier = evidence.filter((e) => e.strength === strongest);
  const counts = new Map<string, number>();
  for (const e of tier) counts.set(quarterId(e.quarter), (counts.get(quarterId(e.quarter)) ?? 0) + 1);
  const best = [...tier].sort((a, b) => counts.get(quarterId(b.quarter))! - counts.get(quarterId(a.quarter))! || a.line - b.line)[0]!;
  const id = quarterId(best.quarter);
  // Only the first statement of each weaker kind is compared: later ones often name other periods.
  const conflicts: QuarterEvidence[] = [];
  for (const s of [1, 2, 3] as const) {
    if (s <= strongest) continue;
    const first = evidence.filter((e) => e.strength === s).sort((a, b) => a.line - b.line)[0];
    if (first && quarterId(first.quarter) !== id) conflicts.push(first);
  }
  return { best, conflicts };
}

/**
 * The call date: a Chinese date with its weekday (`2024 年 11 月 15 日（星期五）`), or an English
 * date in the header; accepted only when it falls within 120 days after the period end.
 */
export function detectCallDate(lines: readonly Line[], periodEndDate: string): { date: string; line: number } | undefined {
  const end = Date.parse(`${periodEndDate}T00:00:00Z`);
  const plausible = (y: number, m: number, d: number) => {
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return false;
    return t > end && t <= end + 120 * 86_400_000;
  };
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[（(]\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]\s*[）)]/.exec(t);
    if (m && plausible(+m[1]!, +m[2]!, +m[3]!)) return { date: iso(+m[1]!, +m[2]!, +m[3]!), line: l.n };
  }
  // English dates count only in the header, before the call text starts.
  const header = lines.filter((l) => l.text !== '').slice(0, 8);
  for (const l of header) {
    const t = l.text;
    const a = new RegExp(`\\b(${MONTH_RE}) (\\d{1,2}),? (\\d{4})\\b`, 'i').exec(t);
    if (a && plausible(+a[3]!, monthIndex(a[1]!), +a[2]!)) return { date: iso(+a[3]!, monthIndex(a[1]!), +a[2]!), line: l.n };
    const b = new RegExp(`\\b(\\d{1,2}) (${MONTH_RE}),? (\\d{4})\\b`, 'i').exec(t);
    if (b && plausible(+b[3]!, monthIndex(b[2]!), +b[1]!)) return { date: iso(+b[3]!, monthIndex(b[2]!), +b[1]!), line: l.n };
  }
  return undefined;
}

/** The company's fiscal year end; the schema has already checked it. */
export function fiscalYearEnd(company: Company): FiscalYearEnd {
  return parseFiscalYearEnd(company.fiscal_year_end)!;
}
