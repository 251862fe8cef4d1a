/**
 * The search functions shared by the index build and both search paths (src/lib/search.ts), the
 * glossary loader (content/glossary.yaml: errors name the file and line), the figure records
 * (a value and its growth are one record), and the citations copy-link controls copy.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPhrase, compileGlossary, fold, groupByCall, parseQuery, rank, scoreDoc, stem, tokenize, type SearchDoc } from '../src/lib/search.ts';
import { CatalogError, loadGlossary } from '../src/lib/catalog.ts';
import { citedMetric, figureCitation, linkTo, passageCitation } from '../src/lib/citation.ts';
import { blockId, blockOffsets, quarterBlocks } from '../src/lib/search-blocks.ts';
import { bySentence, figureGroups, recordPage, type SearchRecord } from '../scripts/lib/search-records.ts';
import type { Figure } from '../src/lib/schema.ts';
import { metrics, root } from './helpers.ts';

describe('stem', () => {
  it.each([
    ['margins', 'margin'],
    ['margin', 'margin'],
    ['buybacks', 'buyback'],
    ['companies', 'company'],
    ['businesses', 'business'],
    ['taxes', 'tax'],
    ['growing', 'grow'],
    ['grows', 'grow'],
    ['status', 'status'],
    ['basis', 'basis'],
    ['rate', 'rate'],
    ['rates', 'rate'],
    ['gmv', 'gmv'],
  ])('%s -> %s', (word, want) => expect(stem(word)).toBe(want));

  it.each([
    ['increase', 'increased', 'increases', 'increasing'],
    ['revenue', 'revenues'],
    ['price', 'prices', 'priced'],
  ])('gives %s and its forms one stem', (...forms) => expect(new Set(forms.map(stem)).size).toBe(1));
});

describe('tokenize', () => {
  it('cuts Chinese into characters, folds Traditional and case, stems English, splits letters from digits', () => {
    expect(tokenize("Alibaba's 淨利潤 grew 11% to RMB236.5 billion; 88VIP margins — Café")).toEqual(['alibaba', '净', '利', '润', 'grew', '11', 'to', 'rmb', '236', '5', 'billion', '88', 'vip', 'margin', 'cafe']);
  });
  it('folds full-width characters', () => expect(fold('ＡＢＣ１２')).toBe('abc12'));
});

describe('parseQuery', () => {
  const glossary = compileGlossary([{ terms: ['free cash flow', 'FCF', '自由现金流'] }, { terms: ['EBITA'], heard: ['EBITDA'] }, { terms: ['88VIP'], heard: ['ADA VIP'] }]);

  it('makes each space-separated word a group and what is written together one phrase', () => {
    expect(parseQuery('净利润 cloud 88vip').groups).toEqual([{ phrases: [['净', '利', '润']] }, { phrases: [['cloud']] }, { phrases: [['88', 'vip']] }]);
  });
  it('expands the longest glossary term, across spaces, to all its terms and mishearings', () => {
    expect(parseQuery('Free Cash Flow growth', glossary).groups).toEqual([
      { phrases: [['free', 'cash', 'flow'], ['fcf'], ['自', '由', '现', '金', '流']], glossary: true },
      { phrases: [['growth']] },
    ]);
    expect(parseQuery('ebita', glossary).groups[0]!.phrases).toEqual([['ebita'], ['ebitda']]);
  });
  it('does not expand a mishearing to the term', () => {
    expect(parseQuery('EBITDA', glossary).groups).toEqual([{ phrases: [['ebitda']] }]);
  });
  it('reads an empty query as no groups', () => expect(parseQuery('  — ').groups).toEqual([]));
});

describe('matching and ranking', () => {
  const doc = (url: string, text: string, filters: Record<string, string[]> = {}): SearchDoc => ({ url, tokens: tokenize(text), meta: {}, filters });

  it('matches Chinese as adjacent characters and other words by prefix', () => {
    expect(countPhrase(tokenize('净利润增长，利润率'), ['利', '润'])).toBe(2);
    expect(countPhrase(tokenize('净利 润'), ['净', '利', '润'])).toBe(1);
    expect(countPhrase(tokenize('operating margins'), ['marg'])).toBe(1);
    expect(countPhrase(tokenize('operate'), ['rate'])).toBe(0);
  });
  it('needs every group; a group needs one of its phrases', () => {
    const q = parseQuery('cloud revenue');
    expect(scoreDoc(tokenize('Cloud revenues grew'), q)).toBeGreaterThan(0);
    expect(scoreDoc(tokenize('Cloud grew'), q)).toBe(0);
  });
  it('orders by quarter end (newest first), then company, relevance, figures first, then URL; and groups by call', () => {
    const docs = [
      doc('a/q1.html#p-1', 'cloud', { quarter: ['FY2024Q1'], quarter_end: ['2023-06-30'], company: ['a'], kind: ['paragraph'] }),
      doc('a/q2.html#p-2', 'cloud cloud', { quarter: ['FY2025Q2'], quarter_end: ['2024-09-30'], company: ['a'], kind: ['paragraph'] }),
      doc('a/q2.html#fig-x', 'cloud cloud', { quarter: ['FY2025Q2'], quarter_end: ['2024-09-30'], company: ['a'], kind: ['figure'] }),
      doc('a/q2.html#p-3', 'cloud is a long paragraph about many other things than the cloud itself and more', { quarter: ['FY2025Q2'], quarter_end: ['2024-09-30'], company: ['a'], kind: ['paragraph'] }),
      doc('a/q2.html#p-4', 'nothing', { quarter: ['FY2025Q2'], quarter_end: ['2024-09-30'], company: ['a'], kind: ['paragraph'] }),
    ];
    const hits = rank(docs, parseQuery('cloud'));
    expect(hits.map((h) => h.url)).toEqual(['a/q2.html#fig-x', 'a/q2.html#p-2', 'a/q2.html#p-3', 'a/q1.html#p-1']);
    expect(groupByCall(hits).map((g) => [g.key, g.hits.length])).toEqual([['a/FY2025Q2', 3], ['a/FY2024Q1', 1]]);
    expect(rank(docs, parseQuery('cloud'), { kind: ['figure'] }).map((h) => h.url)).toEqual(['a/q2.html#fig-x']);
  });
});

describe('loadGlossary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
  const load = (text: string) => {
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content/glossary.yaml'), text);
    try {
      loadGlossary(dir);
      return 'no error';
    } catch (e) {
      if (!(e instanceof CatalogError)) throw e;
      return e.format();
    }
  };

  it('reads the project glossary', () => {
    const entries = loadGlossary(root);
    expect(entries.find((e) => e.terms.includes('FCF'))?.terms).toContain('自由现金流');
    expect(entries.find((e) => e.terms.includes('88VIP'))?.heard).toContain('ADA VIP');
  });
  it('names the file and the line of each kind of problem', () => {
    expect(load('- terms: [a, b]\n- terms: [c, d]\n  heared: [e]\n')).toMatchInlineSnapshot(`"content/glossary.yaml:3: entry 2: Unrecognized key: "heared""`);
    expect(load('- terms: [a, b]\n- terms:\n    - c\n    - ""\n')).toMatchInlineSnapshot(`"content/glossary.yaml:4: entry 2 terms.1: Too small: expected string to have >=1 characters"`);
    expect(load('- terms: [FCF, free cash flow]\n- terms: [x, fcf]\n')).toMatchInlineSnapshot(`"content/glossary.yaml:2: entry 2 terms: "fcf" is already a term of entry 1; merge the two entries"`);
    expect(load('- terms: [a, b]\n- terms: [lonely]\n')).toMatchInlineSnapshot(`"content/glossary.yaml:2: entry 2: an entry needs two terms, or a term and what it is heard as"`);
    expect(load("- terms: [a, '---']\n")).toMatchInlineSnapshot(`"content/glossary.yaml:1: entry 1 terms: "---" has no letter, digit or Chinese character to search for"`);
    expect(load('terms: [a]\n')).toMatchInlineSnapshot(`"content/glossary.yaml:1: must be a list of entries (each "- terms: [...]")"`);
    expect(load('- terms: [a, b]\n- terms: [c, d\n')).toMatch(/^content\/glossary\.yaml:\d+: not valid YAML: /);
  });
  it('reads an empty file as an empty glossary', () => expect(load('# nothing yet\n')).toBe('no error'));
});

describe('figure records', () => {
  const fig = (id: string, metric: string, value: number, unit: Figure['unit'], text: string, basis?: 'yoy' | 'qoq'): Figure => ({
    id,
    period: 'FY2025Q2',
    segment: 'cloud',
    metric,
    value,
    unit,
    ...(basis ? { basis } : {}),
    quotes: [{ source: 'en', paragraph: 'en-p-1', text, number: String(value) }],
  });

  it('puts a value and its growth in one group, and groups read from one sentence in one record', () => {
    const figures = [
      fig('fig-cloud-revenue', 'revenue', 29.6e9, 'CNY', 'Cloud revenue was RMB29.6 billion, up 7%.'),
      fig('fig-cloud-revenue_yoy_pct', 'revenue_yoy_pct', 7, '%', 'Cloud revenue was RMB29.6 billion, up 7%.', 'yoy'),
      fig('fig-cloud-adjusted_ebita', 'adjusted_ebita', 2.7e9, 'CNY', 'Adjusted EBITA was RMB2.7 billion.'),
    ];
    const groups = figureGroups(figures, metrics());
    expect(groups.map((g) => g.map((f) => f.id))).toEqual([['fig-cloud-revenue', 'fig-cloud-revenue_yoy_pct'], ['fig-cloud-adjusted_ebita']]);
    expect(bySentence(groups).map((s) => s.length)).toEqual([1, 1]);
    const same = figureGroups([...figures.slice(0, 2), { ...figures[2]!, quotes: figures[0]!.quotes }], metrics());
    expect(bySentence(same).map((s) => s.length)).toEqual([2]);
  });
});

describe('records as pages for Pagefind', () => {
  // Pagefind's fragment files: gzip of "pagefind_dcd" followed by JSON.
  const fragments = (dir: string) =>
    readdirSync(join(dir, 'fragment')).map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, 'fragment', f))).subarray('pagefind_dcd'.length).toString('utf8')));

  it('indexes each record with its address, meta, filters and tokens exactly, markup in values kept as text', async () => {
    const hostile: SearchRecord = {
      url: 'acme/fy2026-q1.html#en-p-3',
      content: 'free cash flow 1 2 billion 现 金',
      meta: { title: 'A <b>"bold"</b> & </span><span data-pagefind-filter="company">evil</span>', text: 'Free cash flow was $1.2 billion; 现金 & more.' },
      filters: { company: ['acme'], segment_en: ['Cloud, AI & Data', 'Retail'], kind: ['paragraph'] },
    };
    const plain: SearchRecord = { url: 'acme/fy2026-q1.html#fig-revenue', content: 'revenue', meta: { title: 'Revenue' }, filters: { kind: ['figure'] } };
    const dir = mkdtempSync(join(tmpdir(), 'ec-records-'));
    mkdirSync(join(dir, 'in'));
    [hostile, plain].forEach((r, i) => writeFileSync(join(dir, 'in', `${i}.html`), recordPage(r, i + 7)));
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
    const added = await index!.addDirectory({ path: join(dir, 'in') });
    expect(added.errors).toEqual([]);
    expect(added.page_count).toBe(2);
    await index!.writeFiles({ outputPath: join(dir, 'out') });
    await pagefind.close();
    const got = fragments(join(dir, 'out')).sort((a, b) => String(a.meta.href).localeCompare(String(b.meta.href)));
    expect(got.map((f) => f.meta)).toEqual([{ ...hostile.meta, href: hostile.url, n: '7' }, { ...plain.meta, href: plain.url, n: '8' }]);
    expect(got.map((f) => f.filters)).toEqual([hostile.filters, plain.filters].map((fs) => Object.fromEntries(Object.entries(fs).map(([k, v]) => [k, [...v].sort()]))));
    expect(got[0].content.replace(/\u200b/g, '')).toBe(hostile.content);
  });
});

describe('citations', () => {
  it('cites a figure with call, metric, value, quote and link, in each edition\'s punctuation', () => {
    const c = { call: 'Alibaba Group FY2025 Q2', metric: citedMetric('Revenue', 'Cloud Intelligence Group', 'en'), value: 'RMB29.6bn', quote: 'Revenue from Cloud\n was RMB29.6 billion.', url: 'file:///site/alibaba/fy2025-q2.html#fig-cloud-revenue' };
    expect(figureCitation(c, 'en')).toBe('Alibaba Group FY2025 Q2 — Revenue (Cloud Intelligence Group): RMB29.6bn — "Revenue from Cloud was RMB29.6 billion." — file:///site/alibaba/fy2025-q2.html#fig-cloud-revenue');
    expect(figureCitation({ ...c, call: '阿里巴巴集团 2025财年第二季度', metric: citedMetric('收入', '云智能集团', 'zh'), value: '人民币 296 亿元', quote: '云智能集团收入为人民币 296 亿元。' }, 'zh')).toBe(
      '阿里巴巴集团 2025财年第二季度 — 收入（云智能集团）：人民币 296 亿元 — “云智能集团收入为人民币 296 亿元。” — file:///site/alibaba/fy2025-q2.html#fig-cloud-revenue',
    );
  });
  it('cites a passage with the call and speaker, and a group figure without a segment', () => {
    expect(passageCitation('Alibaba Group FY2025 Q2 earnings call (15 November 2024)', 'Toby Xu', 'http://x/a.html#zh-p-1')).toBe('Alibaba Group FY2025 Q2 earnings call (15 November 2024), Toby Xu. http://x/a.html#zh-p-1');
    expect(passageCitation(undefined, undefined, 'http://x/a.html')).toBe('http://x/a.html');
    expect(citedMetric('Revenue', undefined, 'en')).toBe('Revenue');
  });
  it('links to an element, or to the page without a fragment', () => {
    expect(linkTo('file:///d/a.html#old', 'fig-x')).toBe('file:///d/a.html#fig-x');
    expect(linkTo('http://h/a.html?q=1#old', '')).toBe('http://h/a.html?q=1');
  });
});

describe('the Pagefind index in blocks', () => {
  it('names a block by its quarter end, safe as a folder, and numbers records across blocks in their order', () => {
    expect(blockId('2025-09-30')).toBe('2025-09-30');
    expect(blockId(undefined)).toBe('undated');
    expect(blockId('../x y')).toBe('-x-y');
    expect([...blockOffsets({ blocks: [{ id: 'a', records: 3 }, { id: 'b', records: 5 }, { id: 'c', records: 1 }] })]).toEqual([['a', 0], ['b', 3], ['c', 8]]);
  });
  it('puts whole quarter ends together from the oldest until a block is full, so a new quarter changes the newest block only', () => {
    const ends = (...counts: Array<[string, number]>) => counts.flatMap(([end, n]) => Array.from({ length: n }, () => end));
    const shape = (items: string[]) => quarterBlocks(items, (e) => e, 4).map((b) => [b.id, b.items.length]);
    const before = ends(['2025-12-31', 2], ['2025-09-30', 3], ['2025-06-30', 2], ['2025-03-31', 1], ['2024-12-31', 4]);
    expect(shape(before)).toEqual([['2025-12-31', 2], ['2025-09-30', 6], ['2024-12-31', 4]]);
    // A call of a new quarter: the older blocks are the same.
    expect(shape([...ends(['2026-03-31', 1]), ...before])).toEqual([['2026-03-31', 3], ['2025-09-30', 6], ['2024-12-31', 4]]);
    // A quarter is never cut, however large.
    expect(shape(ends(['2025-12-31', 9]))).toEqual([['2025-12-31', 9]]);
    expect(quarterBlocks([], (e: string) => e)).toEqual([]);
  });
});
