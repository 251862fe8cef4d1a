/**
 * The built site in a real browser (a Chromium found by scripts/lib/browser.ts, driven by playwright-core), over http:// and
 * over file://: pages load with their stylesheet, log no errors, deep links land, the
 * language switch works, and nothing overflows a phone's width.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../scripts/lib/browser.ts';
import { dist, requireDist } from './site-files.ts';

/** The Content-Security-Policy the README tells hosts to send; the site must work under it. */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

let server: Server;
let browser: Browser;
let httpBase = '';
let closing = false;
const fileBase = `${pathToFileURL(dist).href}/`;

beforeAll(async () => {
  requireDist();
  // CHROMIUM_PATH, a system Chromium, else the npm one; no browser fails here with what to install.
  const found = await findBrowser();
  console.info(`browser: ${found.path} (${found.source})`);
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dist, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  httpBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: found.path,
    args: [...BROWSER_ARGS],
  });
});

afterAll(async () => {
  closing = true;
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(url: string, viewport = { width: 1280, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
  // axe needs a page that belongs to an explicit context.
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  // Closing the browser at the end closes the pages still open, whose contexts are then gone.
  page.on('close', () => {
    context.close().catch((e: unknown) => {
      if (!closing) throw e;
    });
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  // Nothing may leave the machine: no CDN, no remote font, no analytics.
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith(httpBase) && !u.startsWith('data:')) errors.push(`request off the machine: ${u}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

const PAGES = [
  'index.html',
  'zh.html',
  'alibaba.html',
  'zh/alibaba.html',
  'alibaba/fy2025-q2.html',
  'zh/alibaba/fy2025-q2.html',
  'alibaba/fy2026-q2.html',
  'zh/alibaba/fy2024-q1.html',
  'alibaba/segments/cloud.html',
  'zh/alibaba/segments/cloud.html',
  'alibaba/analysts.html',
  'zh/alibaba/analysts.html',
  'search.html',
  'zh/search.html',
  'build-report.html',
  'zh/build-report.html',
];

/** Canvases of the page that have something drawn on them, and how many there are. */
async function drawnCanvases(page: Page): Promise<[number, number]> {
  // The chart script loads when a chart nears the screen: bring each one into view.
  for (const chart of await page.$$('ec-chart')) await chart.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('ec-chart canvas').length === 0 || typeof customElements.get('ec-chart') === 'function');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLCanvasElement>('ec-chart canvas')].every((c) => c.width > 0));
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('ec-chart canvas')];
    const drawn = canvases.filter((c) => {
      if (c.width === 0 || c.height === 0) return false;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4 * 97) if (data[i]! > 0) return true;
      return false;
    });
    return [drawn.length, canvases.length];
  });
}

describe.each([
  ['http://', () => httpBase],
  ['file://', () => fileBase],
])('the site over %s', (_scheme, base) => {
  it.each(PAGES)('%s loads styled, with no console error', async (path) => {
    const { page, errors } = await open(base() + path);
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle);
    expect(styled).toBe('solid');
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['index.html', 'zh.html', 'alibaba/fy2025-q2.html', 'zh/alibaba/fy2024-q1.html', 'alibaba/segments/taobao-tmall.html', 'zh/alibaba/segments/cloud.html'])(
    'draws every chart on %s',
    async (path) => {
      const { page, errors } = await open(base() + path);
      const [drawn, total] = await drawnCanvases(page);
      expect(total).toBeGreaterThan(0);
      expect(drawn).toBe(total);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('follows a deep link to a Q&A exchange and a paragraph', async () => {
    const { page } = await open(`${base()}alibaba/fy2025-q2.html#qa-3`);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toContain('Thomas Chong');
    await page.goto(`${base()}alibaba/fy2025-q2.html#zh-p-12`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('zh-p-12');
    await page.close();
  });

  it('switches between the English and Chinese editions', async () => {
    const { page } = await open(`${base()}alibaba/fy2025-q4.html`);
    await page.click('a.lang-switch');
    expect(await page.evaluate(() => [document.documentElement.lang, location.pathname.endsWith('/zh/alibaba/fy2025-q4.html')])).toEqual(['zh-Hans', true]);
    await page.click('a.lang-switch');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });
});

describe.each([
  ['http://', () => httpBase],
  ['file://', () => fileBase],
])('the quarter page over %s', (_scheme, base) => {
  it.each([
    ['alibaba/fy2025-q2.html', 390, 844],
    ['zh/alibaba/fy2025-q2.html', 390, 844],
    ['alibaba/fy2024-q1.html', 390, 844],
    ['zh/alibaba/fy2026-q2.html', 390, 844],
    ['alibaba/fy2025-q2.html', 1280, 900],
    ['zh/alibaba/fy2025-q2.html', 1280, 900],
  ])('%s at %i×%i shows the whole headline strip on the first screen, its values linked', async (path, width, height) => {
    const { page, errors } = await open(base() + path, { width, height });
    const strip = await page.evaluate(() => {
      const el = document.querySelector('#at-a-glance')!;
      const r = el.getBoundingClientRect();
      const values = [...el.querySelectorAll<HTMLAnchorElement>('a.fig-value')];
      return {
        top: r.top,
        bottom: r.bottom,
        values: values.length,
        // Every value is drawn on the first screen and links to a paragraph the page has.
        allShown: values.every((a) => a.getBoundingClientRect().bottom <= innerHeight && a.getBoundingClientRect().width > 0),
        targetsExist: values.every((a) => document.getElementById(a.hash.slice(1)) !== null),
        metaBelow: document.querySelector('dl.meta')!.getBoundingClientRect().top >= r.bottom,
      };
    });
    expect(strip.top).toBeGreaterThan(0);
    expect(strip.bottom).toBeLessThanOrEqual(height);
    expect(strip.values).toBeGreaterThanOrEqual(4);
    expect(strip.allShown).toBe(true);
    expect(strip.targetsExist).toBe(true);
    expect(strip.metaBelow).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['zh/alibaba/fy2025-q4.html', 360],
    ['alibaba/fy2025-q4.html', 360],
    ['zh/alibaba/fy2025-q2.html', 1280],
    ['alibaba/fy2025-q2.html', 1280],
  ])('%s at %i px keeps each headline value on one line inside its tile', async (path, width) => {
    const { page } = await open(base() + path, { width, height: 800 });
    const got = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#at-a-glance .tile-value')].map((v) => {
        const tile = v.closest('.tile')!.getBoundingClientRect();
        const r = v.getBoundingClientRect();
        const lines = Math.round(r.height / parseFloat(getComputedStyle(v).lineHeight || '20'));
        return { inside: r.right <= tile.right + 0.5, lines };
      }),
    );
    expect(got.length).toBeGreaterThanOrEqual(4);
    expect(got.every((v) => v.inside && v.lines <= 1)).toBe(true);
    await page.close();
  });

  it.each(['alibaba/fy2025-q2.html', 'zh/alibaba/fy2025-q4.html', 'alibaba/fy2024-q1.html', 'zh/alibaba/fy2026-q2.html'])(
    '%s computes no change against a quarter that is neither the previous nor the year-ago one',
    async (path) => {
      const { page } = await open(base() + path);
      const got = await page.evaluate(() => ({
        computed: document.querySelectorAll('[data-figures-table] [data-change="computed"]').length,
        stated: document.querySelectorAll('[data-figures-table] [data-change="stated"]').length,
        columns: [...document.querySelectorAll('[data-figures-table] thead th')].length,
        chartSeries: (JSON.parse(document.querySelector('#chart-revenue-by-segment ec-chart')?.getAttribute('data-chart') ?? '{"series":[1]}') as { series: unknown[] }).series.length,
      }));
      // The seed archive has FY2024 Q1, FY2025 Q2, FY2025 Q4 and FY2026 Q2: only FY2026 Q2 has a
      // true comparison quarter (FY2025 Q2, a year earlier), and its segments were reorganised.
      expect(got.computed).toBe(0);
      expect(got.stated).toBeGreaterThan(0);
      expect(got.columns).toBe(3);
      expect(got.chartSeries).toBe(1);
      await page.close();
    },
  );
});

describe('under the strict Content-Security-Policy (every http page above is served with it)', () => {
  it('searches with Pagefind', async () => {
    const { page, errors } = await open(`${httpBase}search.html`);
    await page.fill('#search-q', 'free cash flow');
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0, null, { timeout: 15_000 });
    expect(await page.textContent('[data-status]')).not.toContain('offline');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('copy-link controls', () => {
  it('copy a paragraph\'s permanent URL with a one-line citation', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: httpBase.replace(/\/$/, '') });
    const page = await context.newPage();
    await page.goto(`${httpBase}alibaba/fy2025-q2.html`);
    await page.click('#zh-p-12 .copy-link');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Alibaba Group FY2025 Q2 earnings call \(15 November 2024\), .+\. http:\/\/127\.0\.0\.1:\d+\/alibaba\/fy2025-q2\.html#zh-p-12$/);
    await page.click('#fig-cloud-revenue + .copy-link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#fig-cloud-revenue$/);
    await page.click('h1 + .copy-link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/fy2025-q2\.html$/);
    await context.close();
  });
});

describe('on a phone', () => {
  it.each(['alibaba/fy2025-q2.html', 'zh/alibaba/fy2025-q2.html', 'index.html'])('%s fits the screen width', async (path) => {
    const { page } = await open(httpBase + path, { width: 375, height: 740 });
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner!);
    await page.close();
  });

  it.each([
    'alibaba/fy2025-q2.html',
    'zh/alibaba/fy2024-q1.html',
    'index.html',
    'zh.html',
    'alibaba/analysts.html',
    'zh/alibaba/analysts.html',
    'alibaba/segments/cloud.html',
    'zh/alibaba/segments/taobao-tmall.html',
  ])('%s at 360 px cuts no table inside a scroll box and shows every key-figure column', async (path) => {
    const { page } = await open(httpBase + path, { width: 360, height: 800 });
    // Open every chart's data table too: it is a table a reader may open.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const got = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - innerWidth,
      cut: [...document.querySelectorAll<HTMLElement>('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.parentElement!.id || w.parentElement!.className),
      // Every cell of the key figures table, with its column's name, inside the screen.
      outside: [...document.querySelectorAll<HTMLElement>('[data-figures-table] td')].filter((td) => td.getBoundingClientRect().right > innerWidth || td.getBoundingClientRect().width === 0).length,
      labelled: [...document.querySelectorAll<HTMLElement>('[data-figures-table] td')].every((td) => getComputedStyle(td, '::before').content.length > 2),
      cells: document.querySelectorAll('[data-figures-table] td').length,
    }));
    expect(got.page).toBeLessThanOrEqual(0);
    expect(got.cut).toEqual([]);
    expect(got.outside).toBe(0);
    if (got.cells > 0) expect(got.labelled).toBe(true);
    await page.close();
  });
});

// axe on the largest quarter page takes about a minute when the shared two-core machine is busy.
describe('accessibility (axe)', () => {
  it.each(PAGES)('%s has no violations', async (path) => {
    const { page } = await open(httpBase + path);
    const result = await new AxeBuilder({ page }).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found).toEqual([]);
    await page.close();
  }, 180_000);

  it.each(['alibaba/fy2025-q2.html', 'zh/alibaba/fy2026-q2.html', 'index.html', 'zh/alibaba.html', 'alibaba/segments/cloud.html', 'zh/alibaba/analysts.html', 'build-report.html'])('%s has no violations in dark mode and on a phone', async (path) => {
    const { page } = await open(httpBase + path, { width: 390, height: 844 }, 'dark');
    const result = await new AxeBuilder({ page }).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found).toEqual([]);
    await page.close();
  }, 180_000);
});
