/**
 * Segment highlights: one segment per sentence and the sentence's translation (converter,
 * scripts/lib/summary.ts), and which text an edition shows (src/lib/highlights.ts).
 */
import { describe, expect, it } from 'vitest';
import { segmentHighlights, translatedSentence } from '../scripts/lib/summary.ts';
import { excerptsInEdition, highlightsInEdition } from '../src/lib/highlights.ts';
import type { Call, Company, Excerpt, Layer, Source, Speaker } from '../src/lib/schema.ts';

const layer = (lang: Layer['lang'], role: Layer['role'] = 'original', machine = false): Layer => ({ lang, role, machine_translated: machine });
const source = (key: string, layers: Layer[], paragraphs: Array<{ text: string; translation?: string }> = []): Source => ({
  key,
  file: `seeds/${key}.txt`,
  sha256: '0'.repeat(64),
  layout: 'plain-english',
  layers,
  sections: paragraphs.length
    ? [{ id: 'prepared-remarks', turns: [{ speaker: 'cfo', label: 'CFO', line: 1, paragraphs: paragraphs.map((p, i) => ({ id: `${key}-p-${i + 1}`, line: i + 2, segments: [], ...p })) }] }]
    : [],
  exchanges: [],
  announcement: [],
  omitted: [],
});
const ex = (src: string, text: string, translation?: string): Excerpt => ({ source: src, paragraph: `${src}-p-1`, speaker: 'cfo', text, ...(translation ? { translation } : {}) });

describe('the sentence of a translation', () => {
  it.each([
    [{ text: 'Revenue grew 5%. Margins fell.', translation: '收入增长5%。利润率下降。' }, 'Margins fell.', '利润率下降。'],
    [{ text: 'Revenue grew 5%. Margins fell.', translation: '收入增长5%，利润率下降。' }, 'Margins fell.', undefined],
    [{ text: 'Revenue grew 5%.' }, 'Revenue grew 5%.', undefined],
  ])('%j: %s -> %s', (p, sentence, expected) => {
    expect(translatedSentence(p, sentence)).toBe(expected);
  });
});

describe('one segment per sentence', () => {
  it('puts a sentence that names two segments under only one of them', () => {
    const company: Company = {
      id: 'acme',
      names: { en: 'Acme' },
      aliases: ['Acme'],
      fiscal_year_end: '12-31',
      segments: [
        { id: 'group', names: { en: 'Acme' }, aliases: [], metrics: [], origin: 'profile' },
        { id: 'cloud', names: { en: 'Cloud' }, aliases: [], metrics: [], origin: 'profile' },
        { id: 'retail', names: { en: 'Retail' }, aliases: [], metrics: [], origin: 'profile' },
      ],
      people: [],
      metric_aliases: {},
      origin: 'profile',
    };
    const speakers = new Map<string, Speaker>([['cfo', { id: 'cfo', name: 'CFO', role: 'executive', labels: ['CFO'] }]]);
    const src = source('en', [layer('en')], [
      { text: 'Cloud and Retail both grew this quarter, driven by strong demand from customers.' },
      { text: 'Retail margins improved, mainly due to lower costs across our stores.' },
      { text: 'Cloud revenue accelerated, driven by AI demand from enterprise customers.' },
    ]);
    const out = segmentHighlights([src], speakers, company, { fy: 2025, q: 2 }, []);
    const texts = out.flatMap((h) => h.items.map((i) => `${h.segment}: ${i.text}`));
    expect(texts.filter((t) => t.includes('both grew'))).toHaveLength(1);
    expect(texts).toContain('retail: Retail margins improved, mainly due to lower costs across our stores.');
    expect(texts).toContain('cloud: Cloud revenue accelerated, driven by AI demand from enterprise customers.');
  });
});

describe('highlights in the reader\'s language', () => {
  const bilingual = { sources: [source('en', [layer('en'), layer('zh-Hant', 'translation', true)])] } as Pick<Call, 'sources'>;
  const two = { sources: [source('en', [layer('en'), layer('zh-Hant', 'translation', true)]), source('zh', [layer('zh-Hans')])] } as Pick<Call, 'sources'>;
  const zhOnly = { sources: [source('zh', [layer('zh-Hans')])] } as Pick<Call, 'sources'>;
  const items = [ex('en', 'Revenue grew 5%.', '營收成長5%。'), ex('en', 'Margins fell.'), ex('zh', '收入增长5%。')];

  it('shows the sentences of a source in the page\'s language, and only those', () => {
    expect(excerptsInEdition(two, 'en')(items).map((e) => [e.text, e.lang, e.machine])).toEqual([
      ['Revenue grew 5%.', 'en', false],
      ['Margins fell.', 'en', false],
    ]);
    expect(excerptsInEdition(two, 'zh')(items).map((e) => [e.text, e.lang, e.machine])).toEqual([['收入增长5%。', 'zh-Hans', false]]);
  });

  it('shows a machine translation, marked, where the call has no original in the page\'s language', () => {
    expect(excerptsInEdition(bilingual, 'zh')(items.slice(0, 2)).map((e) => [e.text, e.lang, e.machine, e.translated])).toEqual([['營收成長5%。', 'zh-Hant', true, true]]);
  });

  it('shows the sentences as said when the call has nothing in the page\'s language', () => {
    expect(excerptsInEdition(zhOnly, 'en')([items[2]!]).map((e) => [e.text, e.lang])).toEqual([['收入增长5%。', 'zh-Hans']]);
  });

  it('drops a segment left with nothing to show in the edition', () => {
    const call = { ...two, highlights: [{ segment: 'cloud', items: [items[2]!] }, { segment: 'retail', items: [items[0]!] }] };
    expect(highlightsInEdition(call, 'en').map((h) => h.segment)).toEqual(['retail']);
  });
});
