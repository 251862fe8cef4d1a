/**
 * Benchmark: builds synthetic archives made from the seeds (N calls across several companies
 * and quarters, figures varied) and reports converter throughput, build time and memory, the
 * cost of each added call, output sizes, page weights, and a plain baseline (the same
 * transcripts as Markdown pages in a bare Astro + Pagefind site). Budgets are checked and
 * reported, never asserted as test timings. Writes .bench/results.json and updates the table
 * in README.md.
 *
 *   node scripts/bench.ts [--sizes 10,100,1000] [--keep] [--lighthouse]
 *
 * --long-call 20000,100000 instead builds, for each count, a site of one call whose transcript
 * is that many one-line paragraphs, and prints the build, its search-index step and peak memory:
 * each paragraph is a search record, so this shows how indexing grows with the records.
 *
 * --lighthouse also audits the home, a quarter and a segment page of the seed site (dist/,
 * built first) with Lighthouse (mobile), fetched through npx, with CHROME_PATH or the browser
 * the tests find (scripts/lib/browser.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from './lib/browser.ts';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    keep: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    'long-call': { type: 'string' },
  },
});
const sizes = values.sizes!.split(',').map(Number).filter((n) => n > 0);
const work = mkdtempSync(join(tmpdir(), 'ec-bench-'));
const node = process.execPath;
const log = (s: string) => console.log(`bench: ${s}`);

// ---------------------------------------------------------------- synthetic archive

const seedFiles = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
const baseProfile = yaml.load(readFileSync(join(root, 'content/companies/alibaba.yaml'), 'utf8')) as Record<string, unknown>;
const FYE = ['03-31', '12-31', '06-30', '09-30'];
/** Search queries measured: a word of most passages about results, and a word of one call only. */
const COMMON_QUERY = 'revenue';
const RARE_QUERY = 'zanzibar';
const RARE_SENTENCE = 'We also opened our first warehouse in Zanzibar this quarter.';

/** Scales figure-like numbers (before %, 亿, billion, million, 万) by a factor, keeping their decimals. */
function vary(text: string, factor: number): string {
  return text.replace(/(\d+(?:\.\d+)?)(?=\s*(?:%|％|亿|億|billion|million|万|萬))/g, (m) => {
    const decimals = (m.split('.')[1] ?? '').length;
    return (Number(m) * factor).toFixed(decimals);
  });
}

function withRareSentence(text: string): string {
  const lines = text.split('\n');
  const longest = lines.reduce((best, line, k) => (line.length > lines[best]!.length ? k : best), 0);
  lines[longest] = `${lines[longest]} ${RARE_SENTENCE}`;
  return lines.join('\n');
}

function makeArchive(n: number): { seeds: string; companies: string; bytes: number } {
  const dir = join(work, `archive-${n}`);
  const seedDir = join(dir, 'seeds');
  const companyDir = join(dir, 'companies');
  mkdirSync(seedDir, { recursive: true });
  mkdirSync(companyDir, { recursive: true });
  const k = Math.max(1, Math.ceil(n / 20));
  for (let c = 0; c < k; c++) {
    const profile = { ...baseProfile, id: `bench-${c}`, names: { en: `Bench Company ${c}`, 'zh-Hans': `基准公司${c}` }, aliases: [`Bench Company ${c}`], fiscal_year_end: FYE[c % FYE.length] };
    writeFileSync(join(companyDir, `bench-${c}.yaml`), yaml.dump(profile));
  }
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = i % k;
    const q = Math.floor(i / k);
    const name = `call-${String(i).padStart(5, '0')}`;
    const varied = vary(seeds[i % seeds.length]!, 0.8 + ((i * 37) % 41) / 100);
    // One call in the middle of the archive says a word no other call says (at the end of its
    // longest line, a paragraph of speech): the rare query.
    const text = i === Math.floor(n / 2) ? withRareSentence(varied) : varied;
    writeFileSync(join(seedDir, `${name}.txt`), text);
    writeFileSync(join(seedDir, `${name}.meta.yaml`), `company: bench-${c}\nquarter: FY${2024 + Math.floor(q / 4)}Q${(q % 4) + 1}\n`);
    bytes += Buffer.byteLength(text);
  }
  return { seeds: seedDir, companies: companyDir, bytes };
}

// ---------------------------------------------------------------- measuring

const rssLog = join(work, 'rss.log');
writeFileSync(join(work, 'peak.mjs'), `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(${JSON.stringify(rssLog)}, process.resourceUsage().maxRSS + '\\n'));\n`);

/** Runs a command; returns seconds and the peak resident memory (MB) of any Node process it started. */
function measure(args: string[], env: Record<string, string> = {}): { seconds: number; peakMb: number; ok: boolean; output: string } {
  writeFileSync(rssLog, '');
  const t = performance.now();
  const r = spawnSync(node, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CI: 'true', EC_CONVERT_CACHE: join(work, 'cache'), EC_SEARCH_CACHE: join(work, 'search-cache'), NODE_OPTIONS: `--import ${join(work, 'peak.mjs')}`, ...env },
  });
  const seconds = (performance.now() - t) / 1000;
  const peaks = readFileSync(rssLog, 'utf8').split('\n').filter(Boolean).map(Number);
  return { seconds, peakMb: Math.round(Math.max(0, ...peaks) / 1024), ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) total += s.size;
  }
  return total;
}

const gz = (path: string) => (existsSync(path) ? gzipSync(readFileSync(path)).length : 0);

/** Bytes (gzip) a page needs before the reader scrolls or searches: its HTML, the stylesheet, and scripts it loads at once. */
function pageWeight(dist: string, page: string) {
  const html = readFileSync(join(dist, page), 'utf8');
  const dir = join(dist, page, '..');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((n, m) => n + gz(join(dir, m[1]!)), 0);
  const scripts = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
  const js = scripts.reduce((n, s) => n + gz(join(dir, s)), 0);
  const lazy = /data-chart-script="([^"]+)"/.exec(html);
  return { page, html: gz(join(dist, page)), css, js, total: gz(join(dist, page)) + css + js, scripts: scripts.map((s) => s.split('/').at(-1)), onScroll: lazy ? gz(join(dir, lazy[1]!)) : 0 };
}

// ---------------------------------------------------------------- search

interface SearchLoad {
  scheme: 'http' | 'file';
  query: string;
  /** Bytes the page loaded to show the query's first results (after the page itself had loaded). */
  kb: number;
  results: number;
  more: boolean;
}

/**
 * What one query loads on the search page, in a headless browser: over http (Pagefind, counted
 * by the server as it sends each file) and from file:// (the offline index's scripts, counted
 * from their sizes on disk). The first step of results only: more come on request.
 */
async function searchLoads(dist: string): Promise<SearchLoad[]> {
  const { chromium } = await import('playwright-core');
  const browserPath = (await findBrowser()).path;
  let served = 0;
  const server = createServer((req, res) => {
    try {
      const path = join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      const body = readFileSync(path);
      served += body.length;
      const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] });
  const out: SearchLoad[] = [];
  try {
    for (const scheme of ['http', 'file'] as const) {
      for (const query of [COMMON_QUERY, RARE_QUERY]) {
        const page = await browser.newPage();
        await page.goto(scheme === 'http' ? `http://127.0.0.1:${port}/search.html` : pathToFileURL(join(dist, 'search.html')).href);
        await page.waitForSelector('ec-search.ready');
        served = 0;
        await page.fill('#search-q', query);
        await page.waitForFunction((q) => document.querySelector('ec-search')?.getAttribute('data-done') === q, query, { timeout: 300_000 });
        const shown = await page.evaluate(() => ({
          results: document.querySelectorAll('.result').length,
          more: Boolean(document.querySelector('.more-results')),
          scripts: [...document.querySelectorAll<HTMLScriptElement>('script[src*="offline-search/"]')].map((x) => decodeURIComponent(new URL(x.src).pathname)),
        }));
        const bytes = scheme === 'http' ? served : shown.scripts.reduce((sum, p) => sum + statSync(p).size, 0);
        out.push({ scheme, query, kb: Math.round(bytes / 1024), results: shown.results, more: shown.more });
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  return out;
}

// ---------------------------------------------------------------- baseline

/**
 * The same transcripts as plain Markdown pages in a bare Astro site, indexed by the Pagefind CLI:
 * each transcript twice (`calls/` and `zh/calls/`), as the site has a page per call in each edition.
 */
function baseline(seedDir: string, n: number) {
  const site = join(work, `baseline-${n}`);
  mkdirSync(join(site, 'src/pages/calls'), { recursive: true });
  mkdirSync(join(site, 'src/pages/zh/calls'), { recursive: true });
  mkdirSync(join(site, 'src/layouts'), { recursive: true });
  writeFileSync(join(site, 'astro.config.mjs'), "export default { build: { format: 'file' } };\n");
  symlinkSync(join(root, 'node_modules'), join(site, 'node_modules'), 'dir');
  writeFileSync(
    join(site, 'src/layouts/Base.astro'),
    '---\nconst { frontmatter } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{frontmatter.title}</title></head><body><main><slot /></main></body></html>\n',
  );
  for (const f of readdirSync(seedDir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(join(seedDir, f), 'utf8').replace(/[<>{}]/g, ' ');
    const body = text.split(/\n\s*\n/).map((p) => p.trim().replace(/^[-#>*\d]/gm, ' $&').replace(/^ {4,}/gm, '')).join('\n\n');
    writeFileSync(join(site, 'src/pages/calls', f.replace(/\.txt$/, '.md')), `---\ntitle: ${f}\nlayout: ../../layouts/Base.astro\n---\n\n${body}\n`);
    writeFileSync(join(site, 'src/pages/zh/calls', f.replace(/\.txt$/, '.md')), `---\ntitle: ${f}\nlayout: ../../../layouts/Base.astro\n---\n\n${body}\n`);
  }
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const build = measure([astro, 'build', '--root', site, '--silent']);
  const index = measure([join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(site, 'dist')]);
  return { seconds: build.seconds + index.seconds, ok: build.ok && index.ok, output: build.ok ? index.output : build.output };
}

// ---------------------------------------------------------------- one long call

/** Builds a one-call site whose call has `n` one-line paragraphs; returns what it took. */
function longCall(n: number) {
  const dir = join(work, `long-${n}`);
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  const lines = [
    'Zephyr Logistics Holdings (ZPHR) Q3 2025 Earnings Call Transcript',
    '',
    'Corporate Participants',
    'Anna Berg - Chief Executive Officer',
    '',
    'Operator',
    "Welcome to Zephyr Logistics Holdings' third quarter 2025 earnings call for the quarter ended September 30, 2025.",
    '',
    'Anna Berg',
    ...Array.from({ length: n }, (_, i) => `Region ${i % 97} volume rose.`),
  ];
  writeFileSync(join(dir, 'seeds', 'zephyr.txt'), `${lines.join('\n')}\n`);
  const build = measure(['scripts/build.ts', '--seeds', join(dir, 'seeds'), '--dist', join(dir, 'dist'), '--calls', join(dir, 'calls')]);
  if (!build.ok) throw new Error(`build of a ${n}-paragraph call failed:\n${build.output.slice(-3000)}`);
  const step = (name: string) => Number(new RegExp(`${name} done \\((\\d+) ms\\)`).exec(build.output)?.[1] ?? NaN) / 1000;
  const result = { paragraphs: n, seconds: round(build.seconds), convertSeconds: step('convert'), astroSeconds: step('astro build'), indexSeconds: step('search index'), peakMb: build.peakMb };
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return result;
}

if (values['long-call']) {
  const counts = values['long-call'].split(',').map(Number).filter((n) => n > 0);
  const runs = counts.map((n) => {
    log(`long call of ${n} paragraphs: building`);
    const r = longCall(n);
    log(`${n} paragraphs: build ${r.seconds} s (convert ${r.convertSeconds} s, astro ${r.astroSeconds} s, search index ${r.indexSeconds} s), peak ${r.peakMb} MB`);
    return r;
  });
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    log(`${a.paragraphs} -> ${b.paragraphs} paragraphs (×${round(b.paragraphs / a.paragraphs)}): build ×${round(b.seconds / a.seconds)}, search index ×${round(b.indexSeconds / a.indexSeconds)}`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// ---------------------------------------------------------------- run

interface SizeResult {
  n: number;
  mb: number;
  convert: { seconds: number; mbPerSecond: number; callsPerSecond: number; peakMb: number };
  build: { seconds: number; peakMb: number };
  addOneCall: { seconds: number };
  /** Rebuilds on top of the full build: what each step took and how many pages Astro rendered or copied. */
  rebuilds: Rebuild[];
  distMb: number;
  indexMb: number;
  offlineMb: number;
  search: SearchLoad[];
  baseline: { seconds: number; ratio: number } | null;
}

interface Rebuild {
  change: string;
  seconds: number;
  steps: Record<string, number>;
  rendered: number;
  copied: number;
}

/** Seconds per build step, and pages rendered and copied, from a build's summary lines. */
function buildSteps(output: string): Pick<Rebuild, 'steps' | 'rendered' | 'copied'> {
  const steps = Object.fromEntries([...output.matchAll(/^build: (.+?) done \((\d+) ms\)/gm)].map((m) => [m[1]!, round(Number(m[2]) / 1000)]));
  const pages = / (\d+) rendered, (\d+) copied from the cache/.exec(output);
  return { steps, rendered: Number(pages?.[1] ?? NaN), copied: Number(pages?.[2] ?? NaN) };
}

const results: SizeResult[] = [];
let weights: ReturnType<typeof pageWeight>[] = [];
for (const n of sizes) {
  log(`N=${n}: generating`);
  const archive = makeArchive(n);
  const mb = archive.bytes / 1024 / 1024;
  const calls = join(work, `calls-${n}`);
  const dist = join(work, `dist-${n}`);
  log(`N=${n}: converting ${mb.toFixed(1)} MB`);
  const conv = measure(['scripts/convert.ts', '--seeds', archive.seeds, '--companies', archive.companies, '--out', join(work, `convert-only-${n}`), '--no-cache']);
  if (!conv.ok) throw new Error(`convert failed for N=${n}:\n${conv.output.slice(-3000)}`);
  log(`N=${n}: building`);
  const buildArgs = ['scripts/build.ts', '--seeds', archive.seeds, '--companies', archive.companies, '--dist', dist, '--calls', calls];
  // From nothing: no converted call and no page is taken from an earlier build.
  const build = measure([...buildArgs, '--fresh']);
  if (!build.ok) throw new Error(`build failed for N=${n}:\n${build.output.slice(-3000)}`);
  const rebuild = (change: string): Rebuild => {
    log(`N=${n}: rebuilding, ${change}`);
    const r = measure(buildArgs);
    if (!r.ok) throw new Error(`rebuild (${change}) failed for N=${n}:\n${r.output.slice(-3000)}`);
    return { change, seconds: round(r.seconds), ...buildSteps(r.output) };
  };
  const rebuilds: Rebuild[] = [];
  // One more call of the first company: the converter and Astro reuse the rest from their caches.
  const extra = join(archive.seeds, 'call-extra.txt');
  writeFileSync(extra, vary(seeds[0]!, 1.5));
  writeFileSync(join(archive.seeds, 'call-extra.meta.yaml'), 'company: bench-0\nquarter: FY2023Q4\n');
  rebuilds.push(rebuild('one call added'));
  const again = rebuilds[0]!;
  // One call's figures changed.
  const changed = join(archive.seeds, 'call-00001.txt');
  const before = readFileSync(changed, 'utf8');
  writeFileSync(changed, vary(before, 1.1));
  rebuilds.push(rebuild('one call changed'));
  // One company's profile changed (its English name).
  const profile = join(archive.companies, existsSync(join(archive.companies, 'bench-1.yaml')) ? 'bench-1.yaml' : 'bench-0.yaml');
  const profileText = readFileSync(profile, 'utf8');
  const renamed = profileText.replace(/^( {2}en: Bench Company \d+)$/m, '$1 (renamed)');
  if (renamed === profileText) throw new Error(`${profile}: no English name to change`);
  writeFileSync(profile, renamed);
  rebuilds.push(rebuild('one profile changed'));
  writeFileSync(profile, profileText);
  writeFileSync(changed, before);
  log(`N=${n}: search`);
  const search = await searchLoads(dist);
  log(`N=${n}: baseline`);
  rmSync(extra);
  rmSync(join(archive.seeds, 'call-extra.meta.yaml'));
  const base = baseline(archive.seeds, n);
  if (!base.ok) log(`baseline failed for N=${n}: ${base.output.slice(-500)}`);
  results.push({
    n,
    mb: Math.round(mb * 100) / 100,
    convert: { seconds: round(conv.seconds), mbPerSecond: round(mb / conv.seconds), callsPerSecond: round(n / conv.seconds), peakMb: conv.peakMb },
    build: { seconds: round(build.seconds), peakMb: build.peakMb },
    addOneCall: { seconds: again.seconds },
    rebuilds,
    distMb: round(dirSize(dist) / 1024 / 1024),
    indexMb: round(dirSize(join(dist, 'pagefind')) / 1024 / 1024),
    offlineMb: round(dirSize(join(dist, 'offline-search')) / 1024 / 1024),
    search,
    baseline: base.ok ? { seconds: round(base.seconds), ratio: round(build.seconds / base.seconds) } : null,
  });
  if (weights.length === 0) {
    // The heaviest quarter page of the first company: the budget is about the worst case.
    const quarter = readdirSync(join(dist, 'bench-0'))
      .filter((f) => /^fy\d{4}-q\d\.html$/.test(f))
      .sort((a, b) => statSync(join(dist, 'bench-0', b)).size - statSync(join(dist, 'bench-0', a)).size)[0]!;
    const segmentDir = join(dist, 'bench-0', 'segments');
    const segment = existsSync(segmentDir) ? (readdirSync(segmentDir).find((f) => f === 'cloud.html') ?? readdirSync(segmentDir)[0]) : undefined;
    weights = ['index.html', `bench-0/${quarter}`, ...(segment ? [`bench-0/segments/${segment}`] : []), 'search.html'].map((p) => pageWeight(dist, p));
  }
  log(`N=${n}: convert ${results.at(-1)!.convert.mbPerSecond} MB/s, build ${results.at(-1)!.build.seconds} s`);
  if (!values.keep) for (const d of [dist, calls, join(work, `convert-only-${n}`), join(work, `baseline-${n}`)]) rmSync(d, { recursive: true, force: true });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---------------------------------------------------------------- lighthouse

interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

/** Lighthouse (mobile) on the seed site: home, the heaviest quarter page, a segment page. */
async function lighthouse(): Promise<LighthouseScore[]> {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    log('building the seed site for Lighthouse');
    if (!measure(['scripts/build.ts']).ok) throw new Error('the seed site did not build');
  }
  const pages = ['index.html', 'alibaba/fy2025-q2.html', 'alibaba/segments/cloud.html'];
  // CHROME_PATH, else the browser the tests use (CHROMIUM_PATH, a system one, or the npm one).
  const chrome = process.env.CHROME_PATH ?? (await findBrowser()).path;
  const server = createServer((req, res) => {
    try {
      const path = join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const out: LighthouseScore[] = [];
  for (const page of pages) {
    const report = join(work, `lh-${page.replaceAll('/', '_')}.json`);
    // Asynchronously: the page server above runs in this process and must keep answering.
    const r = await new Promise<{ status: number | null; stderr: string }>((resolveRun) => {
      const child = spawn(
        'npx',
        ['--yes', 'lighthouse@13.5.0', `http://127.0.0.1:${port}/${page}`, '--quiet', '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${report}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
        // The project's Node (node_modules/.bin) first, as npm run would: Lighthouse needs a current Node.
        { env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`, CHROME_PATH: chrome } },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill(), 240_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolveRun({ status, stderr });
      });
    });
    if (r.status !== 0 || !existsSync(report)) {
      log(`lighthouse failed on ${page}: ${(r.stderr ?? '').slice(-300)}`);
      continue;
    }
    const c = (JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number }> }).categories;
    out.push({ page, performance: Math.round(c.performance!.score * 100), accessibility: Math.round(c.accessibility!.score * 100), bestPractices: Math.round(c['best-practices']!.score * 100), seo: Math.round(c.seo!.score * 100) });
  }
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  return out;
}

const lighthouseScores = values.lighthouse ? await lighthouse() : [];

// ---------------------------------------------------------------- budgets

const perCall = results.length > 1 ? results.slice(1).map((r, i) => round((r.build.seconds - results[i]!.build.seconds) / (r.n - results[i]!.n))) : [];
const largest = results.at(-1)!;
const quarterPage = weights.find((w) => /fy\d{4}-q\d/.test(w.page));
const budgets = [
  {
    budget: 'build time grows linearly with the number of calls',
    holds: perCall.length < 2 ? null : perCall.at(-1)! <= perCall[0]! * 1.5,
    measured: perCall.length ? `${perCall.join(' s, ')} s per added call between sizes` : 'one size only',
  },
  { budget: 'converter processes at least 20 MB/s', holds: largest.convert.mbPerSecond >= 20, measured: `${largest.convert.mbPerSecond} MB/s at N=${largest.n}` },
  {
    budget: 'offline search (file://) loads at most 500 KB to answer one query',
    holds: largest.search.some((x) => x.scheme === 'file') ? largest.search.filter((x) => x.scheme === 'file').every((x) => x.kb <= 500) : null,
    measured: largest.search.filter((x) => x.scheme === 'file').map((x) => `"${x.query}": ${x.kb} KB`).join(', ') + ` at N=${largest.n}`,
  },
  { budget: 'a quarter page is at most 100 KB gzip before search is used', holds: quarterPage ? quarterPage.total <= 100 * 1024 : null, measured: quarterPage ? `${Math.round(quarterPage.total / 1024)} KB (${quarterPage.page})` : '' },
  {
    budget: 'pages without a chart load no JavaScript except the loader',
    holds: weights.every((w) => w.scripts.every((s) => s === 'site.js' || s === 'search.js')),
    measured: weights.map((w) => `${w.page}: ${w.scripts.join(', ') || 'none'}`).join('; '),
  },
  {
    budget: 'Lighthouse (mobile): performance ≥ 95; accessibility, best practices, SEO 100 (home, quarter, segment)',
    holds: lighthouseScores.length ? lighthouseScores.every((l) => l.performance >= 95 && l.accessibility === 100 && l.bestPractices === 100 && l.seo === 100) : null,
    measured: lighthouseScores.length ? lighthouseScores.map((l) => `${l.page}: ${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}`).join('; ') : 'not run (add --lighthouse)',
  },
];

const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, memoryGb: Math.round(totalmem() / 1024 ** 3), freeGb: Math.round(freemem() / 1024 ** 3), node: process.version };
const report = { date: new Date().toISOString().slice(0, 10), machine, sizes: results, perCall, pageWeights: weights, lighthouse: lighthouseScores, budgets };
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

const kb = (b: number) => `${Math.round(b / 102.4) / 10}`;
const table = [
  `Measured ${report.date} on ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node} (\`npm run bench\`; raw figures in \`.bench/results.json\`).`,
  '',
  '| calls | input MB | convert MB/s | convert calls/s | convert peak MB | build s | build peak MB | rebuild +1 call s | baseline s | ratio | dist MB | index MB | offline index MB |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) =>
    `| ${r.n} | ${r.mb} | ${r.convert.mbPerSecond} | ${r.convert.callsPerSecond} | ${r.convert.peakMb} | ${r.build.seconds} | ${r.build.peakMb} | ${r.addOneCall.seconds} | ${r.baseline?.seconds ?? '–'} | ${r.baseline?.ratio ?? '–'} | ${r.distMb} | ${r.indexMb} | ${r.offlineMb} |`,
  ),
  '',
  'Rebuilds on top of the full build (seconds: whole build, then convert, astro build, search index; pages and exports Astro rendered / copied from its cache):',
  '',
  '| calls | change | build s | convert s | astro s | search index s | rendered | copied |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.flatMap((r) => r.rebuilds.map((b) => `| ${r.n} | ${b.change} | ${b.seconds} | ${b.steps.convert ?? '–'} | ${b.steps['astro build'] ?? '–'} | ${b.steps['search index'] ?? '–'} | ${b.rendered} | ${b.copied} |`)),
  '',
  `KB a search loads for its first results (after the search page itself), "${COMMON_QUERY}" (common) and "${RARE_QUERY}" (one call), with the results shown:`,
  '',
  '| calls | http common | http rare | file:// common | file:// rare |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => {
    const cell = (scheme: string, query: string) => {
      const x = r.search.find((s) => s.scheme === scheme && s.query === query);
      return x ? `${x.kb} KB (${x.results}${x.more ? '+' : ''})` : '–';
    };
    return `| ${r.n} | ${cell('http', COMMON_QUERY)} | ${cell('http', RARE_QUERY)} | ${cell('file', COMMON_QUERY)} | ${cell('file', RARE_QUERY)} |`;
  }),
  '',
  '| page | HTML KB gz | CSS KB gz | JS KB gz at load | total KB gz | JS loaded on scroll |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...weights.map((w) => `| ${w.page.replace(/^bench-0\//, '<company>/')} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.total)} | ${w.onScroll ? kb(w.onScroll) : '–'} |`),
  '',
  '| budget | holds | measured |',
  '| --- | --- | --- |',
  ...budgets.map((b) => `| ${b.budget} | ${b.holds === null ? '–' : b.holds ? 'yes' : '**no**'} | ${b.measured} |`),
].join('\n');
console.log(`\n${table}\n`);
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (readme.includes(start)) {
  writeFileSync(join(root, 'README.md'), `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
