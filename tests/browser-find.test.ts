/**
 * How the browser tests find a browser: CHROMIUM_PATH, then a system Chromium or Chrome, then
 * the one inside @sparticuz/chromium, else an error saying what to install (never a skip).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser, unpackNpmChromium } from '../scripts/lib/browser.ts';

const tmp = mkdtempSync(join(tmpdir(), 'browser-find-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function executable(name: string): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const npmNever = async () => {
  throw new Error('the npm Chromium must not be unpacked when an earlier choice exists');
};

describe('finding a browser', () => {
  it('takes CHROMIUM_PATH first, even when a system browser exists', async () => {
    const mine = executable('mine/chrome');
    const system = executable('usr/bin/chromium');
    expect(await findBrowser({ env: { CHROMIUM_PATH: mine }, systemPaths: [system], npmChromium: npmNever })).toEqual({ path: mine, source: 'CHROMIUM_PATH' });
  });

  it('fails with the path when CHROMIUM_PATH points nowhere, instead of silently using another browser', async () => {
    const system = executable('usr/bin/chromium-2');
    await expect(findBrowser({ env: { CHROMIUM_PATH: join(tmp, 'nowhere') }, systemPaths: [system], npmChromium: npmNever })).rejects.toThrow(
      `CHROMIUM_PATH is set to ${join(tmp, 'nowhere')}, which is not an executable file`,
    );
  });

  it('takes a system browser next, by path or by name on PATH', async () => {
    const system = executable('usr/bin/chromium-3');
    expect(await findBrowser({ env: {}, systemPaths: [join(tmp, 'missing'), system], npmChromium: npmNever })).toEqual({ path: system, source: 'system' });
    const onPath = executable('bin/google-chrome');
    expect(await findBrowser({ env: { PATH: join(tmp, 'bin') }, systemPaths: [], systemNames: ['google-chrome'], npmChromium: npmNever })).toEqual({ path: onPath, source: 'system' });
  });

  it('does not take a folder or a non-executable file for a browser', async () => {
    mkdirSync(join(tmp, 'folder'), { recursive: true });
    writeFileSync(join(tmp, 'plain'), 'not a program');
    chmodSync(join(tmp, 'plain'), 0o644);
    const npm = executable('npm/chromium');
    expect(await findBrowser({ env: {}, systemPaths: [join(tmp, 'folder'), join(tmp, 'plain')], systemNames: [], npmChromium: async () => npm })).toEqual({
      path: npm,
      source: '@sparticuz/chromium',
    });
  });

  it('without any browser, fails saying what was tried and what to install', async () => {
    const attempt = findBrowser({ env: { PATH: '' }, systemPaths: ['/nonexistent/chromium'], systemNames: ['chromium'], npmChromium: async () => ({ missing: '@sparticuz/chromium is not installed (run `npm install`)' }) });
    await expect(attempt).rejects.toThrow(/no browser for the browser tests[\s\S]*\/nonexistent\/chromium[\s\S]*@sparticuz\/chromium is not installed[\s\S]*set CHROMIUM_PATH/);
  });

  // @sparticuz/chromium ships a Linux x64 binary only; elsewhere a system browser or CHROMIUM_PATH is needed.
  it.runIf(process.platform === 'linux' && process.arch === 'x64')('unpacks the npm Chromium, which launches and draws on a canvas', async () => {
    const path = await unpackNpmChromium();
    expect(path).toEqual(expect.any(String));
    const browser = await chromium.launch({ executablePath: path as string, args: [...BROWSER_ARGS] });
    try {
      const page = await browser.newPage();
      await page.setContent('<canvas id="c" width="4" height="4"></canvas><p lang="zh">净利润</p>');
      const pixel = await page.evaluate(() => {
        const ctx = (document.getElementById('c') as HTMLCanvasElement).getContext('2d')!;
        ctx.fillStyle = '#ff0000';
        ctx.fillRect(0, 0, 4, 4);
        return [...ctx.getImageData(1, 1, 1, 1).data];
      });
      expect(pixel).toEqual([255, 0, 0, 255]);
      expect(await page.textContent('p')).toBe('净利润');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
