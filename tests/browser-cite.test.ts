/**
 * Citations and landing on a link, in a real browser, in both editions, over http (under the
 * site's Content-Security-Policy) and from file://, at a phone's and a desktop's width:
 * copying a figure's link copies company and quarter, metric, value, the quoted sentence and the
 * link (read back from a stubbed clipboard, and from the visible field shown where the Clipboard
 * API is missing); a figure, an exchange and a paragraph landed on by their anchor are marked
 * and stop below the top edge and any sticky heading; axe passes on a landed-on figure in light
 * and dark.
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

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

let server: Server;
let browser: Browser;
let httpBase = '';
const fileBase = `${pathToFileURL(dist).href}/`;

beforeAll(async () => {
  requireDist();
  const found = await findBrowser();
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dist, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  httpBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: found.path, args: [...BROWSER_ARGS] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

type Clipboard = 'stub' | 'missing';

async function open(url: string, width: number, clipboard: Clipboard = 'stub', colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, colorScheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // A clipboard that records what is written, or none at all (as on some file:// pages and old browsers).
  await page.addInitScript((mode: Clipboard) => {
    const w = window as unknown as { copied?: string };
    const value = mode === 'stub' ? { writeText: async (text: string) => void (w.copied = text) } : undefined;
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => value });
  }, clipboard);
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

const EDITIONS = [
  {
    edition: 'en',
    path: 'alibaba/fy2025-q2.html',
    // Company and quarter — metric (segment): value — "quote" — link.
    figure: /^Alibaba Group FY2025 Q2 — Revenue \(Cloud Intelligence Group\): RMB29\.6bn — "Revenue from Cloud Intelligence Group was RMB29\.6 billion in this quarter, an increase of 7%\." — (\S+)$/,
    growth: /^Alibaba Group FY2025 Q2 — Revenue growth[^:]*\(Cloud Intelligence Group\): \+7% YoY — ".+" — (\S+#fig-cloud-revenue_yoy_pct)$/,
  },
  {
    edition: 'zh',
    path: 'zh/alibaba/fy2025-q2.html',
    figure: /^阿里巴巴集团 2025财年第二季度 — 收入（云智能集团）：人民币 296 亿元 — “本季度，云智能集团收入为人民币 296 亿元，同比增长 7%.*。” — (\S+)$/,
    growth: /^阿里巴巴集团 2025财年第二季度 — [^—]*（云智能集团）：[^—]*\+7%[^—]* — “.+” — (\S+#fig-cloud-revenue_yoy_pct)$/,
  },
] as const;
const SCHEMES = [
  ['http', () => httpBase],
  ['file', () => fileBase],
] as const;
const WIDTHS = [390, 1280];

describe.each(SCHEMES)('over %s', (_scheme, base) => {
  describe.each(EDITIONS)('the $edition edition', ({ path, figure, growth }) => {
    it.each(WIDTHS)('at %i px, copying a figure\'s link copies call, metric, value, quote and link', async (width) => {
      const { page, errors } = await open(base() + path, width);
      await page.locator('#fig-cloud-revenue + .copy-link').click();
      const copied = await page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
      const m = figure.exec(copied);
      expect(m, copied).not.toBeNull();
      expect(m![1]).toBe(`${base()}${path}#fig-cloud-revenue`);
      await page.locator('#fig-cloud-revenue_yoy_pct + .copy-link').click();
      const copiedGrowth = await page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
      expect(copiedGrowth).toMatch(growth);
      // No fallback field when the clipboard took it.
      expect(await page.locator('.copy-fallback').isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });

    it.each(WIDTHS)('at %i px, without a Clipboard API, shows the citation selected in a visible field', async (width) => {
      const { page, errors } = await open(base() + path, width, 'missing');
      await page.locator('#fig-cloud-revenue + .copy-link').click();
      const field = page.locator('.copy-fallback textarea');
      await expect.poll(() => field.isVisible()).toBe(true);
      const value = await field.inputValue();
      expect(figure.exec(value)?.[1]).toBe(`${base()}${path}#fig-cloud-revenue`);
      // Selected and inside the screen, to copy by hand.
      const got = await page.evaluate(() => {
        const t = document.querySelector<HTMLTextAreaElement>('.copy-fallback textarea')!;
        const r = t.getBoundingClientRect();
        return { selected: t.selectionEnd - t.selectionStart, length: t.value.length, focused: document.activeElement === t, inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth };
      });
      expect(got).toEqual({ selected: got.length, length: got.length, focused: true, inside: true });
      await page.locator('.copy-fallback button').click();
      expect(await field.isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });

    it.each(WIDTHS)('at %i px, a figure, an exchange and a paragraph landed on are marked and clear of the top edge', async (width) => {
      for (const id of ['fig-cloud-revenue', 'qa-3', 'en-qa-3', 'zh-p-12']) {
        const { page } = await open(`${base()}${path}#${id}`, width);
        const got = await page.evaluate(() => {
          const target = document.querySelector<HTMLElement>(':target');
          if (!target) return undefined;
          const r = target.getBoundingClientRect();
          const style = getComputedStyle(target);
          // Anything stuck to the top of the screen that could cover the target.
          const stuck = [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((e) => ['sticky', 'fixed'].includes(getComputedStyle(e).position) && e.getBoundingClientRect().top <= 1 && e.getBoundingClientRect().height > 0)
            .map((e) => e.getBoundingClientRect().bottom);
          return {
            id: target.id,
            top: r.top,
            below: Math.max(0, ...stuck),
            marked: style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.outlineStyle !== 'none',
            visible: r.top < innerHeight,
          };
        });
        expect(got?.id).toBe(id);
        expect(got!.marked, id).toBe(true);
        expect(got!.visible, id).toBe(true);
        expect(got!.top, id).toBeGreaterThanOrEqual(got!.below + 8);
        await page.close();
      }
    }, 60_000);
  });
});

describe('accessibility of a landed-on figure and the copy field (axe)', () => {
  it.each([
    ['alibaba/fy2025-q2.html', 'light'],
    ['alibaba/fy2025-q2.html', 'dark'],
    ['zh/alibaba/fy2025-q2.html', 'light'],
    ['zh/alibaba/fy2025-q2.html', 'dark'],
  ] as const)('%s#fig-cloud-revenue in %s mode has no violations', async (path, scheme) => {
    const { page } = await open(`${httpBase}${path}#fig-cloud-revenue`, 1280, 'missing', scheme);
    await page.locator('#fig-cloud-revenue + .copy-link').click();
    await expect.poll(() => page.locator('.copy-fallback textarea').isVisible()).toBe(true);
    const result = await new AxeBuilder({ page }).include(['#key-figures', '.copy-fallback']).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found).toEqual([]);
    await page.close();
  }, 180_000);
});
