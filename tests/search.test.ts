/**
 * Search in a real browser, both editions, over http (Pagefind) and from file:// (the bundled
 * records): every query lists exactly the passages, in exactly the order, that the shared
 * matcher (src/lib/search.ts) gives for the built records, so the four ways of searching agree;
 * English plurals find what the singular finds; a figure is one result with its growth;
 * results are grouped by call, newest quarter first; "figures only" and the glossary work; and
 * a result leads to an element that says what was searched for.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../scripts/lib/browser.ts';
import { parseQuery, rank, scoreDoc, tokenize, type SearchDoc } from '../src/lib/search.ts';
import { builtSearch, dist, requireDist } from './site-files.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
let server: Server;
let browser: Browser;
let base = '';
const fileBase = `${pathToFileURL(dist).href}/`;

beforeAll(async () => {
  requireDist();
  // CHROMIUM_PATH, a system Chromium, else the npm one; no browser fails here with what to install.
  const found = await findBrowser();
  console.info(`browser: ${found.path} (${found.source})`);
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(join(dist, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  browser = await chromium.launch({ executablePath: found.path, args: [...BROWSER_ARGS] });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

// What the page should list: the built records, ranked in Node by the same functions.
const { calls, records, docs, glossary } = builtSearch();
const expected = (query: string, filters: Record<string, string[]> = {}) => rank(docs, parseQuery(query, glossary), filters).map((h) => h.url);

interface Listed {
  /** Result URLs relative to the edition's root, in order. */
  urls: string[];
  /** Group headings in order. */
  groups: string[];
  status: string;
}

const SCHEMES = [
  ['http', () => base],
  ['file', () => fileBase],
] as const;

async function searchPage(scheme: string, edition: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const at = scheme === 'http' ? base : fileBase;
  await page.goto(`${at}${edition === 'zh' ? 'zh/' : ''}search.html`);
  return page;
}

async function typeQuery(page: Page, query: string): Promise<Listed> {
  await page.fill('#search-q', query);
  // The search script marks the query whose results it shows, after the filters too.
  await page.evaluate(() => document.querySelector('ec-search')!.removeAttribute('data-done'));
  await page.dispatchEvent('#search-q', 'input');
  await page.waitForFunction((q) => document.querySelector('ec-search')!.getAttribute('data-done') === q, query, { timeout: 20_000 });
  // Results come a few calls at a time: ask for more until the list is complete.
  for (let i = 0; (await page.$('.more-results')) && i < 100; i++) {
    await page.click('.more-results');
    await page.waitForFunction((q) => document.querySelector('ec-search')!.getAttribute('data-done') === q, query, { timeout: 20_000 });
  }
  return page.evaluate(() => {
    const prefix = (href: string) => href.replace(/^.*?\/(?:zh\/)?(?=[a-z0-9-]+\/[a-z0-9-]+\.html#)/, '');
    return {
      urls: [...document.querySelectorAll<HTMLAnchorElement>('.result .result-link')].map((a) => prefix(a.href)),
      groups: [...document.querySelectorAll('.result-group h2')].map((h) => h.firstChild?.textContent ?? ''),
      status: document.querySelector('[data-status]')?.textContent ?? '',
    };
  });
}

const QUERIES = ['净利润', '淨利潤', '云智能', '雲智能', '阿里云', '营收', '同比', '客户管理收入', '经调整 EBITA', '88VIP', '淘天', '闪购', 'margin', 'margins', 'marg', 'buyback', 'buybacks', 'free cash flow', 'FCF', '自由现金流', 'take rate', 'Cainiao', 'cloud revenue growth'];

describe('the same results in both editions, over http and from file://', () => {
  it.each(SCHEMES)('over %s, each query lists what the shared matcher gives, in its order, in both editions', async (scheme) => {
    const pages = { en: await searchPage(scheme, 'en'), zh: await searchPage(scheme, 'zh') };
    for (const query of QUERIES) {
      const want = expected(query);
      expect(want.length, `"${query}" finds nothing in the records: the list is stale`).toBeGreaterThan(0);
      for (const edition of ['en', 'zh'] as const) {
        const got = await typeQuery(pages[edition], query);
        expect(got.urls, `${scheme} ${edition} "${query}"`).toEqual(want);
        if (scheme === 'file') expect(got.status).toMatch(/offline|离线/);
        else expect(got.status).not.toMatch(/offline|离线/);
      }
    }
    await pages.en.close();
    await pages.zh.close();
  }, 300_000);
});

describe('what search finds', () => {
  it('finds with a plural what the singular finds ("margins", "buybacks")', () => {
    expect(expected('margins')).toEqual(expected('margin'));
    expect(expected('buybacks')).toEqual(expected('buyback'));
    expect(expected('margin').length).toBeGreaterThan(3);
  });

  it('lists a figure once, with its growth: no two results of a call share a snippet', () => {
    const hits = rank(docs, parseQuery('revenue', glossary), { kind: ['figure'] });
    expect(hits.length).toBeGreaterThan(10);
    const keys = hits.map((h) => `${h.filters.company}|${h.filters.quarter}|${h.meta.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The cloud revenue of FY2025 Q2 and its growth rate are one result, with both values.
    const cloud = hits.find((h) => h.url === 'alibaba/fy2025-q2.html#fig-cloud-revenue');
    expect(cloud?.meta.value_en).toMatch(/^RMB[\d.]+bn · \+\d+(\.\d+)?% YoY$/);
  });

  it('expands a query with the glossary: FCF finds free cash flow and 自由现金流; 88VIP finds what a transcript heard as "ADA VIP"', () => {
    const fcf = rank(docs, parseQuery('FCF', glossary));
    const texts = fcf.map((h) => h.tokens.join(' '));
    expect(texts.some((t) => t.includes('free cash flow'))).toBe(true);
    expect(texts.some((t) => t.includes('自 由 现 金 流'))).toBe(true);
    expect(expected('FCF')).toEqual(expected('free cash flow'));
    // Passages that say "ADA VIP" and never 88VIP: found only through the glossary.
    const heardOnly = (hits: SearchDoc[]) => hits.filter((h) => h.tokens.join(' ').includes('ada vip') && !h.tokens.join(' ').includes('88 vip')).map((h) => h.url);
    expect(heardOnly(docs).length).toBeGreaterThan(0);
    expect(heardOnly(rank(docs, parseQuery('88VIP', glossary)))).toEqual(heardOnly(docs));
    expect(heardOnly(rank(docs, parseQuery('88VIP')))).toEqual([]);
  });
});

describe.each(SCHEMES)('the search page over %s', (scheme) => {
  it.each([
    ['en', 390],
    ['zh', 1280],
  ])('in the %s edition at %i px groups results by call, newest quarter first, and filters to figures only', async (edition, width) => {
    const page = await searchPage(scheme, edition, width);
    // Every filter fits the screen, however long a segment's name.
    expect(await page.$$eval('ec-search select', (ss) => ss.filter((x) => x.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((x) => x.getAttribute('name')))).toEqual([]);
    const all = await typeQuery(page, 'revenue');
    const quarters = [...new Set(records.map((r) => r.filters.quarter_end![0]!))].sort().reverse();
    expect(all.groups.length).toBe(quarters.length);
    const labels = calls.map((c) => ({ end: c.period_end, label: edition === 'zh' ? records.find((r) => r.filters.quarter?.[0] === c.quarter)!.filters.quarter_zh![0]! : records.find((r) => r.filters.quarter?.[0] === c.quarter)!.filters.quarter_en![0]! }));
    const order = [...labels].sort((a, b) => (a.end < b.end ? 1 : -1)).map((l) => l.label);
    expect(all.groups.map((g) => order.findIndex((l) => g.includes(l)))).toEqual(order.map((_, i) => i));
    await page.check('input[name=kind]');
    await page.waitForFunction(() => [...document.querySelectorAll('.result')].every((r) => r.classList.contains('result-figure')));
    const figures = await typeQuery(page, 'revenue');
    expect(figures.urls).toEqual(expected('revenue', { kind: ['figure'] }));
    expect(figures.urls.length).toBeGreaterThan(0);
    expect(figures.urls.length).toBeLessThan(all.urls.length);
    expect(page.url()).toContain('kind=figure');
    // Every figure result shows its value.
    expect(await page.$$eval('.result-figure .result-value', (v) => v.every((x) => /\d/.test(x.textContent ?? '')))).toBe(true);
    await page.close();
  }, 120_000);

  it.each([
    ['en', '净利润'],
    ['zh', '淨利潤'],
    ['en', 'margins'],
    ['zh', 'take rate'],
    ['en', 'FCF'],
  ])('in the %s edition, "%s" leads to elements that say it', async (edition, query) => {
    const page = await searchPage(scheme, edition);
    const got = await typeQuery(page, query);
    expect(got.urls.length).toBeGreaterThan(0);
    const hrefs = await page.$$eval('.result .result-link', (as) => as.slice(0, 3).map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      expect(href.startsWith(`${scheme === 'http' ? base : fileBase}${edition === 'zh' ? 'zh/' : ''}alibaba/`), href).toBe(true);
      await page.goto(href);
      const text = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '', decodeURIComponent(new URL(href).hash.slice(1)));
      expect(scoreDoc(tokenize(text), parseQuery(query, glossary)), `${href} for ${query}`).toBeGreaterThan(0);
      await page.goBack();
    }
    await page.close();
  }, 120_000);
});

describe('from file://, a query loads the offline index a few calls at a time', () => {
  it.each([
    ['en', 390, /^\d+ results in the first \d+ calls; more may follow \(offline search\)$/],
    ['zh', 1280, /^在前 \d+ 场电话会中找到 \d+ 条结果，后面可能还有（离线搜索）$/],
  ] as const)('in the %s edition at %i px: the first results, the records of their calls only, and a button for more', async (edition, width, partial) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fileBase}${edition === 'zh' ? 'zh/' : ''}search.html`);
    await page.fill('#search-q', 'revenue');
    await page.waitForFunction(() => document.querySelector('ec-search')!.getAttribute('data-done') === 'revenue', null, { timeout: 20_000 });
    const first = await page.evaluate(() => ({
      urls: [...document.querySelectorAll<HTMLAnchorElement>('.result .result-link')].map((a) => a.href.replace(/^.*?\/(?:zh\/)?(?=[a-z0-9-]+\/[a-z0-9-]+\.html#)/, '')),
      status: document.querySelector('[data-status]')?.textContent ?? '',
      scripts: [...document.querySelectorAll<HTMLScriptElement>('script[src*="offline-search/"]')].map((x) => x.src),
    }));
    const want = expected('revenue');
    expect(first.urls.length).toBeGreaterThan(0);
    expect(first.urls.length).toBeLessThan(want.length);
    expect(first.urls).toEqual(want.slice(0, first.urls.length));
    expect(first.status).toMatch(partial);
    // Records come only from the calls shown; no script of the old single-file index.
    const callFiles = new Set(first.scripts.flatMap((src) => src.match(/offline-search\/c\/(\d+)-/)?.[1] ?? []));
    expect(callFiles.size).toBeGreaterThan(0);
    expect(callFiles.size).toBeLessThan(calls.length);
    expect(await page.$$eval('script[src*="search-data"]', (x) => x.length)).toBe(0);
    // The button is reachable and labelled; the page has no violations with it.
    expect(await page.textContent('.more-results')).toBe(edition === 'zh' ? '显示更多结果' : 'Show more results');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // More results continue the list where it stopped, and focus goes to the first call added.
    await page.evaluate(() => document.querySelector('ec-search')!.removeAttribute('data-done'));
    await page.focus('.more-results');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ec-search')!.getAttribute('data-done') === 'revenue', null, { timeout: 20_000 });
    const after = await page.$$eval('.result .result-link', (as) => as.length);
    expect(after).toBeGreaterThan(first.urls.length);
    expect(await page.evaluate(() => document.activeElement?.matches('.result-group > h2') && document.activeElement.id)).toBe(`results-${new Set(first.urls.map((u) => u.split('#')[0])).size + 1}`);
    await context.close();
  }, 120_000);
});

describe('filters', () => {
  it('narrow results and stay in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}search.html?q=${encodeURIComponent('阿里云')}&quarter=FY2024Q1&role=executive`);
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0, null, { timeout: 15_000 });
    const hrefs = await page.$$eval('.result .result-link', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs.every((h) => h!.includes('alibaba/fy2024-q1.html#'))).toBe(true);
    expect(await page.$$eval('.result-meta', (m) => m.every((x) => /Executive/.test(x.textContent ?? '')))).toBe(true);
    await page.close();
  });
});

describe('accessibility of the search page with results (axe)', () => {
  it.each([
    ['en', 'light', 1280],
    ['en', 'dark', 390],
    ['zh', 'light', 390],
    ['zh', 'dark', 1280],
  ] as const)('the %s edition in %s mode at %i px has no violations', async (edition, colorScheme, width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`${base}${edition === 'zh' ? 'zh/' : ''}search.html`);
    const got = await typeQuery(page, '阿里云 revenue');
    expect(got.urls.length).toBeGreaterThan(0);
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await context.close();
  }, 180_000);
});
