/**
 * The built site (dist/, made by `npm run build` from seeds/): the pages it must have, their
 * languages, the Q&A they list, and links that resolve on disk, fragments included, which is
 * what browsing from file:// needs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, dist, htmlFiles, read, requireDist, text } from './site-files.ts';
import { root } from './helpers.ts';

let pages: string[];
beforeAll(() => {
  requireDist();
  pages = htmlFiles();
});

/** The quarter slugs of a company's calls, as the converter wrote them (adding a transcript adds one). */
const callSlugs = (company: string) => readdirSync(join(root, 'content', 'calls', company)).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const quarterPages = (prefix: string) => pages.filter((p) => new RegExp(`^${prefix}[a-z0-9-]+/fy\\d{4}-q[1-4]\\.html$`).test(p));

describe('the built site', () => {
  it('has one quarter page per call and edition, plus home and segment pages', () => {
    // Counted from the calls, so that adding a transcript never fails this test.
    const expected = readdirSync(join(root, 'content', 'calls'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\\/g, '/').replace(/\.mdx$/, '.html'))
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['alibaba/fy2024-q1.html', 'alibaba/fy2025-q2.html', 'alibaba/fy2025-q4.html', 'alibaba/fy2026-q2.html']));
    expect(quarterPages('')).toEqual(expected);
    expect(quarterPages('zh/')).toEqual(expected.map((p) => `zh/${p}`));
    expect(pages).toContain('index.html');
    expect(pages).toContain('zh.html');
    expect(pages).toContain('alibaba/segments/cloud.html');
    expect(pages).toContain('zh/alibaba/segments/cloud.html');
  });

  it('gives every page the <html lang> of its edition and a link to the other edition', () => {
    for (const page of pages) {
      const html = read(page);
      const lang = /<html lang="([^"]+)"/.exec(html)![1];
      const zh = page === 'zh.html' || page.startsWith('zh/');
      expect(lang, page).toBe(zh ? 'zh-Hans' : 'en');
      const other = /<a class="lang-switch" href="([^"]+)"/.exec(html)![1]!;
      expect(existsSync(join(dist, dirname(page), other)), `${page} -> ${other}`).toBe(true);
    }
  });

  it('lists the company page quarters newest first, with their sources', () => {
    // The calls table moved from the home page to the company page (issue 12, item 8).
    const html = read('alibaba.html');
    const order = [...html.matchAll(/href="alibaba\/(fy\d{4}-q\d)\.html"/g)].map((m) => m[1]);
    // Every call of the company (content/calls/alibaba/), newest first: slugs sort by fiscal year and quarter.
    expect(order).toEqual(callSlugs('alibaba').sort().reverse());
    expect(text(html)).toContain('Simplified Chinese · official transcript');
    expect(text(html)).toContain('English + Traditional Chinese (machine translation) · bilingual transcript');
  });

  it('gives each company a page in both editions that links every quarter of the company', () => {
    for (const page of ['alibaba.html', 'zh/alibaba.html']) {
      expect(existsSync(join(dist, page)), page).toBe(true);
      const html = read(page);
      const prefix = page.startsWith('zh/') ? 'zh/' : '';
      const quarters = quarterPages(`${prefix}`).filter((p) => p.startsWith(`${prefix}alibaba/`));
      expect(quarters.length).toBe(callSlugs('alibaba').length);
      const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => normalize(join(dirname(page), m[1]!)));
      for (const q of quarters) expect(hrefs, `${page} -> ${q}`).toContain(q);
      for (const h of hrefs) expect(existsSync(join(dist, h.split('#')[0]!)), `${page} -> ${h}`).toBe(true);
      expect(hrefs).toContain(`${prefix}alibaba/analysts.html`);
      expect(hrefs).toContain(`${prefix}alibaba/segments/cloud.html`);
      expect(html).toMatch(/<ec-chart data-chart=/);
    }
  });

  it('lists companies on the home page, each linking to its page and its latest quarter', () => {
    for (const [home, prefix] of [['index.html', ''], ['zh.html', 'zh/']] as const) {
      const html = read(home);
      const row = /<table class="calls companies[\s\S]*?<\/table>/.exec(html)![0];
      expect(row).toContain(`href="${prefix}alibaba.html"`);
      expect(row).toContain(`href="${prefix}alibaba/fy2026-q2.html"`);
      expect(text(row)).toMatch(/\b4\b/);
    }
  });

  it('links the company name in the breadcrumbs of quarter, segment and analysts pages to the company page', () => {
    for (const page of ['alibaba/fy2025-q2.html', 'zh/alibaba/fy2024-q1.html', 'alibaba/segments/cloud.html', 'zh/alibaba/analysts.html']) {
      const crumbs = /<nav class="crumbs"[\s\S]*?<\/nav>/.exec(read(page))![0];
      const hrefs = [...crumbs.matchAll(/href="([^"]+)"/g)].map((m) => normalize(join(dirname(page), m[1]!)));
      expect(hrefs, page).toContain(page.startsWith('zh/') ? 'zh/alibaba.html' : 'alibaba.html');
    }
  });

  it('names each analyst with the firm, in order, and who answered, on each quarter page', () => {
    // Who asked and who answered: the rows of each exchange in the Q&A digest.
    const index = (page: string) =>
      [...read(page).matchAll(/<li id="qa-(\d+)"[^>]*>([\s\S]*?)(?=<li id="qa-|<\/ol>)/g)].map((m) => {
        const rows = [...m[2]!.matchAll(/<div class="qa-row">([\s\S]*?)<\/div>/g)].map((r) => text(r[1]!).trim());
        return `${m[1]}. ${rows.join(' ')}`;
      });
    expect(index('alibaba/fy2024-q1.html')).toEqual([
      '1. Ronald Keung (Goldman Sachs) Answered by: Trudy Dai',
      '2. Alicia Yap (Citigroup) Answered by: Trudy Dai',
      '3. Gary Yu (Morgan Stanley) Answered by: Daniel Zhang',
      '4. Jiong Shao (Barclays) Answered by: Daniel Zhang',
      '5. Thomas Chong (Jefferies) Answered by: Daniel Zhang',
      '6. James Lee (Mizuho) Answered by: Daniel Zhang',
      '7. Jialong Shi (Nomura) Answered by: Trudy Dai',
    ]);
    expect(index('alibaba/fy2025-q4.html')).toEqual([
      '1. Gary Yu (Morgan Stanley) Answered by: Eddie Wu, Jiang Fan',
      '2. Alex Yao (JPMorgan) Answered by: Toby Xu',
      '3. Ronald Keung (Goldman Sachs) Answered by: Eddie Wu',
      '4. Kenneth Fong (UBS) Answered by: Jiang Fan, Eddie Wu',
      '5. Joyce Ju (Bank of America) Answered by: Jiang Fan',
      '6. Alicia Yap (Citigroup) Answered by: Toby Xu',
    ]);
    expect(index('zh/alibaba/fy2026-q2.html')).toEqual([
      '1. Kenneth Fong (瑞银) 回答: 蒋凡（Jiang Fan）、徐宏（Toby Xu）',
      '2. Alex Yao (摩根大通) 回答: 蒋凡（Jiang Fan）',
      '3. Jialong Shi (野村证券) 回答: 蒋凡（Jiang Fan）',
    ]);
    // Two sources of one call: one item per exchange; everyone who answered in either version; the
    // analyst one source leaves unidentified is named as the other source names them.
    for (const page of ['alibaba/fy2025-q2.html', 'zh/alibaba/fy2025-q2.html']) {
      const q2 = index(page);
      expect(q2).toHaveLength(9);
      expect(q2[0]).toMatch(/^1\. Alicia Yap \(Citigroup\) (Answered by|回答): (Eddie Wu|吴泳铭（Eddie Wu）)$/);
      expect(q2[6]).toMatch(/^7\. Gary Yu \(Morgan Stanley\) (Answered by|回答): \S*Toby Xu\S*(, |、)\S*Eddie Wu\S*$/);
      expect(q2[7]).toMatch(/^8\. Jiong Shao \(Barclays\) (Answered by|回答): \S*Toby Xu\S*$/);
    }
  });

  it('lists each analyst once on the analysts page, never as "Unidentified Participant"', () => {
    for (const page of ['alibaba/analysts.html', 'zh/alibaba/analysts.html']) {
      const html = read(page);
      const rows = [...html.matchAll(/<tr id="analyst-([a-z0-9-]+)"/g)].map((m) => m[1]);
      expect(new Set(rows).size, page).toBe(rows.length);
      expect(rows, page).not.toContain('unidentified-participant');
      expect(text(html), page).not.toContain('Unidentified');
      // Jiong Shao asked in FY2024 Q1 and, named only by the Chinese transcript, in FY2025 Q2.
      const row = /<tr id="analyst-jiong-shao">([\s\S]*?)<\/tr>/.exec(html)![1]!;
      expect(attrs(row, 'href').filter((h) => /fy2024-q1\.html#qa-4$|fy2025-q2\.html#qa-8$/.test(h)), page).toHaveLength(2);
    }
  });

  it('shows every paragraph with its stable id and marks the machine translation', () => {
    const html = read('alibaba/fy2025-q4.html');
    const ids = attrs(html, 'id').filter((id) => /^en-p-\d+$/.test(id));
    expect(ids[0]).toBe('en-p-1');
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('<p class="tr mt" lang="zh-Hant">');
    expect(text(html)).toContain('中文譯文來源為 Google 翻譯');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(attrs(html, 'id')).toContain(`en-qa-${n}`);
  });

  it('includes the hand-written note of a quarter', () => {
    expect(text(read('alibaba/fy2025-q2.html'))).toContain("Reading this quarter's two transcripts");
    expect(read('alibaba/fy2025-q2.html')).toMatch(/<table>[\s\S]*adjusted EBITA/);
  });

  it('labels the announcement excerpt and leaves the news out', () => {
    const t = text(read('alibaba/fy2026-q2.html'));
    expect(t).toContain('From the results announcement');
    expect(t).not.toContain('英伟达');
  });

  it('resolves every internal href and src to a file, and every fragment to an id', () => {
    const problems: string[] = [];
    const idsOf = new Map<string, string[]>();
    const ids = (page: string) => idsOf.get(page) ?? (idsOf.set(page, attrs(read(page), 'id')), idsOf.get(page)!);
    for (const page of pages) {
      const html = read(page);
      for (const ref of [...attrs(html, 'href'), ...attrs(html, 'src')]) {
        if (/^[a-z]+:/i.test(ref)) {
          problems.push(`${page}: external or absolute URL ${ref}`);
          continue;
        }
        if (ref.startsWith('/')) {
          problems.push(`${page}: root-relative ${ref} breaks under file://`);
          continue;
        }
        const [file, fragment] = ref.split('#') as [string, string | undefined];
        const target = file === '' ? page : normalize(join(dirname(page), file));
        if (!existsSync(join(dist, target))) problems.push(`${page}: ${ref} -> missing ${target}`);
        else if (fragment && target.endsWith('.html') && !ids(target).includes(decodeURIComponent(fragment))) {
          problems.push(`${page}: ${ref} -> no id "${fragment}" in ${target}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never gives two elements of a page the same id', () => {
    for (const page of pages) {
      const ids = attrs(read(page), 'id');
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), page).toEqual([]);
    }
  });
});
