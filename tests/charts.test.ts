/**
 * Every chart's numbers, read from the built pages, equal the exported figures
 * (data/figures.json) or, for topics, the per-quarter summaries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpec } from '../src/lib/chart-spec.ts';
import { dist, htmlFiles, read, requireDist } from './site-files.ts';

interface Record {
  quarter: string;
  period: string;
  segment: string;
  metric: string;
  value: number;
  unit: string;
}

let figures: Record[];
beforeAll(() => {
  requireDist();
  figures = JSON.parse(readFileSync(join(dist, 'data/figures.json'), 'utf8'));
});

const decode = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const chartsOf = (page: string): ChartSpec[] => [...read(page).matchAll(/<ec-chart data-chart="([^"]*)"/g)].map((m) => JSON.parse(decode(m[1]!)));

describe('charts', () => {
  it('appear on the home, quarter and segment pages, which alone name the chart script (loaded when a chart nears the screen)', () => {
    const pages = htmlFiles().filter((p) => !p.startsWith('data/'));
    const withCharts = pages.filter((p) => chartsOf(p).length > 0);
    expect(withCharts).toContain('index.html');
    expect(withCharts).toContain('zh.html');
    expect(withCharts).toContain('alibaba/fy2025-q2.html');
    expect(withCharts).toContain('alibaba/segments/cloud.html');
    for (const page of pages) {
      const html = read(page);
      expect(/data-chart-script="[^"]*scripts\/charts\.js"/.test(html), page).toBe(chartsOf(page).length > 0);
      expect(html.includes('<script defer src="') && /<script[^>]*charts\.js/.test(html), page).toBe(false);
    }
  });

  it('draw exactly the exported figures', () => {
    let checked = 0;
    for (const page of htmlFiles()) {
      for (const spec of chartsOf(page)) {
        for (const series of spec.series) {
          if (series.ref?.metric?.startsWith('topic:')) continue;
          expect(series.ref?.metric, `${page}: ${series.label} has no metric`).toBeDefined();
          series.values.forEach((v, i) => {
            const cat = spec.categories![i]!;
            const quarter = cat.quarter ?? series.ref!.quarter!;
            const segment = cat.segment ?? series.ref!.segment!;
            const match = figures.filter((f) => f.quarter === quarter && f.period === quarter && f.segment === segment && f.metric === series.ref!.metric);
            if (v === null) {
              expect(match.filter((f) => f.unit === series.unit), `${page}: ${quarter} ${segment} ${series.ref!.metric} is exported but not drawn`).toEqual([]);
              return;
            }
            expect(match.length, `${page}: ${quarter} ${segment} ${series.ref!.metric}`).toBe(1);
            expect(Math.abs(v * series.scale - match[0]!.value)).toBeLessThanOrEqual(Math.abs(match[0]!.value) * 1e-9);
            expect(series.unit).toBe(match[0]!.unit);
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('draw topic shares as the per-quarter summaries count them', () => {
    for (const page of ['index.html', 'zh.html']) {
      const spec = chartsOf(page).find((s) => s.series[0]?.ref?.metric?.startsWith('topic:'))!;
      for (const series of spec.series) {
        const topic = series.ref!.metric!.slice('topic:'.length);
        series.values.forEach((v, i) => {
          const q = spec.categories![i]!.quarter!;
          const summary = JSON.parse(readFileSync(join(dist, `data/alibaba/${q.toLowerCase().replace(/q/, '-q')}.json`), 'utf8'));
          const m = summary.topic_mentions;
          expect(v).toBeCloseTo((100 * m.counts[topic]) / m.paragraphs, 1);
        });
      }
    }
  });

  it('give every canvas a role, a text alternative, and a table of its numbers', () => {
    for (const page of htmlFiles()) {
      const html = read(page);
      for (const m of html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)) {
        expect(m[0]).toMatch(/<canvas role="img" aria-label="[^"]{20,}"/);
        expect(m[0]).toMatch(/<figcaption>[^<]+<\/figcaption>/);
        expect(m[0]).toMatch(/<table[^>]*>[\s\S]*<td class="num"/);
      }
    }
  });
});
