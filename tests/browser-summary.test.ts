/**
 * The quarter page's summary sections in a real browser, in both editions, over http:// and
 * file://, at a phone's width (390 px) and a desktop's: the Outlook shows the structured
 * forecasts with their linked sentences, the Q&A digest one item per exchange with question,
 * answer sentences and at most three chips, and the highlights in the page's language.
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
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(await readFile(join(dist, path)));
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

async function open(url: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

const WAYS = [
  ['http://', () => httpBase],
  ['file://', () => fileBase],
] as const;
const WIDTHS = [390, 1280] as const;
const EDITIONS = [
  ['English', ''],
  ['Chinese', 'zh/'],
] as const;

describe.each(WAYS)('over %s', (_scheme, base) => {
  describe.each(EDITIONS)('the %s edition', (_name, prefix) => {
    // The seed calls state no forecast with a figure (the forecasts themselves are shown on a
    // site that has them: tests/browser-guidance.test.ts); the Outlook says so, and the rule and
    // the place for what earlier calls said are there.
    it.each(WIDTHS)('says when a call states no forecast with a figure, and states the rule, at %i px', async (width) => {
      const { page, errors, close } = await open(`${base()}${prefix}alibaba/fy2025-q4.html`, width);
      expect(await page.$$eval('#outlook > .guidance-list > li.guidance', (lis) => lis.length)).toBe(0);
      expect(await page.textContent('#outlook')).toMatch(prefix ? /本次电话会中没有读到带数字的预测/ : /No forecast with a figure was read from this call/);
      expect(await page.textContent('#said-before')).toMatch(prefix ? /预测如何判定[\s\S]*区间/ : /How forecasts are judged[\s\S]*A range is met/);
      expect(errors).toEqual([]);
      await close();
    });

    it.each(WIDTHS)('gives one Q&A item per exchange, with the question, the answer\'s sentences and at most three chips, at %i px', async (width) => {
      const { page, errors, close } = await open(`${base()}${prefix}alibaba/fy2025-q2.html`, width);
      const items = await page.$$eval('#qa > ol > li', (lis) =>
        lis.map((li) => ({
          id: li.id,
          analyst: li.querySelector('.qa-analyst')!.textContent!.replace(/\s+/g, ' ').trim(),
          question: [...li.querySelectorAll('.qa-question q')].map((q) => ({ text: q.textContent!, lang: q.getAttribute('lang') })),
          answer: [...li.querySelectorAll('.qa-answer-text q')].map((q) => ({ text: q.textContent!, lang: q.getAttribute('lang') })),
          chips: [...li.querySelectorAll('.chips .chip')].map((c) => c.textContent!.trim()),
          versions: [...li.querySelectorAll('.qa-links a')].map((a) => a.getAttribute('href')),
          fits: li.getBoundingClientRect().right <= document.documentElement.clientWidth,
        })),
      );
      // Two transcripts of the call, nine exchanges: nine items, each linking to both versions.
      expect(items.map((i) => i.id)).toEqual(['qa-1', 'qa-2', 'qa-3', 'qa-4', 'qa-5', 'qa-6', 'qa-7', 'qa-8', 'qa-9']);
      for (const item of items) {
        expect(item.versions, item.id).toEqual([`#en-${item.id}`, `#zh-${item.id}`]);
        expect(item.question.length, item.id).toBeGreaterThan(0);
        expect(item.answer.length, item.id).toBeGreaterThan(0);
        // In the page's language: this call has a transcript in each.
        for (const q of [...item.question, ...item.answer]) expect(q.lang, `${item.id}: ${q.text}`).toMatch(prefix ? /^zh/ : /^en$/);
        expect(item.chips.length, item.id).toBeLessThanOrEqual(3);
        expect(new Set(item.chips).size, item.id).toBe(item.chips.length);
        expect(item.fits, item.id).toBe(true);
      }
      // The English transcript's "Unidentified Participant" is named as the Chinese one names him.
      expect(items[7]!.analyst).toBe('Jiong Shao (Barclays)');
      // The whole question: all three parts of Alicia Yap's question.
      expect(items[0]!.question.length).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
      await close();
    });

    it.each(WIDTHS)('shows the highlights in the page\'s language, a machine translation marked, each sentence under one segment, at %i px', async (width) => {
      const read = async (path: string) => {
        const { page, errors, close } = await open(`${base()}${prefix}${path}`, width);
        const items = await page.$$eval('#highlights li', (lis) =>
          lis.map((li) => ({ lang: li.querySelector('q')!.getAttribute('lang'), text: li.querySelector('q')!.textContent!, badge: li.querySelector('.badge')?.textContent ?? null, para: li.querySelector('a.source-link')!.getAttribute('href') })),
        );
        expect(errors).toEqual([]);
        await close();
        return items;
      };
      // A call with an English and a Chinese transcript: each edition shows its own, unmarked.
      const q2 = await read('alibaba/fy2025-q2.html');
      expect(q2.length).toBeGreaterThan(5);
      for (const h of q2) expect([h.lang, h.badge], h.text).toEqual([prefix ? 'zh-Hans' : 'en', null]);
      expect(new Set(q2.map((h) => `${h.para}|${h.text}`)).size).toBe(q2.length);
      // A call with only an English transcript and its machine translation into Traditional Chinese.
      const q4 = await read('alibaba/fy2025-q4.html');
      expect(q4.length).toBeGreaterThan(5);
      for (const h of q4) expect([h.lang, h.badge], h.text).toEqual(prefix ? ['zh-Hant', '机器翻译'] : ['en', null]);
    });
  });
});

describe('accessibility of the summary sections (axe), light and dark', () => {
  it.each([
    ['alibaba/fy2025-q4.html', 'light'],
    ['alibaba/fy2025-q4.html', 'dark'],
    ['zh/alibaba/fy2025-q4.html', 'light'],
    ['zh/alibaba/fy2025-q4.html', 'dark'],
    ['alibaba/fy2025-q2.html', 'dark'],
    ['zh/alibaba/fy2025-q2.html', 'dark'],
    ['alibaba/segments/cloud.html', 'light'],
    ['zh/alibaba/segments/cloud.html', 'dark'],
  ] as const)('%s in %s mode has no violations in the outlook, Q&A, highlights, guidance and timeline', async (path, scheme) => {
    const { page, close } = await open(`${httpBase}${path}`, 1280, scheme);
    let axe = new AxeBuilder({ page });
    const present = await page.$$eval('#outlook, #qa, #highlights, #guidance, #timeline', (els) => els.map((e) => `#${e.id}`));
    expect(present.length).toBeGreaterThan(0);
    for (const sel of present) axe = axe.include(sel);
    const result = await axe.analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await close();
  });
});
