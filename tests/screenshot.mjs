// Takes screenshots of built pages for a person to look at: node tests/screenshot.mjs URL OUT.png [width]
import { chromium } from 'playwright-core';
const [url, out, width = '1280', full = 'full'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: process.env.SCHEME ?? 'light' });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'full' });
console.log(JSON.stringify({ url, errors }));
await browser.close();
