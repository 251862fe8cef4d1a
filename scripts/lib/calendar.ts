/**
 * A company's fiscal calendar and the call's quarter and date, read from the text when no
 * profile gives them. Calls name their quarter in the company's own fiscal terms ("Q2 2026",
 * "second quarter of fiscal 2026"); what the fiscal year is comes, in order of trust, from:
 *
 * 1. a statement that pairs a fiscal quarter with the day it ended ("fourth quarter of fiscal
 *    2025 ended February 28, 2025", "fiscal second quarter ended July 31, 2025",
 *    "2024 财年第三财季 … 截至 3 月 31 日");
 * 2. a stated quarter end that agrees with the named quarter ("Q3 2025" and "the quarter ended
 *    September 30, 2025": a calendar fiscal year);
 * 3. the call date: calls are held one to ten weeks after the quarter ends, and most fiscal
 *    quarters end with a calendar quarter; a quarter end that does neither is taken only when
 *    nothing else fits the named quarter (reported as a warning);
 * 4. nothing: a calendar fiscal year is assumed (reported as a warning).
 */
import { MONTH_NAMES, periodEnd as periodEndOf, quarterId, type FiscalQuarter, type FiscalYearEnd } from '../../src/lib/quarters.ts';
import { pickQuarter, quarterEvidence, type QuarterEvidence } from './detect.ts';
import type { Line } from './text.ts';
import { NUMBER_WORDS } from './figures/numbers.ts';

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORD: Record<string, 1 | 2 | 3 | 4> = { first: 1, second: 2, third: 3, fourth: 4, q1: 1, q2: 2, q3: 3, q4: 4, 一: 1, 二: 2, 三: 3, 四: 4 };

function month(name: string): number {
  const k = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(k)) + 1;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function fullYear(y: string): number {
  const n = Number(y.replace(/^'/, ''));
  return n < 100 ? 2000 + n : n;
}

/** The month end a period ending on `day` of `m` belongs to (52/53-week years end near one). */
function monthEndOf(y: number, m: number, day: number): { y: number; m: number } | null {
  if (day >= 20) return { y, m };
  if (day <= 8) return m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  return null;
}

/** Month of the fiscal year end, and its calendar year, for quarter `q` ending in (y, m). */
function yearEndFor(q: number, y: number, m: number): { fy: number; month: number } {
  const idx = y * 12 + (m - 1) + 3 * (4 - q);
  return { fy: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

function fyeOfMonth(m: number): FiscalYearEnd {
  return { month: m, day: lastDay(2001, m) };
}

/** What the text says about the fiscal calendar, and how sure that is. */
export interface CalendarReading {
  readonly quarter: FiscalQuarter;
  readonly fye: FiscalYearEnd;
  /** 1 = stated with the quarter, 2 = a stated quarter end, 3 = from the call date, 4 = assumed. */
  readonly fyeStrength: 1 | 2 | 3 | 4;
  /** The quarter's last day when the text states one that is not a month end (52/53-week years). */
  readonly periodEnd?: string;
  /** Line and words the fiscal year end was read from. */
  readonly fyeLine?: number;
  readonly fyeText?: string;
  /** The quarter statement used, and weaker statements that disagree. */
  readonly best?: QuarterEvidence;
  readonly conflicts: QuarterEvidence[];
}

interface Paired {
  readonly q: 1 | 2 | 3 | 4;
  readonly fy?: number;
  readonly end: { y?: number; m: number; d: number };
  readonly line: number;
  readonly text: string;
}

/** Statements that pair a fiscal quarter with the day it ended. */
export function pairedStatements(lines: readonly Line[]): Paired[] {
  const out: Paired[] = [];
  const en = new RegExp(
    `\\b(?:(?:fiscal\\s+)?(first|second|third|fourth)\\s+(?:fiscal\\s+)?quarter|(q[1-4]))(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:fiscal|fy)(?:\\s+year)?\\s*('?\\d{2}|\\d{4}))?(?:\\s*,)?(?:\\s+(?:(?:for|was|is|being|which\\s+is|which\\s+was)\\s+)?(?:the\\s+)?(?:\\d{1,2}|twelve|thirteen|fourteen|sixteen|seventeen)\\s+weeks)?\\s+(?:that\\s+|which\\s+)?ended\\s+(?:on\\s+)?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
    'gi',
  );
  // "the third quarter trading update … for the three months to 31 December 2025": the quarter,
  // then in the same sentence the period it covers, ended or "to" a date written either way round.
  const enLater = new RegExp(
    `\\b(first|second|third|fourth)\\s+(?:fiscal\\s+)?quarter\\b([^.;]{0,100}?)\\b(?:three months|quarter|period|1[23] weeks)\\s+(?:ended|ending|to)\\s+(?:on\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?)\\s+(\\d{4})`,
    'gi',
  );
  const zh = /(\d{4})\s*(?:财年|財年|财政年度|財政年度)\s*第\s*([一二三四])\s*(?:财季|財季|季度|季)[^。]{0,30}?截至\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
  const zhReverse = /截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*止?\s*的?\s*(?:(\d{4})\s*(?:财年|財年|财政年度|財政年度)\s*)?第\s*([一二三四])\s*(?:财季|財季|季度|季)/g;
  for (const [k, l] of lines.entries()) {
    // A statement wrapped onto the next line ("results for the second quarter of / fiscal 2026,
    // which ended April 30, 2026") is read with it; one that starts on the next line, there.
    const own = l.text.normalize('NFKC');
    const next = lines[k + 1]?.text.normalize('NFKC') ?? '';
    const t = next && !/\p{Script=Han}/u.test(own) ? `${own} ${next}` : own;
    const starts = (m: RegExpMatchArray) => m.index! < own.length;
    for (const m of [...t.matchAll(zhReverse)].filter(starts)) {
      out.push({ q: ORD[m[5]!]!, ...(m[4] ? { fy: Number(m[4]) } : {}), end: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, line: l.n, text: m[0] });
    }
    for (const m of [...t.matchAll(en)].filter(starts)) {
      const q = ORD[(m[1] ?? m[2]!).toLowerCase()]!;
      out.push({ q, ...(m[3] ? { fy: fullYear(m[3]) } : {}), end: { m: month(m[4]!), d: Number(m[5]), ...(m[6] ? { y: Number(m[6]) } : {}) }, line: l.n, text: m[0] });
    }
    for (const m of [...t.matchAll(enLater)].filter(starts)) {
      // (Not a comparison's period: "… compared with the three months to 31 December 2024".)
      // (Nor "comparisons are to the fiscal second quarter of 2025, the quarter ended …".)
      if (/\b(?:compared|versus|vs\.?|last year|prior year|a year ago|previous)\b/i.test(m[2]!)) continue;
      if (/\b(?:compar\w*|versus|vs\.?|against|relative|from|over)\b[^.;]{0,30}$/i.test(t.slice(Math.max(0, m.index - 50), m.index))) continue;
      const q = ORD[m[1]!.toLowerCase()]!;
      out.push({ q, end: { m: month((m[4] ?? m[5])!), d: Number(m[3] ?? m[6]), y: Number(m[7]) }, line: l.n, text: m[0] });
    }
    for (const m of [...t.matchAll(zh)].filter(starts)) {
      out.push({ q: ORD[m[2]!]!, fy: Number(m[1]), end: { m: Number(m[4]), d: Number(m[5]), ...(m[3] ? { y: Number(m[3]) } : {}) }, line: l.n, text: m[0] });
    }
  }
  return out;
}

/** Reads a paired statement as a fiscal calendar; null when its parts do not fit together. */
function readPaired(p: Paired): { quarter: FiscalQuarter; fye: FiscalYearEnd; periodEnd: string; startYear?: true } | null {
  if (p.end.m < 1 || p.end.m > 12) return null;
  // Without the end's year, the fiscal year places it; without either, nothing can be said.
  const years = p.end.y !== undefined ? [p.end.y] : p.fy !== undefined ? [p.fy - 1, p.fy] : [];
  for (const y of years) {
    const me = monthEndOf(y, p.end.m, p.end.d);
    if (!me) return null;
    const ye = yearEndFor(p.q, me.y, me.m);
    if (p.fy !== undefined && ye.fy !== p.fy) continue;
    const endYear = y;
    const stated = iso(endYear, p.end.m, p.end.d);
    return { quarter: { fy: ye.fy, q: p.q }, fye: fyeOfMonth(ye.month), periodEnd: stated };
  }
  // "the third quarter of fiscal 2025 was the thirteen weeks ended November 1, 2025": a company
  // that names its fiscal year by the calendar year it starts in (a January year end's "fiscal
  // 2025" ends in January 2026). The quarter keeps the company's own name; its end is the day stated.
  if (p.end.y !== undefined && p.fy !== undefined) {
    const me = monthEndOf(p.end.y, p.end.m, p.end.d);
    const ye = me ? yearEndFor(p.q, me.y, me.m) : undefined;
    if (ye && ye.fy === p.fy + 1) return { quarter: { fy: p.fy, q: p.q }, fye: fyeOfMonth(ye.month), periodEnd: iso(p.end.y, p.end.m, p.end.d), startYear: true };
  }
  return null;
}

/** Quarter evidence that does not depend on the fiscal year end (fiscal labels, titles). */
function labelEvidence(lines: readonly Line[]): QuarterEvidence[] {
  return quarterEvidence(lines, { month: 12, day: 31 }).filter((e) => e.strength !== 2);
}

/**
 * The quarter the call names itself: a statement in the page's header or title line (`Quarter:
 * Q2 2026`, `Acme (ACME) Q3 2025 Earnings Call`) outranks the body, where other quarters are
 * discussed (guidance for the next one, comparisons with the last); otherwise the strongest
 * kind of statement in the body.
 */
function pickLabel(lines: readonly Line[]): ReturnType<typeof pickQuarter> {
  const all = labelEvidence(lines);
  const head = new Set(
    lines
      .filter((l) => l.text !== '')
      .slice(0, 15)
      .filter((l) => /(earnings|results|conference|call\b|transcript|quarter\s*:|季度\s*[:：]|法說會|法说会|說明會|说明会|业绩|業績|财报|財報|電話會|电话会)/i.test(l.text))
      .map((l) => l.n),
  );
  const inHead = all.filter((e) => head.has(e.line));
  if (inHead.length > 0) {
    const best = pickQuarter(inHead.map((e) => ({ ...e, strength: 1 as const })))!.best;
    const original = inHead.find((e) => e.line === best.line && e.text === best.text)!;
    const rest = pickQuarter(all.filter((e) => !head.has(e.line)));
    const conflicts = rest && quarterId(rest.best.quarter) !== quarterId(best.quarter) ? [rest.best] : [];
    return { best: original, conflicts };
  }
  return pickQuarter(all);
}

/** Stated quarter ends: "quarter ended September 30, 2025", "September quarter 2024", "截至 2025 年 9 月 30 日止三個月". */
function statedEnds(lines: readonly Line[]): Array<{ y: number; m: number; line: number; text: string; day?: string }> {
  const out: Array<{ y: number; m: number; line: number; text: string; day?: string }> = [];
  // ("the thirteen weeks ended January 31, 2026": a 52/53-week quarter's last day, kept as its end;
  // one in the first days of a month closes the month before.)
  const weeks = new RegExp(`\\b(?:1[2-7]|twelve|thirteen|fourteen|sixteen|seventeen)\\s+weeks\\s+end(?:ed|ing)\\s+(?:on\\s+)?${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'gi');
  const re = [
    new RegExp(`\\b(?:quarter|three months|period)\\s+end(?:ed|ing)\\s+(?:on\\s+)?${MONTH_RE}\\s+\\d{1,2},?\\s+(\\d{4})`, 'gi'),
    new RegExp(`\\b(?:quarter|three months)\\s+(?:end(?:ed|ing)|to)\\s+(?:on\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})`, 'gi'),
    new RegExp(`\\b${MONTH_RE}\\s+quarter(?:\\s+of)?,?\\s+(\\d{4})`, 'gi'),
  ];
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    for (const r of re) for (const m of t.matchAll(r)) out.push({ m: month(m[1]!), y: Number(m[2]), line: l.n, text: m[0] });
    for (const m of t.matchAll(weeks)) {
      const [y, mo, d] = [Number(m[3]), month(m[1]!), Number(m[2])];
      const early = d <= 8;
      out.push({ m: early ? (mo === 1 ? 12 : mo - 1) : mo, y: early && mo === 1 ? y - 1 : y, line: l.n, text: m[0], day: iso(y, mo, d) });
    }
    for (const m of t.matchAll(/\b(?:quarter|three months)\s+ended\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/gi)) out.push({ m: Number(m[1]), y: Number(m[3]), line: l.n, text: m[0] });
    // "the Acme September quarter results", "our March quarter report": a quarter named by its last
    // month, as Australian companies name theirs, the call's own when its results are named with
    // it; no year (0): the quarter's label gives it.
    for (const m of t.matchAll(new RegExp(`\\b${MONTH_RE}\\s+quarter\\s+(?:results|report|earnings|update|briefing|call|activities report)\\b`, 'gi'))) out.push({ m: month(m[1]!), y: 0, line: l.n, text: m[0] });
    // "so that's the three months to the thirtieth of september" (spoken dates in digits by then):
    // the quarter's last day without a year, which the quarter's label gives.
    for (const m of t.matchAll(new RegExp(`\\b(?:quarter|three months)\\s+(?:end(?:ed|ing)|to)\\s+(?:on\\s+)?(?:${MONTH_RE}\\s+\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_RE})(?!,?\\s*\\d)`, 'gi'))) out.push({ m: month((m[1] ?? m[2])!), y: 0, line: l.n, text: m[0] });
    for (const m of t.matchAll(/截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*止\s*(?:三个月|三個月|季度)/g)) out.push({ y: Number(m[1]), m: Number(m[2]), line: l.n, text: m[0] });
    for (const m of t.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月份?\s*(?:季度|季)/g)) out.push({ y: Number(m[1]), m: Number(m[2]), line: l.n, text: m[0] });
  }
  return out.filter((e) => e.m >= 1 && e.m <= 12);
}

/**
 * A quarter named with the end of its fiscal year, as Japanese companies write it:
 * `2027年3月期 第1四半期`, `2027年3月期第1四半期決算`, "the first quarter of the fiscal year
 * ending March 31, 2027". The fiscal year is named by the year it ends in.
 */
export function quartersOfYearEnding(lines: readonly Line[]): Array<{ quarter: FiscalQuarter; fye: FiscalYearEnd; line: number; text: string }> {
  const out: Array<{ quarter: FiscalQuarter; fye: FiscalYearEnd; line: number; text: string }> = [];
  const ja = /(\d{4})\s*年\s*(\d{1,2})\s*月期\s*(?:の)?\s*第\s*([1-4一二三四])\s*四半期/g;
  const jaAfter = /第\s*([1-4一二三四])\s*四半期\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月期\s*[）)]/g;
  const yearOf = String.raw`\b(first|second|third|fourth)\s+quarter\s+of\s+(?:the|our|its)?\s*(?:fiscal|financial)\s+year\s+(?:ending|ended|that\s+ends)\s+(?:on\s+)?`;
  const en = new RegExp(`${yearOf}${MONTH_RE}(?:\\s+(\\d{1,2}))?,?\\s+(\\d{4})`, 'gi');
  const enDayFirst = new RegExp(`${yearOf}(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4})`, 'gi');
  const add = (q: number, fy: number, m: number, l: Line, text: string) => {
    if (q >= 1 && q <= 4 && m >= 1 && m <= 12 && fy >= 1990 && fy <= 2100) out.push({ quarter: { fy, q: q as 1 | 2 | 3 | 4 }, fye: fyeOfMonth(m), line: l.n, text });
  };
  const qOf = (x: string) => ORD[x] ?? Number(x);
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    for (const m of t.matchAll(ja)) add(qOf(m[3]!), Number(m[1]), Number(m[2]), l, m[0]);
    for (const m of t.matchAll(jaAfter)) add(qOf(m[1]!), Number(m[2]), Number(m[3]), l, m[0]);
    for (const m of t.matchAll(en)) add(ORD[m[1]!.toLowerCase()]!, Number(m[4]), month(m[2]!), l, m[0]);
    for (const m of t.matchAll(enDayFirst)) add(ORD[m[1]!.toLowerCase()]!, Number(m[4]), month(m[3]!), l, m[0]);
  }
  return out;
}

/** Period ends stated by their weeks: "the 13 weeks to 1 November 2025", "12 weeks ended November 23, 2025". */
function weeksEnds(lines: readonly Line[]): string[] {
  const out: string[] = [];
  const dayFirst = new RegExp(`\\b\\d{1,2}\\s+weeks\\s+(?:to|ended|ending)\\s+(?:[a-z]+day,?\\s+)?(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4})`, 'gi');
  const monthFirst = new RegExp(`\\b\\d{1,2}\\s+weeks\\s+(?:to|ended|ending)\\s+(?:[a-z]+day,?\\s+)?${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'gi');
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    for (const m of t.matchAll(dayFirst)) out.push(iso(Number(m[3]), month(m[2]!), Number(m[1])));
    for (const m of t.matchAll(monthFirst)) out.push(iso(Number(m[3]), month(m[1]!), Number(m[2])));
  }
  return out;
}

/**
 * A sentence that says when the fiscal year ends: "our fiscal year ends on June 30", "the
 * company's fiscal year ended on September 30, 2025", "财年截至每年3月31日". A 52/53-week year
 * ("ends on the last Saturday of …") is not read here; its quarter ends are.
 */
export function statedYearEnd(lines: readonly Line[]): { fye: FiscalYearEnd; line: number; text: string } | undefined {
  // ("financial year" too, and "Fiscal 2026 was a 53-week year ended 31 October 2026".)
  // (And a results statement's "for the year ended 30 June 2025", "for the full year ended …".)
  const YEAR = '(?:(?:fiscal|financial)\\s+year|(?:fiscal|financial)\\s+(?:19|20)\\d\\d\\s+(?:was|is)\\s+an?\\s+5[23]-week\\s+year|\\bfor\\s+the\\s+(?:full\\s+|financial\\s+|fiscal\\s+)?year)';
  const en = new RegExp(`\\b${YEAR}\\s+(?:that\\s+)?(?:ends|ended|ending|closes|closed)\\s+(?:on\\s+)?${MONTH_RE}\\s+(\\d{1,2})\\b`, 'i');
  const enDayFirst = new RegExp(`\\b${YEAR}\\s+(?:that\\s+)?(?:ends|ended|ending|closes|closed)\\s+(?:on\\s+)?(\\d{1,2})\\s+${MONTH_RE}`, 'i');
  const zh = /(?:财年|財年|财政年度|財政年度|会计年度|會計年度)\s*(?:截至|截止|结束于|結束於|于|於)\s*(?:每年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
  // "our financial year runs from 1 July to 30 June".
  const runs = new RegExp(`\\b(?:fiscal|financial)\\s+year\\s+runs\\s+from\\s+(?:\\d{1,2}\\s+${MONTH_RE}|${MONTH_RE}\\s+\\d{1,2})\\s+(?:to|through|until)\\s+(?:(\\d{1,2})\\s+${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2}))`, 'i');
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    const a = en.exec(t);
    const b = a ? null : enDayFirst.exec(t);
    const z = a || b ? null : zh.exec(t);
    const r = a || b || z ? null : runs.exec(t);
    const m = a ? month(a[1]!) : b ? month(b[2]!) : z ? Number(z[1]) : r ? month((r[4] ?? r[5])!) : 0;
    const d = a ? Number(a[2]) : b ? Number(b[1]) : z ? Number(z[2]) : r ? Number(r[3] ?? r[6]) : 0;
    // Only a month's last day: other days belong to 52/53-week years, read from quarter ends.
    if (m >= 1 && m <= 12 && d === lastDay(2001, m)) return { fye: fyeOfMonth(m), line: l.n, text: (a ?? b ?? z ?? r)![0] };
  }
  return undefined;
}

/** A line that names fiscal year `fy` and says it ends in the year after: "Fiscal 2025 (Fiscal Year Ending March 31, 2026)". */
function namedByStartYear(lines: readonly Line[], fy: number): boolean {
  // (Also "Q1 FY2026 (Fiscal Year Ending March 31, 2027)", "FY2026 refers to the fiscal year ending March 31, 2027".)
  const re = new RegExp(`(?:\\b(?:fiscal|financial)\\s+(?:year\\s+)?|\\bfy\\s?)(20\\d\\d)\\b[^.\\n]{0,60}?\\byear\\s+(?:ending|ended|ends)\\s+(?:on\\s+)?${MONTH_RE}\\s+\\d{1,2},?\\s+(20\\d\\d)\\b`, 'i');
  return lines.some((l) => {
    const m = re.exec(l.text);
    return m !== null && Number(m[1]) === fy && Number(m[3]) === fy + 1;
  });
}

/** Fiscal year end that makes a month the end of quarter `q` of fiscal year `fy`, if the naming allows it. */
function fyeIfNamed(q: number, fy: number, y: number, m: number): FiscalYearEnd | null {
  const ye = yearEndFor(q, y, m);
  return ye.fy === fy ? fyeOfMonth(ye.month) : null;
}

/** The fiscal year end the call date points to, for a quarter named `q` of `fy`. */
function fyeFromCallDate(quarter: FiscalQuarter, callDate: string): FiscalYearEnd | null {
  const [cy, cm, cd] = callDate.split('-').map(Number) as [number, number, number];
  const call = Date.UTC(cy, cm - 1, cd);
  const options: Array<{ fye: FiscalYearEnd; lag: number; aligned: boolean }> = [];
  for (let back = 0; back <= 5; back++) {
    const idx = cy * 12 + (cm - 1) - back;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    const lag = (call - Date.UTC(y, m - 1, lastDay(y, m))) / 86_400_000;
    if (lag < 7 || lag > 120) continue;
    const fye = fyeIfNamed(quarter.q, quarter.fy, y, m);
    if (fye) options.push({ fye, lag, aligned: m % 3 === 0 });
  }
  const aligned = options.find((o) => o.aligned && o.lag <= 65);
  return (aligned ?? options.sort((a, b) => a.lag - b.lag)[0])?.fye ?? null;
}

/**
 * The call's quarter and its company's fiscal year end from the text alone. `callDate` (from
 * `headerCallDate`) helps when the text states no quarter end. Undefined when no quarter is
 * stated at all.
 */
const UNITS = Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w]! >= 1 && NUMBER_WORDS[w]! <= 9);
const TEENS = Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w]! >= 10 && NUMBER_WORDS[w]! <= 19);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const SPOKEN_YEAR = new RegExp(String.raw`\b(?:twenty|two\s+thousand(?:\s+and)?)[\s-]+(?:(twenty|thirty)(?:[\s-]+(${UNITS.join('|')}))?|(${TEENS.join('|')}))\b`, 'gi');
const SPOKEN_DAY = new RegExp(String.raw`\b${MONTH_RE}\s+(?:the\s+)?(?:(twenty|thirty)[\s-]+)?(${ORDINALS.join('|')}|twentieth|thirtieth)\b`, 'gi');
/** "fiscal twenty six", "fy twenty five": a fiscal year said in two words. */
const SPOKEN_FISCAL_YEAR = new RegExp(String.raw`\b(fiscal(?:\s+year)?|fy)\s+(twenty|thirty)(?:[\s-]+(${UNITS.join('|')}))?\b`, 'gi');
/** "the thirtieth of september": the day before its month. */
const SPOKEN_DAY_OF = new RegExp(String.raw`\b(?:the\s+)?(?:(twenty|thirty)[\s-]+)?(${ORDINALS.join('|')}|twentieth|thirtieth)\s+of\s+(${MONTH_RE})`, 'gi');

/**
 * A machine transcript's spoken dates in digits, for the calendar only: "fiscal twenty twenty
 * six" and "fiscal twenty six" are fiscal 2026, "november first twenty twenty five" is november 1
 * 2025, "the thirtieth of september" september 30.
 */
export function spokenDates(text: string): string {
  if (!/twenty|thousand|thirty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|teenth|twelfth|tieth/i.test(text)) return text;
  return text
    .replace(SPOKEN_YEAR, (_, tens: string | undefined, unit: string | undefined, teen: string | undefined) => {
      if (teen) return String(2000 + NUMBER_WORDS[teen.toLowerCase()]!);
      return String(2000 + NUMBER_WORDS[tens!.toLowerCase()]! + (unit ? NUMBER_WORDS[unit.toLowerCase()]! : 0));
    })
    .replace(SPOKEN_DAY, (_, month: string, tens: string | undefined, ord: string) => {
      const o = ord.toLowerCase();
      const base = o === 'twentieth' ? 20 : o === 'thirtieth' ? 30 : ORDINALS.indexOf(o) + 1;
      const day = (tens ? (tens.toLowerCase() === 'twenty' ? 20 : 30) : 0) + base;
      return day >= 1 && day <= 31 ? `${month} ${day}` : _;
    })
    .replace(SPOKEN_FISCAL_YEAR, (_, lead: string, tens: string, unit: string | undefined) => `${lead} ${2000 + NUMBER_WORDS[tens.toLowerCase()]! + (unit ? NUMBER_WORDS[unit.toLowerCase()]! : 0)}`)
    .replace(SPOKEN_DAY_OF, (_, tens: string | undefined, ord: string, month: string) => {
      const o = ord.toLowerCase();
      const base = o === 'twentieth' ? 20 : o === 'thirtieth' ? 30 : ORDINALS.indexOf(o) + 1;
      const day = (tens ? (tens.toLowerCase() === 'twenty' ? 20 : 30) : 0) + base;
      return day >= 1 && day <= 31 ? `${month} ${day}` : _;
    });
}

export function readCalendar(lines: readonly Line[], callDate: string | undefined): CalendarReading | undefined {
  lines = lines.map((l) => ({ ...l, text: spokenDates(l.text) }));
  const paired = pairedStatements(lines)
    .map((p) => ({ p, r: readPaired(p) }))
    .filter((x): x is { p: Paired; r: NonNullable<ReturnType<typeof readPaired>> } => x.r !== null);
  const labels = pickLabel(lines);
  if (paired.length > 0) {
    // The statement agreeing with the named quarter, else the first one.
    const id = labels ? quarterId(labels.best.quarter) : undefined;
    const found = paired.find((x) => quarterId(x.r.quarter) === id) ?? paired[0]!;
    // The call names the quarter's fiscal year one earlier than the year it ends in ("third quarter
    // fiscal 2025" and "the third quarter, which ended November 1, 2025", a January year end): the
    // company names its years by the year they start in, and its own name is kept.
    const named = labels?.best.quarter;
    const startYear = found.r.startYear || (named !== undefined && named.q === found.r.quarter.q && named.fy === found.r.quarter.fy - 1);
    const chosen = startYear && !found.r.startYear ? { ...found, r: { ...found.r, quarter: named! } } : found;
    const monthEnd = chosen.r.periodEnd.endsWith(`-${String(lastDay(+chosen.r.periodEnd.slice(0, 4), +chosen.r.periodEnd.slice(5, 7))).padStart(2, '0')}`);
    const conflicts = labels && quarterId(labels.best.quarter) !== quarterId(chosen.r.quarter) ? [labels.best] : [];
    return {
      quarter: chosen.r.quarter,
      fye: chosen.r.fye,
      fyeStrength: 1,
      ...(monthEnd && !startYear ? {} : { periodEnd: chosen.r.periodEnd }),
      fyeLine: chosen.p.line,
      fyeText: chosen.p.text,
      best: { quarter: chosen.r.quarter, strength: 1, line: chosen.p.line, text: chosen.p.text },
      conflicts,
    };
  }
  // "第1四半期 (2027年3月期)", "first quarter of the fiscal year ending March 31, 2027": the
  // quarter named with the end of its fiscal year.
  const ofYear = quartersOfYearEnding(lines);
  if (ofYear.length > 0) {
    const id = labels ? quarterId(labels.best.quarter) : undefined;
    const chosen = ofYear.find((x) => quarterId(x.quarter) === id) ?? ofYear[0]!;
    const conflicts = labels && quarterId(labels.best.quarter) !== quarterId(chosen.quarter) ? [labels.best] : [];
    // A 52/53-week quarter stated by its weeks ("the 13 weeks to 1 November 2025") keeps that day.
    const monthEnd = periodEndOf(chosen.quarter, chosen.fye);
    const weeks = weeksEnds(lines).find((w) => Math.abs(Date.parse(`${w}T00:00:00Z`) - Date.parse(`${monthEnd}T00:00:00Z`)) <= 7 * 86_400_000 && w !== monthEnd);
    return { quarter: chosen.quarter, fye: chosen.fye, fyeStrength: 1, ...(weeks ? { periodEnd: weeks } : {}), fyeLine: chosen.line, fyeText: chosen.text, best: { quarter: chosen.quarter, strength: 1, line: chosen.line, text: chosen.text }, conflicts };
  }
  const ends = statedEnds(lines);
  if (labels) {
    const q = labels.best.quarter;
    const yearEnd = statedYearEnd(lines);
    if (yearEnd) {
      // "the Second Quarter of Fiscal 2025 (Fiscal Year Ending March 31, 2026)": the company names
      // its years by the year they start in; its name is kept, and the quarter ends a year later
      // than the name says.
      const later = namedByStartYear(lines, q.fy) ? { periodEnd: periodEndOf({ fy: q.fy + 1, q: q.q }, yearEnd.fye) } : {};
      return { quarter: q, fye: yearEnd.fye, fyeStrength: 2, ...later, fyeLine: yearEnd.line, fyeText: yearEnd.text, best: labels.best, conflicts: labels.conflicts };
    }
    for (const e of ends.flatMap((x) => (x.y === 0 ? [{ ...x, y: q.fy - 1 }, { ...x, y: q.fy }] : [x]))) {
      const fye = fyeIfNamed(q.q, q.fy, e.y, e.m);
      if (fye) return { quarter: q, fye, fyeStrength: 2, ...(e.day && e.day !== periodEndOf(q, fye) ? { periodEnd: e.day } : {}), fyeLine: e.line, fyeText: e.text, best: labels.best, conflicts: labels.conflicts };
    }
    const fromDate = callDate ? fyeFromCallDate(q, callDate) : null;
    if (fromDate) return { quarter: q, fye: fromDate, fyeStrength: 3, best: labels.best, conflicts: labels.conflicts };
    return { quarter: q, fye: { month: 12, day: 31 }, fyeStrength: 4, best: labels.best, conflicts: labels.conflicts };
  }
  // Only a quarter end: a calendar fiscal year is the only reading that needs no guess at the name.
  const first = ends.find((e) => e.m % 3 === 0 && e.y > 0);
  if (first) {
    const fye = { month: 12, day: 31 };
    return { quarter: { fy: first.y, q: (first.m / 3) as 1 | 2 | 3 | 4 }, fye, fyeStrength: 4, best: { quarter: { fy: first.y, q: (first.m / 3) as 1 | 2 | 3 | 4 }, strength: 2, line: first.line, text: first.text }, conflicts: [] };
  }
  return undefined;
}

/**
 * The call date from the page's header (`October 30, 2025 5:00 PM EDT`, `Nov. 5, 2025 at 5 p.m.
 * ET`, `Wednesday, June 4, 2025`, `2024 年 11 月 15 日（星期五）`), or a Chinese date with its
 * weekday anywhere (a page footer). Dates in scraper metadata (`Scraped: 2026-…`) are not the call's.
 */
const NOT_AFTER_END = '(?<!\\b(?:end(?:ed|ing|s)?|close[sd]?|closing|through|as of)\\s+(?:on\\s+)?)';

export function headerCallDate(lines: readonly Line[]): { date: string; line: number } | undefined {
  const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1990 && y <= 2100;
  const head = lines.filter((l) => l.text !== '').slice(0, 15);
  for (const l of head) {
    // "Earnings CallNov 20, 2024": scraped titles lose the space before the date.
    const t = l.text.normalize('NFKC').replace(/^\[\s*\d+\]\s*\[[^\]]+\]\s*/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
    if (/^(scraped|translated|retrieved|downloaded|url|source)\s*:/i.test(t)) continue;
    // A date that ends a period ("the period ending December 31, 2025") is not the call's.
    const a = new RegExp(`${NOT_AFTER_END}\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s*(\\d{4})\\b`, 'i').exec(t);
    if (a && valid(+a[3]!, month(a[1]!), +a[2]!)) return { date: iso(+a[3]!, month(a[1]!), +a[2]!), line: l.n };
    const b = new RegExp(`${NOT_AFTER_END}\\b(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i').exec(t);
    if (b && valid(+b[3]!, month(b[2]!), +b[1]!)) return { date: iso(+b[3]!, month(b[2]!), +b[1]!), line: l.n };
    // "Date 日期: 2025-12-02 (Tuesday)": an ISO date in a field that says it is the date.
    const c = /^(?:\S+\s+)?(?:date|call date|日期|会议日期|會議日期)[^:：]{0,12}[:：]\s*(\d{4})-(\d{2})-(\d{2})\b/i.exec(t);
    if (c && valid(+c[1]!, +c[2]!, +c[3]!)) return { date: iso(+c[1]!, +c[2]!, +c[3]!), line: l.n };
  }
  for (const l of lines) {
    const t = l.text.normalize('NFKC');
    const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[（(]?\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]/.exec(t);
    if (m && valid(+m[1]!, +m[2]!, +m[3]!)) return { date: iso(+m[1]!, +m[2]!, +m[3]!), line: l.n };
  }
  return undefined;
}
