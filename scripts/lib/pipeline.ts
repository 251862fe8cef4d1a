/**
 * The converter as pure functions: transcript bytes and company profiles in, validated calls
 * and the text of the files to write out. No file system access here (see `scripts/convert.ts`).
 */
import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { callSchema, textLang, type Call, type Company, type Metric, type Source, type Speaker, type Topic } from '../../src/lib/schema.ts';
import { isRealDate, parseQuarterId, periodEnd, quarterId, quarterSlug, compareQuarters, type FiscalQuarter } from '../../src/lib/quarters.ts';
import { detectCallDate, detectCompany, detectLayout, fiscalYearEnd, pickQuarter, quarterEvidence } from './detect.ts';
import { ConvertError, type Warning } from './errors.ts';
import { sidecarKeyLine, yearOutOfRange } from './guards.ts';
import { renderCallMdx } from './mdx.ts';
import type { RawSource } from './raw.ts';
import { personMatcher, structure } from './structure.ts';
import { figureReader } from './figures/extract.ts';
import { mergeFigures } from './figures/merge.ts';
import { outlook, qaDigest, segmentHighlights, topicMentions } from './summary.ts';
import { decodeTranscript, splitLines } from './text.ts';

/** Optional metadata beside a transcript (`x.meta.yaml` next to `x.txt`), for when detection cannot tell. */
export const sidecarSchema = z
  .object({
    /** Company id of a profile in `content/companies/`. */
    company: z.string().optional(),
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
  readonly quarter: FiscalQuarter;
  readonly callDate?: string;
  readonly raw: RawSource;
  readonly warnings: Warning[];
}

function readSidecar(input: InputFile): Sidecar {
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
      hint: 'allowed keys: company, quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)',
    });
  }
  return parsed.data;
}

/** Reads one transcript into its layout's raw form plus company, quarter and date. */
export function parseFile(input: InputFile, companies: readonly Company[], warnings: Warning[]): ParsedFile {
  const decoded = decodeTranscript(input.bytes, input.path);
  const text = decoded.text;
  if (decoded.converted) warnings.push({ file: input.path, message: `not UTF-8; read as ${decoded.converted.toUpperCase()} (save it as UTF-8 to silence this)` });
  const sidecar = readSidecar(input);
  const lines = splitLines(text);

  let company: Company | undefined;
  if (sidecar.company) {
    company = companies.find((c) => c.id === sidecar.company);
    if (!company) {
      const line = sidecarKeyLine(input.sidecar!.text, 'company');
      throw new ConvertError(input.sidecar!.path, `no company profile has the id "${sidecar.company}"`, {
        ...(line ? { line } : {}),
        hint: `add content/companies/${sidecar.company}.yaml (see content/companies/alibaba.yaml) or use one of: ${companies.map((c) => c.id).join(', ')}`,
      });
    }
  } else {
    company = detectCompany(text, companies);
    if (!company) {
      throw new ConvertError(input.path, 'cannot tell which company this transcript is about: no company profile name occurs in it', {
        hint: `add its names to a profile in content/companies/, or write ${sidecarPath(input.path)} with "company: <id>"`,
      });
    }
  }

  const layout = detectLayout(lines);
  if (!layout) {
    throw new ConvertError(input.path, 'the layout is not one the converter knows, so no speaker turns could be found', {
      hint: 'see seeds/README.md for the layouts that are recognised',
    });
  }
  const isKnown = personMatcher(company);
  let raw = layout.parse(lines, { file: input.path, isKnownPerson: (n) => isKnown(n) !== undefined });
  if (sidecar.language) raw = { ...raw, layers: raw.layers.map((l, i) => (i === 0 ? { ...l, lang: sidecar.language! } : l)) };

  const fye = fiscalYearEnd(company);
  let quarter: FiscalQuarter;
  if (sidecar.quarter) {
    quarter = parseQuarterId(sidecar.quarter)!;
  } else {
    const picked = pickQuarter(quarterEvidence(lines, fye));
    const badYear = yearOutOfRange(lines);
    if (!picked && badYear) {
      throw new ConvertError(input.path, `"${badYear.text}" states the year ${badYear.year}; the converter handles years 1900–2200`, {
        line: badYear.line,
        hint: `correct the year, or write ${sidecarPath(input.path)} with "quarter: FY2025Q2" (the fiscal quarter)`,
      });
    }
    if (badYear) warnings.push({ file: input.path, line: badYear.line, message: `"${badYear.text}" states the year ${badYear.year}, outside 1900–2200; ignored` });
    if (!picked) {
      throw new ConvertError(input.path, 'cannot tell which quarter the call covers: no fiscal quarter or quarter end is stated', {
        hint: `write ${sidecarPath(input.path)} with "quarter: FY2025Q2" (the fiscal quarter)`,
      });
    }
    quarter = picked.best.quarter;
    for (const c of picked.conflicts) {
      warnings.push({
        file: input.path,
        line: c.line,
        message: `"${c.text}" reads as ${quarterId(c.quarter)}, but line ${picked.best.line} ("${picked.best.text}") says ${quarterId(quarter)}; using ${quarterId(quarter)}`,
      });
    }
  }
  const date = sidecar.call_date ? { date: sidecar.call_date } : detectCallDate(lines, quarter, fye);
  return {
    path: input.path,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    company,
    quarter,
    ...(date ? { callDate: date.date } : {}),
    raw,
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
    const end = periodEnd(first.quarter, fiscalYearEnd(first.company));
    const speakerMap = new Map(speakers.map((sp) => [sp.id, sp]));
    const read = figureReader({ company: first.company, metrics: catalog.metrics, quarter: first.quarter, endMonth: Number(end.slice(5, 7)) });
    const raw = sources.flatMap((src) => read(src, speakerMap));
    const { figures, unassigned } = mergeFigures(raw, sources.map((src) => src.key), quarterId(first.quarter), first.company, catalog.metrics);
    const call = {
      company: first.company.id,
      quarter: quarterId(first.quarter),
      period_end: end,
      ...(dates[0] ? { call_date: dates[0] } : {}),
      speakers,
      sources,
      figures,
      unassigned,
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
    const company = hit && catalog.companies.find((c) => c.id === hit.company);
    if (hit && company) {
      stats.parsedCached++;
      warnings.push(...hit.warnings.map((w) => ({ ...w, file: input.path })));
      parsed.push({ path: input.path, sha256: sha256Of(input.bytes), company, quarter: hit.quarter, ...(hit.callDate ? { callDate: hit.callDate } : {}), raw: hit.raw });
      continue;
    }
    try {
      const mine: Warning[] = [];
      const p = parseFile(input, catalog.companies, mine);
      stats.parsed++;
      warnings.push(...mine);
      parsed.push(p);
      if (key) options.cache!.set(key, { company: p.company.id, quarter: p.quarter, ...(p.callDate ? { callDate: p.callDate } : {}), raw: p.raw, warnings: mine } satisfies CachedParse);
    } catch (e) {
      if (e instanceof ConvertError) errors.push(e);
      else throw e;
    }
  }
  const calls = buildCalls(parsed, warnings, catalog, options, stats);
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
  if (errors.length > 0) return { calls: [], files: [], errors, warnings, stats };
  return { calls: validated, files: validated.map((c) => ({ path: callPath(c), content: renderCallMdx(c) })), errors, warnings, stats };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
