/**
 * The converter as pure functions: transcript bytes and company profiles in, validated calls
 * and the text of the files to write out. No file system access here (see `scripts/convert.ts`).
 */
import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { callSchema, textLang, type Call, type Company, type Metric, type Reading, type Source, type Speaker, type Topic } from '../../src/lib/schema.ts';
import { isRealDate, parseQuarterId, periodEnd, quarterEndingIn, quarterId, quarterSlug, compareQuarters, type FiscalQuarter } from '../../src/lib/quarters.ts';
import { detectCallDate, detectLayout, fiscalYearEnd, pickQuarter, quarterEvidence } from './detect.ts';
import { headerCallDate, pairedStatements, readCalendar, type CalendarReading } from './calendar.ts';
import { identifyCompany, shortName, type CompanyCandidate } from './identify.ts';
import { misheardMetrics, segmentsFromText, shortNameInUse } from './segments-from-text.ts';
import { parseFiscalYearEnd, type FiscalYearEnd } from '../../src/lib/quarters.ts';
import { ConvertError, type Warning } from './errors.ts';
import { sidecarKeyLine, yearOutOfRange } from './guards.ts';
import { renderCallMdx } from './mdx.ts';
import { omittedRanges, type RawSource } from './raw.ts';
import { stripPageFurniture } from './pages.ts';
import { personMatcher, structure } from './structure.ts';
import { figureReader } from './figures/extract.ts';
import { mergeFigures } from './figures/merge.ts';
import { outlook, qaDigest, segmentHighlights, topicMentions } from './summary.ts';
import { chineseScript, decodeTranscript, splitLines, type Line } from './text.ts';

/** Optional metadata beside a transcript (`x.meta.yaml` next to `x.txt`), for when detection cannot tell. */
export const sidecarSchema = z
  .object({
    /** Company id: a profile in `content/companies/`, or the id to give a company read from the text. */
    company: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase ASCII words joined by hyphens, e.g. acme').optional(),
    /** The company's English name, when the text does not give it. */
    company_name: z.string().min(1).optional(),
    /** Last day of the company's fiscal year as `MM-DD`, when there is no profile. */
    fiscal_year_end: z.string().refine((s) => parseFiscalYearEnd(s) !== null, 'a month end as MM-DD, e.g. 03-31').optional(),
    /** Fiscal quarter, `FY2025Q2`. */
    quarter: z.string().refine((s) => parseQuarterId(s) !== null, 'not a fiscal quarter such as FY2025Q2 with a year in 1900–2200').optional(),
    /** Language of the transcript's original text. */
    language: textLang.optional(),
    /** Date of the call, `YYYY-MM-DD`. */
    call_date: z.string().refine(isRealDate, 'not a real date as YYYY-MM-DD with a year in 1900–2200').optional(),
  })
  .strict();
export type Sidecar = z.infer<typeof sidecarSchema>;

/** What the converter knows besides the transcripts: company profiles, metrics, topics. */
export interface Catalog {
  readonly companies: readonly Company[];
  readonly metrics: readonly Metric[];
  readonly topics: readonly Topic[];
  /** The reader's vocabulary (`content/reading.yaml`). */
  readonly reading: Reading;
}

export interface InputFile {
  /** Path relative to the project, `seeds/x.txt`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sidecar?: { readonly path: string; readonly text: string };
}

export interface ParsedFile {
  readonly path: string;
  readonly sha256: string;
  readonly company: Company;
  readonly quarter: FiscalQuarter;
  readonly callDate?: string;
  /** The quarter's last day when the text states one that is not a month end. */
  readonly periodEnd?: string;
  /** How the fiscal year end of a company read from the text was found (see `CalendarReading`); absent with a profile. */
  readonly fyeStrength?: 1 | 2 | 3 | 4;
  readonly raw: RawSource;
}

export interface OutputFile {
  /** Path relative to `content/calls/`. */
  readonly path: string;
  readonly content: string;
}

export interface ConvertResult {
  readonly calls: Call[];
  readonly files: OutputFile[];
  readonly errors: ConvertError[];
  readonly warnings: Warning[];
  /** How much work was done and how much came from the cache. */
  readonly stats: { parsed: number; parsedCached: number; built: number; builtCached: number };
}

/**
 * A store for results that depend only on their inputs, so an unchanged transcript is not
 * converted again. Keys already include a version of the converter and its catalog.
 */
export interface ConvertCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface ConvertOptions {
  readonly cache?: ConvertCache;
  /** Identifies the converter's code and catalog; a change invalidates every cached result. */
  readonly version?: string;
  /**
   * Convert every transcript that can be converted even when others fail: their calls are
   * returned (and written) beside the errors. By default any error means no output at all.
   */
  readonly keepGoing?: boolean;
  /** Called as work progresses: which phase, how many done, how many in all. */
  readonly onProgress?: (phase: 'parse' | 'build', done: number, total: number) => void;
}

const sha = (...parts: Array<string | Uint8Array>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
};

interface CachedParse {
  readonly company: string;
  readonly inferred?: Company;
  readonly periodEnd?: string;
  readonly fyeStrength?: 1 | 2 | 3 | 4;
  readonly quarter: FiscalQuarter;
  readonly callDate?: string;
  readonly raw: RawSource;
  readonly warnings: Warning[];
}

export function readSidecar(input: Pick<InputFile, 'sidecar'>): Sidecar {
  if (!input.sidecar) return {};
  let data: unknown;
  try {
    // The core schema keeps `call_date: 2025-02-20` a string rather than a Date.
    data = yaml.load(input.sidecar.text, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    throw new ConvertError(input.sidecar.path, `the metadata file is not valid YAML: ${(e as Error).message.split('\n')[0]}`, {
      ...(mark?.line !== undefined ? { line: mark.line + 1 } : {}),
    });
  }
  const parsed = sidecarSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const line = sidecarKeyLine(input.sidecar.text, issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0]);
    throw new ConvertError(input.sidecar.path, `${issue.path.join('.') || 'metadata'}: ${issue.message}`, {
      ...(line ? { line } : {}),
      hint: 'allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)',
    });
  }
  return parsed.data;
}

/** What a call is, read from its text (or its sidecar): company, quarter, quarter end, date. */
export interface CallFacts {
  readonly company: Company;
  readonly quarter: FiscalQuarter;
  /** The quarter's last day, `YYYY-MM-DD`. */
  readonly periodEnd: string;
  readonly callDate?: string;
  /** Set when the text states a last day that is not a month end (52/53-week years). */
  readonly statedEnd?: string;
  readonly fyeStrength?: 1 | 2 | 3 | 4;
}

/** The company, quarter and date of a call, before its layout is read. */
export function readCallFacts(lines: readonly Line[], path: string, sidecar: Sidecar, companies: readonly Company[], warnings: Warning[]): CallFacts {
  const input = { path };
  const side = sidecarPath(path);
  let company: Company;
  let candidate: CompanyCandidate | undefined;
  if (sidecar.company) {
    const profile = companies.find((c) => c.id === sidecar.company);
    if (profile) company = profile;
    else {
      try {
        candidate = identifyCompany(lines, input.path, [], side);
      } catch {
        candidate = undefined;
      }
      company = inferredCompany(sidecar.company, candidate, { month: 12, day: 31 }, sidecar.company_name);
    }
  } else {
    const found = identifyCompany(lines, input.path, companies, side);
    candidate = found;
    company = found.profile ?? inferredCompany(found.id, found, { month: 12, day: 31 }, sidecar.company_name);
  }

  const header = headerCallDate(lines);
  let quarter: FiscalQuarter;
  let statedEnd: string | undefined;
  let fyeStrength: CalendarReading['fyeStrength'] | undefined;
  if (company.origin === 'profile') {
    const fye = fiscalYearEnd(company);
    quarter = sidecar.quarter ? parseQuarterId(sidecar.quarter)! : quarterFromProfile(lines, fye, input.path, warnings);
    // The text may state the fiscal calendar too; a profile wins, but a disagreement is worth a look.
    for (const p of pairedStatements(lines).slice(0, 1)) {
      const fyeMonth = ((p.end.m - 1 + 3 * (4 - p.q) + (p.end.d <= 8 ? -1 : 0) + 12) % 12) + 1;
      if (fyeMonth !== fye.month) {
        warnings.push({ file: input.path, line: p.line, message: `"${p.text}" implies a fiscal year ending in month ${fyeMonth}, but the profile of ${company.id} says ${company.fiscal_year_end}; using the profile` });
      }
    }
  } else {
    const sideFye = sidecar.fiscal_year_end ? parseFiscalYearEnd(sidecar.fiscal_year_end)! : undefined;
    const reading = readCalendar(lines, header?.date);
    const badYear = yearOutOfRange(lines);
    if (badYear) warnings.push({ file: input.path, line: badYear.line, message: `"${badYear.text}" states the year ${badYear.year}, outside 1900–2200; ignored` });
    if (sidecar.quarter) quarter = parseQuarterId(sidecar.quarter)!;
    else if (reading) quarter = reading.quarter;
    else if (badYear) {
      throw new ConvertError(input.path, `"${badYear.text}" states the year ${badYear.year}; the converter handles years 1900–2200`, {
        line: badYear.line,
        hint: `correct the year, or write ${side} with "quarter: FY2025Q2" (the fiscal quarter)`,
      });
    } else {
      throw noQuarter(input.path, lines, side);
    }
    const fye = sideFye ?? reading?.fye ?? { month: 12, day: 31 };
    fyeStrength = sideFye ? 1 : (reading?.fyeStrength ?? 4);
    if (!sideFye && reading?.periodEnd && (!sidecar.quarter || quarterId(quarter) === quarterId(reading.quarter))) statedEnd = reading.periodEnd;
    for (const c of reading?.conflicts ?? []) {
      warnings.push({ file: input.path, line: c.line, message: `"${c.text}" reads as ${quarterId(c.quarter)}, but ${reading!.best ? `line ${reading!.best.line} ("${reading!.best.text}")` : 'the text'} says ${quarterId(quarter)}; using ${quarterId(quarter)}` });
    }
    if (!sideFye && fyeStrength >= 3) {
      warnings.push({
        file: input.path,
        message: `the text does not say when ${company.names.en}'s fiscal year ends; ${fyeStrength === 3 ? 'judging by the call date' : 'assuming'} it ends on ${fyeLabel(fye)} (write "fiscal_year_end: MM-DD" in ${side} if that is wrong)`,
      });
    }
    company = { ...company, fiscal_year_end: fyeLabel(fye) };
  }
  const end = statedEnd ?? periodEnd(quarter, fiscalYearEnd(company));
  const fromHeader = header && plausibleCallDate(header.date, end) ? header : undefined;
  const date = sidecar.call_date ? { date: sidecar.call_date } : (fromHeader ?? detectCallDate(lines, end));
  return {
    company,
    quarter,
    periodEnd: end,
    ...(date ? { callDate: date.date } : {}),
    ...(statedEnd ? { statedEnd } : {}),
    ...(fyeStrength ? { fyeStrength } : {}),
  };
}

/** Reads one transcript into its layout's raw form plus company, quarter and date. */
/** A cover line that says the call reports a half year: "Interim Results for the 26 weeks to 27 September 2025". */
const HALF_YEAR = /\b(?:interim results|half[- ]year(?:ly)? results|first[- ]half results|h1 results|(?:26|27) weeks (?:to|ended)|six months (?:to|ended))\b|中期业绩|中期業績|半年度业绩|半年度業績/i;

/** The error for a call whose quarter the text does not state; a half-year call is named as such. */
function noQuarter(file: string, lines: readonly Line[], side: string): ConvertError {
  const half = lines.slice(0, 40).find((l) => HALF_YEAR.test(l.text));
  if (half) {
    return new ConvertError(file, `the call reports a half year ("${half.text.slice(0, 80)}"), and the converter reads quarterly calls: its figures are the half's, not a quarter's`, {
      line: half.n,
      hint: `to publish it anyway, write ${side} with "quarter: FY2026Q2" (the quarter that ends the half); figures stated for the half are then left out as not the quarter's`,
    });
  }
  return new ConvertError(file, 'cannot tell which quarter the call covers: no fiscal quarter or quarter end is stated', {
    hint: `write ${side} with "quarter: FY2025Q2" (the fiscal quarter)`,
  });
}

export function parseFile(input: InputFile, companies: readonly Company[], warnings: Warning[]): ParsedFile {
  const decoded = decodeTranscript(input.bytes, input.path);
  if (decoded.converted) warnings.push({ file: input.path, message: `not UTF-8; read as ${decoded.converted.toUpperCase()} (save it as UTF-8 to silence this)` });
  const sidecar = readSidecar(input);
  const lines = splitLines(decoded.text);
  // Layouts read the call without the running headers and footers of a PDF export; the
  // company, quarter and date are read from every line (a running header often states them).
  const pages = stripPageFurniture(lines);
  const layout = detectLayout(pages.lines);
  if (!layout) {
    throw new ConvertError(input.path, 'the layout is not one the converter knows, so no speaker turns could be found', {
      hint: 'see seeds/README.md for the layouts that are recognised',
    });
  }
  const facts = readCallFacts(lines, input.path, sidecar, companies, warnings);
  const isKnown = personMatcher(facts.company);
  let raw = layout.parse(pages.lines, { file: input.path, isKnownPerson: (n) => isKnown(n) !== undefined });
  if (pages.removed.length > 0) {
    const furniture = omittedRanges(pages.removed.map((n) => ({ n, reason: 'page-footer' as const })));
    raw = { ...raw, omitted: [...raw.omitted, ...furniture].sort((a, b) => a.from - b.from) };
  }
  if (sidecar.language) raw = { ...raw, layers: raw.layers.map((l, i) => (i === 0 ? { ...l, lang: sidecar.language! } : l)) };
  // Without a profile, the business units the call presents as segments are the company's.
  const company =
    facts.company.origin === 'text'
      ? {
          ...facts.company,
          aliases: [...facts.company.aliases, ...shortNameInUse(raw, facts.company.names.en, facts.company.aliases)],
          segments: mergeSegments(facts.company.segments, segmentsFromText(raw)),
          metric_aliases: { ...misheardMetrics(raw), ...facts.company.metric_aliases },
        }
      : facts.company;
  return {
    path: input.path,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    company,
    quarter: facts.quarter,
    ...(facts.callDate ? { callDate: facts.callDate } : {}),
    ...(facts.statedEnd ? { periodEnd: facts.statedEnd } : {}),
    ...(facts.fyeStrength ? { fyeStrength: facts.fyeStrength } : {}),
    raw,
  };
}

/** The quarter of a call of a company with a profile: the strongest statement, with conflicts as warnings. */
function quarterFromProfile(lines: readonly Line[], fye: FiscalYearEnd, file: string, warnings: Warning[]): FiscalQuarter {
  const picked = pickQuarter(quarterEvidence(lines, fye));
  // Else the quarter's end as the text states it in any other way ("截至2025年6月30日止第二季度"),
  // placed in the profile's fiscal calendar.
  if (!picked) {
    const reading = readCalendar(lines, undefined);
    const end = reading ? (reading.periodEnd ?? periodEnd(reading.quarter, reading.fye)) : undefined;
    if (end) {
      const [y, m, d] = end.split('-').map(Number) as [number, number, number];
      // (A 52/53-week quarter that ends in the first days of a month belongs to the month before.)
      const inMonth = d <= 8 ? (m === 1 ? [y - 1, 12] : [y, m - 1]) : [y, m];
      const q = quarterEndingIn(inMonth[0]!, inMonth[1]!, fye);
      if (q) return q;
    }
  }
  const badYear = yearOutOfRange(lines);
  if (!picked && badYear) {
    throw new ConvertError(file, `"${badYear.text}" states the year ${badYear.year}; the converter handles years 1900–2200`, {
      line: badYear.line,
      hint: `correct the year, or write ${sidecarPath(file)} with "quarter: FY2025Q2" (the fiscal quarter)`,
    });
  }
  if (badYear) warnings.push({ file, line: badYear.line, message: `"${badYear.text}" states the year ${badYear.year}, outside 1900–2200; ignored` });
  if (!picked) throw noQuarter(file, lines, sidecarPath(file));
  for (const c of picked.conflicts) {
    warnings.push({
      file,
      line: c.line,
      message: `"${c.text}" reads as ${quarterId(c.quarter)}, but line ${picked.best.line} ("${picked.best.text}") says ${quarterId(picked.best.quarter)}; using ${quarterId(picked.best.quarter)}`,
    });
  }
  return picked.best.quarter;
}

function fyeLabel(fye: FiscalYearEnd): string {
  return `${String(fye.month).padStart(2, '0')}-${String(fye.day).padStart(2, '0')}`;
}

/** A call is held after its quarter ends, within four months. */
function plausibleCallDate(date: string, periodEndDate: string): boolean {
  const d = Date.parse(`${date}T00:00:00Z`);
  const e = Date.parse(`${periodEndDate}T00:00:00Z`);
  return d > e && d <= e + 120 * 86_400_000;
}

/**
 * A company known only from its calls: names and ticker from the text, the fiscal year end
 * the text implies, and one segment, the group; segments the call presents are added later.
 */
export function inferredCompany(id: string, found: CompanyCandidate | undefined, fye: FiscalYearEnd, nameOverride?: string): Company {
  const legal = nameOverride ?? found?.name;
  const zh = found?.zhName;
  // A company named only in Chinese is shown by its Chinese name in both editions (`澄川新材料`),
  // not by its id's pinyin nor by its ticker (`688417.SH`).
  const zhShort = zh?.replace(/(?:股份有限公司|有限责任公司|有限責任公司|有限公司)$/u, '') || zh;
  const short = legal ? shortName(legal) : (zhShort ?? found?.ticker ?? id);
  const zhScript = zh ? chineseScript(zh) ?? 'zh-Hans' : undefined;
  const aliases = [...new Set([short, legal, found?.ticker, zh].filter((x): x is string => Boolean(x)))];
  return {
    id,
    names: { en: short, ...(zh && zhScript ? { [zhScript]: zh } : {}) },
    aliases,
    fiscal_year_end: fyeLabel(fye),
    segments: [
      {
        id: 'group',
        names: { en: `${short} (consolidated)`, ...(zh ? { 'zh-Hans': `${zh}（合并）` } : {}) },
        aliases: [],
        description: 'The whole company, as reported on a consolidated basis.',
        metrics: [],
        origin: 'text',
      },
    ],
    people: [],
    metric_aliases: {},
    ...(found?.ticker ? { ticker: found.ticker } : {}),
    ...(found?.exchange ? { exchange: found.exchange } : {}),
    ...(legal && legal !== short ? { legal_name: legal } : {}),
    origin: 'text',
  };
}

/** `seeds/x.txt` -> `seeds/x.meta.yaml`. */
export function sidecarPath(transcript: string): string {
  return transcript.replace(/\.[^./]+$/, '') + '.meta.yaml';
}

const ROLE_ORDER: Record<Speaker['role'], number> = { 'investor-relations': 1, executive: 0, analyst: 2, operator: 3, other: 4 };

function mergeSpeakers(lists: readonly Speaker[][]): Speaker[] {
  const byId = new Map<string, Speaker>();
  for (const list of lists) {
    for (const s of list) {
      const prev = byId.get(s.id);
      if (!prev) {
        byId.set(s.id, s);
        continue;
      }
      byId.set(s.id, {
        ...prev,
        role: prev.role === 'other' ? s.role : prev.role,
        ...(!prev.title && s.title ? { title: s.title } : {}),
        ...(!prev.firm && s.firm ? { firm: s.firm } : {}),
        ...(!prev.name_zh && s.name_zh ? { name_zh: s.name_zh } : {}),
        labels: [...prev.labels, ...s.labels.filter((l) => !prev.labels.includes(l))],
      });
    }
  }
  // Stable order: by role, then by first appearance.
  const order = [...byId.keys()];
  return [...byId.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || order.indexOf(a.id) - order.indexOf(b.id));
}

/** Groups parsed files into calls (one per company and quarter) and builds each call. */
export function buildCalls(parsed: readonly ParsedFile[], warnings: Warning[], catalog: Catalog, options: ConvertOptions = {}, stats = { built: 0, builtCached: 0 }): Call[] {
  const groups = new Map<string, ParsedFile[]>();
  for (const p of parsed) {
    const k = `${p.company.id}/${quarterId(p.quarter)}`;
    const g = groups.get(k) ?? [];
    const dup = g.find((x) => x.sha256 === p.sha256);
    if (dup) {
      warnings.push({ file: p.path, message: `identical to ${dup.path}; converted once` });
      continue;
    }
    g.push(p);
    groups.set(k, g);
  }
  const calls: Call[] = [];
  let done = 0;
  for (const group of groups.values()) {
    options.onProgress?.('build', done++, groups.size);
    const cacheKey = options.cache ? `call-${sha(options.version ?? '', ...group.map((p) => `${p.path}:${p.sha256}`).sort())}` : undefined;
    const cached = cacheKey ? (options.cache!.get(cacheKey) as Call | undefined) : undefined;
    if (cached) {
      calls.push(cached);
      stats.builtCached++;
      continue;
    }
    stats.built++;
    // Sources are keyed by their original language; the order (language, then path) is stable
    // so that adding a transcript to a quarter never renames the ids of those already there.
    const withLang = group
      .map((p) => ({ p, lang: p.raw.layers[0]!.lang.slice(0, 2) }))
      .sort((a, b) => a.lang.localeCompare(b.lang) || a.p.path.localeCompare(b.p.path));
    const used = new Map<string, number>();
    const built = withLang.map(({ p, lang }) => {
      const n = (used.get(lang) ?? 0) + 1;
      used.set(lang, n);
      const key = n === 1 ? lang : `${lang}-${n}`;
      const r = structure(p.raw, p.company, p.quarter, key);
      const source: Source = { ...r.source, file: p.path, sha256: p.sha256 } as Source;
      return { p, source, speakers: r.speakers };
    });
    const first = built[0]!.p;
    const dates = [...new Set(built.flatMap((b) => (b.p.callDate ? [b.p.callDate] : [])))];
    if (dates.length > 1) {
      warnings.push({ file: first.path, message: `the sources of ${quarterId(first.quarter)} give different call dates (${dates.join(', ')}); using ${dates[0]}` });
    }
    const speakers = mergeSpeakers(built.map((b) => b.speakers));
    const sources = built.map((b) => b.source);
    const end = built.find((b) => b.p.periodEnd)?.p.periodEnd ?? periodEnd(first.quarter, fiscalYearEnd(first.company));
    const speakerMap = new Map(speakers.map((sp) => [sp.id, sp]));
    const reader = figureReader({ company: first.company, metrics: catalog.metrics, reading: catalog.reading, quarter: first.quarter, periodEnd: end });
    const readings = sources.map((src) => reader.read(src, speakerMap));
    const raw = readings.flatMap((r) => r.figures);
    const guidance = readings.flatMap((r) => r.guidance);
    const { figures, unassigned } = mergeFigures(raw, sources.map((src) => src.key), quarterId(first.quarter), first.company, catalog.metrics);
    const call = {
      company: first.company.id,
      ...(first.company.origin === 'text' ? { inferred_company: first.company } : {}),
      quarter: quarterId(first.quarter),
      period_end: end,
      ...(dates[0] ? { call_date: dates[0] } : {}),
      speakers,
      sources,
      figures,
      unassigned,
      guidance,
      highlights: segmentHighlights(sources, speakerMap, first.company, first.quarter, raw),
      outlook: outlook(sources, speakerMap),
      digest: qaDigest(sources, catalog.topics),
      topic_mentions: topicMentions(sources, catalog.topics),
    };
    calls.push(call as Call);
    if (cacheKey) options.cache!.set(cacheKey, call);
  }
  return calls.sort((a, b) => a.company.localeCompare(b.company) || compareQuarters(parseQuarterId(a.quarter)!, parseQuarterId(b.quarter)!));
}

/**
 * Calls of one company read from the text share one company: names and aliases from all of
 * them, and the fiscal year end the surest of them states (a call that only implies it by its
 * date follows one that states it).
 */
export function unifyInferred(parsed: readonly ParsedFile[]): ParsedFile[] {
  const byId = new Map<string, ParsedFile[]>();
  for (const p of parsed) if (p.company.origin === 'text') byId.set(p.company.id, [...(byId.get(p.company.id) ?? []), p]);
  const merged = new Map<string, Company>();
  for (const [id, files] of byId) {
    const surest = [...files].sort((a, b) => (a.fyeStrength ?? 4) - (b.fyeStrength ?? 4) || a.path.localeCompare(b.path))[0]!;
    const all = files.map((f) => f.company);
    const withLegal = all.find((c) => c.legal_name);
    const zhHans = all.find((c) => c.names['zh-Hans'])?.names['zh-Hans'];
    const zhHant = all.find((c) => c.names['zh-Hant'])?.names['zh-Hant'];
    const ticker = all.find((c) => c.ticker);
    merged.set(id, {
      ...surest.company,
      segments: all.reduce<Company['segments']>((acc, c) => mergeSegments(acc, c.segments), []),
      names: { en: (withLegal ?? surest.company).names.en, ...(zhHans ? { 'zh-Hans': zhHans } : {}), ...(zhHant ? { 'zh-Hant': zhHant } : {}) },
      aliases: [...new Set(all.flatMap((c) => c.aliases))].sort(),
      ...(withLegal?.legal_name ? { legal_name: withLegal.legal_name } : {}),
      ...(ticker?.ticker ? { ticker: ticker.ticker } : {}),
      ...(ticker?.exchange ? { exchange: ticker.exchange } : {}),
    });
  }
  return parsed.map((p) => {
    const company = merged.get(p.company.id);
    if (!company) return p;
    // A stated 52/53-week end stays; otherwise the quarter end follows the shared fiscal year end.
    const keepEnd = p.periodEnd && company.fiscal_year_end === p.company.fiscal_year_end;
    const { periodEnd: _drop, ...rest } = p;
    return { ...rest, company, ...(keepEnd ? { periodEnd: p.periodEnd } : {}) };
  });
}

/** Segments of `a` then those of `b` it does not have (by id). */
function mergeSegments(a: Company['segments'], b: Company['segments']): Company['segments'] {
  return [...a, ...b.filter((s) => !a.some((x) => x.id === s.id))];
}

/** Path of a call's generated file under `content/calls/`. */
export function callPath(call: Pick<Call, 'company' | 'quarter'>): string {
  return `${call.company}/${quarterSlug(parseQuarterId(call.quarter)!)}.mdx`;
}

/**
 * Converts every input. Problems with one file are collected, never thrown, so that a run
 * reports all of them; files are produced only when there is no error at all.
 */
export function convertAll(inputs: readonly InputFile[], catalog: Catalog, options: ConvertOptions = {}): ConvertResult {
  const errors: ConvertError[] = [];
  const warnings: Warning[] = [];
  const parsed: ParsedFile[] = [];
  const stats = { parsed: 0, parsedCached: 0, built: 0, builtCached: 0 };
  for (const [i, input] of inputs.entries()) {
    options.onProgress?.('parse', i, inputs.length);
    const key = options.cache ? `parse-${sha(options.version ?? '', input.bytes, input.sidecar?.text ?? '')}` : undefined;
    const hit = key ? (options.cache!.get(key) as CachedParse | undefined) : undefined;
    const company = hit && (hit.inferred ?? catalog.companies.find((c) => c.id === hit.company));
    if (hit && company) {
      stats.parsedCached++;
      warnings.push(...hit.warnings.map((w) => ({ ...w, file: input.path })));
      parsed.push({
        path: input.path,
        sha256: sha256Of(input.bytes),
        company,
        quarter: hit.quarter,
        ...(hit.callDate ? { callDate: hit.callDate } : {}),
        ...(hit.periodEnd ? { periodEnd: hit.periodEnd } : {}),
        ...(hit.fyeStrength ? { fyeStrength: hit.fyeStrength } : {}),
        raw: hit.raw,
      });
      continue;
    }
    try {
      const mine: Warning[] = [];
      const p = parseFile(input, catalog.companies, mine);
      stats.parsed++;
      warnings.push(...mine);
      parsed.push(p);
      if (key) {
        options.cache!.set(key, {
          company: p.company.id,
          ...(p.company.origin === 'text' ? { inferred: p.company } : {}),
          quarter: p.quarter,
          ...(p.callDate ? { callDate: p.callDate } : {}),
          ...(p.periodEnd ? { periodEnd: p.periodEnd } : {}),
          ...(p.fyeStrength ? { fyeStrength: p.fyeStrength } : {}),
          raw: p.raw,
          warnings: mine,
        } satisfies CachedParse);
      }
    } catch (e) {
      if (e instanceof ConvertError) errors.push(e);
      else throw e;
    }
  }
  const calls = buildCalls(unifyInferred(parsed), warnings, catalog, options, stats);
  const validated: Call[] = [];
  for (const call of calls) {
    const result = callSchema.safeParse(call);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      errors.push(
        new ConvertError(call.sources.map((s) => s.file).join(', '), `the converted call does not match the schema at ${issue.path.join('.')}: ${issue.message}`, {
          hint: 'this is a converter bug; please report it with the transcript',
        }),
      );
    } else {
      validated.push(result.data);
    }
  }
  if (errors.length > 0 && !options.keepGoing) return { calls: [], files: [], errors, warnings, stats };
  return { calls: validated, files: validated.map((c) => ({ path: callPath(c), content: renderCallMdx(c) })), errors, warnings, stats };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
