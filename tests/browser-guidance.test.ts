/**
 * "What they said before", end to end: a site built from two calls of one company — the
 * development corpus's Stellar Harbour FY2025 Q3 call, which forecasts 2025 capex of about
 * HK$4.2bn (and 2026 capex of about HK$4.5bn), and a hand-written FY2025 Q4 call
 * (tests/fixtures/guidance-site/) that reports full-year capex of HK$4.3bn. The Q4 page shows
 * the earlier forecast beside its figure, "met", linked both ways; the Q3 page's Outlook shows
 * the outcome. Both editions, over http://
 * and file://, at 390 px and 1280 px. A call of a second company (Fenwright Software, from the
 * development corpus) makes the search page offer a company filter, which is tested too.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../scripts/lib/browser.ts';
import { root } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'guidance-site-'));
const dist = join(tmp, 'dist');
const company = 'stellar-harbour-entertainment';
let server: Server;
let browser: Browser;
let httpBase = '';

beforeAll(async () => {
  const seeds = join(tmp, 'seeds');
  mkdirSync(seeds);
  copyFileSync(join(root, 'tests/eval/dev/stellar-harbour-2025-q3.txt'), join(seeds, 'stellar-harbour-2025-q3.txt'));
  copyFileSync(join(root, 'tests/fixtures/guidance-site/stellar-harbour-2025-q4.txt'), join(seeds, 'stellar-harbour-2025-q4.txt'));
  // A second company, so that the search page offers a company filter.
  copyFileSync(join(root, 'tests/eval/dev/fenwright-software-fy2026-q3.txt'), join(seeds, 'fenwright-software-fy2026-q3.txt'));
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--seeds', seeds, '--dist', dist, '--calls', join(tmp, 'calls')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      res.writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html; charset=utf-8' : extname(path) === '.css' ? 'text/css' : 'text/javascript' }).end(await readFile(join(dist, path)));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  httpBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: (await findBrowser()).path, args: [...BROWSER_ARGS] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe.each([
  ['http://', () => httpBase],
  ['file://', () => `${pathToFileURL(dist).href}/`],
] as const)('over %s', (_scheme, base) => {
  describe.each([
    ['English', ''],
    ['Chinese', 'zh/'],
  ] as const)('the %s edition', (_name, prefix) => {
    it.each([390, 1280])('shows what the earlier call forecast beside what this call reports, linked both ways, at %i px', async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${base()}${prefix}${company}/fy2025-q4.html`);
      const before = await page.$$eval('#said-before li.guidance', (lis) =>
        lis.map((li) => ({
          text: li.textContent!.replace(/\s+/g, ' '),
          outcome: li.querySelector('.outcome')!.className,
          earlier: li.querySelector<HTMLAnchorElement>('.guidance-head > a')!.getAttribute('href'),
          figure: li.querySelector<HTMLAnchorElement>('.guidance-outcome a')?.getAttribute('href') ?? null,
        })),
      );
      const capex = before.find((b) => b.earlier?.endsWith('fy2025-q3.html#guidance-group-capex-fy2025'))!;
      expect(capex, JSON.stringify(before)).toBeDefined();
      expect(capex.outcome).toBe('outcome outcome-met');
      expect(capex.text).toMatch(prefix ? /约 42 亿港元[\s\S]*43 亿港元[\s\S]*达成/ : /~HK\$4\.2bn[\s\S]*HK\$4\.3bn[\s\S]*met/);
      expect(capex.text).not.toMatch(/4\.5bn|45 亿/);
      // This call's figure is on this page, and says 43 亿.
      expect(capex.figure).toBe('#fig-group-capex-fy2025');
      expect(await page.$eval('#fig-group-capex-fy2025', (e) => e.textContent)).toMatch(/4\.3bn|43 亿/);
      // The earlier call's forecast: follow the link; it lands on the forecast, which links back to this call's figure.
      await page.click(`#said-before a[href$="#guidance-group-capex-fy2025"]`);
      await page.waitForURL(/fy2025-q3\.html#guidance-group-capex-fy2025$/);
      const target = await page.evaluate(() => {
        const t = document.querySelector(':target')!;
        return { id: t.id, quote: t.querySelector('.guidance-quote q')!.textContent, back: t.querySelector('.guidance-outcome a')!.getAttribute('href'), outcome: t.querySelector('.outcome')!.className };
      });
      expect(target.id).toBe('guidance-group-capex-fy2025');
      expect(target.quote).toContain('资本开支');
      expect(target.back).toMatch(/fy2025-q4\.html#fig-group-capex-fy2025$/);
      expect(target.outcome).toBe('outcome outcome-met');
      // The earlier call's Outlook lists each forecast with its value, period and linked sentence, on screen.
      const items = await page.$$eval('#outlook > .guidance-list > li.guidance', (lis) =>
        lis.map((li) => {
          const link = li.querySelector<HTMLAnchorElement>('.guidance-quote a.source-link')!;
          const target = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
          return { id: li.id, text: li.textContent!.replace(/\s+/g, ' '), quote: li.querySelector('.guidance-quote q')!.textContent, target: target?.textContent ?? null, visible: (li as HTMLElement).getBoundingClientRect().right <= innerWidth };
        }),
      );
      const next = items.find((i) => i.id === 'guidance-group-capex-fy2026')!;
      expect(next, JSON.stringify(items)).toBeDefined();
      expect(next.text).toMatch(prefix ? /约 45 亿港元[\s\S]*2026/ : /~HK\$4\.5bn[\s\S]*2026/);
      expect(next.quote).toContain('45亿港元');
      expect(next.target).toContain('45亿港元');
      expect(next.visible).toBe(true);
      // The rule is stated on the page.
      expect(await page.textContent('#said-before .guidance-rule')).toMatch(prefix ? /区间/ : /A range is met/);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});

describe.each([
  ['http://', () => httpBase],
  ['file://', () => `${pathToFileURL(dist).href}/`],
] as const)('search over %s on a site of two companies', (_scheme, base) => {
  it.each(['', 'zh/'])('offers each company as a filter, and the filter keeps only its calls (%s)', async (prefix) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base()}${prefix}search.html`);
    const options = await page.$$eval('select[name=company] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['', 'fenwright-software', company]);
    // Each quarter is offered once, whatever the number of companies.
    const quarters = await page.$$eval('select[name=quarter] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(new Set(quarters).size).toBe(quarters.length);
    const hrefs = async (query: string) => {
      await page.goto(`${base()}${prefix}search.html?${query}`);
      await page.waitForFunction(() => document.querySelector('ec-search')?.getAttribute('data-done') !== null, null, { timeout: 30_000 });
      return page.$$eval('.result .result-link', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    };
    const all = await hrefs('q=revenue');
    expect(all.some((h) => h.includes('fenwright-software/'))).toBe(true);
    expect(all.some((h) => h.includes(`${company}/`))).toBe(true);
    const one = await hrefs('q=revenue&company=fenwright-software');
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((h) => h.includes('fenwright-software/'))).toBe(true);
    expect(await page.$eval('select[name=company]', (s) => (s as HTMLSelectElement).value)).toBe('fenwright-software');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
