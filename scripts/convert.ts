/**
 * Converts every transcript in seeds/ into content/calls/<company>/<quarter>.mdx.
 *
 *   npm run convert -- [--seeds DIR] [--out DIR] [--companies DIR] [--verbose] [--no-cache] [--help]
 *
 * All files are read and converted in memory first; content/calls/ is replaced only when every
 * transcript converted, so a failed run leaves the previous content as it was. Transcripts
 * that have not changed since the last run (same bytes, same converter and catalog) are taken
 * from a cache in node_modules/.cache/. On a terminal it shows progress; otherwise (or under
 * CI) it prints one summary line, every warning, and every error with its file and line
 * (--verbose adds a line per call). Exits 1 on any error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { companySchema, metricSchema, topicSchema, type Company, type Metric, type Topic } from '../src/lib/schema.ts';
import { parseCli } from './lib/cli.ts';
import { ConvertError, formatWarning, printable } from './lib/errors.ts';
import { convertAll, type ConvertCache, type InputFile } from './lib/pipeline.ts';
import { readRegularFile, readSeedFolder } from './lib/seed-files.ts';
import { z } from 'astro/zod';

const root = resolve(import.meta.dirname, '..');
const usage = `
Usage: npm run convert -- [--seeds DIR] [--out DIR] [--companies DIR] [--verbose] [--no-cache]

Converts every transcript in --seeds (default seeds/) into <company>/<quarter>.mdx files in
--out (default content/calls/), replacing that folder only when every transcript converted.

  --seeds DIR      the transcripts (and their *.meta.yaml sidecars)
  --out DIR        the folder of generated calls; it is replaced as a whole
  --companies DIR  the company profiles (default content/companies/)
  --verbose        one line per call
  --no-cache       convert everything again instead of reusing unchanged results
  -h, --help       this text
`;
const values = parseCli('convert', usage, {
  seeds: { type: 'string', default: join(root, 'seeds') },
  out: { type: 'string', default: join(root, 'content', 'calls') },
  companies: { type: 'string', default: join(root, 'content', 'companies') },
  verbose: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
});
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;
const seedsDir = resolve(values.seeds!);
const outDir = resolve(values.out!);
const companiesDir = resolve(values.companies!);
const rel = (p: string) => relative(root, p) || '.';

function fail(errors: readonly ConvertError[]): never {
  for (const e of errors) console.error(e.format());
  console.error(`convert: ${errors.length} problem${errors.length === 1 ? '' : 's'}; ${rel(outDir)} was left unchanged`);
  process.exit(1);
}

function loadCompanies(): Company[] {
  const errors: ConvertError[] = [];
  const companies: Company[] = [];
  const files = existsSync(companiesDir) ? readdirSync(companiesDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (files.length === 0) fail([new ConvertError(rel(companiesDir), 'no company profile found', { hint: 'add <company>.yaml, see README.md' })]);
  for (const f of files) {
    const path = join(companiesDir, f);
    try {
      const parsed = companySchema.safeParse(yaml.load(readRegularFile(path, rel(path))));
      if (parsed.success) companies.push(parsed.data);
      else {
        const issue = parsed.error.issues[0]!;
        errors.push(new ConvertError(rel(path), `${issue.path.join('.')}: ${issue.message}`));
      }
    } catch (e) {
      if (e instanceof ConvertError) {
        errors.push(e);
        continue;
      }
      const mark = (e as { mark?: { line?: number } }).mark;
      errors.push(new ConvertError(rel(path), `not valid YAML: ${(e as Error).message.split('\n')[0]}`, mark?.line !== undefined ? { line: mark.line + 1 } : {}));
    }
  }
  if (errors.length > 0) fail(errors);
  return companies;
}

/** Reads a hand-written YAML list (metrics, topics) and validates every entry. */
function loadList<T>(file: string, schema: z.ZodType<T>): T[] {
  const path = join(root, 'content', file);
  try {
    const parsed = z.array(schema).safeParse(yaml.load(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    fail([new ConvertError(rel(path), `entry ${issue.path.join('.')}: ${issue.message}`)]);
  } catch (e) {
    if (e instanceof ConvertError) throw e;
    const mark = (e as { mark?: { line?: number } }).mark;
    fail([new ConvertError(rel(path), `not valid YAML: ${(e as Error).message.split('\n')[0]}`, mark?.line !== undefined ? { line: mark.line + 1 } : {})]);
  }
}

function readInputs(): InputFile[] {
  if (!existsSync(seedsDir)) {
    fail([new ConvertError(rel(seedsDir), 'the transcripts folder does not exist', { hint: 'create it and add transcripts (see seeds/README.md)' })]);
  }
  if (!statSync(seedsDir).isDirectory()) fail([new ConvertError(rel(seedsDir), 'is not a folder; --seeds takes the folder of transcripts')]);
  const { inputs, errors } = readSeedFolder(seedsDir, rel);
  if (errors.length > 0) fail(errors);
  if (inputs.length === 0) {
    fail([new ConvertError(rel(seedsDir), 'there are no transcripts in the folder', { hint: 'add .txt transcripts (see seeds/README.md)' })]);
  }
  return inputs;
}

/** Everything a conversion depends on besides the transcript: the converter's code, the catalog, the libraries. */
function converterVersion(): string {
  const h = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'scripts'), { recursive: true, encoding: 'utf8' }).map((f) => join(root, 'scripts', f)),
    ...readdirSync(join(root, 'src', 'lib')).map((f) => join(root, 'src', 'lib', f)),
    ...readdirSync(companiesDir).map((f) => join(companiesDir, f)),
    join(root, 'content', 'metrics.yaml'),
    join(root, 'content', 'topics.yaml'),
    join(root, 'package-lock.json'),
  ]
    .filter((f) => /\.(ts|yaml|json)$/.test(f) && existsSync(f))
    .sort();
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** One JSON file per key; entries not used by this run are removed at the end. */
function fileCache(dir: string): ConvertCache & { prune(): void } {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  return {
    get(key) {
      used.add(key);
      const path = join(dir, `${key}.json`);
      if (!existsSync(path)) return undefined;
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      used.add(key);
      writeFileSync(join(dir, `${key}.json`), JSON.stringify(value));
    },
    prune() {
      for (const f of readdirSync(dir)) if (!used.has(f.replace(/\.json$/, ''))) rmSync(join(dir, f), { force: true });
    },
  };
}

const started = performance.now();
const companies = loadCompanies();
const metrics: Metric[] = loadList('metrics.yaml', metricSchema);
const topics: Topic[] = loadList('topics.yaml', topicSchema);
const inputs = readInputs();
const cache = values['no-cache'] ? undefined : fileCache(process.env.EC_CONVERT_CACHE ?? join(root, 'node_modules', '.cache', 'earnings-calls', 'convert'));
let lastDraw = 0;
const result = convertAll(
  inputs,
  { companies, metrics, topics },
  {
    ...(cache ? { cache, version: converterVersion() } : {}),
    onProgress: (phase, done, total) => {
      if (!interactive || performance.now() - lastDraw < 100) return;
      lastDraw = performance.now();
      const elapsed = (performance.now() - started) / 1000;
      const left = phase === 'parse' && done > 0 ? ` (about ${Math.ceil((elapsed / done) * (total - done))} s left to read)` : '';
      process.stdout.write(`\rconvert: ${phase === 'parse' ? 'reading' : 'building'} ${done}/${total}${left}\x1b[K`);
    },
  },
);
if (interactive) process.stdout.write('\r\x1b[K');
cache?.prune();
for (const w of result.warnings) console.warn(formatWarning(w));
if (result.errors.length > 0) fail(result.errors);

// Write everything beside the old folder, then swap, so readers never see a half-written set.
const staging = `${outDir}.tmp-${process.pid}`;
const previous = `${outDir}.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
for (const f of result.files) {
  const path = join(staging, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.content);
}
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });

for (const call of values.verbose ? result.calls : []) {
  const paragraphs = call.sources.reduce((n, s) => n + s.sections.reduce((m, sec) => m + sec.turns.reduce((k, t) => k + t.paragraphs.length, 0), 0), 0);
  const exchanges = Math.max(...call.sources.map((s) => s.exchanges.length));
  const figures = `${call.figures.length} figures${call.unassigned.length ? ` (+${call.unassigned.length} unassigned)` : ''}`;
  console.log(
    `${call.company} ${call.quarter}: ${call.sources.length} source${call.sources.length === 1 ? '' : 's'} (${call.sources.map((s) => `${printable(s.file)} as ${s.layout}`).join('; ')}), ${paragraphs} paragraphs, ${exchanges} Q&A exchanges, ${figures}`,
  );
}
const { parsed, parsedCached, built, builtCached } = result.stats;
const megabytes = inputs.reduce((n, i) => n + i.bytes.length, 0) / 1024 / 1024;
console.log(
  `convert: ${inputs.length} transcripts (${megabytes.toFixed(1)} MB; ${parsed} read, ${parsedCached} unchanged) -> ${result.calls.length} calls (${built} built, ${builtCached} unchanged) in ${rel(outDir)} (${Math.round(performance.now() - started)} ms)`,
);
