/**
 * Summary sections and exports, on the built site: every shown sentence is verbatim from its
 * paragraph and every number in it occurs there; the exported figures are the call's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../scripts/lib/figures/sentences.ts';
import type { Call } from '../src/lib/schema.ts';
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

  it('show between four and six headline figures at a glance', () => {
    for (const page of quarterPages()) {
      const glance = /<section id="at-a-glance"[\s\S]*?<\/section>/.exec(read(page))![0];
      const tiles = glance.match(/<li class="tile"/g)!.length;
      expect(tiles, page).toBeGreaterThanOrEqual(4);
      expect(tiles, page).toBeLessThanOrEqual(6);
    }
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
    expect(guidance.length).toBe(calls.reduce((n, c) => n + c.guidance.length, 0));
    expect(guidance.length).toBeGreaterThan(0);
    for (const g of guidance) {
      expect(Object.keys(g)).toEqual(['company', 'quarter', 'segment', 'metric', 'low', 'high', 'unit', 'approx', 'basis', 'about', 'period', 'quote', 'speaker', 'rule', 'url']);
      expect(g.rule).toMatch(/frame:forecast/);
      const [page, id] = (g.url as string).split('#') as [string, string];
      expect(attrs(read(page), 'id'), g.url as string).toContain(id);
    }
    const csv = readFileSync(join(dist, 'data/guidance.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('company,quarter,segment,metric,low,high,unit,approx,basis,about,period,quote,speaker,rule,url');
    expect(csv.match(/\r\nalibaba,/g)?.length ?? 0).toBe(guidance.length);
  });

  it('writes one summary per quarter without the transcript text', () => {
    const q = JSON.parse(readFileSync(join(dist, 'data/alibaba/fy2025-q2.json'), 'utf8'));
    expect(q.quarter).toBe('FY2025Q2');
    expect(q.figures.length).toBe(calls.find((c) => c.quarter === 'FY2025Q2')!.figures.length);
    expect(q.sources.map((s: { key: string }) => s.key)).toEqual(['en', 'zh']);
    expect(q.sources[0].sections).toBeUndefined();
  });
});
