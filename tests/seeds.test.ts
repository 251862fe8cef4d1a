/**
 * Expectations for the five transcripts in seeds/, written from reading them (see
 * seeds/README.md): which quarter each call is, who asked which question for which firm, in
 * which order, and who answered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../src/lib/schema.ts';
import { convertOk, inputsFrom, paragraphsOf } from './helpers.ts';

let calls: Call[];
const byQuarter = (q: string) => calls.find((c) => c.quarter === q)!;
beforeAll(() => {
  calls = convertOk(inputsFrom('seeds'));
});

/** [analyst, firm (as the source spells it), answerers] per exchange. */
type Expected = ReadonlyArray<readonly [string, string | undefined, readonly string[]]>;

function exchangesOf(call: Call, key: string) {
  const source = call.sources.find((s) => s.key === key)!;
  const who = (id: string) => call.speakers.find((s) => s.id === id)!;
  return source.exchanges.map((e) => [who(e.analyst).name, who(e.analyst).firm, e.answerers.map((a) => who(a).name)] as const);
}

describe('the seed transcripts', () => {
  it('become four calls, one per quarter, with the right periods and dates', () => {
    // The calls the five seed files make; other transcripts added to seeds/ do not count here.
    const seedCalls = calls.filter((c) => c.sources.some((s) => /^seeds\/00[0-4]_/.test(s.file)));
    expect(seedCalls.map((c) => [c.company, c.quarter, c.period_end, c.call_date ?? null])).toEqual([
      ['alibaba', 'FY2024Q1', '2023-06-30', '2023-08-10'],
      ['alibaba', 'FY2025Q2', '2024-09-30', '2024-11-15'],
      ['alibaba', 'FY2025Q4', '2025-03-31', null],
      ['alibaba', 'FY2026Q2', '2025-09-30', null],
    ]);
  });

  it('merge the two transcripts of the September 2024 quarter into one call with two sources', () => {
    const call = byQuarter('FY2025Q2');
    expect(call.sources.map((s) => [s.key, s.file, s.layout])).toEqual([
      ['en', 'seeds/004_8c7682b2bac77f88.txt', 'bilingual-pairs'],
      ['zh', 'seeds/002_74a1b33537be9b7f.txt', 'official-transcript'],
    ]);
  });

  it('record each text layer with its language and whether it is machine translated', () => {
    expect(byQuarter('FY2025Q4').sources[0]!.layers.map((l) => [l.lang, l.role, l.machine_translated])).toEqual([
      ['en', 'original', false],
      ['zh-Hant', 'translation', true],
    ]);
    expect(byQuarter('FY2024Q1').sources[0]!.layers.map((l) => l.lang)).toEqual(['zh-Hans']);
    expect(byQuarter('FY2026Q2').sources[0]!.layers.map((l) => l.lang)).toEqual(['zh-Hans']);
  });

  it('FY2024 Q1 (official, PDF-wrapped): seven analysts in order, with firms and answerers', () => {
    const expected: Expected = [
      ['Ronald Keung', 'Goldman Sachs', ['Trudy Dai']],
      ['Alicia Yap', 'Citigroup', ['Trudy Dai']],
      ['Gary Yu', 'Morgan Stanley', ['Daniel Zhang']],
      ['Jiong Shao', 'Barclays', ['Daniel Zhang']],
      ['Thomas Chong', 'Jefferies', ['Daniel Zhang']],
      ['James Lee', 'Mizuho', ['Daniel Zhang']],
      ['Jialong Shi', 'Nomura', ['Trudy Dai']],
    ];
    expect(exchangesOf(byQuarter('FY2024Q1'), 'zh')).toEqual(expected);
  });

  it('FY2025 Q2 official Chinese source: nine analysts in order, with firms and answerers', () => {
    const expected: Expected = [
      ['Alicia Yap', 'Citigroup', ['Eddie Wu']],
      ['Ronald Keung', 'Goldman Sachs', ['Toby Xu']],
      ['Thomas Chong', 'Jefferies', ['Eddie Wu']],
      ['Alex Yao', 'JPMorgan', ['Eddie Wu']],
      ['Kenneth Fong', 'UBS', ['Eddie Wu']],
      ['Jialong Shi', 'Nomura', ['Toby Xu', 'Eddie Wu']],
      ['Gary Yu', 'Morgan Stanley', ['Toby Xu', 'Eddie Wu']],
      ['Jiong Shao', 'Barclays', ['Toby Xu']],
      ['James Lee', 'Mizuho', ['Eddie Wu']],
    ];
    // Firms are merged across the call's sources; the first source that names one wins.
    expect(exchangesOf(byQuarter('FY2025Q2'), 'zh')).toEqual(expected);
  });

  it('FY2025 Q2 English source: the same analysts, one unidentified, and its own attribution of exchange 7', () => {
    const got = exchangesOf(byQuarter('FY2025Q2'), 'en');
    expect(got.map((e) => e[0])).toEqual([
      'Alicia Yap', 'Ronald Keung', 'Thomas Chong', 'Alex Yao', 'Kenneth Fong', 'Jialong Shi', 'Gary Yu', 'Unidentified Participant', 'James Lee',
    ]);
    // The English transcript has no label for Eddie Wu's CapEx answer, so it shows Toby Xu only.
    expect(got[6]![2]).toEqual(['Toby Xu']);
    expect(got[5]![2]).toEqual(['Toby Xu', 'Eddie Wu']);
  });

  it('FY2025 Q4 (bilingual): six analysts, firms taken from the operator announcements', () => {
    const expected: Expected = [
      ['Gary Yu', 'Morgan Stanley', ['Eddie Wu', 'Jiang Fan']],
      ['Alex Yao', 'JPMorgan', ['Toby Xu']],
      ['Ronald Keung', 'Goldman Sachs', ['Eddie Wu']],
      ['Kenneth Fong', 'UBS', ['Jiang Fan', 'Eddie Wu']],
      ['Joyce Ju', 'Bank of America', ['Jiang Fan']],
      ['Alicia Yap', 'Citigroup', ['Toby Xu']],
    ];
    expect(exchangesOf(byQuarter('FY2025Q4'), 'en')).toEqual(expected);
  });

  it('FY2026 Q2 (web page): three analysts from the Q&A summary, and nothing from the news items', () => {
    const call = byQuarter('FY2026Q2');
    expect(exchangesOf(call, 'zh')).toEqual([
      ['Kenneth Fong', '瑞银', ['Jiang Fan', 'Toby Xu']],
      ['Alex Yao', '摩根大通', ['Jiang Fan']],
      ['Jialong Shi', '野村证券', ['Jiang Fan']],
    ]);
    const text = paragraphsOf(call, 'zh').map((p) => p.text).join('\n');
    expect(text).not.toContain('英伟达');
    expect(text).not.toContain('(完)');
    // The continuation line of Toby Xu's answer stays with him, not a new speaker.
    const toby = call.sources[0]!.sections[0]!.turns.find((t) => t.speaker === 'toby-xu')!;
    expect(toby.paragraphs.map((p) => p.line)).toEqual([31, 32]);
    // The results-announcement excerpt is kept, labelled, with its own script.
    const ann = call.sources[0]!.announcement;
    expect(ann.map((p) => p.line)).toEqual([22, 23, 24, 25, 26, 27]);
    expect(ann.every((p) => p.lang === 'zh-Hant')).toBe(true);
    expect(call.sources[0]!.omitted.map((o) => o.reason)).toContain('news');
  });

  it('separate introduction, prepared remarks and Q&A in every source that has them', () => {
    for (const call of calls) {
      for (const source of call.sources) {
        const ids = source.sections.map((s) => s.id);
        if (source.layout === 'inline-labels') expect(ids).toEqual(['qa']);
        else expect(ids).toEqual(['introduction', 'prepared-remarks', 'qa']);
      }
    }
  });

  it('rebuild PDF-wrapped paragraphs: hard wraps and page breaks joined, the page footer dropped', () => {
    const text = paragraphsOf(byQuarter('FY2024Q1'), 'zh').map((p) => p.text);
    // Wrapped mid-word across lines 11/13 and 215/217, and across a page break at line 230.
    expect(text.some((t) => t.includes('欢迎参加阿里巴巴集团 2023年 6月份季度业绩电话会议'))).toBe(true);
    expect(text.some((t) => t.includes('经调整 EBITA'))).toBe(true);
    expect(text.some((t) => t.includes('业绩发布电话会'))).toBe(false);
    expect(text.every((t) => !/\s{2,}/.test(t))).toBe(true);
    expect(byQuarter('FY2024Q1').sources[0]!.omitted).toContainEqual({ from: 373, to: 375, reason: 'page-footer' });
  });

  it('join the page break in a clean official transcript and keep its footnote apart', () => {
    const paras = paragraphsOf(byQuarter('FY2025Q2'), 'zh');
    expect(paras.some((p) => p.text.includes('同时不断优化自身运营效率，为各行各业'))).toBe(true);
    const footnote = paras.find((p) => p.kind === 'footnote')!;
    expect(footnote.line).toBe(145);
  });

  it('mark interpreted and original-words paragraphs, including a switch inside one turn', () => {
    const call = byQuarter('FY2024Q1');
    const turns = call.sources[0]!.sections.find((s) => s.id === 'qa')!.turns;
    const alicia = turns.find((t) => t.speaker === 'alicia-yap')!;
    // " (翻译) " after her label, a greeting, then "（原话）" before the question itself.
    expect(alicia.paragraphs.map((p) => [p.line, p.interpreted])).toEqual([
      [520, true],
      [524, false],
      [532, false],
      [538, false],
    ]);
    const trudy = turns.find((t) => t.speaker === 'trudy-dai')!;
    expect(trudy.paragraphs.every((p) => p.interpreted === false)).toBe(true);
  });

  it('pair every bilingual paragraph with its translation and print each label once', () => {
    const paras = paragraphsOf(byQuarter('FY2025Q4'), 'en');
    expect(paras.every((p) => p.translation !== undefined && p.translation !== p.text)).toBe(true);
    expect(paras.some((p) => p.text === 'Lydia Lu - Head of Investor Relations')).toBe(false);
    expect(paras.filter((p) => p.interpreted).length).toBe(13);
    expect(paras.every((p) => !p.text.startsWith('(interpreted)') && !/^\((翻譯|解釋|譯|解讀)\)/.test(p.translation!))).toBe(true);
  });

  it('resolve speakers to the people in the company profile, whatever label a source uses', () => {
    const call = byQuarter('FY2025Q2');
    const lydia = call.speakers.find((s) => s.id === 'lydia-liu')!;
    expect(lydia.role).toBe('investor-relations');
    expect(lydia.labels).toEqual(['Olivia Yu - Head of Investor Relations', 'Lydia Liu']);
    const eddie = call.speakers.find((s) => s.id === 'eddie-wu')!;
    expect(eddie.labels).toEqual(['Yongming Wu - Chief Executive Officer, Director', '吴泳铭']);
    expect(call.speakers.find((s) => s.id === 'editor')!.role).toBe('other');
  });
});
