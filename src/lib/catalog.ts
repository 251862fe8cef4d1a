/**
 * The one loader of what is written by hand besides transcripts: company profiles
 * (`content/companies/*.yaml` or `*.yml`), `content/metrics.yaml`, `content/topics.yaml`,
 * `content/reading.yaml` and `content/glossary.yaml`.
 * The converter, the site, search indexing, the benchmark and the tests all read them here,
 * with the same rules, and the same function tells which companies the site shows: a profile,
 * or a company the converter read from the text of its calls.
 *
 * Pure apart from reading files (no `astro:*`), so scripts and tests can use it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { LineCounter, parseDocument, isSeq } from 'yaml';
import { z } from 'astro/zod';
import { companySchema, glossaryEntrySchema, metricSchema, readingSchema, topicSchema, type Call, type Company, type GlossaryEntryInput, type Metric, type Reading, type Segment, type Topic } from './schema.ts';
import { tokenize } from './search.ts';

/** A problem in a hand-written file: which file, which line, what. */
export class CatalogError extends Error {
  /** Path of the file, relative to the project. */
  readonly file: string;
  /** 1-based line, when the problem is on one line. */
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number) {
    super(message);
    this.name = 'CatalogError';
    this.file = file;
    this.line = line;
  }

  format(): string {
    return `${this.line === undefined ? this.file : `${this.file}:${this.line}`}: ${this.message}`;
  }
}

export interface Catalog {
  readonly companies: Company[];
  readonly metrics: Metric[];
  readonly topics: Topic[];
  /** The figure reader's vocabulary (`content/reading.yaml`). */
  readonly reading: Reading;
  /** Search's synonyms and transcription errors (`content/glossary.yaml`). */
  readonly glossary: GlossaryEntryInput[];
}

export interface CatalogPaths {
  /** Folder of company profiles; default `<root>/content/companies`. */
  readonly companiesDir?: string;
}

/** Profile files of a folder, `.yaml` and `.yml`, sorted. */
export function profileFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => join(dir, f)) : [];
}

function parseYaml<T>(path: string, root: string, schema: z.ZodType<T>, what: string): T {
  const rel = relative(root, path) || path;
  // A FIFO, socket or device is never opened: reading a FIFO would wait for ever.
  const st = statSync(path, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    const kind = st.isFIFO() ? 'a FIFO (named pipe)' : st.isDirectory() ? 'a folder' : st.isSocket() ? 'a socket' : 'a device or other special file';
    throw new CatalogError(rel, `is ${kind}, not a ${what.startsWith('profile') ? 'company profile' : 'catalogue file'}`);
  }
  let data: unknown;
  try {
    data = yaml.load(readFileSync(path, 'utf8'));
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    throw new CatalogError(rel, `not valid YAML: ${(e as Error).message.split('\n')[0]}`, mark?.line !== undefined ? mark.line + 1 : undefined);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new CatalogError(rel, `${what} ${issue.path.join('.') || '(whole file)'}: ${issue.message}`);
}

/**
 * Loads profiles, metrics and topics. Throws a CatalogError for the first file that is not
 * valid; two profiles with one id are an error too.
 */
export function loadCatalog(root: string, paths: CatalogPaths = {}): Catalog {
  const companiesDir = paths.companiesDir ?? join(root, 'content', 'companies');
  const companies: Company[] = [];
  for (const f of profileFiles(companiesDir)) {
    const c = parseYaml(f, root, companySchema, 'profile field');
    const dup = companies.find((x) => x.id === c.id);
    if (dup) throw new CatalogError(relative(root, f), `a second profile with the id "${c.id}"`);
    companies.push(c);
  }
  const metrics = parseYaml(join(root, 'content', 'metrics.yaml'), root, z.array(metricSchema), 'entry');
  const topics = parseYaml(join(root, 'content', 'topics.yaml'), root, z.array(topicSchema), 'entry');
  const reading = parseYaml(join(root, 'content', 'reading.yaml'), root, readingSchema, 'list');
  const glossary = loadGlossary(root);
  return { companies: companies.sort((a, b) => a.id.localeCompare(b.id)), metrics, topics, reading, glossary };
}

/** Every file the catalog is read from, for cache keys: a change to any of them changes the conversion. */
export function catalogFiles(root: string, paths: CatalogPaths = {}): string[] {
  return [...profileFiles(paths.companiesDir ?? join(root, 'content', 'companies')), join(root, 'content', 'metrics.yaml'), join(root, 'content', 'topics.yaml'), join(root, 'content', 'reading.yaml')];
}

function mergeSegments(lists: readonly Segment[][]): Segment[] {
  const out: Segment[] = [];
  for (const list of lists) {
    for (const s of list) {
      const i = out.findIndex((x) => x.id === s.id);
      if (i < 0) out.push(s);
      else out[i] = { ...out[i]!, aliases: [...new Set([...out[i]!.aliases, ...s.aliases])] };
    }
  }
  // The group first, then as first seen.
  return [...out.filter((s) => s.id === 'group'), ...out.filter((s) => s.id !== 'group')];
}

/**
 * The companies the site shows: those with at least one call, from their profile when there
 * is one, else as the converter read them from the text (segments of all their calls merged).
 * A profile without a published call is not shown.
 */
export function companiesOfCalls(profiles: readonly Company[], calls: readonly Pick<Call, 'company' | 'inferred_company'>[]): Company[] {
  const out = new Map<string, Company>();
  const inferred = new Map<string, Company[]>();
  for (const call of calls) {
    const profile = profiles.find((p) => p.id === call.company);
    if (profile) out.set(profile.id, profile);
    else if (call.inferred_company) inferred.set(call.company, [...(inferred.get(call.company) ?? []), call.inferred_company]);
  }
  for (const [id, list] of inferred) {
    if (out.has(id)) continue;
    out.set(id, { ...list[0]!, segments: mergeSegments(list.map((c) => c.segments)) });
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Reads and checks `content/glossary.yaml` (or `path`): a list of entries, each with `terms` and
 * optionally `heard`. Throws a CatalogError naming the file and the line of the problem: not
 * YAML, not a list, an unknown key, an empty term, a term with nothing searchable in it, or a
 * term that is also a term of another entry (a query could not tell which entry it means).
 * A missing file is an empty glossary.
 */
export function loadGlossary(root: string, path = join(root, 'content', 'glossary.yaml')): GlossaryEntryInput[] {
  if (!existsSync(path)) return [];
  const rel = relative(root, path) || path;
  const st = statSync(path);
  if (!st.isFile()) throw new CatalogError(rel, 'is not a regular file');
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new CatalogError(rel, `not valid YAML: ${e.message.split('\n')[0]}`, lineAt(e.pos[0]));
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new CatalogError(rel, 'must be a list of entries (each "- terms: [...]")', lineAt(doc.contents.range?.[0]));
  // The line of the node at a path inside the document (the deepest that exists).
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  const data = doc.toJS() as unknown[];
  const entries: GlossaryEntryInput[] = [];
  const owner = new Map<string, number>();
  data.forEach((raw, i) => {
    const parsed = glossaryEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.code === 'unrecognized_keys' ? [i, (issue as { keys?: string[] }).keys?.[0] ?? ''] : [i, ...issue.path];
      throw new CatalogError(rel, `entry ${i + 1}${issue.path.length ? ` ${issue.path.join('.')}` : ''}: ${issue.message}`, lineOf(where));
    }
    const e = parsed.data;
    for (const [field, list] of [['terms', e.terms], ['heard', e.heard ?? []]] as const) {
      list.forEach((term, k) => {
        if (tokenize(term).length === 0) throw new CatalogError(rel, `entry ${i + 1} ${field}: "${term}" has no letter, digit or Chinese character to search for`, lineOf([i, field, k]));
      });
    }
    e.terms.forEach((term, k) => {
      const key = tokenize(term).join(' ');
      const other = owner.get(key);
      if (other !== undefined && other !== i) throw new CatalogError(rel, `entry ${i + 1} terms: "${term}" is already a term of entry ${other + 1}; merge the two entries`, lineOf([i, 'terms', k]));
      owner.set(key, i);
    });
    entries.push(e);
  });
  return entries;
}
