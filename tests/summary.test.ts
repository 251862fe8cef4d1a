/**
 * Summary sections and exports, on the built site: every shown sentence is verbatim from its
 * paragraph and every number in it occurs there; the exported figures are the call's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../scripts/lib/figures/sentences.ts';
import type { Call } from '../src/lib/schema.ts';
import { guidanceCsv, guidanceRecords } from '../src/lib/export.ts';
import { convertOk, inputsFrom, paragraphsOf } from './helpers.ts';
import { attrs, dist, htmlFiles, read, requireDist, text } from './site-files.ts';

let calls: Call[];
beforeAll(() => {
  requireDist();
  calls = convertOk(inputsFrom('seeds'));
});

const quarterPages = () => htmlFiles().filter((p) => /alibaba\/fy\d{4}-q\d\.html$/.test(p));

describe('summary excerpts', () => {
  it('are whole sentences, verbatim from their paragraphs', () => {
    for (const call of calls) {
      const byId = new Map(call.sources.flatMap((s) => [...paragraphsOf(call, s.key), ...s.announcement]).map((p) => [p.id, p.text]));
      const excerpts = [...call.highlights.flatMap((h) => h.items), ...call.outlook, ...call.digest.flatMap((d) => [d.question, ...d.asked, ...d.answer])];
      expect(excerpts.length).toBeGreaterThan(0);
      for (const e of excerpts) {
        const para = byId.get(e.paragraph)!;
        expect(para, e.paragraph).toContain(e.text);
        const starts = splitSentences(para).map((s) => s.text);
        expect(starts.some((s) => e.text.startsWith(s)), `${e.paragraph} starts mid-sentence: ${e.text}`).toBe(true);
        expect(starts.some((s) => e.text.endsWith(s)), `${e.paragraph} ends mid-sentence: ${e.text}`).toBe(true);
      }
      // A highlight's translation is a whole sentence of its paragraph's translation.
      const translations = new Map(call.sources.flatMap((s) => paragraphsOf(call, s.key)).map((p) => [p.id, p.translation]));
      for (const e of call.highlights.flatMap((h) => h.items).filter((x) => x.translation !== undefined)) {
        expect(splitSentences(translations.get(e.paragraph) ?? '').map((s) => s.text), e.paragraph).toContain(e.translation);
      }
    }
  });

  it('give every quarter page, in both editions, all the summary sections', () => {
    for (const page of quarterPages()) {
      const ids = attrs(read(page), 'id');
      for (const id of ['at-a-glance', 'key-figures', 'highlights', 'outlook', 'qa', 'participants']) expect(ids, `${page} #${id}`).toContain(id);
    }
  });

  it('open with the headline strip, before the metadata, every value linked to a paragraph of the page', () => {
    for (const page of quarterPages()) {
      const html = read(page);
      const strip = /<section id="at-a-glance"[\s\S]*?<\/section>/.exec(html)![0];
      expect(html.indexOf('<section id="at-a-glance"'), page).toBeLessThan(html.indexOf('<dl class="meta'));
      expect(html.indexOf('<section id="at-a-glance"'), page).toBeGreaterThan(html.indexOf('<h1'));
      const targets = [...strip.matchAll(/<a class="fig-value" href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(targets.length, page).toBeGreaterThanOrEqual(2);
      for (const id of targets) expect(attrs(html, 'id'), `${page} #${id}`).toContain(id);
    }
  });

  it("show the group's revenue, profit measures, net income and free cash flow with their stated growth, and each segment's revenue", () => {
    const strip = (page: string) => /<section id="at-a-glance"[\s\S]*?<\/section>/.exec(read(page))![0];
    const labels = (html: string) => [...html.matchAll(/<span class="tile-label">([^<]*)<\/span>/g)].map((m) => m[1]);
    const q2 = strip('alibaba/fy2025-q2.html');
    expect(labels(q2)).toEqual(['Revenue', 'Adjusted EBITA', 'Net income', 'Non-GAAP net income', 'Free cash flow']);
    for (const shown of ['RMB236.5bn', '+5% YoY', 'RMB40.6bn', '−5% YoY', 'RMB13.7bn', '−70% YoY', 'Cloud Intelligence Group', 'RMB29.6bn', '+7% YoY']) expect(text(q2)).toContain(shown);
    // Net cash and buybacks are figures of the call but not headline figures.
    expect(text(q2)).not.toContain('RMB352.1bn');
    expect(labels(strip('zh/alibaba/fy2025-q2.html'))).toEqual(['收入', '经调整 EBITA', '净利润', '非公认会计准则净利润', '自由现金流']);
    // FY2026 Q2 states no group figure: the strip is its two segments, each with the metric it states.
    const q26 = strip('alibaba/fy2026-q2.html');
    expect(labels(q26)).toEqual([]);
    // What the strip shows, without the tooltips (each ends with its quote's three closing spans).
    const shownText = (html: string) => text(html.replace(/<span class="fig-tip"[\s\S]*?<\/span><\/span><\/span>/g, ''));
    expect(shownText(q26)).toMatch(/Alibaba China E-commerce Group\s*Customer management revenue\s*RMB78.93bn[\s\S]*Quick commerce\s*Revenue\s*RMB22.91bn\s*\+60% YoY/);
  });

  it('show only numbers that occur in the paragraph each sentence links to', () => {
    const numbers = (s: string) => (s.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, ''));
    let checked = 0;
    for (const page of quarterPages()) {
      const html = read(page);
      const paragraphText = (id: string) => {
        const m = new RegExp(`<div class="[^"]*" id="${id}">([\\s\\S]*?)<a class="pmark"`).exec(html);
        return m ? text(m[1]!).replace(/,/g, '') : undefined;
      };
      // Each shown sentence is a <q> followed by a link to its paragraph.
      for (const m of html.matchAll(/<q[^>]*>((?:(?!<q[\s>])[\s\S])*?)<\/q>[^<]*(?:<\/span>)?[^<]*<a class="source-link" href="#([^"]+)"/g)) {
        const para = paragraphText(m[2]!);
        expect(para, `${page}: no paragraph ${m[2]}`).toBeDefined();
        for (const n of numbers(text(m[1]!))) {
          expect(para, `${page}: ${n} not in ${m[2]}`).toContain(n);
          checked++;
        }
      }
      // Each figure's tooltip quote and the paragraph its value links to.
      for (const m of html.matchAll(/<a class="fig-value" href="#([^"]+)"[^>]*>[^<]*<\/a>(?:<span class="badge[^>]*>[^<]*<\/span>)?<span class="fig-tip"[^>]*>(?:(?!<span class="fig-quote)[\s\S])*<span class="fig-quote[^"]*"><q[^>]*>([\s\S]*?)<\/q>/g)) {
        const para = paragraphText(m[1]!);
        expect(para, `${page}: no paragraph ${m[1]}`).toBeDefined();
        for (const n of numbers(text(m[2]!))) {
          expect(para, `${page}: ${n} not in ${m[1]}`).toContain(n);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('data export', () => {
  const records = () => JSON.parse(readFileSync(join(dist, 'data/figures.json'), 'utf8')) as Array<Record<string, unknown>>;

  it('has every attributed figure of every call, with the documented fields', () => {
    const all = records();
    expect(all.length).toBe(calls.reduce((n, c) => n + c.figures.length, 0));
    const revenue = all.find((r) => r.quarter === 'FY2025Q2' && r.segment === 'group' && r.metric === 'revenue')!;
    expect(revenue).toMatchObject({ company: 'alibaba', period_end: '2024-09-30', value: 236_500_000_000, unit: 'CNY' });
    const members = all.find((r) => r.quarter === 'FY2025Q2' && r.metric === 'members')!;
    expect([members.value, members.unit]).toEqual([46_000_000, 'count']);
    expect(all.every((r) => r.segment !== null && typeof r.value === 'number')).toBe(true);
  });

  it('links every record to an element that exists on its page', () => {
    for (const r of records()) {
      for (const url of [r.url as string, r.figure_url as string]) {
        const [page, id] = url.split('#') as [string, string];
        expect(attrs(read(page), 'id'), url).toContain(id);
      }
    }
  });

  it('writes the same records as CSV', () => {
    const csv = readFileSync(join(dist, 'data/figures.csv'), 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('company,quarter,period,period_end,segment,metric,value,unit,basis,approx,disputed,frame,rule,uncertain,quote,speaker,source,paragraph,url,figure_url');
    // Quotes may contain commas and quotation marks; count records by their first field.
    expect(csv.match(/\r\nalibaba,/g)!.length).toBe(records().length);
  });

  it('exports every forecast as guidance, as JSON and CSV, each linked to its paragraph', () => {
    const guidance = JSON.parse(readFileSync(join(dist, 'data/guidance.json'), 'utf8')) as Array<Record<string, unknown>>;
    // (The seed calls state few forecasts with a figure, possibly none; the records' form is
    // checked on a development call below.)
    expect(guidance.length).toBe(calls.reduce((n, c) => n + c.guidance.length, 0));
    for (const g of guidance) {
      expect(Object.keys(g)).toEqual(['company', 'quarter', 'segment', 'metric', 'low', 'high', 'unit', 'approx', 'basis', 'constant_currency', 'about', 'period', 'quote', 'speaker', 'rule', 'url']);
      expect(g.rule).toMatch(/frame:forecast/);
      const [page, id] = (g.url as string).split('#') as [string, string];
      expect(attrs(read(page), 'id'), g.url as string).toContain(id);
    }
    const csv = readFileSync(join(dist, 'data/guidance.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('company,quarter,segment,metric,low,high,unit,approx,basis,constant_currency,about,period,quote,speaker,rule,url');
    expect(csv.match(/\r\nalibaba,/g)?.length ?? 0).toBe(guidance.length);
  });

  it('makes one guidance record per forecast of a call, in JSON field order and as CSV', () => {
    const [call] = convertOk(inputsFrom('tests/eval/dev', ['verdance-energy-fy2026-q2.txt']));
    const records = guidanceRecords([call!]);
    expect(records.length).toBe(call!.guidance.length);
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const g of records) {
      expect(Object.keys(g)).toEqual(['company', 'quarter', 'segment', 'metric', 'low', 'high', 'unit', 'approx', 'basis', 'constant_currency', 'about', 'period', 'quote', 'speaker', 'rule', 'url']);
      expect(g.rule).toMatch(/frame:forecast/);
      expect(g.url).toMatch(new RegExp(`^${call!.company}/fy2026-q2\\.html#en-p-\\d+$`));
    }
    expect(records.find((g) => g.metric === 'revenue')).toMatchObject({ segment: 'group', low: 295e6, high: 315e6, unit: 'USD', period: 'FY2026Q3' });
    const csv = guidanceCsv(records).split('\r\n');
    expect(csv[0]).toBe('company,quarter,segment,metric,low,high,unit,approx,basis,constant_currency,about,period,quote,speaker,rule,url');
    expect(csv.filter((l) => l.startsWith(`${call!.company},`)).length).toBe(records.length);
  });

  it('writes one summary per quarter without the transcript text', () => {
    const q = JSON.parse(readFileSync(join(dist, 'data/alibaba/fy2025-q2.json'), 'utf8'));
    expect(q.quarter).toBe('FY2025Q2');
    expect(q.figures.length).toBe(calls.find((c) => c.quarter === 'FY2025Q2')!.figures.length);
    expect(q.sources.map((s: { key: string }) => s.key)).toEqual(['en', 'zh']);
    expect(q.sources[0].sections).toBeUndefined();
  });
});
