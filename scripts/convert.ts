/**
 * Converts every transcript in seeds/ into content/calls/<company>/<quarter>.mdx.
 *
 *   node scripts/convert.ts [--seeds DIR] [--out DIR] [--companies DIR]
 *
 * All files are read and converted in memory first; content/calls/ is replaced only when every
 * transcript converted, so a failed run leaves the previous content as it was. Prints one line
 * per call, every warning, and every error with its file and line; exits 1 on any error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { companySchema, metricSchema, topicSchema, type Company, type Metric, type Topic } from '../src/lib/schema.ts';
import { ConvertError, formatWarning } from './lib/errors.ts';
import { convertAll, sidecarPath, type InputFile } from './lib/pipeline.ts';
import { z } from 'astro/zod';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: join(root, 'seeds') },
    out: { type: 'string', default: join(root, 'content', 'calls') },
    companies: { type: 'string', default: join(root, 'content', 'companies') },
  },
});
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
      const parsed = companySchema.safeParse(yaml.load(readFileSync(path, 'utf8')));
      if (parsed.success) companies.push(parsed.data);
      else {
        const issue = parsed.error.issues[0]!;
        errors.push(new ConvertError(rel(path), `${issue.path.join('.')}: ${issue.message}`));
      }
    } catch (e) {
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
  const names = readdirSync(seedsDir)
    .filter((f) => !f.startsWith('.') && !/\.(meta\.ya?ml|md)$/i.test(f))
    .sort();
  if (names.length === 0) {
    fail([new ConvertError(rel(seedsDir), 'there are no transcripts in the folder', { hint: 'add .txt transcripts (see seeds/README.md)' })]);
  }
  return names.map((name) => {
    const path = join(seedsDir, name);
    const side = sidecarPath(path);
    return {
      path: rel(path),
      bytes: readFileSync(path),
      ...(existsSync(side) ? { sidecar: { path: rel(side), text: readFileSync(side, 'utf8') } } : {}),
    };
  });
}

const started = performance.now();
const companies = loadCompanies();
const metrics: Metric[] = loadList('metrics.yaml', metricSchema);
const topics: Topic[] = loadList('topics.yaml', topicSchema);
const inputs = readInputs();
const result = convertAll(inputs, { companies, metrics, topics });
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

for (const call of result.calls) {
  const paragraphs = call.sources.reduce((n, s) => n + s.sections.reduce((m, sec) => m + sec.turns.reduce((k, t) => k + t.paragraphs.length, 0), 0), 0);
  const exchanges = Math.max(...call.sources.map((s) => s.exchanges.length));
  const figures = `${call.figures.length} figures${call.unassigned.length ? ` (+${call.unassigned.length} unassigned)` : ''}`;
  console.log(
    `${call.company} ${call.quarter}: ${call.sources.length} source${call.sources.length === 1 ? '' : 's'} (${call.sources.map((s) => `${s.file} as ${s.layout}`).join('; ')}), ${paragraphs} paragraphs, ${exchanges} Q&A exchanges, ${figures}`,
  );
}
console.log(`convert: ${inputs.length} transcripts -> ${result.calls.length} calls in ${rel(outDir)} (${Math.round(performance.now() - started)} ms)`);
