// Takes screenshots of built pages for a person to look at: npx node tests/screenshot.mjs URL OUT.png [width]
// (npx: the project's Node 24, which loads the TypeScript browser finder.)
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from '../scripts/lib/browser.ts';
const [url, out, width = '1280', full = 'full'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: (await findBrowser()).path, args: [...BROWSER_ARGS] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: process.env.SCHEME ?? 'light' });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'full' });
console.log(JSON.stringify({ url, errors }));
await browser.close();
