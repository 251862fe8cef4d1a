/**
 * The Q&A digest: the converter's rules for the whole question and the answer's key sentences
 * (scripts/lib/summary.ts), and the page's merging of an exchange's versions, analyst identity
 * and chips (src/lib/qa.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerSentences, wholeQuestion, ANSWER_SENTENCES } from '../scripts/lib/summary.ts';
import { isUnidentified, nameKey, qaChips, qaItems, sameAnalyst } from '../src/lib/qa.ts';
import type { Call, Paragraph, Speaker } from '../src/lib/schema.ts';
import { companies, convertOk, inputsFrom, topics } from './helpers.ts';

const para = (id: string, text: string): Paragraph => ({ id, line: 1, text, segments: [] });
const speaker = (id: string, name: string, extra: Partial<Speaker> = {}): Speaker => ({ id, name, role: 'analyst', labels: [name], ...extra });

describe('the whole question', () => {
  it('keeps every part the analyst asks, in every paragraph, and drops greetings and thanks', () => {
    const asked = wholeQuestion('en', 'jane', [
      para('en-p-1', 'Hi, good evening. Thank you for taking my question. My first question is on cloud. How fast can it grow?'),
      para('en-p-2', 'Secondly, on buybacks: will you keep the pace? Thank you.'),
      para('en-p-3', 'Thanks.'),
    ]);
    expect(asked.map((e) => [e.paragraph, e.text])).toEqual([
      ['en-p-1', 'My first question is on cloud. How fast can it grow?'],
      ['en-p-2', 'Secondly, on buybacks: will you keep the pace?'],
    ]);
  });

  it('keeps a sentence that greets and then asks', () => {
    expect(wholeQuestion('zh', 'a', [para('zh-p-1', '感谢接受我的提问，我的问题是有关于股东回报的。')]).map((e) => e.text)).toEqual(['感谢接受我的提问，我的问题是有关于股东回报的。']);
  });
});

describe('the answer\'s key sentences', () => {
  const turn = (speakerId: string, ...texts: string[]) => ({ speaker: speakerId, paragraphs: texts.map((t, i) => para(`en-p-${i + 10}`, t)) });

  it('puts sentences with figures or forecasts first (an explaining sentence waits), in the order said, at most four', () => {
    const chosen = answerSentences('en', [
      turn('cfo', 'This is Toby. Thank you for the question. We are very happy with the campaign overall.', 'Revenue grew 7% this quarter. The growth was driven by higher take rate. We expect margins to improve next year.'),
      turn('ceo', 'Cloud revenue reached RMB 29.6 billion. Customers keep coming back to us every day. AI revenue grew 100% for the fifth quarter.'),
    ]);
    expect(chosen.map((e) => e.text)).toEqual([
      'Revenue grew 7% this quarter.',
      'We expect margins to improve next year.',
      'Cloud revenue reached RMB 29.6 billion.',
      'AI revenue grew 100% for the fifth quarter.',
    ]);
    expect(chosen.length).toBeLessThanOrEqual(ANSWER_SENTENCES);
    expect(chosen.map((e) => e.speaker)).toEqual(['cfo', 'cfo', 'ceo', 'ceo']);
  });

  it('fills with explaining sentences, and with the first others only while fewer than two are chosen', () => {
    const driver = answerSentences('en', [turn('cfo', 'This is Toby. Margins were stable, mainly due to efficiency. We are pleased with merchants. Customers like it a lot.')]);
    expect(driver.map((e) => e.text)).toEqual(['Margins were stable, mainly due to efficiency.', 'We are pleased with merchants.']);
  });

  it('reads Chinese numerals as figures', () => {
    const zh = answerSentences('zh', [turn('cfo', '我们对商家的支持会继续加强。今年的投入大约是三百亿元左右。这是一个长期的事情，大家不用担心。收入增长了百分之五。')]);
    expect(zh.map((e) => e.text)).toEqual(['今年的投入大约是三百亿元左右。', '收入增长了百分之五。']);
  });

  it('gives nothing for an exchange without an answer', () => {
    expect(answerSentences('en', [])).toEqual([]);
  });
});

describe('one analyst, one identity', () => {
  it.each([
    ['Alex Yao', 'Alex C. Yao', true],
    ['Alex Yao', 'Yao, Alex', true],
    ['Jialong Shi', 'Jia-long Shi', true],
    ['Joyce Ju', 'JOYCE JU', true],
    ['Alex Yao', 'Alicia Yap', false],
    ['Ronald Keung', 'Ronald Kong', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(nameKey(a) === nameKey(b)).toBe(same);
    expect(sameAnalyst(speaker('a', a), speaker('b', b))).toBe(same);
  });

  it('joins names by their Chinese form', () => {
    expect(sameAnalyst(speaker('a', 'Shi Jialong', { name_zh: '施佳龙' }), speaker('b', 'Jay Shi', { name_zh: '施佳龙' }))).toBe(true);
  });

  it.each([
    ['Unidentified Participant', true],
    ['Unidentified Analyst', true],
    ['Unknown Speaker', true],
    ['Analyst', true],
    ['Jiong Shao', false],
  ])('%s is a placeholder: %s', (name, expected) => {
    expect(isUnidentified({ name })).toBe(expected);
  });
});

describe('chips', () => {
  const alibaba = () => companies().find((c) => c.id === 'alibaba')!;

  it('are at most three, segments first, the question\'s own before the answer\'s', () => {
    const chips = qaChips({ segments: ['aidc', 'cainiao', 'cloud', 'taobao-tmall'], topics: ['ai', 'users'] }, 'How are Taobao and Tmall doing, and Cainiao?', alibaba(), topics(), 'en');
    expect(chips.map((c) => c.id)).toEqual(['cainiao', 'taobao-tmall', 'aidc']);
  });

  it('never show a topic beside the segment of the same name', () => {
    const chips = qaChips({ segments: ['cloud'], topics: ['cloud', 'ai'] }, 'How fast will cloud grow?', alibaba(), topics(), 'en');
    expect(chips.map((c) => [c.kind, c.id])).toEqual([
      ['segment', 'cloud'],
      ['topic', 'ai'],
    ]);
  });
});

describe('the digest of a call with two transcripts', () => {
  let call: Call;
  beforeAll(() => {
    call = convertOk(inputsFrom('seeds')).find((c) => c.quarter === 'FY2025Q2')!;
  });

  it('has one item per exchange, whatever the number of sources', () => {
    const items = qaItems(call, companies().find((c) => c.id === 'alibaba')!, topics(), 'en');
    expect(call.sources.length).toBe(2);
    expect(items.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(items.every((i) => i.versions.length === 2 && i.chips.length <= 3)).toBe(true);
  });

  it('names the analyst another source names where one says "Unidentified Participant"', () => {
    const en = qaItems(call, companies().find((c) => c.id === 'alibaba')!, topics(), 'en').find((i) => i.n === 8)!;
    expect(call.speakers.find((s) => s.id === call.sources.find((s) => s.key === 'en')!.exchanges[7]!.analyst)!.name).toBe('Unidentified Participant');
    expect([en.analyst.name, en.firm, en.others]).toEqual(['Jiong Shao', 'Barclays', []]);
  });

  it('shows the version in the page\'s language, with its whole question and the answer\'s sentences', () => {
    const company = companies().find((c) => c.id === 'alibaba')!;
    const en = qaItems(call, company, topics(), 'en')[0]!;
    const zh = qaItems(call, company, topics(), 'zh')[0]!;
    expect([en.shown.source, zh.shown.source]).toEqual(['en', 'zh']);
    expect(en.shown.asked.length).toBeGreaterThan(1);
    expect(en.shown.answer.length).toBeGreaterThan(0);
    expect(zh.shown.answer.every((e) => e.source === 'zh')).toBe(true);
  });
});
