/**
 * Builds the search index after `astro build`: Pagefind (through its Node API) from records
 * made from content/calls/, written to dist/pagefind/, plus the same records as an index of
 * small classic scripts (dist/offline-search/, src/lib/offline-search.ts) that the search page
 * loads on demand where Pagefind cannot run, i.e. when the site is opened from file://. Fails on any error Pagefind reports.
 *
 *   node scripts/index-search.ts [--dist DIR] [--calls DIR] [--companies DIR]
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { callSchema, type Call } from '../src/lib/schema.ts';
import { companiesOfCalls, loadCatalog } from '../src/lib/catalog.ts';
import { recordPage, searchRecords, type SearchRecord } from './lib/search-records.ts';
import { inResultOrder, offlineIndex } from './lib/offline-index.ts';
import { OFFLINE_DIR } from '../src/lib/offline-search.ts';
import { BLOCK_RECORDS, BLOCKS_DIR, BLOCKS_FILE, quarterBlocks, type BlocksManifest } from '../src/lib/search-blocks.ts';

/** The installed Pagefind's version (its index format and scripts go with it). */
function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
}

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    calls: { type: 'string', default: join(root, 'content', 'calls') },
    companies: { type: 'string', default: join(root, 'content', 'companies') },
  },
});
const companiesDir = resolve(values.companies!);
const dist = resolve(values.dist!);
const callsDir = resolve(values.calls!);
const started = performance.now();

function fail(message: string): never {
  console.error(`index-search: ${message}`);
  process.exit(1);
}

if (!existsSync(join(dist, 'index.html'))) fail(`${dist} has no built site; run astro build first`);
const callFiles = readdirSync(callsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
const readCall = (f: string): Call => callSchema.parse(parseFrontmatter(readFileSync(join(callsDir, f), 'utf8')).frontmatter);
const catalog = loadCatalog(root, { companiesDir });
// The companies from each call's company and the company read from its text only, then the
// records one call at a time: memory holds the records, never every call's text at once.
const companies = companiesOfCalls(catalog.companies, callFiles.map((f) => {
  const { company, inferred_company } = readCall(f);
  return { company, ...(inferred_company ? { inferred_company } : {}) };
}));
// In the order results show calls: the offline index numbers them so, and Pagefind within each block.
const records = inResultOrder(callFiles.flatMap((f) => searchRecords([readCall(f)], companies, catalog.metrics)));

// One index for both languages, so that either edition searches all of the text. Pagefind stems
// only the words of an index whose language has a Snowball stemmer, and its browser side cuts
// the query by the page's <html lang>: the English and Chinese pages would search differently.
// So the records are already tokens (src/lib/search.ts: a Chinese character, a stemmed English
// word or a number, each alone between spaces) that Pagefind has nothing left to cut or stem,
// and the search page checks each Pagefind candidate with the same matcher as the file:// path.
//
// The index is cut into blocks of whole quarter ends, about 20,000 records each
// (src/lib/search-blocks.ts), each a Pagefind bundle of its own, so that a new or changed call
// re-indexes its block only: a block
// whose record pages are unchanged is copied from the cache (node_modules/.cache/earnings-calls/
// search/, or EC_SEARCH_CACHE), keyed by a hash of those pages, Pagefind's version and this
// script. Records are added one by one, in their order (Pagefind numbers pages in the order it
// gets them, and a folder read whole comes in the file system's order, which differs between
// file systems), as HTML given to Pagefind's service (addHTMLFile: about a quarter of a
// millisecond each, against more than one for a file written and added as a folder).
// (EC_SEARCH_BLOCK_RECORDS sets the size, for tests that want a block per quarter end.)
const blockRecords = Number(process.env.EC_SEARCH_BLOCK_RECORDS) || BLOCK_RECORDS;
const blocks = quarterBlocks(records, (r) => r.filters.quarter_end?.[0], blockRecords).map((b) => ({ id: b.id, records: b.items }));
/** What a merged bundle needs: its entry, meta, and index, filter and fragment files. */
const INDEX_FILES = /^(?:pagefind-entry\.json|pagefind\.[^/]*\.pf_meta|fragment|index|filter)$/;
const cacheDir = resolve(process.env.EC_SEARCH_CACHE ?? join(root, 'node_modules', '.cache', 'earnings-calls', 'search'));
mkdirSync(cacheDir, { recursive: true });
const version = createHash('sha256').update(`pagefind ${pagefindVersion()}\n`).update(readFileSync(import.meta.filename)).digest('hex');
const out = join(dist, 'pagefind');
rmSync(out, { recursive: true, force: true });
const problems: string[] = [];
const used = new Set<string>();
let indexed = 0;
let indexMs = 0;
let service = false;

/**
 * Indexes a block's record pages into a cache entry. Written beside the entry and renamed into
 * place, so that a build killed while writing leaves no half entry; false if Pagefind reported errors.
 */
async function indexBlock(block: { records: SearchRecord[] }, pages: readonly string[], cached: string): Promise<boolean> {
  const t = performance.now();
  service = true;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index || errors.length) fail(`Pagefind could not start: ${errors.join('; ')}`);
  for (const [n, page] of pages.entries()) {
    const added = await index.addHTMLFile({ url: `/r/${n}/`, content: page });
    problems.push(...added.errors.map((e) => `${block.records[n]!.url}: ${e}`));
  }
  const staged = `${cached}.tmp-${process.pid}`;
  rmSync(staged, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: staged });
  problems.push(...written.errors);
  await index.deleteIndex();
  if (problems.length) return false;
  renameSync(staged, cached);
  indexed += pages.length;
  indexMs += performance.now() - t;
  return true;
}

for (const [b, block] of blocks.entries()) {
  const pages = block.records.map((r, n) => recordPage(r, n, block.id));
  const key = pages.reduce((h, page) => h.update(page), createHash('sha256').update(version)).digest('hex').slice(0, 32);
  used.add(key);
  const cached = join(cacheDir, key);
  if (!existsSync(cached) && !(await indexBlock(block, pages, cached))) break;
  // The first block's bundle is the one the page loads, with Pagefind's scripts; the others are
  // merged into it and need only their index files.
  if (b === 0) cpSync(cached, out, { recursive: true });
  else cpSync(cached, join(out, BLOCKS_DIR, block.id), { recursive: true, filter: (from) => from === cached || INDEX_FILES.test(relative(cached, from).split(sep)[0]!) });
}
if (service) await pagefind.close();
if (problems.length) fail(`Pagefind reported ${problems.length} error(s):\n${problems.join('\n')}`);
const manifest: BlocksManifest = { blocks: blocks.map((b) => ({ id: b.id, records: b.records.length })) };
mkdirSync(out, { recursive: true });
writeFileSync(join(out, BLOCKS_FILE), `${JSON.stringify(manifest)}\n`);
// Entries this build did not use go (a block whose calls changed leaves one behind), and so do
// the half-written ones of a build that was killed (one build runs at a time: scripts/build.ts).
for (const f of readdirSync(cacheDir)) if (!used.has(f)) rmSync(join(cacheDir, f), { recursive: true, force: true });

// The same records for browsing from file://, as classic scripts loaded on demand.
const offline = join(dist, OFFLINE_DIR);
rmSync(offline, { recursive: true, force: true });
let offlineBytes = 0;
const offlineFiles = offlineIndex(records);
for (const [path, text] of offlineFiles) {
  mkdirSync(dirname(join(offline, path)), { recursive: true });
  writeFileSync(join(offline, path), text);
  offlineBytes += Buffer.byteLength(text);
}
console.log(`index-search: ${records.length} records -> pagefind/ (${blocks.length} blocks, ${indexed} records indexed again in ${Math.round(indexMs)} ms, the others' blocks from the cache) and ${OFFLINE_DIR}/ (${offlineFiles.size} files, ${(offlineBytes / 1e6).toFixed(1)} MB; ${Math.round(performance.now() - started)} ms)`);
