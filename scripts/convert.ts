/**
 * Converts every transcript in seeds/ into content/calls/<company>/<quarter>.mdx.
 *
 *   npm run convert -- [--seeds DIR] [--out DIR] [--companies DIR] [--verbose] [--no-cache] [--keep-going] [--help]
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
import { parseCli } from './lib/cli.ts';
import { readSeedFolder } from './lib/seed-files.ts';
import { CatalogError, catalogFiles, loadCatalog, type Catalog } from '../src/lib/catalog.ts';
import { REPORT_FILE } from '../src/lib/report.ts';
import { ConvertError, formatWarning, printable } from './lib/errors.ts';
import { convertAll, type ConvertCache, type InputFile } from './lib/pipeline.ts';

const root = resolve(import.meta.dirname, '..');
const usage = `
Usage: npm run convert -- [--seeds DIR] [--out DIR] [--companies DIR] [--verbose] [--no-cache] [--keep-going]

Converts every transcript in --seeds (default seeds/) into <company>/<quarter>.mdx files in
--out (default content/calls/), replacing that folder only when every transcript converted.

  --seeds DIR      the transcripts (and their *.meta.yaml sidecars)
  --out DIR        the folder of generated calls; it is replaced as a whole
  --companies DIR  the company profiles (default content/companies/)
  --verbose        one line per call
  --no-cache       convert everything again instead of reusing unchanged results
  --keep-going     write every transcript that converts; list the others with file, line and reason
  -h, --help       this text
`;
const values = parseCli('convert', usage, {
  seeds: { type: 'string', default: join(root, 'seeds') },
  out: { type: 'string', default: join(root, 'content', 'calls') },
  companies: { type: 'string', default: join(root, 'content', 'companies') },
  verbose: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'keep-going': { type: 'boolean', default: false },
});
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;
const seedsDir = resolve(values.seeds!);
const outDir = resolve(values.out!);
const companiesDir = resolve(values.companies!);
const rel = (p: string) => relative(root, p) || '.';
// scripts/build.ts converts into a staging folder users never see: say "the staged build" instead.
const shownOut = /[\\/]\.build[\\/]\d+[\\/]/.test(outDir) ? 'the staged build' : rel(outDir);

// Messages name the transcripts, never the folder written to (scripts/build.ts writes to a staging folder).
function fail(errors: readonly ConvertError[]): never {
  for (const e of errors) console.error(e.format());
  console.error(`convert: ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was converted and the previous calls were left unchanged (npm run build -- --keep-going publishes the rest)`);
  process.exit(1);
}

/** Profiles, metrics and topics through the one loader (src/lib/catalog.ts). */
function loadAll(): Catalog {
  try {
    return loadCatalog(root, { companiesDir });
  } catch (e) {
    if (e instanceof CatalogError) fail([new ConvertError(e.file, e.message, e.line !== undefined ? { line: e.line } : {})]);
    throw e;
  }
}

function readInputs(): InputFile[] {
  if (!existsSync(seedsDir)) {
    fail([new ConvertError(rel(seedsDir), 'the transcripts folder does not exist', { hint: 'create it and add transcripts (see seeds/README.md)' })]);
  }
  if (!statSync(seedsDir).isDirectory()) fail([new ConvertError(rel(seedsDir), 'is not a folder; --seeds takes the folder of transcripts')]);
  const { inputs, errors } = readSeedFolder(seedsDir, rel);
  if (errors.length > 0 && !values['keep-going']) fail(errors);
  // With --keep-going, an entry that cannot be read is left out like a transcript that does not convert.
  for (const e of errors) console.error(`${e.format()}\nconvert: left out ${e.file}`);
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
    // Every profile (.yaml or .yml), metrics and topics: editing any of them converts again.
    ...catalogFiles(root, { companiesDir }),
    join(root, 'package-lock.json'),
  ]
    .filter((f) => /\.(ts|ya?ml|json)$/.test(f) && existsSync(f))
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
const catalog = loadAll();
const inputs = readInputs();
const cache = values['no-cache'] ? undefined : fileCache(process.env.EC_CONVERT_CACHE ?? join(root, 'node_modules', '.cache', 'earnings-calls', 'convert'));
let lastDraw = 0;
const result = convertAll(
  inputs,
  catalog,
  {
    ...(cache ? { cache, version: converterVersion() } : {}),
    keepGoing: values['keep-going']!,
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
if (result.errors.length > 0 && !values['keep-going']) fail(result.errors);
for (const e of result.errors) console.error(`left out: ${e.format()}`);

// Write everything beside the old folder, then swap, so readers never see a half-written set.
const staging = `${outDir}.tmp-${process.pid}`;
const previous = `${outDir}.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
for (const f of result.files) {
  const path = join(staging, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.content);
}
// Transcripts left out by --keep-going, for the build report page (absent when none was).
if (result.errors.length > 0) {
  const report = result.errors.map((e) => ({ file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), message: e.message, ...(e.hint ? { hint: e.hint } : {}) }));
  writeFileSync(join(staging, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
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
  `convert: ${inputs.length} transcripts${result.errors.length ? ` (${result.errors.length} left out, listed in ${REPORT_FILE})` : ''} (${megabytes.toFixed(1)} MB; ${parsed} read, ${parsedCached} unchanged) -> ${result.calls.length} calls (${built} built, ${builtCached} unchanged) in ${shownOut} (${Math.round(performance.now() - started)} ms)`,
);
