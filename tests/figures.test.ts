/**
 * Figures: number parsing, the reading rules sentence by sentence, and the seed calls against
 * an answer key written by reading the transcripts (tests/fixtures/answer-key.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findNumbers, normalizeSameLength } from '../scripts/lib/figures/numbers.ts';
import { Finder } from '../scripts/lib/figures/vocabulary.ts';
import { splitSentences } from '../scripts/lib/figures/sentences.ts';
import { figureReader, type RawFigure } from '../scripts/lib/figures/extract.ts';
import { implausible, mergeFigures, settle } from '../scripts/lib/figures/merge.ts';
import { parseQuarterId } from '../src/lib/quarters.ts';
import type { Call, Source, Speaker } from '../src/lib/schema.ts';
import { companies, convertOk, inputsFrom, metrics, reading, paragraphsOf, root } from './helpers.ts';

describe('numbers', () => {
  it.each([
    ['人民币 2,365 亿元', 236_500_000_000, 'money', 'CNY'],
    ['2,342 亿元人民币', 234_200_000_000, 'money', 'CNY'],
    ['454亿人民币', 45_400_000_000, 'money', 'CNY'],
    ['人民币 3.87 亿', 387_000_000, 'money', 'CNY'],
    ['5,500 万元', 55_000_000, 'money', 'CNY'],
    ['人民幣 22,906 百萬元', 22_906_000_000, 'money', 'CNY'],
    ['人民幣 789.27 億元', 78_927_000_000, 'money', 'CNY'],
    ['1.2 万亿元', 1_200_000_000_000, 'money', 'CNY'],
    ['50 亿美元', 5_000_000_000, 'money', 'USD'],
    ['460 亿港元', 46_000_000_000, 'money', 'HKD'],
    ['RMB236.5 billion', 236_500_000_000, 'money', 'CNY'],
    ['USD4.1 billion', 4_100_000_000, 'money', 'USD'],
    ['HKD46 billion', 46_000_000_000, 'money', 'HKD'],
    ['RMB384 million', 384_000_000, 'money', 'CNY'],
    ['US$16.3 million', 16_300_000, 'money', 'USD'],
    // Decimal commas of a translation; a comma before three digits stays a thousands separator.
    ['R$ 4,3 billion', 4_300_000_000, 'money', 'BRL'],
    ['R$ 1.250,4 million', 1_250_400_000, 'money', 'BRL'],
    ['12,5%', 12.5, 'percent', undefined],
    ['MX$ 2,75 billion', 2_750_000_000, 'money', 'MXN'],
    ['US$1,250 million', 1_250_000_000, 'money', 'USD'],
    ['SEK 7,410m', 7_410_000_000, 'money', 'SEK'],
    ['4600 万', 46_000_000, 'count', undefined],
    ['46 million', 46_000_000, 'count', undefined],
    ['14%', 14, 'percent', undefined],
    ['１２％', 12, 'percent', undefined],
    ['千分之六', 0.6, 'percent', undefined],
    ['1 个百分点', 1, 'pp', undefined],
    ['4 percentage points', 4, 'pp', undefined],
  ] as const)('reads %s', (text, value, kind, currency) => {
    const [n] = findNumbers(normalizeSameLength(text));
    expect([n?.value, n?.kind, n?.currency]).toEqual([value, kind, currency]);
  });

  it('ignores years, dates, quarters and product names', () => {
    const norm = normalizeSameLength('2024 年 9 月 30 日，Q3 2024 的 88VIP 和 20-F，FY2026Q2');
    expect(findNumbers(norm).filter((n) => n.kind !== 'plain')).toEqual([]);
  });

  it('marks a per-ADS amount and a bare dollar sign', () => {
    const [a] = findNumbers(normalizeSameLength('USD1.05 per ADS'));
    const [b] = findNumbers(normalizeSameLength('$50 million'));
    expect([a?.perShare, b?.bareDollar, b?.currency]).toEqual([true, true, 'USD']);
  });
});

describe('sentences', () => {
  it('splits Chinese and English sentences without breaking numbers or abbreviations', () => {
    expect(splitSentences('收入为 2,365 亿元。同比增长 5%；利润下降。').map((s) => s.text)).toEqual(['收入为 2,365 亿元。', '同比增长 5%；', '利润下降。']);
    expect(splitSentences('Revenue was RMB236.5 billion. The U.S. market grew 3.5%. Next?').map((s) => s.text)).toEqual([
      'Revenue was RMB236.5 billion.',
      'The U.S. market grew 3.5%.',
      'Next?',
    ]);
    // A machine transcript in lower case: a sentence starts after a word or a figure, not after an abbreviation.
    expect(splitSentences('central costs were £4.6 million. rail revenue was up. eps was 9.1p. we met approx. the plan at 5 p.m. today.').map((s) => s.text)).toEqual([
      'central costs were £4.6 million.',
      'rail revenue was up.',
      'eps was 9.1p.',
      'we met approx. the plan at 5 p.m. today.',
    ]);
  });
});

describe('reading figures from sentences', () => {
  const alibaba = companies().find((c) => c.id === 'alibaba')!;
  const quarter = parseQuarterId('FY2025Q2')!;
  const reader = figureReader({ company: alibaba, metrics: metrics(), reading: reading(), quarter });
  const speakers = new Map<string, Speaker>([['toby-xu', { id: 'toby-xu', name: 'Toby Xu', role: 'executive', labels: [] }]]);
  const figuresOf = (text: string) => {
    const source = {
      key: 'zh',
      file: 'x',
      sha256: '0'.repeat(64),
      layout: 'official-transcript',
      layers: [{ lang: 'zh-Hans', role: 'original', machine_translated: false }],
      sections: [{ id: 'prepared-remarks', turns: [{ speaker: 'toby-xu', label: '徐宏', line: 1, paragraphs: [{ id: 'zh-p-1', line: 2, text, segments: [] }] }] }],
      exchanges: [],
      announcement: [],
      omitted: [],
    } as Source;
    return reader.read(source, speakers).figures.map((f) => [f.segment, f.metric, f.value, f.unit, ...(f.approx ? [f.approx] : []), ...(f.quote.note ? ['note'] : [])]);
  };

  it.each([
    ['集团总合并收入为人民币 2,365 亿元，同比增长 5%。', [['group', 'revenue', 236_500_000_000, 'CNY'], ['group', 'revenue_yoy_pct', 5, '%']]],
    ['AIDC 的经调整 EBITA 为亏损人民币 29 亿元，去年同期为亏损人民币 3.84 亿元。', [['aidc', 'adjusted_ebita', -2_900_000_000, 'CNY']]],
    ['本季度，自由现金流为人民币 137 亿元，较去年同期的人民币 452 亿元下降 70%。', [['group', 'free_cash_flow', 13_700_000_000, 'CNY'], ['group', 'free_cash_flow_yoy_pct', -70, '%']]],
    ['集团合并经调整 EBITA 增长 110 亿元人民币至 454亿元人民币，增幅达到 32%。', [['group', 'adjusted_ebita', 45_400_000_000, 'CNY'], ['group', 'adjusted_ebita_yoy_pct', 32, '%']]],
    ['截至 9 月 30 日，净现金为人民币 3,521 亿元（约合 502 亿美元）。', [['group', 'net_cash', 352_100_000_000, 'CNY']]],
    ['若不考虑长期现金激励计划的影响，我们的经调整 EBITA 则是下降 4%。', []],
    // A margin is read as a ratio; its change in percentage points is not exported.
    ['云智能集团的经调整 EBITA 利润率同比增长 4 个百分点至 9%。', [['cloud', 'adjusted_ebita_margin_pct', 9, '%']]],
    ['中国零售商业的收入为人民币 930 亿元。', [[null, 'revenue', 93_000_000_000, 'CNY']]],
    ['客户管理收入同比增长 2%。', [['taobao-tmall', 'cmr_yoy_pct', 2, '%']]],
    ['本季度集团收入约为人民币 2,365 亿元。', [['group', 'revenue', 236_500_000_000, 'CNY', 'about']]],
    ['截止本季度末总会员规模已经达到超过 4600 万。', [['taobao-tmall', 'members', 46_000_000, 'count', 'more-than']]],
    ['9 月份季度，我们回购了 41 亿美元的股份，加上 6 月份季度回购的 58 亿美元，我们在上半财年共计投入约 100 亿美元进行股份回购。', [['group', 'buyback_usd', 4_100_000_000, 'USD']]],
    ['Cloud adjusted EBITDA increased by 89% to RMB2.7 billion.', [['cloud', 'adjusted_ebita_yoy_pct', 89, '%', 'note'], ['cloud', 'adjusted_ebita', 2_700_000_000, 'CNY', 'note']]],
    ['Our GAAP net income was RMB12 billion, an increase of RMB11.1 billion.', [['group', 'net_income', 12_000_000_000, 'CNY']]],
    ['Revenue from China grew 8% to RMB24.6 billion.', [[null, 'revenue_yoy_pct', 8, '%'], [null, 'revenue', 24_600_000_000, 'CNY']]],
    ['the number of 88 VIP members surpassed RMB80 million.', []],
    ['the number of 88 VIP members is surpassing $50 million.', [['taobao-tmall', 'members', 50_000_000, 'count', 'more-than', 'note']]],
    ['本季度国际数字商业集团收入同比增长 41%，其中国际零售商业平台业务的收入增幅为 60%。', [['aidc', 'revenue_yoy_pct', 41, '%']]],
  ] as const)('%s', (text, expected) => {
    expect(figuresOf(text)).toEqual(expected);
  });
});

describe('the seed calls against the answer key', () => {
  interface Key {
    quarter: string;
    period: string;
    segment: string;
    metric: string;
    value: number;
  }
  const key: Key[] = JSON.parse(readFileSync(join(root, 'tests/fixtures/answer-key.json'), 'utf8')).figures;
  let calls: Call[];
  beforeAll(() => {
    calls = convertOk(inputsFrom('seeds'));
  });
  /** A key value written with fewer decimals matches an extracted value that rounds to it. */
  const matches = (got: number, want: number) => {
    const decimals = (String(want).split('.')[1] ?? '').length;
    const unit = Math.abs(want) >= 1e6 ? 10 ** Math.floor(Math.log10(Math.abs(want)) - 3) : 10 ** -decimals;
    return Math.abs(got - want) <= Math.max(unit / 2, Math.abs(want) * 1e-9);
  };

  it('finds at least 95% of the headline figures, and no figure has a wrong value, segment or sign', () => {
    const found: string[] = [];
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const k of key) {
      const call = calls.find((c) => c.quarter === k.quarter)!;
      const same = call.figures.filter((f) => f.period === k.period && f.segment === k.segment && f.metric === k.metric);
      const label = `${k.quarter} ${k.segment} ${k.metric} ${k.value}`;
      if (same.length === 0) missing.push(label);
      else if (same.some((f) => !matches(f.value, k.value))) wrong.push(`${label}: got ${same.map((f) => f.value).join(', ')}`);
      else found.push(label);
      // The value must not sit under another segment either.
      for (const f of call.figures) {
        if (f.segment !== k.segment && f.period === k.period && f.metric === k.metric && k.segment !== 'group' && f.segment !== 'group' && f.value === k.value && Math.abs(k.value) > 1000) {
          wrong.push(`${label}: also under ${f.segment}`);
        }
      }
    }
    console.log(`answer key: ${found.length}/${key.length} found (${((100 * found.length) / key.length).toFixed(1)}%); missing: ${missing.join('; ') || 'none'}`);
    expect(wrong).toEqual([]);
    expect(found.length / key.length).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every figure a quote that is a sentence of its paragraph and contains its number', () => {
    for (const call of calls) {
      const paragraphs = new Map(call.sources.flatMap((s) => [...paragraphsOf(call, s.key), ...s.announcement]).map((p) => [p.id, p.text]));
      for (const f of [...call.figures, ...call.unassigned]) {
        for (const q of f.quotes) {
          expect(paragraphs.get(q.paragraph), `${f.id} ${q.paragraph}`).toContain(q.text);
          expect(q.text, f.id).toContain(q.number);
        }
      }
    }
  });

  it('never takes a figure from an analyst or the operator', () => {
    for (const call of calls) {
      for (const f of call.figures) {
        for (const q of f.quotes) {
          const role = call.speakers.find((s) => s.id === q.speaker)?.role;
          expect(role === undefined || role === 'executive' || role === 'investor-relations', `${f.id} said by ${q.speaker}`).toBe(true);
        }
      }
    }
  });

  it('shows a disagreement between sources instead of picking one value', () => {
    const ids = calls.flatMap((c) => c.figures.filter((f) => f.disputed).map((f) => `${c.quarter} ${f.id} ${f.value}`));
    // The two FY2025 Q2 transcripts agree on every figure they both state.
    expect(ids.filter((id) => id.startsWith('FY2025Q2'))).toEqual([]);
  });
});

describe('settling two values one source states', () => {
  const raw = (value: number, over: Partial<RawFigure> = {}): RawFigure => ({
    period: 'FY2025Q3',
    segment: 'group',
    metric: 'operating_income',
    value,
    unit: 'CNY',
    precision: 1e6,
    quote: { source: 'zh', paragraph: 'p', text: 't', number: 'n', rule: 'entity:no-segments' },
    order: 1,
    ...over,
  });
  it('keeps the prepared remarks’ precise value over an approximate one said in the Q&A, equally supported', () => {
    const r = settle([[raw(905e6)], [raw(23e6, { qa: true, approx: 'about' })]]);
    expect([r.keep.map((g) => g[0]!.value), r.apart.map((g) => g[0]!.value), r.uncertain]).toEqual([[905e6], [23e6], true]);
  });
  it('leaves out an amount said only approximately in an answer, but not a rate given to a tenth', () => {
    const margin = raw(35.2, { metric: 'gross_margin_pct', unit: '%', qa: true, approx: 'about' });
    const amount = raw(125e6, { metric: 'revenue', qa: true, approx: 'about' });
    const round = raw(35, { metric: 'operating_margin_pct', unit: '%', qa: true, approx: 'about' });
    const { figures } = mergeFigures([margin, amount, round], ['zh'], 'FY2025Q3', companies()[0]!, metrics());
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['gross_margin_pct', 35.2]]);
  });
  it('sets both apart when neither is better supported', () => {
    const r = settle([[raw(905e6)], [raw(23e6)]]);
    expect([r.keep.length, r.apart.length]).toEqual([0, 2]);
  });
  it('sets apart a profit or cash amount larger than the revenue of its entity and period (a slip of scale)', () => {
    const revenue = raw(18.63e9, { metric: 'revenue' });
    const slip = raw(58.4e9, { metric: 'operating_cash_flow' });
    const fine = raw(5.84e9, { metric: 'operating_cash_flow' });
    const netIncome = raw(21e9, { metric: 'net_income' });
    const otherSegment = raw(58.4e9, { metric: 'operating_cash_flow', segment: 'cloud' });
    expect([...implausible([revenue, slip, fine, netIncome, otherSegment])]).toEqual([slip]);
  });
  it('sets apart the revenue instead when the amount\'s own margin puts the revenue ten times away (the revenue is the slip)', () => {
    const revenue = raw(830e6, { metric: 'revenue', segment: 'life' });
    const profit = raw(122.7e9, { metric: 'operating_income', segment: 'life' });
    const margin = raw(14.8, { metric: 'operating_margin_pct', segment: 'life', unit: '%' });
    expect([...implausible([revenue, profit, margin], new Map([['operating_income', 'operating_margin_pct']]))]).toEqual([revenue]);
  });
  it('sets apart the smaller of two revenues with the same digits a thousand times apart when another amount dwarfs it', () => {
    const slip = raw(1.02e6, { metric: 'revenue', segment: 'consumer' });
    const revenue = raw(1.02e9, { metric: 'revenue', segment: 'consumer' });
    const netIncome = raw(188e6, { metric: 'net_income', segment: 'consumer' });
    expect([...implausible([slip, revenue, netIncome])]).toEqual([slip]);
    // Without an amount that shows which is the slip, neither is set apart here (the merge marks them uncertain).
    expect([...implausible([slip, revenue])]).toEqual([]);
    // Values that differ otherwise are not a slip of scale.
    expect([...implausible([raw(1.03e6, { metric: 'revenue', segment: 'consumer' }), revenue, netIncome])]).toEqual([]);
  });
});

describe('the phrase finder', () => {
  // It skips an entry whose longest word the text lacks; what it finds must not change.
  const finder = new Finder<string>([
    ['net sales', 'sales'],
    ['operating loss', 'loss'],
    ['p&l', 'pl'],
    ['净利润', 'ni'],
    ['revenue', 'rev'],
  ]);
  it.each([
    ['Net Sale rose', [['net sale', 'sales']]],
    ['net-sales and revenues', [['net-sales', 'sales'], ['revenues', 'rev']]],
    ['an operating los of', [['operating los', 'loss']]],
    ['the P&L shows', [['p&l', 'pl']]],
    ['歸母淨利潤為', [['净利润', 'ni']]],
    ['nothing here', []],
  ] as const)('%s', (text, expected) => {
    const norm = normalizeSameLength(text);
    expect(finder.find(norm).map((h) => [h.text, h.value])).toEqual(expected);
  });
  it('normalises ASCII and other text to the same length, lower case', () => {
    expect(normalizeSameLength('Revenue WAS $1.2B')).toBe('revenue was $1.2b');
    const zh = '營收為ＮＴ$１２億元';
    expect(normalizeSameLength(zh)).toHaveLength(zh.length);
    expect(normalizeSameLength(zh)).toBe('营收为nt$12亿元');
    expect(normalizeSameLength(zh)).toBe(normalizeSameLength(zh));
  });
});
