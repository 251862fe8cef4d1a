/**
 * Scores exported figures against a hand-written key (format: tests/eval/README.md): how many of
 * the key's facts were found, and how many exported figures are wrong (a value no fact has, a
 * forbidden value, a wrong quarter, a wrong company). Pure: keys and records in, a score out.
 */
import { z } from 'astro/zod';
import { figureRecords, type FigureRecord } from '../../src/lib/export.ts';
import { companySchema, type Company } from '../../src/lib/schema.ts';
import { convertAll, type Catalog } from './pipeline.ts';
import { pinyinId } from './identify.ts';

const value = z.union([z.number(), z.tuple([z.number(), z.string()])]);
const values = z.union([value, z.array(value).min(1)]);

/** One key file (`NAME.key.json`). */
export const keySchema = z.object({
  about: z.string().optional(),
  /** Any of these starts a word of the company id the converter makes. */
  company: z.array(z.string().min(1)).min(1),
  company_name: z.string().optional(),
  quarter: z.string().regex(/^FY\d{4}Q[1-4]$/),
  period_end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fiscal_year_end: z.string().regex(/^\d{2}-\d{2}$/).optional(),
  call_date: z.string().nullable().optional(),
  currency: z.string(),
  layout: z.string().optional(),
  facts: z.array(z.tuple([z.string(), z.string(), values, z.string(), z.string()])),
  forbidden: z.array(z.tuple([z.string(), z.string(), values, z.string(), z.string()])),
  guidance: z.array(z.array(z.unknown())).default([]),
});
export type Key = z.infer<typeof keySchema>;

/** `Productivity & Business Processes` -> `productivity-and-business-processes`. */
export function segmentSlug(name: string): string {
  // A segment named only in Chinese has the pinyin id the converter gives it (`输配电设备` -> `shupeidianshebei`).
  // ("出行业务" and "出行" are one: the word for a business is not part of its name.)
  if (/^[\p{Script=Han}\s]+$/u.test(name)) return pinyinId(name.replace(/\s+/g, '').replace(/(?:业务|業務|板块|板塊|分部)$/u, '')) ?? '';
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A key value in the export's plain units: `[234.2, 'CNY_bn']` -> 234200000000 CNY. */
export function plainValue(v: number, unit: string): { value: number; unit: string } {
  const money = /^([A-Z]{3})_(bn|m)$/.exec(unit);
  if (money) return { value: v * (money[2] === 'bn' ? 1e9 : 1e6), unit: money[1]! };
  if (unit === 'pct') return { value: v, unit: '%' };
  if (unit === 'million') return { value: v * 1e6, unit: 'count' };
  if (unit === 'count') return { value: v, unit: 'count' };
  return { value: v, unit };
}

/** Every alternative of a key entry's value, in plain units. */
export function alternatives(v: z.infer<typeof values>, unit: string): Array<{ value: number; unit: string }> {
  const list = Array.isArray(v) && !(v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') ? v : [v];
  return (list as Array<z.infer<typeof value>>).map((x) => (typeof x === 'number' ? plainValue(x, unit) : plainValue(x[0], x[1])));
}

/** Within 0.6% of the key's value (and exactly 0 for 0), in the same unit. */
export function close(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  return a.unit === b.unit && Math.abs(a.value - b.value) <= Math.abs(b.value) * 0.006 + 1e-9;
}

/** The metric id a key uses for an exported record: growth rates carry `_yoy_pct` in the id already. */
export function keyMetric(r: Pick<FigureRecord, 'metric' | 'basis'>): string | undefined {
  if (r.basis === 'qoq') return undefined;
  return r.metric;
}

export function companyMatches(key: Pick<Key, 'company'>, id: string): boolean {
  // A name in Chinese script stands for the id the converter gives a company named only in
  // Chinese: the pinyin of its name (`潮汐出行` -> `chaoxichuxing`).
  const prefixes = key.company.map((p) => (/\p{Script=Han}/u.test(p) ? (pinyinId(p) ?? p) : p.toLowerCase()));
  return prefixes.some((p) => `-${id}`.includes(`-${p}`));
}

export interface Wrong {
  readonly record: Pick<FigureRecord, 'segment' | 'metric' | 'value' | 'unit' | 'quote' | 'quarter' | 'company' | 'period'>;
  readonly why: string;
}

export interface Score {
  readonly facts: number;
  readonly found: number;
  readonly missed: ReadonlyArray<Key['facts'][number]>;
  readonly wrong: readonly Wrong[];
  /** Exported figures the key says nothing about (neither right nor wrong). */
  readonly other: number;
}

/**
 * Scores the records of one call (all records of the file's conversion) against its key.
 * `segmentIds` maps an exported segment id to the slugs it answers to (its id and names).
 */
export function scoreCall(key: Key, records: readonly FigureRecord[], segmentNames: (id: string) => readonly string[] = (id) => [id]): Score {
  const wrong: Wrong[] = [];
  const found = new Set<number>();
  let other = 0;
  const at = (r: FigureRecord, seg: string, metric: string) => keyMetric(r) === metric && (seg === 'group' ? r.segment === 'group' : segmentNames(r.segment).includes(segmentSlug(seg)));
  for (const r of records) {
    if (!companyMatches(key, r.company)) {
      wrong.push({ record: r, why: `filed under company "${r.company}", which is not ${key.company.join(' / ')}` });
      continue;
    }
    if (r.quarter !== key.quarter) {
      wrong.push({ record: r, why: `filed under ${r.quarter}; the call is ${key.quarter}` });
      continue;
    }
    // A figure the site labels as the fiscal year's ("Revenue · FY2025") is not a claim about the
    // quarter the key describes; keys list the quarter's figures only.
    if (r.period !== undefined && r.period !== r.quarter) {
      other++;
      continue;
    }
    if (keyMetric(r) === undefined) continue;
    const mine = { value: r.value, unit: r.unit };
    const forbidden = key.forbidden.find(([seg, metric, v, unit]) => at(r, seg, metric) && alternatives(v, unit).some((a) => close(mine, a)));
    const facts = key.facts.map((f, i) => [f, i] as const).filter(([[seg, metric]]) => at(r, seg, metric));
    const match = facts.find(([[, , v, unit]]) => alternatives(v, unit).some((a) => close(mine, a)));
    if (match) {
      found.add(match[1]);
      continue;
    }
    // A figure of another entity filed here: the group's value under a segment, or a segment's under another.
    const elsewhere = facts.length === 0 ? key.facts.find(([seg, metric, v, unit]) => keyMetric(r) === metric && !at(r, seg, metric) && alternatives(v, unit).some((a) => close(mine, a))) : undefined;
    if (forbidden) wrong.push({ record: r, why: `forbidden: ${forbidden[4]}` });
    else if (facts.length > 0) wrong.push({ record: r, why: `the key has ${facts.map(([f]) => `${f[2]} ${f[3]}`).join(' or ')}` });
    else if (elsewhere) wrong.push({ record: r, why: `filed under ${r.segment ?? 'no segment'}; the key gives this value to ${elsewhere[0]}` });
    else other++;
  }
  return { facts: key.facts.length, found: found.size, missed: key.facts.filter((_, i) => !found.has(i)), wrong, other };
}

type GuidanceRecord = { segment: string | null; metric: string; low?: number | undefined; high?: number | undefined; unit?: string | undefined; approx?: string | undefined; period?: string | undefined; quote?: { text: string } | undefined };

/**
 * Guidance of a key found among exported guidance records: same metric, entity and period, both
 * bounds within 0.6%. An exported record about a metric, entity and period the key has guidance
 * for, that matches none of the key's ranges there, is wrong (a superseded range, a misread bound),
 * and so is one that has a key entry's metric and bounds under another period or entity.
 */
export function scoreGuidance(key: Key, records: ReadonlyArray<GuidanceRecord>, segmentNames: (id: string) => readonly string[] = (id) => [id]): { total: number; found: number; missed: unknown[][]; wrong: GuidanceRecord[] } {
  let found = 0;
  const missed: unknown[][] = [];
  const entries = key.guidance.map((g) => {
    // (A bound may be null: a forecast open on that side, "more than 25%".)
    const [about, seg, metric, low, high, unit] = g as [string, string, string, number | null, number | null, string];
    return { g, about, seg, metric, lo: low === null ? null : plainValue(low, unit), hi: high === null ? null : plainValue(high, unit) };
  });
  const bound = (r: number | undefined, unit: string | undefined, e: { value: number; unit: string } | null) => (e === null ? r === undefined || r === null : r !== undefined && r !== null && close({ value: r, unit: unit ?? '' }, e));
  const sameSubject = (r: GuidanceRecord, e: (typeof entries)[number]) =>
    r.metric === e.metric && r.period === e.about && (e.seg === 'group' ? r.segment === 'group' : r.segment !== null && segmentNames(r.segment).includes(segmentSlug(e.seg)));
  // (A key that writes "more than 25%" as a point, 25 to 25, as keys written before open bounds
  // did, is matched by a record open on that side.)
  const pointAsBound = (r: GuidanceRecord, e: (typeof entries)[number]) =>
    e.lo !== null && e.hi !== null && e.lo.value === e.hi.value && ((r.approx === 'more-than' && r.high === undefined && bound(r.low, r.unit, e.lo)) || (r.approx === 'less-than' && r.low === undefined && bound(r.high, r.unit, e.hi)));
  const matches = (r: GuidanceRecord, e: (typeof entries)[number]) => sameSubject(r, e) && ((bound(r.low, r.unit, e.lo) && bound(r.high, r.unit, e.hi)) || pointAsBound(r, e));
  for (const e of entries) {
    if (records.some((r) => matches(r, e))) found++;
    else missed.push(e.g);
  }
  // (So is a record with a key entry's metric and bounds filed under another period or entity:
  // "FY2026 EPS of $3.85 to $4.05" when the call guides fiscal 2027, the group's operating
  // profit forecast under a segment. One whose period or entity the reader left open is not.)
  const elsewhere = (r: GuidanceRecord, e: (typeof entries)[number]) =>
    r.metric === e.metric && r.period !== undefined && r.segment !== null && !sameSubject(r, e) && ((bound(r.low, r.unit, e.lo) && bound(r.high, r.unit, e.hi)) || pointAsBound(r, e));
  const wrong = records.filter((r) => !entries.some((e) => matches(r, e)) && entries.some((e) => sameSubject(r, e) || elsewhere(r, e)));
  return { total: key.guidance.length, found, missed, wrong };
}

/** `12/14 found (86%), 0 wrong` */
export function scoreLine(s: Pick<Score, 'facts' | 'found' | 'wrong'>): string {
  const pct = s.facts ? Math.round((s.found / s.facts) * 1000) / 10 : 100;
  return `${s.found}/${s.facts} found (${pct}%), ${s.wrong.length} wrong`;
}

/** The fiscal year end implied by a quarter and its last day (FY2026Q2 ending 2025-09-30 -> 03-31). */
function fiscalYearEndOf(key: Key): string {
  const q = Number(key.quarter.slice(-1));
  const month = ((Number(key.period_end.slice(5, 7)) + 3 * (4 - q) - 1) % 12) + 1;
  const last = new Date(Date.UTC(2001, month, 0)).getUTCDate();
  return `${String(month).padStart(2, '0')}-${last}`;
}

/** A profile with only the key's company identity, for scoring the reading of an unknown company. */
export function standIn(key: Key): Company {
  const id = key.company.find((c) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c)) ?? 'company';
  const name = key.company_name ?? id;
  // (A 52/53-week year ends near a month end, "01-30"; a profile names the month's last day.)
  const stated = key.fiscal_year_end ?? fiscalYearEndOf(key);
  const month = Number(stated.slice(0, 2));
  const fye = month >= 1 && month <= 12 ? `${stated.slice(0, 2)}-${new Date(Date.UTC(2001, month, 0)).getUTCDate()}` : stated;
  return companySchema.parse({ id, names: { en: name }, aliases: [name], fiscal_year_end: fye, segments: [{ id: 'group', names: { en: 'Group' } }] });
}

export interface FileResult {
  readonly file: string;
  readonly mode: 'detected' | 'stand-in' | 'failed';
  readonly error?: string;
  readonly score: Score;
  /** The quarter's last day the call was filed with, when it is not the key's (a wrong date on every page of the call). */
  readonly wrongEnd?: { said: string; key: string };
  /** Guidance of the key found among the exported guidance records. */
  readonly guidance: { total: number; found: number; missed?: unknown[][]; wrong?: ReadonlyArray<{ metric: string; segment: string | null; period?: string | undefined; low?: number | undefined; high?: number | undefined; quote?: { text: string } | undefined }> };
}

/** Converts one transcript alone and scores it; a stand-in profile when the company is not detected. */
export function evaluateFile(txt: string, bytes: Uint8Array, key: Key, catalog: Catalog): FileResult {
  const input = { path: txt, bytes };
  const run = (cat: Catalog) => convertAll([input], cat);
  let mode: FileResult['mode'] = 'detected';
  let result = run(catalog);
  if (result.errors.some((e) => /which company/.test(e.message))) {
    mode = 'stand-in';
    result = run({ ...catalog, companies: [standIn(key)] });
  }
  if (result.errors.length > 0) {
    return { file: txt, mode: 'failed', error: result.errors[0]!.message, score: scoreCall(key, []), guidance: { total: key.guidance.length, found: 0 } };
  }
  const segmentNames = new Map<string, string[]>();
  for (const call of result.calls) {
    const company = catalog.companies.find((c) => c.id === call.company) ?? standIn(key);
    for (const s of company.segments) segmentNames.set(s.id, [s.id, ...[s.names.en, ...s.aliases].map(segmentSlug)]);
  }
  const names = (id: string) => segmentNames.get(id) ?? [id];
  const guidance = scoreGuidance(key, result.calls.flatMap((c) => c.guidance), names);
  const ends = result.calls.filter((c) => c.quarter === key.quarter).map((c) => c.period_end);
  const wrongEnd = ends.find((e) => e !== key.period_end);
  return { file: txt, mode, score: scoreCall(key, figureRecords(result.calls), names), guidance, ...(wrongEnd ? { wrongEnd: { said: wrongEnd, key: key.period_end } } : {}) };
}

