/**
 * Search in a real browser: queries typed in both editions, in Simplified and Traditional
 * Chinese and in English, lead to an element that contains what was searched for; the
 * regression list of terms finds every quarter page whose text contains the term, as the built
 * Pagefind index answers (its Chinese segmentation has changed between versions).
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../scripts/lib/browser.ts';
import { callSchema } from '../src/lib/schema.ts';
import { searchKey, searchRecords } from '../scripts/lib/search-records.ts';
import { companies, metrics, root } from './helpers.ts';
import { dist, requireDist } from './site-files.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
let server: Server;
let browser: Browser;
let base = '';

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

async function typeQuery(page: Page, query: string): Promise<string[]> {
  await page.fill('#search-q', query);
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? '') || document.querySelectorAll('.result').length > 0, null, { timeout: 15_000 });
  return page.$$eval('.result .result-link', (as) => as.map((a) => (a as HTMLAnchorElement).href));
}

/** The text of the element a result links to, folded like the index. */
async function targetText(page: Page, href: string): Promise<string> {
  await page.goto(href);
  const id = decodeURIComponent(new URL(href).hash.slice(1));
  const text = await page.evaluate((i) => document.getElementById(i)?.textContent ?? '', id);
  return text;
}

describe('searching the site', () => {
  it.each([
    ['en', '净利润'],
    ['zh', '淨利潤'],
    ['en', '雲智能'],
    ['zh', '云智能'],
    ['zh', '阿里雲'],
    ['en', 'free cash flow'],
    ['zh', 'take rate'],
    ['en', 'buyback'],
  ])('in the %s edition, "%s" leads to elements that contain it', async (edition, query) => {
    const page = await browser.newPage();
    await page.goto(`${base}${edition === 'zh' ? 'zh/' : ''}search.html`);
    const links = await typeQuery(page, query);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links.slice(0, 3)) {
      expect(href.startsWith(`${base}${edition === 'zh' ? 'zh/' : ''}alibaba/`), href).toBe(true);
      const text = searchKey(await targetText(page, href));
      for (const word of searchKey(query).split(' ')) expect(text, `${href} for ${query}`).toContain(word);
    }
    await page.close();
  });

  it('narrows results with filters and keeps them in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}search.html?q=${encodeURIComponent('阿里云')}&quarter=FY2024Q1&role=executive`);
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0, null, { timeout: 15_000 });
    const hrefs = await page.$$eval('.result .result-link', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs.every((h) => h!.includes('alibaba/fy2024-q1.html#'))).toBe(true);
    expect(await page.$$eval('.result-meta', (m) => m.every((x) => /Executive/.test(x.textContent ?? '')))).toBe(true);
    await page.close();
  });

  it('works from file:// with the bundled records', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dist, 'zh/search.html')).href);
    const links = await typeQuery(page, '淨利潤');
    expect(links.length).toBeGreaterThan(0);
    expect(await page.textContent('[data-status]')).toContain('离线');
    const text = searchKey(await targetText(page, links[0]!));
    expect(text).toContain('净利润');
    await page.close();
  });
});

describe('regression terms against the built index', () => {
  const calls = readdirSync(join(root, 'content/calls'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => callSchema.parse(parseFrontmatter(readFileSync(join(root, 'content/calls', f), 'utf8')).frontmatter));
  const records = searchRecords(calls, companies(), metrics());
  const TERMS = ['营收', '同比', '客户管理收入', '经调整 EBITA', '88VIP', '淘天', '闪购', '淨利潤', '雲智能', '阿里巴巴', 'take rate', 'free cash flow', 'buyback', 'Cainiao'];

  it.each(TERMS)('"%s" finds every quarter page whose text contains it', async (term) => {
    const key = searchKey(term);
    const expected = [...new Set(records.filter((r) => r.content.includes(key)).map((r) => r.url.split('#')[0]!))].sort();
    expect(expected.length, `no page contains ${term}: the term list is stale`).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(`${base}search.html`);
    // A string, not a function: the test runner rewrites import() inside functions it compiles.
    const found = (await page.evaluate(`(async () => {
      const pf = await import(location.origin + '/pagefind/pagefind.js');
      await pf.options({ baseUrl: '/' });
      const res = await pf.search(${JSON.stringify(key)});
      const data = await Promise.all(res.results.map((r) => r.data()));
      return data.map((d) => d.raw_url.replace(/^\\//, '').split('#')[0]);
    })()`)) as string[];
    await page.close();
    const missing = expected.filter((p) => !found.includes(p));
    expect(missing, `pages containing "${term}" that search does not find`).toEqual([]);
  });
});
