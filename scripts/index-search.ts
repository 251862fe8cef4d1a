/**
 * Builds the search index after `astro build`: Pagefind (through its Node API) from records
 * made from content/calls/, written to dist/pagefind/, plus the same records as an index of
 * small classic scripts (dist/offline-search/, src/lib/offline-search.ts) that the search page
 * loads on demand where Pagefind cannot run, i.e. when the site is opened from file://. Fails on any error Pagefind reports.
 *
 *   node scripts/index-search.ts [--dist DIR] [--calls DIR] [--companies DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { callSchema, type Call } from '../src/lib/schema.ts';
import { companiesOfCalls, loadCatalog } from '../src/lib/catalog.ts';
import { recordPage, searchRecords } from './lib/search-records.ts';
import { inResultOrder, offlineIndex } from './lib/offline-index.ts';
import { OFFLINE_DIR } from '../src/lib/offline-search.ts';

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
const calls: Call[] = callFiles.map((f) => callSchema.parse(parseFrontmatter(readFileSync(join(callsDir, f), 'utf8')).frontmatter));
const catalog = loadCatalog(root, { companiesDir });
// Numbered in the order results show calls: Pagefind's `n` sort key, the offline index's numbers.
const records = inResultOrder(searchRecords(calls, companiesOfCalls(catalog.companies, calls), catalog.metrics));

// One index for both languages, so that either edition searches all of the text. Pagefind stems
// only the words of an index whose language has a Snowball stemmer, and its browser side cuts
// the query by the page's <html lang>: the English and Chinese pages would search differently.
// So the records are already tokens (src/lib/search.ts: a Chinese character, a stemmed English
// word or a number, each alone between spaces) that Pagefind has nothing left to cut or stem,
// and the search page checks each Pagefind candidate with the same matcher as the file:// path.
//
// Pagefind's service adds a custom record (or an HTML file) in time that grows with the records
// already added, so a large corpus would index in quadratic time; a folder is read in one pass,
// but in the order the file system lists it, which differs between file systems and would make
// the index differ too. So each record is written as a small HTML page (recordPage) in a folder
// of its own inside the staged site, and the folders are added one by one, in the records'
// order; the folder is removed afterwards. The page's own address goes in the `href` meta, which
// the search page uses (Pagefind's url is the record file's).
const recordsDir = join(dist, '.search-records');
rmSync(recordsDir, { recursive: true, force: true });
mkdirSync(recordsDir);
const problems: string[] = [];
let addMs = 0;
let writeMs = 0;
try {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index || errors.length) fail(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  for (const [i, r] of records.entries()) {
    const folder = join(recordsDir, String(i));
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.html'), recordPage(r, i));
    const added = await index.addDirectory({ path: folder });
    problems.push(...added.errors.map((e) => `${r.url}: ${e}`));
    pages += added.page_count;
  }
  if (!problems.length && pages !== records.length) problems.push(`indexed ${pages} of ${records.length} records`);
  addMs = performance.now() - started;
  const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
  writeMs = performance.now() - started - addMs;
  problems.push(...written.errors);
  await pagefind.close();
} finally {
  rmSync(recordsDir, { recursive: true, force: true });
}
if (problems.length) fail(`Pagefind reported ${problems.length} error(s):\n${problems.join('\n')}`);

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
console.log(`index-search: ${records.length} records -> pagefind/ and ${OFFLINE_DIR}/ (${offlineFiles.size} files, ${(offlineBytes / 1e6).toFixed(1)} MB; ${Math.round(performance.now() - started)} ms; records added by ${Math.round(addMs)} ms, index written in ${Math.round(writeMs)} ms)`);
