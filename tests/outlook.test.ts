/** The Outlook's forward-looking remarks (scripts/lib/summary.ts `outlook`): what counts as looking ahead. */
import { describe, expect, it } from 'vitest';
import { outlook } from '../scripts/lib/summary.ts';
import type { Source, Speaker } from '../src/lib/schema.ts';

const speakers = new Map<string, Speaker>([['cfo', { id: 'cfo', name: 'CFO', role: 'executive', labels: ['CFO'] }]]);
const sourceOf = (text: string): Source => ({
  key: 'en',
  file: 'seeds/x.txt',
  sha256: '0'.repeat(64),
  layout: 'plain-english',
  layers: [{ lang: /\p{Script=Han}/u.test(text) ? 'zh-Hans' : 'en', role: 'original', machine_translated: false }],
  sections: [{ id: 'prepared-remarks', turns: [{ speaker: 'cfo', label: 'CFO', line: 1, paragraphs: [{ id: 'en-p-1', line: 2, text, segments: [] }] }] }],
  exchanges: [],
  announcement: [],
  omitted: [],
});

describe('forward-looking remarks', () => {
  it.each([
    ['We expect cloud revenue growth to accelerate next quarter.', true],
    ['Looking ahead, we will continue to invest in AI infrastructure.', true],
    ['随着运营效率提升，我们预计下个季度的投入会显著收缩。', true],
    ['I would say that overall, results exceeded our expectations.', false],
    ['The results merchants achieved were in line with their expectations for the campaign.', false],
    ['用户留存与使用频次也好于预期，这是一个很好的结果。', false],
    ['我们已顺利完成短期内每单亏损减半的既定目标。', false],
    ['比如“造星计划”、“蓝星计划”等专项扶持项目效果很好。', false],
    ['During this quarter, the number of members continued to increase by double digits, as we expected.', false],
  ])('%s: %s', (sentence, forward) => {
    expect(outlook([sourceOf(sentence)], speakers).length > 0).toBe(forward);
  });
});
