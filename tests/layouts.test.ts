/**
 * Golden files: each fixture in tests/fixtures/layouts/ is named after what it exercises; its
 * converted call is compared with the `.expected.json` beside it. After a deliberate change,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/layouts.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { companySchema, type Call } from '../src/lib/schema.ts';
import { convertAll } from '../scripts/lib/pipeline.ts';
import { labelLine } from '../scripts/lib/layouts/label-lines.ts';
import { detectLayout } from '../scripts/lib/detect.ts';
import { splitLines } from '../scripts/lib/text.ts';
import { catalog, inputsFrom, root, textInput } from './helpers.ts';

const dir = join(root, 'tests/fixtures/layouts');
const acme = companySchema.parse(yaml.load(readFileSync(join(root, 'tests/fixtures/companies/acme.yaml'), 'utf8')));
const convertFixture = (name: string): Call => {
  const result = convertAll(inputsFrom('tests/fixtures/layouts', [name]), catalog([acme]));
  if (result.errors.length) throw new Error(result.errors.map((e) => e.format()).join('\n'));
  expect(result.calls).toHaveLength(1);
  return result.calls[0]!;
};
const exchanges = (call: Call) =>
  call.sources[0]!.exchanges.map((e) => {
    const name = (id: string) => call.speakers.find((s) => s.id === id)!;
    return `${name(e.analyst).name} (${name(e.analyst).firm ?? '?'}) -> ${e.answerers.map((a) => name(a).name).join(', ')}`;
  });
const paragraphs = (call: Call) => call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs));

describe('golden files', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(`converts ${name} as recorded`, () => {
      const call = convertFixture(name);
      const got = `${JSON.stringify(call, null, 2)}\n`;
      const expectedPath = join(dir, name.replace(/\.txt$/, '.expected.json'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, got);
      // A missing golden file fails: it is written only by the explicit command above.
      expect(existsSync(expectedPath), `${expectedPath} is missing; run UPDATE_GOLDEN=1 npx vitest run tests/layouts.test.ts and review it`).toBe(true);
      expect(got).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('plain layout: participants listed in a PDF\'s columns', () => {
  const text = [
    'Kestrel Cove Holdings Limited - Q3 FY2026 Results Briefing',
    '',
    'CORPORATE PARTICIPANTS',
    '',
    'Andrew Pember       Managing Director and Chief Executive Officer',
    'Margaret Lin        Chief Financial Officer',
    '',
    'CONFERENCE CALL PARTICIPANTS',
    '',
    'David Okoro         Harbourside Securities',
    '',
    'OPERATOR:',
    'Welcome to the Kestrel Cove Holdings third quarter fiscal 2026 results briefing.',
    '',
    'ANDREW PEMBER, MANAGING DIRECTOR AND CHIEF EXECUTIVE OFFICER:',
    'Thanks, and good morning.',
    '',
    'MARGARET LIN, CHIEF FINANCIAL OFFICER:',
    'Group revenue for the quarter was A$842.6 million, up 11.4 per cent.',
    '',
    'OPERATOR:',
    'Your first question comes from David Okoro with Harbourside Securities.',
    '',
    'DAVID OKORO, HARBOURSIDE SECURITIES:',
    'What drove the growth?',
    '',
    'MARGARET LIN, CHIEF FINANCIAL OFFICER:',
    'Volumes, mostly.',
  ].join('\n');
  const result = convertAll([textInput('kestrel-cove.txt', text)], catalog([]));
  it('takes each column\'s name and title or firm, so the capitalised labels are those people', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, [s.role, s.title ?? s.firm]]));
    expect(who).toMatchObject({ 'Margaret Lin': ['executive', 'Chief Financial Officer'], 'David Okoro': ['analyst', 'Harbourside Securities'] });
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 842.6e6], ['revenue_yoy_pct', 11.4]]));
  });
});

describe('plain layout: capitalised labels that end in a colon and give the listed name its title', () => {
  const text = [
    'Tamarack Rail Inc.',
    'Second Quarter Fiscal 2026 Results Conference Call',
    '',
    'CORPORATE PARTICIPANTS',
    'Ines Vautrin, Chief Financial Officer',
    'Paul Okafor, President and Chief Executive Officer',
    '',
    'CONFERENCE CALL PARTICIPANTS',
    'Hugo Lindqvist, Northgate Securities',
    '',
    'OPERATOR:',
    'Welcome to the Tamarack Rail second quarter fiscal 2026 results conference call.',
    '',
    'PAUL OKAFOR, PRESIDENT AND CHIEF EXECUTIVE OFFICER:',
    'Thank you. It was a solid quarter for the whole company.',
    '',
    'INES VAUTRIN, CHIEF FINANCIAL OFFICER:',
    'Thank you, Paul. Revenue was C$812 million, up 6.1%.',
    '',
    'OPERATOR:',
    'Our first question comes from Hugo Lindqvist with Northgate Securities.',
    '',
    'HUGO LINDQVIST, NORTHGATE SECURITIES:',
    'What drove the growth?',
    '',
    'INES VAUTRIN, CHIEF FINANCIAL OFFICER:',
    'Volumes, mostly.',
  ].join('\n');
  const result = convertAll([textInput('tamarack.txt', text)], catalog([]));
  it('starts the call at "OPERATOR:", and takes roles and titles from the lists', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.sources[0]!.layout).toBe('plain-english');
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, [s.role, s.title ?? s.firm]]));
    expect(who).toMatchObject({ 'Ines Vautrin': ['executive', 'Chief Financial Officer'], 'Paul Okafor': ['executive', 'President and Chief Executive Officer'], 'Hugo Lindqvist': ['analyst', 'Northgate Securities'] });
    expect(call.sources[0]!.sections.map((s) => s.id)).toContain('prepared-remarks');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 812e6], ['revenue_yoy_pct', 6.1]]));
  });
});

describe('label lines of a video platform: "Speaker 1  00:00:02" and first names with times', () => {
  const text = [
    'Fernhall Outfitters Q3 earnings call audio transcript',
    'auto generated transcript may contain errors',
    '',
    'Speaker 1  00:00:02',
    'good morning and welcome to the fernhall outfitters third quarter fiscal twenty twenty six earnings conference call i would now like to turn the call over to your host Nora Pell vice president investor relations thank you you may begin',
    '',
    'Speaker 2  00:00:24',
    'thank you operator and thanks for joining us to discuss results for the third quarter of fiscal twenty twenty six which is the thirteen weeks ended november first twenty twenty five and with that over to dana',
    '',
    'Dana  00:01:05',
    'thanks nora so net sales were two point four billion dollars up five point eight percent',
    '',
    'Speaker 1  00:06:48',
    'thank you we will now be conducting a question and answer session our first question comes from priya desai with tallgrass securities please proceed',
    '',
    'Priya  00:07:01',
    'hey good morning what drove the digital growth',
    '',
    'Dana  00:07:40',
    'mostly the loyalty relaunch',
  ].join('\n');
  const result = convertAll([textInput('fernhall.txt', text)], catalog([]));
  it('names the operator and the host from what is said, and gives the answerer a role', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.sources[0]!.layout).toBe('label-lines');
    expect(call.quarter).toBe('FY2026Q3');
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, s.role]));
    expect(who).toMatchObject({ 'Nora Pell': 'investor-relations', Dana: 'executive', Priya: 'analyst' });
    const turns = call.sources[0]!.sections.flatMap((s) => s.turns.map((t) => `${s.id}:${t.speaker}`));
    expect(turns[0]).toBe('introduction:operator');
    expect(turns.at(-1)).toBe('qa:dana');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 2.4e9], ['revenue_yoy_pct', 5.8]]));
  });
});

describe("a court reporter's transcript: APPEARANCES with honorifics, labels 'MR. SURNAME:'", () => {
  const text = [
    'HOLLIS BAY TRADING, INC.',
    '(NASDAQ: HBTR)',
    '',
    'THIRD QUARTER FISCAL 2026',
    'EARNINGS CONFERENCE CALL',
    '',
    'APPEARANCES:',
    '',
    '  MS. PETRA LUND',
    '  Vice President, Investor Relations',
    '',
    '  MR. OSCAR MBEKI',
    '  Chief Financial Officer',
    '',
    'ANALYSTS:',
    '',
    '  MR. ERIK SOLBERG, Dunmore Partners',
    '  MS. TARA NOLL, Pinecrest Securities',
    '',
    'THE OPERATOR:  Good afternoon, and welcome to the Hollis Bay Trading third quarter fiscal 2026 earnings call.',
    '',
    'MS. LUND:  Thank you. With me is Oscar Mbeki, our Chief Financial Officer.',
    '',
    'MR. MBEKI:  Thank you, Petra. Net sales were $418.2 million, up 5.1%.',
    '',
    'THE OPERATOR:  Our first question comes from Erik Solberg with Dunmore Partners.',
    '',
    'MR. SOLBERG:  What drove the growth?',
    '',
    'MR. MBEKI:  Mostly our stores, which had a very good quarter overall.',
    '',
    'THE OPERATOR:  Our next question comes from Tara Noll with Pinecrest Securities.',
    '',
    'MS. NOLL:  Thanks. How should we think about the fourth quarter?',
    '',
    'MR. MBEKI:  We expect net sales growth of 2% to 4% in the fourth quarter.',
    '',
    'THE OPERATOR:  This concludes the question-and-answer session. Thank you.',
  ].join('\n');
  const result = convertAll([textInput('hollis.txt', text)], catalog([]));
  it('takes names, titles, firms and roles from the lists for labels that give only an honorific and a family name', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, [s.role, s.title ?? s.firm ?? null]]));
    expect(who).toMatchObject({
      'Petra Lund': ['investor-relations', 'Vice President, Investor Relations'],
      'Oscar Mbeki': ['executive', 'Chief Financial Officer'],
      'Erik Solberg': ['analyst', 'Dunmore Partners'],
    });
    expect(call.speakers.find((s) => /operator/i.test(s.name))?.role).toBe('operator');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 418.2e6], ['revenue_yoy_pct', 5.1]]));
  });
});

describe('PDF text whose hard-wrapped prose has a line starting with "disclaimer"', () => {
  const text = [
    'TOLLBRIDGE FREIGHT LIMITED',
    'Second Quarter FY2026 Results Briefing',
    '',
    'OPERATOR:',
    'Welcome to the Tollbridge Freight second quarter FY2026 briefing. I will now hand',
    'over to Ms Aroha Kingi, Head of Investor Relations.',
    '',
    'AROHA KINGI, HEAD OF INVESTOR RELATIONS:',
    'Thank you. Before we begin, please read the forward-looking statements notice and',
    'disclaimer on slide two of the presentation lodged this morning. I will now hand over',
    'to our Chief Financial Officer.',
    '',
    "NIAMH O'ROURKE, CHIEF FINANCIAL OFFICER:",
    'Thanks, Aroha. Revenue for the quarter was A$512.4 million, up 7.2% on the prior',
    'corresponding period.',
    '',
    'OPERATOR:',
    'Our first question comes from Will Tait with Kowhai Securities.',
    '',
    'WILL TAIT, KOWHAI SECURITIES:',
    'Thanks. How is the pipeline looking?',
    '',
    "NIAMH O'ROURKE, CHIEF FINANCIAL OFFICER:",
    'It is healthy across both divisions.',
  ].join('\n');
  const result = convertAll([textInput('tollbridge.txt', text)], catalog([]));
  it('reads on past it: the speakers after it and their figures are the call', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => s.name).sort()).toEqual(['Aroha Kingi', "Niamh O'Rourke", 'Operator', 'Will Tait']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 512.4e6], ['revenue_yoy_pct', 7.2]]));
  });
});

describe('an interpreted briefing: "Name [Interpreted]:" labels, "A: Name [Interpreted]:" answers, the interpreter\'s own notes', () => {
  const text = [
    'Hoshiba Electric Corporation',
    'Financial Results Briefing for the Second Quarter of Fiscal 2025 (Fiscal Year Ending March 31, 2026)',
    '',
    'Presenters:',
    'Kurosaki, Michio – Representative Director, President and CEO',
    'Hayama, Reiko – Director and CFO',
    '',
    'Interpreter: This is the English interpretation channel.',
    '',
    'Moderator: We will now begin the briefing of Hoshiba Electric Corporation for the second quarter of fiscal 2025.',
    '',
    'Kurosaki [Interpreted]: Thank you. This is Kurosaki. For the second quarter, revenue was 312.4 billion yen, an increase of 6.2%.',
    '',
    'Hayama [Interpreted]: This is Hayama. Operating profit was 28.6 billion yen.',
    '',
    'Interpreter: Correction from the interpreter. The margin is 9.2%, not 9.5%.',
    '',
    'Moderator: We will now move to the question-and-answer session. Mr. Nishio of Hamamatsu Securities, please.',
    '',
    'Q: [Interpreted] This is Nishio from Hamamatsu Securities. How are orders?',
    '',
    'A: Hayama [Interpreted]: Thank you for the question. Orders were strong in power systems.',
    '',
    'Q: [Interpreted] Thank you. And the margin in the second half?',
    '',
    'A: Kurosaki [Interpreted]: Thank you for the question. Orders were strong.',
  ].join('\n');
  const result = convertAll([textInput('hoshiba.txt', text)], catalog([]));
  it('reads the speakers without the marks, the paragraphs as interpreted, the interpreter as nobody\'s side', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? ''}`).sort()).toEqual(['Hayama | executive | Director and CFO', 'Interpreter | other | ', 'Kurosaki | executive | Representative Director, President and CEO', 'Moderator | operator | ', 'Q | analyst | ']);
    const turns = call.sources[0]!.sections.flatMap((sec) => sec.turns);
    const answer = turns.at(-1)!;
    expect([answer.speaker, answer.paragraphs[0]!.text, answer.paragraphs[0]!.interpreted]).toEqual(['kurosaki', 'Thank you for the question. Orders were strong.', true]);
    expect(turns.find((t) => t.speaker === 'q')!.paragraphs[0]!.text).toBe('This is Nishio from Hamamatsu Securities. How are orders?');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 312.4e9], ['operating_income', 28.6e9]]));
  });
});

describe('consecutive interpretation in inline turns: a speaker\'s "(Spoken in Korean)", then the interpreter\'s words', () => {
  const text = [
    'Hanseul Chemical Co., Ltd.',
    'Second Quarter 2025 Earnings Conference Call',
    '',
    'Company participants:',
    'Lee Ha-eun, Chief Financial Officer',
    'Park Ji-ho, Head of Investor Relations',
    '',
    'Operator: Good afternoon, and welcome to the Hanseul Chemical earnings conference call for the second quarter of 2025.',
    '',
    'Park Ji-ho, Head of Investor Relations: (Spoken in Korean)',
    '',
    'Interpreter: Good afternoon. I am Park Ji-ho, head of IR. Our CFO will present the results.',
    '',
    'Lee Ha-eun, Chief Financial Officer: (Spoken in Korean)',
    '',
    'Interpreter: Thank you. Consolidated revenue for the second quarter was KRW 3.84 trillion, an increase of 9.1% year over year.',
    '',
    'Interpreter: Operating profit was 287.4 billion won, up 24.4% year over year.',
    '',
    'Operator: The first question is from Daniel Ames of Norden Capital.',
    '',
    'Daniel Ames, Norden Capital: Thank you. How do you see the second half?',
    '',
    'Lee Ha-eun, Chief Financial Officer: (Spoken in Korean)',
    '',
    'Interpreter: Thank you for the question. We expect the second half to be stronger than the first.',
  ].join('\n');
  const result = convertAll([textInput('hanseul.txt', text)], catalog([]));
  it('gives the interpreter\'s words to the speaker they voice, marked as interpreted', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const turns = call.sources[0]!.sections.flatMap((sec) => sec.turns);
    expect(turns.some((t) => t.speaker === 'interpreter')).toBe(false);
    const cfo = turns.find((t) => t.speaker === 'lee-ha-eun')!;
    expect(cfo.paragraphs.map((p) => [p.text.slice(0, 40), p.interpreted])).toEqual([
      ['Thank you. Consolidated revenue for the ', true],
      ['Operating profit was 287.4 billion won, ', true],
    ]);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 3.84e12], ['operating_income', 287.4e9]]));
    expect(exchanges(call)).toEqual(['Daniel Ames (Norden Capital) -> Lee Ha-eun']);
  });
});

describe('a Markdown export with speakers named by title in headings and a numbered Q&A summary', () => {
  const text = [
    '# Kurobane Industries, Ltd. — Financial Results Briefing for the Third Quarter of Fiscal 2025',
    '',
    '- **Date:** February 5, 2026',
    '',
    '## Presentation',
    '',
    '### Moderator (Investor Relations)',
    '',
    'Good afternoon, and thank you for joining Kurobane Industries\' financial results briefing for the third quarter of fiscal 2025.',
    '',
    '### President',
    '',
    'Let me begin with an overview of the third quarter, the three months from October to December.',
    '',
    '### CFO',
    '',
    'Net sales for the third quarter were 412.6 billion yen, up 6.0% year on year.',
    '',
    '## Q&A session summary',
    '',
    '**Q1.** Ryo Hata (Sakura Securities): How do you see the fourth quarter?',
    '',
    '**A1.** CFO Sendo: We expect operating profit of 37.8 billion yen in the fourth quarter.',
    '',
    '**Q2.** Emi Hara (Thorn Securities): What about the margin?',
    '',
    '**A2.** President Kameyama: It will improve.',
  ].join('\n');
  const result = convertAll([textInput('kurobane.txt', text)], catalog([]));
  it('takes the headings as speakers, each numbered question as the analyst\'s and each answer as the executive\'s', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role} | ${s.firm ?? s.title ?? ''}`).sort()).toEqual([
      'CFO | executive | CFO',
      'Emi Hara | analyst | Thorn Securities',
      'Kameyama | executive | President',
      'Moderator | operator | ',
      'President | executive | President',
      'Ryo Hata | analyst | Sakura Securities',
      'Sendo | executive | CFO',
    ]);
    expect(exchanges(call)).toEqual(['Ryo Hata (Sakura Securities) -> Sendo', 'Emi Hara (Thorn Securities) -> Kameyama']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 412.6e9], ['revenue_yoy_pct', 6]]));
  });
});

describe('a Markdown export whose speakers are "### Name (Title)" headings, a rule before its Q&A summary, the askers and answerers in brackets', () => {
  const text = [
    '# Sorachi Instruments, Ltd. — Financial Results Briefing for the Second Quarter of the Fiscal Year Ending March 2026',
    '',
    '**Date:** Tuesday, November 11, 2025',
    '',
    '## Presentation',
    '',
    '### Mai Fujikawa (General Manager, IR Office)',
    '',
    'Thank you for attending Sorachi Instruments\' briefing for the second quarter of the fiscal year ending March 2026.',
    '',
    '### Daisuke Horie (Director and CFO)',
    '',
    'Net sales for the second quarter were ¥64.2 billion, up 7.5% year on year.',
    '',
    '| Segment (¥ billion) | Q2 net sales | YoY |',
    '|---|---|---|',
    '| Analytical Systems | 38.1 | +9.2% |',
    '| Sensors | 26.1 | +5.1% |',
    '| Adjustments | — | — |',
    '',
    'That concludes my explanation.',
    '',
    '---',
    '',
    '## Q&A session summary',
    '',
    '**Q1. (Analyst, Minato Securities — Mr. Sekine)** What is your view of the second half?',
    '',
    '**A1. (Horie)** We expect operating profit of ¥8.4 billion in the third quarter.',
    '',
    '**Q2. (Analyst, Kiri Capital — Ms. Ota, follow-up)** And the buyback?',
    '',
    '**A2. (Horie)** We will decide in May.',
  ].join('\n');
  const result = convertAll([textInput('sorachi.txt', text)], catalog([]));
  it('names the company from the heading, reads the Q&A after the rule, and gives each answer to the speaker with that family name', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.company).toBe('sorachi-instruments');
    expect(exchanges(call)).toEqual(['Sekine (Minato Securities) -> Daisuke Horie', 'Ota (Kiri Capital) -> Daisuke Horie']);
    // A table's "Segment (¥ billion)" column names the segments; its "Adjustments" row is none.
    expect(call.inferred_company!.segments.map((x) => x.id)).toEqual(['group', 'analytical-systems', 'sensors']);
    expect(call.guidance.map((g) => [g.period, g.metric, g.low])).toEqual([['FY2026Q3', 'operating_income', 8.4e9]]);
  });
});

describe('"Name, Company" label lines without the legal form, the same company for two or more people', () => {
  const text = [
    'Brattvik Industri AB (publ)',
    'Fourth Quarter 2025 Results – Conference Call Transcript',
    '',
    'Operator',
    'Good morning, and welcome to the Brattvik Industri fourth quarter 2025 results conference call.',
    '',
    'Karin Lind, Brattvik Industri',
    'Thank you, operator. Net sales for the quarter came to SEK 4,312 million, up 5.0 percent.',
    '',
    'Olof Berg, Brattvik Industri',
    'Thank you, Karin. Operating profit was SEK 462 million.',
    '',
    'Operator',
    'The first question comes from Henrik Wall of Skeppsbron Equities.',
    '',
    'Henrik Wall, Skeppsbron Equities',
    'Good morning. Could you comment on the margin?',
    '',
    'Olof Berg, Brattvik Industri',
    'Yes, it improved by 100 basis points.',
  ].join('\n');
  it('takes them as the company\'s speakers, and reads their figures', () => {
    const result = convertAll([textInput('brattvik.txt', text)], catalog([]));
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((x) => `${x.name} | ${x.role}`).sort()).toEqual(['Henrik Wall | analyst', 'Karin Lind | executive', 'Olof Berg | executive', 'Operator | operator']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 4312e6], ['operating_income', 462e6]]));
  });
});

describe('a Chinese transcript whose labels name only the side: "管理层：", "分析师：", "主持人："', () => {
  const text = [
    '星澜科技2025年第三季度业绩电话会议',
    '',
    '主持人：各位投资者晚上好，欢迎参加星澜科技2025年第三季度业绩电话会议。下面有请公司管理层介绍业绩。',
    '',
    '管理层：谢谢主持人。第三季度公司实现营业收入人民币58.2亿元，同比增长14%。经调整净利润为人民币6.1亿元，同比增长20%。',
    '',
    '管理层：第三季度毛利率为33.5%，同比提升1.2个百分点。经营活动现金流净额为人民币9.6亿元。',
    '',
    '主持人：下面进入问答环节。第一位提问的是华信证券的分析师。',
    '',
    '分析师：谢谢管理层。请问第四季度的收入指引是多少？',
    '',
    '管理层：我们预计第四季度收入在人民币60亿元至63亿元之间。',
    '',
    '分析师：好的，谢谢。',
    '',
    '主持人：下一位提问的是嘉岳资本的分析师，请提问。',
    '',
    '分析师：谢谢。请问公司明年的资本开支计划是怎样的？会不会明显增加？',
    '',
    '管理层：明年资本开支预计在人民币8亿元左右，与今年基本持平，主要用于新工厂建设。',
  ].join('\n');
  const result = convertAll([textInput('xinglan.txt', text)], catalog([]));
  it('takes the person a side\'s label names in brackets as the speaker: "管理层（CFO 沈若涵）：", "分析师（东屿证券 高文博）："', () => {
    const labelled = text.replace(/^管理层：/gm, '管理层（CFO 沈若涵）：').replace(/^分析师：/gm, '分析师（东屿证券 高文博）：');
    const call = convertAll([textInput('xinglan.txt', labelled)], catalog([])).calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort()).toEqual(['主持人 | operator | ', '沈若涵 | executive | CFO', '高文博 | analyst | 东屿证券']);
  });
  it('reads management as the company\'s side and the analysts as the ones who ask', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role}`).sort()).toEqual(['主持人 | operator', '分析师 | analyst', '管理层 | executive']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 5.82e9], ['revenue_yoy_pct', 14]]));
    expect(call.guidance.map((g) => [g.period, g.metric, g.low, g.high])).toContainEqual(['FY2025Q4', 'revenue', 6e9, 6.3e9]);
  });
});

describe('a summary whose presentation names no speaker and whose Q&A pairs are numbered "Q1." / "A1."', () => {
  const text = [
    '# Kurobane Industries, Ltd. — Q3 FY3/2026 Financial Results Briefing',
    '',
    'Good afternoon, and thank you for joining Kurobane Industries\' financial results briefing for the third quarter of fiscal 2026.',
    '',
    '## Presentation',
    '',
    'Net sales for the third quarter were 412.6 billion yen, up 6.0% year on year. Operating profit was 38.7 billion yen, up 16.9%.',
    '',
    'Free cash flow for the third quarter was 20.5 billion yen.',
    '',
    '## Q&A session summary',
    '',
    'Q1. How do you see the fourth quarter?',
    '',
    'A1. We expect operating profit of 37.8 billion yen in the fourth quarter.',
    '',
    'Q2. What about the margin?',
    '',
    'A2. It will improve.',
  ].join('\n');
  const result = convertAll([textInput('kurobane-summary.txt', text)], catalog([]));
  it('reads the presentation as management\'s, each question as an analyst\'s and each answer as management\'s', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role}`).sort()).toEqual(['Analyst | analyst', 'Management | executive']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 412.6e9], ['operating_income', 38.7e9], ['free_cash_flow', 20.5e9]]));
    expect(call.guidance.map((g) => [g.period, g.metric, g.low])).toEqual([['FY2026Q4', 'operating_income', 37.8e9]]);
  });
  it('takes no quarter label for a numbered question: "Q3 revenue was …" opens no pair', () => {
    expect(detectLayout(splitLines(['Acme Q3 2025 Earnings Call', '', 'Q3 revenue was $10 million.', 'Q4 revenue should be higher.', 'Q3 margin was 5%.', 'Q4 margin will be 6%.'].join('\n')))?.id).not.toBe('label-lines');
  });
});

describe('a web transcript page: the company with its ticker, a table of contents, the participants listed after the call', () => {
  const text = [
    'Ledgerline',
    'Skip to content',
    'Harlow Pumps AG (XETRA: HPA)',
    'Q3 2025 Earnings Call',
    '',
    'Contents:',
    'Prepared Remarks',
    'Questions and Answers',
    'Call Participants',
    '',
    'Prepared Remarks:',
    '',
    'Operator',
    'Good day, and welcome to the Harlow Pumps third-quarter 2025 results call. I now hand over to Ina Vogt, Head of Investor Relations.',
    '',
    'Ina Vogt -- Head of Investor Relations',
    'Thank you, operator. With me is our Chief Financial Officer, Jonas Brandt.',
    '',
    'Jonas Brandt -- Chief Financial Officer',
    'Thank you, Ina. Revenue for the third quarter was EUR 812 million, up 4.2%.',
    '',
    'Questions & Answers:',
    '',
    'Operator',
    'Our first question comes from Lena Kraus with Albrecht Securities.',
    '',
    'Lena Kraus -- Albrecht Securities -- Analyst',
    'What drove the growth?',
    '',
    'Jonas Brandt -- Chief Financial Officer',
    'Water utilities, mostly.',
    '',
    'Corporate Participants:',
    'Ina Vogt -- Head of Investor Relations',
    'Jonas Brandt -- Chief Financial Officer',
    '',
    'Conference Call Participants:',
    'Lena Kraus -- Albrecht Securities -- Analyst',
    '',
    'More HPA analysis',
  ].join('\n');
  const result = convertAll([textInput('harlow.txt', text)], catalog([]));
  it('reads the turns from the operator on: the heading with the ticker is nobody, the contents end nothing, the lists come after the call', () => {
    expect(detectLayout(splitLines(text))?.id).toBe('label-lines');
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role}`).sort()).toEqual(['Ina Vogt | investor-relations', 'Jonas Brandt | executive', 'Lena Kraus | analyst', 'Operator | operator']);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 812e6], ['revenue_yoy_pct', 4.2]]));
    expect(paragraphs(call).some((p) => /Corporate Participants|More HPA/.test(p.text))).toBe(false);
  });
});

describe('name lines with the title under them, no participants list, and a web page\'s furniture', () => {
  const text = [
    'Harrowgate Systems Ltd (HGS) Q2 2026 Earnings Call',
    '',
    'Operator',
    '',
    'Welcome to the Harrowgate Systems second quarter 2026 earnings call. I will now hand over to Mei Lin, Head of Investor Relations.',
    '',
    'Mei Lin',
    'Head of Investor Relations',
    '',
    'Thank you. With me are our Chief Executive, Tom Hale, and our Group CFO, Winston Park.',
    '',
    'Tom Hale',
    'Chairman & CEO',
    '',
    'Thank you, Mei. It was a good quarter for the whole group.',
    '',
    'Advertisement',
    'RELATED: Harrowgate FY25 result: revenue jumps 21% to $462.5 million',
    '',
    'Shao-Wen Park',
    'Group Chief Financial Officer',
    '',
    'Thank you, Tom. Revenue was $128.4 million, up 17.6%.',
    '',
    'Advertisement',
    '',
    'Operator',
    '',
    'Our first question comes from Liam Castle with Redfern Securities.',
    '',
    'Liam Castle',
    'Redfern Securities, Research Division',
    '',
    'What drove the growth?',
    '',
    'Tom Hale',
    'Chairman & CEO',
    '',
    'Mostly new customers.',
  ].join('\n');
  const result = convertAll([textInput('harrowgate.txt', text)], catalog([]));
  it('takes a name and the title under it as one label, never a title alone, and leaves the page furniture out', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, s.role]));
    expect(who).toMatchObject({ 'Mei Lin': 'investor-relations', 'Tom Hale': 'executive', 'Shao-Wen Park': 'executive', 'Liam Castle': 'analyst' });
    expect(call.speakers.find((s) => s.name === 'Liam Castle')?.firm).toBe('Redfern Securities');
    expect(call.speakers.find((s) => s.name === 'Tom Hale')?.title).toBe('Chairman & CEO');
    expect(call.speakers.map((s) => s.name)).not.toContain('Redfern Securities');
    expect(call.speakers.map((s) => s.name)).not.toContain('Group Chief Financial Officer');
    expect(call.speakers.map((s) => s.name)).not.toContain('Advertisement');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 128.4e6], ['revenue_yoy_pct', 17.6]]));
    expect(call.figures.map((f) => f.value)).not.toContain(462.5e6);
  });
});

describe('a Markdown export whose turns open with a bold name and no colon, and whose Q&A has "**Name:**" turns', () => {
  const text = [
    '# Harrow Mills Q2 2026 Earnings Call',
    '',
    '**Date:** Wednesday 29 July 2026',
    '',
    '> **AI summary**',
    '> - Revenue ~£612m, up ~8%',
    '',
    '## Participants',
    '',
    '- **Ellen Marsh** — Chief Executive Officer',
    '- **David Reid** — Chief Financial Officer',
    '- Tom Castle, Barclays (Analyst)',
    '',
    '## Prepared remarks',
    '',
    '**Operator**',
    '[00:00] Good morning, and welcome to the Harrow Mills second quarter 2026 results call.',
    '',
    '**Ellen Marsh** (Chief Executive Officer)',
    '[01:48] Thanks, and good morning. It was a good quarter.',
    '',
    '**David Reid** (Chief Financial Officer)',
    '[05:10] Thank you, Ellen. Group revenue came in at £612.4m, up 8.1% on the same quarter last year.',
    '',
    '## Q&A',
    '',
    '**Operator:** Our first question comes from Tom Castle at Barclays.',
    '',
    '**Tom Castle:** Morning. What drove the growth?',
    '',
    '**David Reid:** Mostly Digital Services, Tom.',
    '',
    '**Tom Castle:** Thanks. And on margins for the second half of the year?',
    '',
    '**David Reid:** We expect them to improve a little, as the new contracts ramp up.',
    '',
    '**Operator:** The next question comes from Ann Lee at Jefferies.',
    '',
    '**Ann Lee:** Good morning. How is Consulting doing after the restructuring?',
    '',
    '**Ellen Marsh:** Better than we planned, Ann, and we will say more at the full year.',
    '',
    '**Ann Lee:** Thank you, that is helpful.',
    '',
    '**Ellen Marsh:** Thank you all for joining.',
  ].join('\n');
  const result = convertAll([textInput('harrow.txt', text)], catalog([]));
  it('reads the bold names as labels, the summary box as no one\'s words, and the CFO\'s figures', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const turns = call.sources[0]!.sections.flatMap((s) => s.turns.map((t) => `${s.id}:${t.speaker}`));
    expect(turns.slice(0, 3)).toEqual(['introduction:operator', 'prepared-remarks:ellen-marsh', 'prepared-remarks:david-reid']);
    expect(call.speakers.find((s) => s.id === 'david-reid')?.role).toBe('executive');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 612.4e6], ['revenue_yoy_pct', 8.1]]));
    expect(call.figures.map((f) => f.value)).not.toContain(612e6);
  });
});

describe('inline labels whose firm ends in an abbreviation with a full stop', () => {
  const text = [
    'Harbor Point Resorts (HPR) Q3 2025 Earnings Call',
    '',
    'Moderator: Welcome to the Harbor Point Resorts third quarter 2025 earnings call.',
    '',
    'Dana Fox, Executive VP & CFO: Thank you. Revenue was $1.1 billion, up 4%.',
    '',
    'Moderator: Our first question comes from Gil Chase with Citigroup.',
    '',
    'Gil Chase, Citigroup Inc.: What is the capex for the renovation?',
    '',
    'Dana Fox, Executive VP & CFO: That is about $125 million over two years.',
    '',
    'Moderator: Next, Ann Roe with Morgan Stanley & Co.',
    '',
    'Ann Roe, Morgan Stanley & Co.: And on hold rates?',
    '',
    'Dana Fox, Executive VP & CFO: Normal for the quarter.',
  ].join('\n');
  const result = convertAll([textInput('harbor.txt', text)], catalog([]));
  it('reads "Gil Chase, Citigroup Inc.:" as an analyst with a firm, not as words of the turn before', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, [s.role, s.firm ?? null]]));
    expect(who).toMatchObject({ 'Gil Chase': ['analyst', 'Citigroup Inc.'], 'Ann Roe': ['analyst', 'Morgan Stanley & Co.'] });
  });
});

describe('name lines over text a PDF hard-wrapped', () => {
  const words = 'We saw strong growth across our business in the quarter, and the team executed well in every region we serve, with';
  const text = [
    'Pelham Works Inc. (PLW) Q3 2025 Earnings Call',
    '',
    'Operator',
    'Welcome to the Pelham Works third quarter 2025 earnings call. I will hand over to Ann Ford, Head of Investor Relations.',
    '',
    'Ann Ford',
    'Head of Investor Relations',
    '',
    'Thank you. With me today is our CFO, Ben Cole. Over to you, Ben.',
    '',
    'Ben Cole',
    'Chief Financial Officer',
    '',
    // (Twenty lines of one paragraph, as a PDF wraps them: few blank lines in the whole text.)
    ...Array.from({ length: 20 }, (_, i) => `${words.slice(0, 60)} and line ${i + 1} of what the CFO said goes on`),
    `${words.slice(60)} revenue of $180.2 billion, up 12%. Operating income was $17.4 billion, but`,
    'would have been over $21 billion without two special charges this quarter, which we',
    'describe in our release.',
    '',
    'Operator',
    'Our first question comes from Cara Dunn with Hollis Capital.',
    '',
    'Cara Dunn',
    'Hollis Capital, Research Division',
    '',
    'What drove the growth?',
    '',
    'Ben Cole',
    'Chief Financial Officer',
    '',
    'Mostly volume, in every region we serve, and pricing in the second half of the quarter as well.',
  ].join('\n');
  const result = convertAll([textInput('pelham.txt', text)], catalog([]));
  it('joins the wrapped lines into one paragraph', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const texts = call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(texts.some((t) => t.includes('Operating income was $17.4 billion, but would have been over $21 billion'))).toBe(true);
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 180.2e9], ['operating_income', 17.4e9]]));
  });
});

describe('numbered speakers of a lower-case transcript, the analyst named in lower case', () => {
  const text = [
    'Transcript',
    '',
    'Speaker 1  00:00:02',
    'good morning and welcome to the fernby home fourth quarter fiscal twenty twenty six earnings call i will now turn the call over to your host Kim Ray head of investor relations',
    '',
    'Speaker 2  00:00:30',
    'thank you operator with me is our chief financial officer',
    '',
    'Speaker 3  00:01:10',
    'thanks kim net sales were six hundred twelve point four million dollars up seven point three percent',
    '',
    'Speaker 1  00:06:48',
    'thank you our first question comes from priya desai with tallgrass securities please proceed',
    '',
    'Speaker 4  00:07:01',
    'hey good morning so revenue was like six hundred million are you happy with that',
    '',
    'Speaker 3  00:07:40',
    'yes we are',
    '',
    'Speaker 1  00:08:02',
    'our next question comes from jonah feld with copperline partners',
    '',
    'Speaker 5  00:08:09',
    'hi thanks what about margins',
    '',
    'Speaker 3  00:08:20',
    'they improved',
  ].join('\n');
  const result = convertAll([textInput('fernby.txt', text)], catalog([]));
  it('makes the speakers the operator announces analysts, not presenters, named as announced', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const roles = Object.fromEntries(call.speakers.map((s) => [s.name, s.role]));
    expect(roles).toMatchObject({ 'Kim Ray': 'investor-relations', 'Speaker 3': 'executive', 'Priya Desai': 'analyst', 'Jonah Feld': 'analyst' });
    // (The host's words are a paragraph, not a title line under her label.)
    const texts = call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(texts).toContain('thank you operator with me is our chief financial officer');
  });
});

describe('a speaker of the prepared remarks whom nothing names', () => {
  const text = [
    'Dunmore Tools Inc. Q2 2026 Earnings Call',
    '',
    '[00:00:05] OPERATOR:',
    'Welcome to the Dunmore Tools second quarter 2026 earnings call. I will now turn the call over to Ken Bolt, Head of Investor Relations.',
    '[00:00:40] KEN BOLT:',
    'Thank you. Before we begin, a reminder about forward-looking statements. Over to you.',
    '[00:01:30] DOUG KERR:',
    'Thanks, Ken. Total revenue for the quarter was $16.1 billion, up 13%.',
    '[00:05:10] KEN BOLT:',
    'Operator, please open the line for questions.',
    '[00:05:20] OPERATOR:',
    'Your first question comes from the line of Brad Zell with Deutsche Bank.',
    '[00:05:30] BRAD ZELL:',
    'Thanks. How should we think about capex?',
    '[00:06:00] SARA KATZ:',
    'It will stay elevated.',
    '[00:06:30] OPERATOR:',
    'Your next question comes from the line of Tyler Rand with Citi.',
    '[00:06:40] TYLER RAND:',
    'And on margins?',
  ].join('\n');
  const result = convertAll([textInput('dunmore.txt', text)], catalog([]));
  it('is management, and one the operator announces with a question is not', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    const who = Object.fromEntries(call.speakers.map((s) => [s.name, s.role]));
    expect(who).toMatchObject({ 'Doug Kerr': 'executive', 'Sara Katz': 'executive', 'Brad Zell': 'analyst', 'Tyler Rand': 'analyst' });
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 16.1e9], ['revenue_yoy_pct', 13]]));
  });
});

describe('bilingual pairs', () => {
  const call = convertFixture('bilingual-pairs-with-machine-translation-notice.txt');
  it('reads the fiscal quarter from the title and confirms it by the quarter the operator names', () => {
    expect([call.quarter, call.period_end]).toEqual(['FY2025Q1', '2024-09-30']);
  });
  it('marks the translation layer as machine translated, quoting the notice', () => {
    expect(call.sources[0]!.layers[1]).toMatchObject({ lang: 'zh-Hant', role: 'translation', machine_translated: true });
    expect(call.sources[0]!.layers[1]!.note).toContain('Google');
  });
  it('strips interpretation markers from both layers and records them', () => {
    const marked = paragraphs(call).filter((p) => p.interpreted);
    expect(marked.map((p) => p.translation)).toEqual(['謝謝。本季雲端營收成長 12%。', '我的問題是關於零售利潤率。', '零售利潤率提高了 2 個百分點。']);
  });
  it('takes firms from the operator and counts an unknown voice after the operator as an analyst', () => {
    expect(exchanges(call)).toEqual(['Ann Park (Example Securities) -> Sam Lee', 'Unidentified Participant (?) -> Sam Lee']);
  });
  it('keeps the editor note out of the exchanges', () => {
    const editor = call.sources[0]!.sections.at(-1)!.turns.at(-1)!;
    expect([editor.speaker, editor.exchange]).toEqual(['editor', undefined]);
  });
});

describe('official transcript, PDF-wrapped', () => {
  const call = convertFixture('official-pdf-wrapped-with-page-footer.txt');
  it('joins hard wraps, starts a paragraph at a page break, and drops the footer and page number', () => {
    expect(paragraphs(call).map((p) => [p.line, p.text])).toEqual([
      [11, '大家好，欢迎参加艾克美控股 2024年 9月份季度业绩电话会议。请注意：本次电话会议中提到的增长率均为同比增长。'],
      [23, '本季度云业务收入同比增长 12%，零售业务收入为人民币 30 亿元。'],
      [32, '我们对下个季度保持乐观。'],
      [40, '谢谢管理层。我的问题是关于零售利润率。'],
      [43, '请问零售业务的利润率如何？'],
      [49, '零售利润率提高了 2 个百分点。'],
      [55, '谢谢大家。'],
    ]);
    expect(call.sources[0]!.omitted).toEqual([
      { from: 27, to: 27, reason: 'page-footer' },
      { from: 31, to: 31, reason: 'page-footer' },
      { from: 57, to: 57, reason: 'end-marker' },
    ]);
  });
  it('takes the call date from the footer, where it is written with its weekday', () => {
    expect(call.call_date).toBe('2024-11-08');
  });
  it('switches from interpreted to original words inside one turn', () => {
    expect(paragraphs(call).slice(3, 5).map((p) => p.interpreted)).toEqual([true, false]);
  });
  it('uses letter-spaced headings as sections and keeps other headings on the turn', () => {
    const s = call.sources[0]!.sections;
    expect(s.map((x) => x.id)).toEqual(['introduction', 'prepared-remarks', 'qa']);
    expect(s[1]!.turns[0]!.heading).toBe('集团概览');
    expect(s[0]!.turns[0]!.heading).toBeUndefined();
  });
});

describe('plain English exported from PDF', () => {
  const call = convertFixture('plain-english-pdf-export-page-furniture.txt');
  const texts = paragraphs(call).map((p) => p.text);
  it('drops the running header and the copyright footer with its page number', () => {
    expect(texts.filter((t) => /Copyright|EARNINGS CALL \|/.test(t))).toEqual([]);
    // (Each footer, the blank line and the next page's header: one range.)
    expect(call.sources[0]!.omitted.filter((o) => o.reason === 'page-footer').map((o) => [o.from, o.to])).toEqual([[6, 8], [23, 25], [50, 52], [59, 61], [78, 78]]);
  });
  it('joins the sentence a page break cut, and the hard-wrapped lines of each paragraph', () => {
    expect(texts).toContain(
      'Thank you, Sam. Total revenue for the quarter was $412 million, up 18% year over year, and gross margin was 71.5%. Operating income was $58 million, and net income was $44 million, or $0.52 per diluted share. Free cash flow was $96 million in the quarter.',
    );
  });
  it('takes the name line and the title or firm line under it, in the lists and in the call', () => {
    const people = call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Mia Chen', 'Head of Investor Relations', 'investor-relations'],
        ['Dana Fox', 'Chief Financial Officer', 'executive'],
        ['Ann Park', 'Example Securities LLC, Research Division', 'analyst'],
      ]),
    );
    expect(texts.filter((t) => /^(?:Chief|Head of|Example Securities)/.test(t))).toEqual([]);
  });
  it('reads "Question and Answer" as the start of the Q&A', () => {
    expect(call.sources[0]!.sections.map((s) => s.id)).toContain('qa');
    expect(exchanges(call)).toEqual(['Ann Park (Example Securities LLC, Research Division) -> Sam Lee']);
  });
});

describe('inline turns exported from PDF (an Indian call)', () => {
  const call = convertFixture('inline-turns-pdf-hanging-indent-crores.txt');
  const texts = paragraphs(call).map((p) => p.text);
  it('joins the lines wrapped under a hanging indent into one paragraph per label', () => {
    expect(texts[2]).toBe(
      'Thank you, Sam. Revenue from operations for the quarter stood at Rs. 1,284 crores, a growth of 14% year-on-year. EBITDA was Rs. 196 crores, and profit after tax was Rs. 112 crores, while we spent Rs. 75 lakhs on training.',
    );
    expect(texts.filter((t) => /Page \d+ of|^Acme Holdings Limited$|MANAGEMENT/.test(t))).toEqual([]);
  });
  it('takes titles from the MANAGEMENT list of honorifics and names in capitals, without the employer', () => {
    const people = call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Sam Lee', 'Chief Executive Officer', 'executive'],
        ['Dana Fox', 'Chief Financial Officer', 'executive'],
        ['Ann Park', 'Example Securities', 'analyst'],
      ]),
    );
    expect(call.speakers.some((s) => /^MS\.|^MR\./.test(s.name))).toBe(false);
  });
  it('reads amounts in crores and lakhs', () => {
    expect(call.figures.filter((f) => f.segment === 'group').map((f) => [f.metric, f.value, f.unit])).toEqual(
      expect.arrayContaining([
        ['revenue', 12_840_000_000, 'INR'],
        ['adjusted_ebitda', 1_960_000_000, 'INR'],
        ['net_income', 1_120_000_000, 'INR'],
        ['capex', 850_000_000, 'INR'],
      ]),
    );
  });
});

describe('inline turns in capitals, with lists of corporate and conference call participants', () => {
  const call = convertFixture('inline-turns-caps-labels-participant-lists.txt');
  it('takes roles, titles and firms from the lists, even for a label used once, and names as the list writes them', () => {
    expect(call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role])).toEqual(
      expect.arrayContaining([
        ['Helen Tavistock', 'Chief Executive Officer', 'executive'],
        ['Owen Marsh', 'Chief Financial Officer', 'executive'],
        ['Priya Nair', 'Head of Investor Relations', 'investor-relations'],
        ['Tom Beckett', 'Harrow & Finch', 'analyst'],
        ['Lena Voss', 'Kingsgate Securities', 'analyst'],
      ]),
    );
    expect(exchanges(call)).toEqual(['Tom Beckett (Harrow & Finch) -> Helen Tavistock', 'Lena Voss (Kingsgate Securities) -> Owen Marsh']);
  });
  it('joins the hard-wrapped lines of each turn and reads the 52-week financial year from the text', () => {
    expect(paragraphs(call).map((p) => p.text)).toContain('We still expect capital expenditure of £40 million to £45 million for the full year.');
    expect([call.company, call.quarter, call.period_end, call.inferred_company?.fiscal_year_end]).toEqual(['larchmere-bakeries', 'FY2026Q3', '2026-06-30', '09-30']);
  });
  it('reads the group\'s revenue in a sentence that goes on to a line of revenue with a name of its own', () => {
    expect(call.figures.filter((f) => f.segment === 'group').map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 212.4e6], ['revenue_yoy_pct', 6.2], ['non_gaap_operating_margin_pct', 8.6]]));
  });
});

describe('name lines in capitals, a Nordic PDF export with a split financial year', () => {
  const call = convertFixture('name-lines-capitals-nordic-pdf-split-year.txt');
  it('reads names in capitals (with letters beyond A–Z) as speakers, the list entries and the title line as none, and an analyst the operator introduces', () => {
    expect(call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role])).toEqual(
      expect.arrayContaining([
        ['Karin Lindqvist', 'President and CEO', 'executive'],
        ['Erik Hallberg', 'CFO', 'executive'],
        ['Maja Ström', 'Västkust Equities', 'analyst'],
      ]),
    );
    expect(exchanges(call)).toEqual(['Johan Ek (Norrsken Securities) -> Erik Hallberg', 'Maja Ström (Västkust Equities) -> Karin Lindqvist']);
    expect(call.speakers.some((s) => /AB|publ/.test(s.name))).toBe(false);
  });
  it('drops the page number, the footer and the running header after the form feed, even seen once', () => {
    expect(paragraphs(call).map((p) => p.text).filter((t) => /Page \d|Transcript produced|conference call ·/.test(t))).toEqual([]);
  });
  it('reads the company with its diacritics, "financial year runs from 1 July to 30 June" and "Q1 2026/27"', () => {
    expect([call.company, call.quarter, call.period_end, call.inferred_company?.fiscal_year_end, call.inferred_company?.names.en]).toEqual(['fjallrud-instruments', 'FY2027Q1', '2026-09-30', '06-30', 'Fjällrud Instruments']);
  });
  it('takes "Name: net sales of …" paragraphs after "the business areas" as segments, and the outlook paragraph after them as the group\'s', () => {
    expect(call.figures.filter((f) => f.segment !== 'group').map((f) => [f.segment, f.metric, f.value])).toEqual([
      ['process-sensors', 'revenue', 742e6],
      ['process-sensors', 'revenue_yoy_pct', 10],
      ['process-sensors', 'adjusted_ebita', 151e6],
      ['process-sensors', 'adjusted_ebita_margin_pct', 20.4],
      ['lab-systems', 'revenue', 498e6],
      ['lab-systems', 'revenue_yoy_pct', 5],
      ['lab-systems', 'adjusted_ebita', 85e6],
      ['lab-systems', 'adjusted_ebita_margin_pct', 17.1],
    ]);
    expect(call.guidance.map((g) => [g.segment, g.metric, g.low, g.high, g.period])).toEqual([['group', 'adjusted_ebita_margin_pct', 18, 20, 'FY2027']]);
  });
});

describe('official transcript with titles before the names and the operator inline', () => {
  const text = [
    '星岚科技集团有限公司（香港联交所股份代号：1234）',
    '2026年第三季度业绩电话会议',
    '',
    '操作员：欢迎参加星岚科技2026年第三季度业绩电话会议。',
    '',
    '首席执行官 韩立：',
    '（原话）',
    '谢谢。第三季度，集团总收入为人民币50.2亿元，同比增长10.1%。',
    '',
    '首席财务官 Michael Harland：',
    '（翻译）',
    '谢谢韩总。本季度毛利为人民币20.1亿元。',
    '',
    '操作员：现在开始问答环节。第一位提问的是中泓证券的分析师王一帆。',
    '',
    '中泓证券分析师 王一帆：',
    '（原话）',
    '请问全年指引？',
    '',
    '首席财务官 Michael Harland：',
    '（翻译）',
    '我们预计全年收入增长10%至12%。',
  ].join('\n');
  const result = convertAll([textInput('xinglan.txt', text)], catalog([]));
  const call = result.calls[0]!;
  it('splits "首席财务官 Michael Harland：" and "中泓证券分析师 王一帆：" into title or firm and name, and gives the operator its own turns', () => {
    expect(result.errors).toEqual([]);
    expect(call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role])).toEqual(
      expect.arrayContaining([
        ['韩立', '首席执行官', 'executive'],
        ['Michael Harland', '首席财务官', 'executive'],
        ['王一帆', '中泓证券', 'analyst'],
      ]),
    );
    expect(exchanges(call)).toEqual(['王一帆 (中泓证券) -> Michael Harland']);
  });
  it('reads the executives\' figures', () => {
    expect(call.figures.map((f) => [f.segment, f.metric, f.value])).toEqual(expect.arrayContaining([['group', 'revenue', 5.02e9], ['group', 'revenue_yoy_pct', 10.1], ['group', 'gross_profit', 2.01e9]]));
  });
});

describe('a Chinese transcript with "姓名（职务）：" labels and "姓名（<firm>分析师）：" questions', () => {
  const text = [
    '曜石汽车集团有限公司',
    '2025年第三季度业绩电话会议',
    '',
    '主持人：各位来宾，大家好，欢迎参加曜石汽车集团有限公司2025年第三季度业绩电话会议。',
    '',
    '周明（董事长兼首席执行官）：谢谢主持人。第三季度公司交付新车8万台。',
    '',
    '韩静（首席财务官）：第三季度总收入为218.6亿元，同比增长31.2%。',
    '',
    '主持人：下面进入问答环节。',
    '',
    '刘思远（衡川证券分析师）：请问第四季度毛利率展望？',
    '',
    '韩静（首席财务官）：我们预计第四季度车辆毛利率在16%至17%之间。',
    '',
    '陈珂（中泓国际分析师）：请问海外市场？',
    '',
    '周明（董事长兼首席执行官）：海外交付约2,100台。',
  ].join('\n');
  const result = convertAll([textInput('yaoshi.txt', text)], catalog([]));
  it('reads each label into name, title or firm and role, and the analysts\' questions as exchanges', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role])).toEqual(
      expect.arrayContaining([
        ['韩静', '首席财务官', 'executive'],
        ['刘思远', '衡川证券', 'analyst'],
        ['陈珂', '中泓国际', 'analyst'],
      ]),
    );
    expect(exchanges(call)).toEqual(['刘思远 (衡川证券) -> 韩静', '陈珂 (中泓国际) -> 周明']);
    expect(call.figures.map((f) => [f.segment, f.metric, f.value])).toEqual(expect.arrayContaining([['group', 'revenue', 21.86e9]]));
  });
});

describe('bilingual blocks: English lines, then their Korean lines, in one block', () => {
  const text = [
    'Hanseol Chemical Co., Ltd. (KRX: 402110)',
    'Third Quarter 2025 Earnings Conference Call',
    '한설케미칼 2025년 3분기 실적발표 컨퍼런스콜',
    '',
    'Operator:',
    'Welcome to the Hanseol Chemical third quarter 2025 earnings call.',
    '사회자:',
    '한설케미칼 2025년 3분기 실적발표에 오신 것을 환영합니다.',
    '',
    'Min Seo-yeon, Chief Financial Officer:',
    'Thank you. Revenue was KRW 1.21 trillion, up 8.4% year on year.',
    '민서연 최고재무책임자:',
    '감사합니다. 매출액은 1조 2,100억 원으로 전년 동기 대비 8.4% 증가했습니다.',
    '',
    'Operating profit was KRW 96.3 billion, for an operating margin of 8.0%.',
    '영업이익은 963억 원, 영업이익률은 8.0%였습니다.',
    '',
    'Net income was KRW 61.0 billion.',
    '당기순이익은 610억 원이었습니다.',
    '',
    'Park Do-hyun, Saebit Securities:',
    'What drove the margin?',
    '박도현 새빛증권:',
    '마진 개선의 요인은 무엇입니까?',
    '',
    'Min Seo-yeon, Chief Financial Officer:',
    'Mostly lower feedstock costs.',
    '민서연 최고재무책임자:',
    '주로 원료 가격 하락 덕분입니다.',
  ].join('\n');
  const result = convertAll([textInput('hanseol.txt', text)], catalog([]));
  it('pairs each English line with the Korean line in its place, labels with labels', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.sources[0]!.layout).toBe('bilingual-pairs');
    expect(call.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Min Seo-yeon', 'Park Do-hyun']));
    // No paragraph holds Hangul: each Korean line is its English line's translation.
    const texts = call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(texts.filter((t) => /\p{Script=Hangul}/u.test(t))).toEqual([]);
    expect(texts).toContain('Operating profit was KRW 96.3 billion, for an operating margin of 8.0%.');
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['operating_income', 96.3e9], ['operating_margin_pct', 8], ['net_income', 61e9]]));
  });
});

describe('bilingual paragraphs whose labels are a name and a colon, translated', () => {
  const text = [
    'Hoshiyama Games Inc. (TSE: 7841)',
    '星山游戏株式会社（东证代码：7841）',
    '',
    'Financial Results Briefing for the First Quarter of the Fiscal Year Ending March 31, 2027',
    '截至2027年3月31日止财年第一季度业绩说明会',
    '',
    'Operator:',
    '主持人：',
    '',
    'Welcome to the Hoshiyama Games first quarter briefing.',
    '',
    '欢迎参加星山游戏第一季度业绩说明会。',
    '',
    'Ayaka Tanabe:',
    '田边彩花：',
    '',
    'Net sales were ¥64.2 billion, up 12.4% year on year.',
    '',
    '营业收入为642亿日元，同比增长12.4%。',
    '',
    'Operating income was ¥9.8 billion.',
    '',
    '营业利润为98亿日元。',
    '',
    'Takuya Ishida, Marlowe Securities:',
    '石田拓也，马洛证券：',
    '',
    'What drove the growth?',
    '',
    '增长的原因是什么？',
    '',
    'Ayaka Tanabe:',
    '田边彩花：',
    '',
    'Mostly the new title.',
    '',
    '主要是新作。',
  ].join('\n');
  const result = convertAll([textInput('hoshiyama.txt', text)], catalog([]));
  it('reads "Name:" / "姓名：" pairs as labels, and each paragraph with its translation', () => {
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.sources[0]!.layout).toBe('bilingual-pairs');
    expect(call.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Ayaka Tanabe', 'Takuya Ishida']));
    expect(call.figures.map((f) => [f.metric, f.value])).toEqual(expect.arrayContaining([['revenue', 64.2e9], ['operating_income', 9.8e9]]));
  });
});

describe('a parallel transcript: each English paragraph followed by its Chinese translation', () => {
  const text = [
    'Kitsune Games Co., Ltd. (TSE Prime: 7799)',
    'Financial Results Conference Call for the Third Quarter of the Fiscal Year Ending March 2026',
    '',
    'Operator:',
    'We will now begin the financial results conference call of Kitsune Games for the third quarter.',
    '',
    '主持人：',
    '狐游戏第三季度业绩电话会议现在开始。',
    '',
    'Kenji Watanabe, Director and CFO:',
    'Net sales were 84.6 billion yen, up 18.2% year on year.',
    '',
    '渡边健二，首席财务官：',
    '营业收入为846亿日元，同比增长18.2%。',
    '',
    'Operating income was 22.7 billion yen.',
    '',
    '营业利润为272亿日元。',
    '',
    'Ryo Fujimaki, Hanamura Securities:',
    'Thank you. What drove the margin?',
    '',
    '藤卷亮，花村证券：',
    '谢谢。利润率提升的原因是什么？',
    '',
    'Kenji Watanabe, Director and CFO:',
    'Mostly the new title.',
    '',
    '渡边健二，首席财务官：',
    '主要是新作。',
  ].join('\n');
  const result = convertAll([textInput('kitsune.txt', text)], catalog([]));
  const call = result.calls[0]!;
  it('keeps each translation with its paragraph, not as a turn or paragraph of its own', () => {
    expect(result.errors).toEqual([]);
    const source = call.sources[0]!;
    expect(source.layers.map((l) => [l.lang, l.role])).toEqual([['en', 'original'], ['zh-Hans', 'translation']]);
    const paragraphs = source.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs));
    expect(paragraphs.map((p) => [p.text, p.translation])).toContainEqual(['Operating income was 22.7 billion yen.', '营业利润为272亿日元。']);
    expect(paragraphs.some((p) => /^[\u4e00-\u9fff]/.test(p.text))).toBe(false);
    expect(exchanges(call)).toEqual(['Ryo Fujimaki (Hanamura Securities) -> Kenji Watanabe']);
    expect(call.speakers.find((s) => s.name === 'Ryo Fujimaki')).toMatchObject({ role: 'analyst', firm: 'Hanamura Securities' });
  });
  it('reads the figures of the English words only (a mistranslated figure is not a second statement)', () => {
    expect(call.figures.map((f) => [f.segment, f.metric, f.value])).toEqual(expect.arrayContaining([['group', 'revenue', 84.6e9], ['group', 'operating_income', 22.7e9]]));
    expect(call.figures.map((f) => f.value)).not.toContain(27.2e9);
  });
});

describe('label lines whose turns are separated by blank lines and paragraphs by line breaks', () => {
  const text = [
    'Acme Bancorp Third Quarter 2026 Earnings Call',
    '',
    'Operator',
    'Welcome to the Acme Bancorp third quarter 2026 earnings call. I will now turn the call over to Jane Roe, Chief Financial Officer.',
    '',
    'Jane Roe, Chief Financial Officer',
    'Net income for the quarter was $968 million.',
    '',
    'For the first nine months of the year, net income was $2.77 billion and diluted earnings per share were $6.08 in total.',
    'On capital, CET1 was 11.6%, and we deployed capital into loan growth and buybacks. We repurchased 6.4 million shares for $750 million.',
    'Revenue was a record, and the margin held up',
    'well in a tough market.',
    '',
    'Tom Ash, Redfern Securities',
    'Thanks. How do you think about buybacks next year?',
    '',
    'Jane Roe, Chief Financial Officer',
    'We will stay flexible.',
  ].join('\n');
  const result = convertAll([textInput('acme-bank.txt', text)], catalog([]));
  it('keeps a long line that ends a sentence as a paragraph of its own, and joins a hard-wrapped one', () => {
    expect(result.errors).toEqual([]);
    const first = result.calls[0]!.sources[0]!.sections.flatMap((s) => s.turns).find((t) => t.paragraphs.some((p) => p.text.startsWith('For the first nine months')))!;
    expect(first.paragraphs.map((p) => p.text.slice(0, 20))).toEqual(['Net income for the q', 'For the first nine m', 'On capital, CET1 was', 'Revenue was a record']);
    expect(first.paragraphs[3]!.text).toBe('Revenue was a record, and the margin held up well in a tough market.');
    // The nine months' period holds for its paragraph only: the buyback is the quarter's.
    expect(result.calls[0]!.figures.map((f) => [f.metric, f.value])).toContainEqual(['buyback_usd', 750e6]);
  });
});

describe('a wire-service news report of a call', () => {
  const text = [
    'Markets | Technology',
    '',
    'Brisbane Tools raises cloud forecast as subscriptions grow',
    '',
    'By Anna Kell',
    '',
    'October 23, 2025 | 4:52 PM CEST',
    '',
    'MUNICH, Oct 23 (Northwire) - Brisbane Tools SE raised its cloud forecast on Thursday after a 24% jump in third-quarter cloud sales.',
    '',
    'Total revenue in the July-September period rose 10% to 1.284 billion euros, the company said. That compared with 1.165 billion euros a year earlier and was ahead of the 1.27 billion euros analysts had expected.',
    '',
    '"This was the quarter in which the cloud became the majority of our business," Chief Executive Max Adler said on a conference call with analysts.',
    '',
    'KEY FIGURES (Q3 2025, company data)',
    '',
    'CLOUD CARRIES THE QUARTER',
    '',
    'Revenue in the cloud segment rose 24% to 742 million euros. Revenue in the services segment rose 2% to 123 million euros.',
    '',
    'Net profit rose 8% to 171 million euros. Earnings per share were 1.38 euros, ahead of the 1.30 euros expected by analysts.',
    '',
    'Chief Financial Officer Lena Roth said the company had cash of 2.41 billion euros at the end of September.',
    '',
    'MARKET CONTEXT',
    '',
    'The results came a week after rival Norrhagen reported cloud revenue growth of 19%.',
    '',
    'Felix Braun, an analyst at Brandt & Oswald, asked whether the forecast relied on two delayed contracts. Roth said the range allowed for one of them to slip.',
    '',
    '(Reporting by Anna Kell; Editing by Dan White)',
    '',
    'RELATED COVERAGE',
    '- Software stocks slip',
  ].join('\n');
  const result = convertAll([textInput('brisbane.txt', text)], catalog([]));
  const call = result.calls[0]!;
  it('finds the company in the lead, the executives by their titles and the analyst who asked', () => {
    expect(result.errors).toEqual([]);
    expect(call.company).toBe('brisbane-tools');
    expect(call.quarter).toBe('FY2025Q3');
    expect(call.sources[0]!.layout).toBe('news-report');
    expect(call.speakers.map((s) => [s.name, s.role])).toEqual(expect.arrayContaining([['Max Adler', 'executive'], ['Lena Roth', 'executive'], ['Felix Braun', 'analyst']]));
    expect(exchanges(call)).toEqual(['Felix Braun (Brandt & Oswald) -> Lena Roth']);
  });
  it('carries no forecast period from one paragraph of a speaker\'s quoted words to the next', () => {
    const story = text.replace(
      "Chief Financial Officer Lena Roth said the company had cash of 2.41 billion euros at the end of September.",
      'Chief Financial Officer Lena Roth said the buyback, which runs until 2027, would continue and that the company expected revenue of 5.1 billion euros in 2026.\n\nThe company also kept its forecast for cloud revenue growth of 20% to 22%, Roth said.',
    );
    const got = convertAll([textInput('brisbane.txt', story)], catalog([])).calls[0]!.guidance.map((g) => [g.metric, g.period]);
    expect(got).toContainEqual(['revenue', 'FY2026']);
    expect(got.filter((g) => g[0] === 'revenue_yoy_pct')).toEqual([['revenue_yoy_pct', undefined]]);
  });
  it("reads the company's figures from the report, and not analysts' estimates, a rival's figures or the year before", () => {
    const figures = call.figures.map((f) => [f.segment, f.metric, f.value]);
    expect(figures).toEqual(
      expect.arrayContaining([
        ['group', 'revenue', 1.284e9],
        ['group', 'revenue_yoy_pct', 10],
        ['cloud', 'revenue', 742e6],
        ['services', 'revenue', 123e6],
        ['group', 'net_income', 171e6],
        ['group', 'diluted_eps', 1.38],
      ]),
    );
    for (const v of [1.165e9, 1.27e9, 1.3, 19]) expect(call.figures.map((f) => f.value)).not.toContain(v);
  });
});

describe('layout detection', () => {
  it('reads a Chinese briefing whose questions are "问（<firm> 分析师 <name>）：" as label lines, not as inline analyst labels', () => {
    const text = ['某某股份2026年第三季度业绩说明会', '', '邵明川（董事长）：', '第三季度公司实现营业收入18.64亿元。', '', '林佩瑶（财务总监）：', '第三季度毛利率为34.2%。', '', '问（中泰证券 分析师 许文博）：请问订单情况？', '', '答（邵明川）：订单饱满。', '', '问（投资者）：分红计划？', '', '答（林佩瑶）：稳定分红。', '', '问（弘远基金 钱思睿）：现金流？', '', '答（林佩瑶）：改善明显。'].join('\n');
    expect(detectLayout(splitLines(text))?.id).toBe('label-lines');
  });
});

describe('inline labels: a Chinese briefing record with titled executives', () => {
  const call = convertFixture('inline-labels-briefing-titled-executives.txt');
  it('reads "职务 姓名：" labels as executives with their titles, in the remarks and in the Q&A', () => {
    const people = call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['周敏', '财务总监', 'executive'],
        ['林海涛', '总经理', 'executive'],
        ['孙悦', '中信证券', 'analyst'],
      ]),
    );
    expect(call.sources[0]!.sections.map((s) => s.id)).toEqual(['prepared-remarks', 'qa']);
  });
  it('leaves the numbered section headings out of what was said', () => {
    expect(paragraphs(call).filter((p) => /^[一二三]、/.test(p.text))).toEqual([]);
    expect(paragraphs(call).some((p) => p.text.startsWith('2026年第三季度，公司实现营业收入58.6亿元'))).toBe(true);
  });
});

describe('bilingual paragraphs whose labels are translated too', () => {
  const call = convertFixture('bilingual-paragraphs-translated-labels.txt');
  it('reads a label and its translation on the next line as one label, and pairs each paragraph with its translation', () => {
    const turns = call.sources[0]!.sections.flatMap((s) => s.turns);
    expect(turns.map((t) => t.label)).toEqual(['Operator', 'Seo Min-ho, Head of Investor Relations', 'Kang Hye-jin, Chief Financial Officer', 'Operator', 'Lee Jae-won, Hanbyeol Securities', 'Kang Hye-jin, Chief Financial Officer']);
    expect(paragraphs(call).every((p) => p.translation !== undefined && /[가-힣]/.test(p.translation))).toBe(true);
    expect(paragraphs(call).some((p) => /[가-힣]/.test(p.text))).toBe(false);
  });
  it('takes "Name, Firm" for an analyst and "Name, Title" for an executive', () => {
    const people = call.speakers.map((s) => [s.name, s.title ?? s.firm ?? '', s.role]);
    expect(people).toEqual(expect.arrayContaining([['Kang Hye-jin', 'Chief Financial Officer', 'executive'], ['Lee Jae-won', 'Hanbyeol Securities', 'analyst']]));
  });
});

describe('official transcript, clean paragraphs', () => {
  const call = convertFixture('official-clean-with-false-colon-label.txt');
  it('does not take a sentence ending in a colon for a speaker', () => {
    const sam = call.sources[0]!.sections[1]!.turns[0]!;
    expect(sam.speaker).toBe('sam-lee');
    expect(sam.paragraphs[0]!.text).toBe('在合并基础上：');
  });
  it('joins a line broken by a page and keeps the footnote as its own paragraph', () => {
    const texts = paragraphs(call).map((p) => [p.text, p.kind ?? '']);
    expect(texts).toContainEqual(['本季度收入增长 8%，我们推出了 *Choice* 会员计划。我们的云业务在持续优化自身运营效率，为客户创造价值。', '']);
    expect(texts).toContainEqual(['¹ 根据持股日期为 2024 年 12 月 31 日的纪录。', 'footnote']);
  });
  it('reads the quarter from the cover and the date with its weekday', () => {
    expect([call.quarter, call.period_end, call.call_date]).toEqual(['FY2025Q2', '2024-12-31', '2025-02-06']);
    expect(call.sources[0]!.title).toBe('艾克美控股 2024 年 12 月份季度 业绩发布电话会 记录稿');
  });
  it('accepts markers with ASCII parentheses or a trailing colon', () => {
    expect(exchanges(call)).toEqual(['Ann Park (Example Securities) -> Sam Lee']);
    const qa = call.sources[0]!.sections[2]!.turns;
    expect(qa.map((t) => t.paragraphs[0]!.interpreted)).toEqual([false, false, true, true]);
  });
});

describe('inline labels on a web page', () => {
  const call = convertFixture('inline-labels-web-page-with-news.txt');
  it('reads the fiscal quarter the page states', () => {
    expect(call.quarter).toBe('FY2025Q3');
  });
  it('keeps news, navigation and links out of the call', () => {
    const all = JSON.stringify(call.sources[0]!.sections);
    expect(all).not.toContain('云服务器');
    expect(all).not.toContain('战略选择');
    expect(call.sources[0]!.omitted.map((o) => [o.from, o.to, o.reason])).toEqual([
      [1, 3, 'site-chrome'],
      [4, 8, 'news'],
      [9, 10, 'site-chrome'],
      [11, 12, 'links'],
    ]);
  });
  it('labels the announcement excerpt with its own script', () => {
    expect(call.sources[0]!.announcement.map((p) => [p.line, p.lang])).toEqual([
      [13, 'zh-Hant'],
      [14, 'zh-Hant'],
    ]);
  });
  it('continues a speaker on an unlabelled line even when it contains a colon', () => {
    const sam = call.sources[0]!.sections[0]!.turns[1]!;
    expect(sam.paragraphs.map((p) => p.text)).toEqual(['谢谢提问。云业务本季度增长很快。', '再来看零售业务的表现:零售业务保持稳定。']);
    expect(exchanges(call)).toEqual(['Ann Park (样本银行) -> Sam Lee', 'Bo Wu (示例证券) -> Sam Lee']);
    expect(paragraphs(call).at(-1)!.text).toBe('我们会继续投入。');
  });
});

describe('plain English transcript', () => {
  const call = convertFixture('plain-english-with-participant-lists.txt');
  it('reads quarter and date from the header', () => {
    expect([call.quarter, call.period_end, call.call_date]).toEqual(['FY2025Q2', '2024-12-31', '2025-01-30']);
  });
  it('takes roles from the participant lists and splits sections at the Q&A heading', () => {
    expect(call.speakers.map((s) => [s.id, s.role, s.title ?? s.firm ?? ''])).toEqual([
      ['sam-lee', 'executive', 'Chief Executive Officer'],
      ['dana-fox', 'executive', 'Chief Financial Officer'],
      ['mia-chen', 'investor-relations', 'Head of Investor Relations'],
      ['ann-park', 'analyst', 'Example Securities'],
      ['bo-wu', 'analyst', 'Sample Bank'],
      ['operator', 'operator', ''],
    ]);
    expect(call.sources[0]!.sections.map((s) => [s.id, s.turns.length])).toEqual([
      ['introduction', 2],
      ['prepared-remarks', 2],
      ['qa', 8],
    ]);
    expect(exchanges(call)).toEqual(['Ann Park (Example Securities) -> Sam Lee, Dana Fox', 'Bo Wu (Sample Bank) -> Sam Lee']);
  });
  it('joins the lines of one paragraph', () => {
    expect(paragraphs(call)[0]!.text).toBe('Good morning and welcome to the Acme Holdings second quarter fiscal 2025 earnings call. All participants are in listen-only mode.');
  });
});

describe('calls of companies without a profile', () => {
  const facts = (name: string) => {
    const c = convertFixture(name);
    return [c.company, c.quarter, c.period_end, c.call_date, c.inferred_company?.fiscal_year_end];
  };

  it('reads company, quarter, fiscal year end and date for four companies with different calendars', () => {
    expect(facts('inline-turns-page-with-editor-summary.txt')).toEqual(['larkspur-bio', 'FY2026Q2', '2025-07-31', '2025-08-28', '01-31']);
    expect(facts('interleaved-numbered-pairs-with-banners.txt')).toEqual(['tessaly-robotics', 'FY2026Q3', '2025-12-31', '2026-02-12', '03-31']);
    expect(facts('bilingual-pairs-english-with-korean-translation.txt')).toEqual(['hanul-motors', 'FY2025Q3', '2025-09-30', '2025-10-29', '12-31']);
    expect(facts('plain-english-no-profile-52-week-year.txt')).toEqual(['marrow-and-finch', 'FY2026Q1', '2025-11-22', '2025-12-10', '08-31']);
  });

  it('never files a call under a company it only mentions (Acme Cloud, a profile here)', () => {
    expect(convertFixture('bilingual-pairs-english-with-korean-translation.txt').company).toBe('hanul-motors');
  });

  it('pairs paragraphs with their Korean translation without bullets, and reads an analyst labelled with a firm', () => {
    const call = convertFixture('bilingual-paragraphs-english-then-korean-without-bullets.txt');
    expect([call.company, call.quarter, call.period_end, call.call_date]).toEqual(['sejin-foods', 'FY2025Q1', '2025-03-31', '2025-05-08']);
    expect(call.sources[0]!.layers.map((l) => [l.lang, l.role])).toEqual([['en', 'original'], ['ko', 'translation']]);
    expect(exchanges(call)).toEqual(['Mina Kwon (Example Securities) -> Jun Lee']);
    expect(paragraphs(call).find((p) => p.text.startsWith('Revenue was'))?.translation).toMatch(/^매출은/);
  });

  it('tags a Korean translation as Korean', () => {
    expect(convertFixture('bilingual-pairs-english-with-korean-translation.txt').sources[0]!.layers.map((l) => l.lang)).toEqual(['en', 'ko']);
  });

  it('leaves the editors\' summary out and reads analysts the operator introduces', () => {
    const call = convertFixture('inline-turns-page-with-editor-summary.txt');
    expect(paragraphs(call).some((p) => /Takeaways|glossary|LKSP\+/.test(p.text))).toBe(false);
    expect(exchanges(call)).toEqual(['Paul Venn (Example Securities) -> Nora Quint, Felix Arden', 'Rita Calloway (Northfield Capital) -> Nora Quint']);
    expect(call.speakers.find((s) => s.id === 'ivy-marsh')?.role).toBe('investor-relations');
  });

  it('keeps title lines out of the text and reads generic labels', () => {
    const call = convertFixture('plain-english-no-profile-52-week-year.txt');
    expect(paragraphs(call).some((p) => /^(Executive VP & CFO|Vice President of Investor Relations|Example Partners, Research Division)$/.test(p.text))).toBe(false);
    const role = (id: string) => call.speakers.find((s) => s.id === id)?.role;
    expect([role('lena-ortiz'), role('unknown-executive'), role('unidentified-analyst')]).toEqual(['investor-relations', 'executive', 'analyst']);
  });

  it('strips the translated label from a paired translation', () => {
    const call = convertFixture('interleaved-numbered-pairs-with-banners.txt');
    const first = paragraphs(call).find((p) => p.text.startsWith('Revenue was HKD'))!;
    expect(first.translation).toBe('收入为12亿港元，同比增长15%。');
    expect(exchanges(call)).toEqual(['Mei Tan (Harbor Research) -> Lin Wei']);
  });
});

describe('segments read from the text when there is no profile', () => {
  it('makes the business units the call presents as segments its segments, marked as read from the text', () => {
    const call = convertFixture('inline-turns-page-with-editor-summary.txt');
    expect(call.inferred_company!.segments.map((s) => [s.id, s.names.en, s.origin])).toEqual([
      ['group', 'Larkspur Bio (consolidated)', 'text'],
      ['diagnostics', 'Diagnostics', 'text'],
      ['research-tools', 'Research Tools', 'text'],
    ]);
    // The figure reader files figures under them like under a profile's segments; the CFO's
    // opening "Revenue was $212 million", before any segment, is the group's.
    expect(call.figures.filter((f) => f.metric === 'revenue').map((f) => [f.segment, f.value])).toEqual([
      ['group', 212000000],
      ['diagnostics', 150000000],
      ['research-tools', 62000000],
    ]);
  });

  it('gives a segment its Chinese name from the paired translation ("仓储机器人分部")', () => {
    const seg = convertFixture('interleaved-numbered-pairs-with-banners.txt').inferred_company!.segments.find((s) => s.id === 'warehouse-robots');
    expect(seg?.names).toEqual({ en: 'Warehouse Robots', 'zh-Hans': '仓储机器人' });
  });

  it('uses a profile\'s segments, never the text\'s, when there is a profile', () => {
    const call = convertFixture('plain-english-with-participant-lists.txt');
    expect(call.company).toBe('acme');
    expect(call.inferred_company).toBeUndefined();
  });
});

describe('the same files with a profile', () => {
  // Each of these converts with no profile (golden files above, the group's figures only); a
  // profile that names the company's segments, in any script, files the segments' figures.
  const withProfile = (file: string, profile: unknown) => {
    const result = convertAll(inputsFrom('tests/fixtures/layouts', [file]), catalog([companySchema.parse(profile)]));
    if (result.errors.length) throw new Error(result.errors.map((e) => e.format()).join('\n'));
    return result.calls[0]!;
  };
  const segmentRevenue = (call: Call) => call.figures.filter((f) => f.metric === 'revenue' && f.segment !== 'group').map((f) => [f.segment, f.value]);
  it.each([
    [
      'inline-turns-caps-labels-participant-lists.txt',
      { id: 'larchmere-bakeries', names: { en: 'Larchmere Bakeries' }, aliases: ['Larchmere'], fiscal_year_end: '12-31', segments: [{ id: 'group', names: { en: 'Larchmere Bakeries' } }, { id: 'artisan', names: { en: 'Artisan Breads' }, aliases: ['Artisan'] }] },
      [['artisan', 88e6]],
    ],
    [
      'zh-hans-briefing-questions-and-answers.txt',
      { id: 'chengchuan', names: { en: 'Chengchuan New Materials', 'zh-Hans': '澄川新材料' }, aliases: ['澄川新材', '澄川'], fiscal_year_end: '12-31', segments: [{ id: 'group', names: { en: 'Chengchuan New Materials' } }, { id: 'separators', names: { en: 'Battery Separators', 'zh-Hans': '锂电隔膜' }, aliases: ['锂电隔膜业务'] }] },
      [['separators', 9.8e8]],
    ],
    [
      // (Segments the text presents too: the profile's ids, names and aliases are used instead.)
      'name-lines-dash-titles-participants-at-end.txt',
      { id: 'larchmont', names: { en: 'Larchmont Foods', 'zh-Hans': '拉奇蒙特食品' }, aliases: ['LRCH'], fiscal_year_end: '06-30', segments: [{ id: 'group', names: { en: 'Larchmont Foods' } }, { id: 'snack-foods', names: { en: 'Snack Foods', 'zh-Hans': '零食' }, aliases: ['Snacks'] }, { id: 'frozen-meals', names: { en: 'Frozen Meals' }, aliases: ['Frozen'] }] },
      [['snack-foods', 512e6], ['frozen-meals', 433e6]],
    ],
  ] as const)('%s: the profile\'s segments get their figures', (file, profile, expected) => {
    const call = withProfile(file, profile);
    expect(call.company).toBe(profile.id);
    expect(call.inferred_company).toBeUndefined();
    expect(segmentRevenue(call)).toEqual(expected);
  });
});

describe('a profile and a quarter stated only by its end', () => {
  it('places "截至2025年6月30日止第二季度" in the profile\'s fiscal calendar (it converted without a profile, and must with one)', () => {
    const profile = { id: 'lanqiao-shipping', names: { en: 'Lanqiao Shipping', 'zh-Hans': '岚桥航运' }, aliases: ['岚桥'], fiscal_year_end: '12-31', segments: [{ id: 'group', names: { en: 'Lanqiao Shipping' } }] };
    const result = convertAll(inputsFrom('tests/fixtures/layouts', ['inline-labels-news-page-results-between-market-data.txt']), catalog([companySchema.parse(profile)]));
    expect(result.errors).toEqual([]);
    expect([result.calls[0]!.company, result.calls[0]!.quarter, result.calls[0]!.period_end]).toEqual(['lanqiao-shipping', 'FY2025Q2', '2025-06-30']);
  });
});

describe('label lines', () => {
  const speakersOf = (call: Call) => call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort();
  const turnsOf = (call: Call) => call.sources[0]!.sections.flatMap((s) => s.turns.map((t) => `${s.id}: ${t.speaker}`));

  it.each([
    ['Jane Doe -- Chief Executive Officer', { name: 'Jane Doe', title: 'Chief Executive Officer' }, false],
    ['Tom Asher -- Bayline Securities -- Analyst', { name: 'Tom Asher', role: 'analyst', firm: 'Bayline Securities' }, false],
    ['[00:03:40] Laura Mendes', { name: 'Laura Mendes' }, true],
    ['Laura Mendes (00:03:40):', { name: 'Laura Mendes' }, true],
    ['Q - Daniel Frost {BIO 17712345 <GO>}', { name: 'Daniel Frost', role: 'analyst' }, true],
    ['**Katrin Vogel** (Chief Executive Officer)', { name: 'Katrin Vogel', title: 'Chief Executive Officer' }, true],
    ['**Jonas Frei** (Aarberg Bank)', { name: 'Jonas Frei', firm: 'Aarberg Bank' }, true],
    ['Rachel Byrne, Head of Investor Relations', { name: 'Rachel Byrne', title: 'Head of Investor Relations' }, false],
    ['刘振华 董事长：', { name: '刘振华', title: '董事长' }, false],
    ['东岳资本分析师 刘思琪：', { name: '刘思琪', role: 'analyst', firm: '东岳资本' }, false],
    ['远川基金 黄嘉诚：', { name: '黄嘉诚', role: 'analyst', firm: '远川基金' }, false],
    ['财务总监 何佳音', { name: '何佳音', title: '财务总监' }, false],
    ['主持人（陈晓岚）：', { name: '主持人', role: 'operator' }, false],
    // A Traditional Chinese official transcript's spokesperson lines; an analyst named by family name and firm.
    ['發言人：林志明（財務長）', { name: '林志明', title: '財務長' }, true],
    ['發言人 陳怡君 執行長：', { name: '陳怡君', title: '執行長' }, true],
    ['鼎豐證券 張分析師', { name: '張分析師', role: 'analyst', firm: '鼎豐證券' }, false],
    // A Japanese briefing's English transcript: the moderator by name and role, numbered questioners with name and firm.
    ['Ayumi Sakurada, Moderator', { name: 'Ayumi Sakurada', role: 'operator' }, false],
    ['林佩君 (投資人關係處處長)', { name: '林佩君', title: '投資人關係處處長' }, false],
    // A Nordic call's "Name, Company AB" labels: the person speaks for that company.
    ['Anna Bergström, Torvalla Industri AB', { name: 'Anna Bergström', firm: 'Torvalla Industri AB' }, false],
    ['Questioner 1 (Takeshi Hondo, Suzaku Securities)', { name: 'Takeshi Hondo', role: 'analyst', firm: 'Suzaku Securities' }, false],
  ])('reads %s as a label', (line, label, marked) => {
    const got = labelLine(line)!;
    expect(got.label).toMatchObject(label);
    expect(got.marked).toBe(marked);
  });

  it.each(['Thanks, Dana', 'Questioner 1 (thank you)', 'Good morning', '# Brunnwald Industrie AG — Q4 FY2025 Earnings Call', 'Revenue grew 12%.', 'Prepared Remarks:'])('does not read %s as a label', (line) => {
    expect(labelLine(line)).toBeUndefined();
  });

  it('"Name -- Title" lines: titles and firms from the labels, the operator and the list at the end; the list and links are not the call', () => {
    const call = convertFixture('name-lines-dash-titles-participants-at-end.txt');
    expect([call.company, call.quarter, call.period_end, call.call_date, call.inferred_company?.fiscal_year_end]).toEqual(['larchmont-foods', 'FY2026Q2', '2025-12-31', '2026-02-05', '06-30']);
    expect(speakersOf(call)).toEqual([
      'Dana Whitfield | investor-relations | Head of Investor Relations',
      'Helen Cho | analyst | Redfield Capital',
      'Marcus Bell | executive | Chief Executive Officer',
      'Operator | operator | ',
      'Priya Raman | executive | Chief Financial Officer',
      'Tom Asher | analyst | Bayline Securities',
    ]);
    expect(exchanges(call)).toEqual(['Helen Cho (Redfield Capital) -> Marcus Bell', 'Tom Asher (Bayline Securities) -> Priya Raman']);
    expect(paragraphs(call).some((p) => /Duration|Call participants|More LRCH|Getty/.test(p.text))).toBe(false);
  });

  it('timestamped turns: titles from the introductions when no label gives them', () => {
    const call = convertFixture('timestamped-turns-bracket-times.txt');
    expect(speakersOf(call)).toContain('Nina Park | investor-relations | Vice President of Investor Relations');
    expect(speakersOf(call)).toContain('Laura Mendes | executive | CFO');
    expect(exchanges(call)).toEqual(['Raj Mehta (Corbin Partners) -> Laura Mendes', 'Ellen Sato (Whitcombe Research) -> Ethan Cole']);
    expect(paragraphs(call).some((p) => /\d{2}:\d{2}:\d{2}/.test(p.text))).toBe(false);
  });

  it('wire exports: "Q -" / "A -" turns, BIO tags and "Name, Title" lists; the disclaimer is not the operator speaking', () => {
    const call = convertFixture('wire-export-q-a-prefixes.txt');
    expect([call.company, call.quarter, call.call_date]).toEqual(['ashgrove', 'FY2025Q3', '2025-10-23']);
    expect(exchanges(call)).toEqual(['Daniel Frost (Kestrel Bank) -> Oliver Grant', 'Amira Haddad (Fenwick Securities) -> Sophie Lang']);
    expect(turnsOf(call).filter((t) => t.startsWith('qa')).length).toBe(7);
    expect(paragraphs(call).some((p) => /BIO|100 percent accurate/.test(p.text))).toBe(false);
    expect(call.sources[0]!.omitted.at(-1)!.reason).toBe('disclaimer');
  });

  it('Markdown exports: bold labels, the summary box left out as not part of the call, emphasis removed', () => {
    const call = convertFixture('markdown-export-bold-speakers-summary-box.txt');
    expect([call.quarter, call.period_end, call.inferred_company?.fiscal_year_end]).toEqual(['FY2025Q4', '2025-09-30', '09-30']);
    expect(call.sources[0]!.omitted).toContainEqual({ from: 5, to: 5, reason: 'page-summary' });
    expect(paragraphs(call).some((p) => /AI summary|\*|Exported from|generated automatically/.test(p.text))).toBe(false);
    expect(exchanges(call)).toEqual(['Jonas Frei (Aarberg Bank) -> Lukas Meier', 'Clara Wyss (Seeland Research) -> Katrin Vogel']);
  });

  it('Chinese briefing records: titled name lines, the attendee list, and each 问/答 pair its own exchange', () => {
    const call = convertFixture('zh-hans-briefing-questions-and-answers.txt');
    expect(speakersOf(call)).toEqual(['主持人 | operator | ', '何静 | executive | 财务总监', '刘振华 | executive | 董事长', '投资者 | analyst | ', '管理层 | executive | ']);
    expect(exchanges(call)).toEqual(['投资者 (?) -> 刘振华', '投资者 (?) -> 何静', '投资者 (?) -> 管理层']);
    expect(call.sources[0]!.sections.map((s) => s.id)).toEqual(['introduction', 'prepared-remarks', 'qa']);
  });
});

describe('inline turns', () => {
  it('reads "Name (CFO):" as a job title, and a label repeated on each paragraph as one turn', () => {
    const text = [
      'Title: Brisk Medical SE Q3 2025 Results Conference Call',
      'Company: Brisk Medical SE (BRSK)',
      '',
      'Operator: Welcome to the Brisk Medical third quarter 2025 results call. I hand over to Anna Berg.',
      'Anna Berg (CFO): Thank you. Let us look at the segments, starting with Surgical. Revenue was EUR 640 million.',
      'Anna Berg (CFO): The adjusted EBITA was EUR 158 million, and the margin was 24.7%.',
      'Operator: The first question comes from Tom Ash of Redfern & Co.',
      'Tom Ash (Redfern & Co): How is Surgical doing in Japan?',
      'Anna Berg (CFO): Very well, thank you for the question about Japan.',
      'Operator: That concludes the question-and-answer session for today.',
    ].join('\n');
    const result = convertAll([textInput('seeds/brisk.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.find((s) => s.name === 'Anna Berg')).toMatchObject({ role: 'executive', title: 'CFO' });
    expect(call.speakers.find((s) => s.name === 'Tom Ash')).toMatchObject({ role: 'analyst', firm: 'Redfern & Co' });
    const anna = call.sources[0]!.sections.flatMap((s) => s.turns).find((t) => t.speaker === 'anna-berg')!;
    expect(anna.paragraphs).toHaveLength(2);
    // The topic carries into the turn's next paragraph.
    expect(call.figures.find((f) => f.metric === 'adjusted_ebita')?.segment).toBe('surgical');
  });
});

describe('inline turns with a title or firm after a comma', () => {
  it('reads "Name, Title:" as an executive with that title and "Name, Firm:" as an analyst of that firm', () => {
    const text = [
      'Korvell AG',
      'Q2 2025 Results – Analyst and Investor Conference Call',
      '',
      'Operator: Ladies and gentlemen, welcome to the Korwell AG conference call on the results of the second quarter of 2025.',
      'Henrik Sol, Head of Investor Relations: Thank you, and good morning. With me is Jonas Reuter, our CFO.',
      'Jonas Reuter, Chief Financial Officer: Thank you, Henrik. Revenue in the second quarter was €2.41 billion, an increase of 3.9%.',
      'Operator: The first question comes from Mei Choo of Stellbridge Partners.',
      'Mei Choo, Stellbridge Partners: Thank you. How sustainable is the margin improvement in the second half?',
      'Jonas Reuter, Chief Financial Officer: We expect it to hold, and we will give you more detail in October.',
      'Operator: The next question comes from Mei Choo of Stellbridge Partners.',
      'Mei Choo, Stellbridge Partners: A follow-up on pricing in Europe, please, for the coming quarters.',
      'Henrik Sol, Head of Investor Relations: Thank you all for joining the call today. Goodbye.',
    ].join('\n');
    const result = convertAll([textInput('seeds/korvell.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    // (The welcome's "Korwell" is the title's "Korvell" misheard: one company.)
    expect(call.company).toBe('korvell');
    const who = call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort();
    expect(who).toEqual(['Henrik Sol | investor-relations | Head of Investor Relations', 'Jonas Reuter | executive | Chief Financial Officer', 'Mei Choo | analyst | Stellbridge Partners', 'Operator | operator | ']);
    expect(call.figures.filter((f) => f.metric === 'revenue').map((f) => [f.segment, f.value])).toEqual([['group', 2.41e9]]);
  });

  it('reads "**Name – Title:**" labels, with letters beyond ASCII in the name', () => {
    const text = [
      '# Norrby Bank AB (publ) – Q3 2025 Interim Report Conference Call',
      '',
      '**Operator:** Hello and welcome to the Norrby Bank third quarter 2025 results presentation.',
      '',
      '**Malin Forsberg-Åkesson – President and Group CEO:** Thank you, and good morning, everyone.',
      '',
      'Operating profit was SEK 8.54 billion, and net profit was SEK 6.71 billion.',
      '',
      '**Operator:** The first question comes from Nadia Ferreira of Castlebrook Research.',
      '',
      '**Nadia Ferreira – Castlebrook Research:** Good morning. What is the outlook for fees next year?',
      '',
      '**Malin Forsberg-Åkesson – President and Group CEO:** We expect fees to keep growing with the savings market.',
      '',
      '**Operator:** The next question comes from Nadia Ferreira of Castlebrook Research again, please go ahead.',
      '',
      '**Nadia Ferreira – Castlebrook Research:** Thank you. And on costs, should we expect a similar level next year?',
      '',
      '**Malin Forsberg-Åkesson – President and Group CEO:** Broadly, yes, with inflation the main thing to watch.',
    ].join('\n');
    const result = convertAll([textInput('seeds/norrby.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    const who = call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort();
    expect(who).toEqual(['Malin Forsberg-Åkesson | executive | President and Group CEO', 'Nadia Ferreira | analyst | Castlebrook Research', 'Operator | operator | ']);
    expect(call.figures.map((f) => [f.metric, f.value]).sort()).toEqual([['net_income', 6.71e9], ['operating_income', 8.54e9]]);
  });
});

describe('a video platform\'s numbered speakers', () => {
  it('drops the time lines, names each "Speaker N" from the hand-over before it, and makes the operator and the presenters', () => {
    const text = [
      'Lindvall Medtech AG Q3 2026 Results Call',
      'Transcript generated by StreamHall',
      '',
      '00:00:05',
      'Speaker 1: good morning and welcome to the Lindvall Medtech third quarter 2026 results call for the quarter ended September 30, 2026. I will now hand over to our Chief Executive Officer, Marta Keller.',
      '',
      '00:00:31',
      'Speaker 2: thank you and good morning everyone. Revenue for the quarter was CHF 412.6 million, up 6.2% on a reported basis. I\'ll now hand over to Jonas Weber, our CFO.',
      '',
      '00:02:10',
      'Speaker 3: thanks Marta. Operating profit was CHF 61.3 million and the operating margin was 14.9%.',
      '',
      '00:04:02',
      'Speaker 1: thank you. The first question comes from Paul Reyes of Hollin Securities. Please go ahead.',
      '',
      '00:04:10',
      'Speaker 4: thank you. How do you see demand in the US next year, and what about pricing in Europe?',
      '',
      '00:04:30',
      'Speaker 2: we expect demand to stay robust, and pricing broadly flat in Europe next year.',
      '',
      '00:05:01',
      'Speaker 1: the next question comes from Anna Roth of Bergmann Research. Please go ahead.',
      '',
      '00:05:10',
      'Speaker 5: thanks. On margins, what drove the improvement this quarter compared with the second quarter?',
      '',
      '00:05:40',
      'Speaker 3: mostly mix and the savings programme, partly offset by currency movements.',
    ].join('\n');
    const result = convertAll([textInput('seeds/lindvall.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    const who = call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort();
    expect(who).toEqual(['Anna Roth | analyst | Bergmann Research', 'Jonas Weber | executive | CFO', 'Marta Keller | executive | Chief Executive Officer', 'Operator | operator | ', 'Paul Reyes | analyst | Hollin Securities']);
    const paragraphs = call.sources[0]!.sections.flatMap((x) => x.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(paragraphs.some((t) => /^\d\d:\d\d/.test(t))).toBe(false);
    expect(call.figures.map((f) => `${f.metric} ${f.value}`).sort()).toEqual(['operating_income 61300000', 'operating_margin_pct 14.9', 'revenue 412600000', 'revenue_yoy_pct 6.2']);
  });
});

describe('tables in a transcript', () => {
  it('keeps each row of a slide table its own paragraph, reads units and periods, and takes the units as segments', () => {
    const text = [
      'Orvel Industrie SE – Q4 FY2026 Results Conference Call',
      '12 November 2026',
      '',
      'Operator: Good morning and welcome to the Orvel Industrie fourth quarter fiscal 2026 results call. I hand over to Lea Brandt.',
      '',
      'Lea Brandt (Chief Financial Officer): Thank you. Our fiscal year ended on 30 September 2026. The table is on slide 5.',
      '',
      'Segment            Revenue        YoY       Adj. EBIT',
      'Drives             EUR 612m       +4.1%     EUR 71m',
      'Sensors            EUR 288m       -2.3%     EUR 30m',
      'Total              EUR 900m       +2.0%     EUR 101m',
      '',
      '                   Q4 FY2026      Q4 FY2025      Change',
      'Net income         EUR 64m        EUR 58m        +10.3%',
      '',
      'Operator: The first question comes from Paul Reyes of Hollin Securities.',
      '',
      'Paul Reyes (Hollin Securities): Thank you. How do you see Sensors next year in terms of demand?',
      '',
      'Lea Brandt (Chief Financial Officer): We expect a stable market, with pricing broadly flat next year.',
      '',
      'Operator: The next question comes from Paul Reyes of Hollin Securities again.',
      '',
      'Paul Reyes (Hollin Securities): And is the Drives order book still growing at the same pace?',
      '',
      'Lea Brandt (Chief Financial Officer): Yes, it grew again and covers most of the first half.',
    ].join('\n');
    const result = convertAll([textInput('seeds/orvel.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.inferred_company?.segments.map((s) => s.id)).toEqual(['group', 'drives', 'sensors']);
    const got = call.figures.map((f) => `${f.segment} ${f.metric} ${f.value}`).sort();
    expect(got).toEqual([
      'drives non_gaap_operating_income 71000000',
      'drives revenue 612000000',
      'drives revenue_yoy_pct 4.1',
      'group net_income 64000000',
      'group net_income_yoy_pct 10.3',
      'group non_gaap_operating_income 101000000',
      'group revenue 900000000',
      'group revenue_yoy_pct 2',
      'sensors non_gaap_operating_income 30000000',
      'sensors revenue 288000000',
      'sensors revenue_yoy_pct -2.3',
    ]);
    // Each figure quotes its row as written; last year's EUR 58m is nowhere.
    expect(call.figures.find((f) => f.metric === 'net_income')!.quotes[0]!.text).toBe('Net income         EUR 64m        EUR 58m        +10.3%');
    expect(call.figures.some((f) => f.value === 58e6)).toBe(false);
  });

  it('keeps table rows apart in a transcript with speaker names on lines of their own', () => {
    const text = [
      'Orvel Industrie SE (ORV) Q4 FY2026 Earnings Call Transcript',
      '',
      'Corporate Participants',
      'Lea Brandt - Chief Financial Officer',
      '',
      'Operator',
      'Good morning and welcome to the Orvel Industrie fourth quarter fiscal 2026 results call for the quarter ended September 30, 2026.',
      '',
      'Lea Brandt',
      'Thank you. The table is on slide 5.',
      '',
      '| Segment | Revenue | YoY |',
      '|---|---:|---:|',
      '| Drives | EUR 612m | +4.1% |',
      '| Sensors | EUR 288m | -2.3% |',
      '',
      'Free cash flow was EUR 88 million in the quarter.',
    ].join('\n');
    const result = convertAll([textInput('seeds/orvel.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.figures.map((f) => `${f.segment} ${f.metric} ${f.value}`).sort()).toEqual([
      'drives revenue 612000000',
      'drives revenue_yoy_pct 4.1',
      'group free_cash_flow 88000000',
      'sensors revenue 288000000',
      'sensors revenue_yoy_pct -2.3',
    ]);
  });
});

describe('Markdown exports with a participants section', () => {
  it('reads bulleted participants under bold subheadings, never the subheadings as speakers, and each bullet as its own paragraph', () => {
    const text = [
      '# Brenn Medical AG – Q4 and Full-Year FY2025 Results Call',
      '',
      '## Participants',
      '',
      '**Company**',
      '',
      '- Martina Keller – Chief Executive Officer',
      '- Simone Wyss – Head of Investor Relations',
      '',
      '**Analysts**',
      '',
      '- Felix Ober – Rheinau Kapital',
      '',
      '## Presentation',
      '',
      '**Operator**',
      '',
      'Welcome to the Brenn Medical fourth quarter results call.',
      '',
      '**Martina Keller**',
      '',
      'Let me go through the divisions for the quarter.',
      '- **Orthopaedics**: sales of CHF 318.7 million, up 1.1%.',
      '- **Dental**: sales of CHF 122.5 million, down 0.8%.',
      '',
      '## Q&A',
      '',
      '**Operator**',
      '',
      'The first question comes from Felix Ober.',
      '',
      '**Felix Ober**',
      '',
      'How was Dental in China?',
      '',
      '**Martina Keller**',
      '',
      'Dental in China was soft.',
    ].join('\n');
    const result = convertAll([textInput('seeds/brenn.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort()).toEqual([
      'Felix Ober | analyst | Rheinau Kapital',
      'Martina Keller | executive | Chief Executive Officer',
      'Operator | operator | ',
    ]);
    const keller = call.sources[0]!.sections.flatMap((s) => s.turns).find((t) => t.speaker === 'martina-keller')!;
    expect(keller.paragraphs.map((p) => p.text)).toEqual(['Let me go through the divisions for the quarter.', '- Orthopaedics: sales of CHF 318.7 million, up 1.1%.', '- Dental: sales of CHF 122.5 million, down 0.8%.']);
    expect(call.figures.filter((f) => f.metric === 'revenue').map((f) => `${f.segment} ${f.value}`)).toEqual(['orthopaedics 318700000', 'dental 122500000']);
  });
});

describe('roles from the opening', () => {
  it('does not take the host the operator hands over to for an analyst, though the welcome speaks of the Q&A to come', () => {
    const text = [
      'Title: Brisk Data Q1 2026 Earnings Call',
      'Company: Brisk Data (BRSK)',
      '',
      "Operator: Welcome to Brisk Data's first quarter fiscal 2026 earnings call. After the speaker's presentation, there will be a question-and-answer session. I would now like to hand the conference over to your speaker today, Brian Dean from ICR. Please go ahead.",
      'Brian Dean: Thank you. With me are Dev Ittai, our CEO, and Mike Cik, our CFO.',
      'Dev Ittai: Thank you, Brian. Revenue was $549 million, up 22% year over year.',
      'Mike Cik: Thank you, Dev. Operating margin was 16%, up from 7% a year ago.',
      'Operator: Thank you. Our first question comes from Raimo Len with Barclays.',
      'Raimo Len: Thanks. How was Atlas?',
      'Dev Ittai: Atlas grew well, thank you for the question.',
      'Operator: Our next question comes from Kash Rang with Goldman Sachs.',
      'Kash Rang: Thanks. And margins?',
      'Mike Cik: Margins improved, thank you for the question.',
    ].join('\n');
    const result = convertAll([textInput('seeds/brisk-data.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.find((s) => s.name === 'Brian Dean')?.role).not.toBe('analyst');
    expect(exchanges(call)).toEqual(['Raimo Len (Barclays) -> Dev Ittai', 'Kash Rang (Goldman Sachs) -> Mike Cik']);
  });

  it('does not take the executive the operator hands over to ("Mr. Tanabe, please go ahead") for an analyst, and reads titles joined by "and"', () => {
    const text = [
      'Kirin Works Co., Ltd.',
      'FY2026 Second Quarter Financial Results Briefing',
      '',
      '[00:00:02] Operator',
      "Welcome to the results briefing of Kirin Works for the second quarter of the fiscal year ending March 2026. Today's speakers are Hiro Tanabe, President and Representative Director, and Kei Mori, Executive Officer and Chief Financial Officer. Mr. Tanabe, please go ahead.",
      '',
      '[00:01:05] Hiro Tanabe',
      'Thank you. Revenue for the quarter was 186.4 billion yen, up 5.2% year on year.',
      '',
      '[00:03:00] Kei Mori',
      'Operating profit was 21.7 billion yen.',
      '',
      '[00:05:00] Operator',
      'We will now take questions. The first question comes from Ken Hoshi of Shira Securities.',
      '',
      '[00:05:10] Ken Hoshi',
      'Thank you. How was demand in China?',
      '',
      '[00:05:30] Hiro Tanabe',
      'Demand in China remained weak.',
    ].join('\n');
    const result = convertAll([textInput('seeds/kirin.txt', text)], catalog([]));
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const call = result.calls[0]!;
    expect(call.speakers.map((s) => `${s.name} | ${s.role} | ${s.title ?? s.firm ?? ''}`).sort()).toEqual([
      'Hiro Tanabe | executive | President and Representative Director',
      'Kei Mori | executive | Executive Officer and Chief Financial Officer',
      'Ken Hoshi | analyst | Shira Securities',
      'Operator | operator | ',
    ]);
    expect(call.figures.find((f) => f.metric === 'revenue_yoy_pct')).toMatchObject({ segment: 'group', value: 5.2 });
  });
});

describe('a wire export with rules drawn across the page, numbered turns and an interpreter', () => {
  const call = convertFixture('wire-export-rules-turn-numbers-interpreter.txt');
  it('takes no rule line for a speaker and reads "Name, Company - Title   [N]" as the listed person', () => {
    expect(call.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Sam Lee', 'executive'],
      ['Tomoko Hara', 'executive'],
      ['Mia Chen', 'investor-relations'],
      ['Ken Ota', 'analyst'],
      ['Operator', 'operator'],
    ]);
    expect(paragraphs(call).some((p) => /^[=-]{10,}$/.test(p.text) || /spoken in/.test(p.text))).toBe(false);
  });
  it("gives the interpreter's words to the speaker who spoke, marked as interpreted", () => {
    const turns = call.sources[0]!.sections.flatMap((s) => s.turns);
    expect(turns.filter((t) => t.paragraphs.some((p) => p.interpreted)).map((t) => t.speaker)).toEqual(['sam-lee', 'ken-ota']);
  });
  it("exports no guidance from an analyst's interpreted question (the consensus), only management's", () => {
    expect(call.guidance.map((g) => [g.metric, g.low, g.high])).toEqual([['revenue', 3.3e9, 3.4e9]]);
    expect(exchanges(call)).toEqual(['Ken Ota (Northgate Securities) -> Tomoko Hara']);
  });
});

describe('a Chinese news page that reports a call in prose, without speaker labels', () => {
  const call = convertFixture('zh-news-page-prose-no-labels.txt');
  const kept = call.sources[0]!.announcement?.map((p) => p.text) ?? [];
  it("keeps the story's sentences about the company and its management's reported words as the company's", () => {
    expect(call.sources[0]!.layout).toBe('news-report');
    expect(kept.some((t) => t.includes('52.4亿元'))).toBe(true);
    expect(kept.some((t) => t.startsWith('对此，陈米娅回应称'))).toBe(true);
    expect(call.guidance.map((g) => [g.metric, g.low, g.high, g.period])).toEqual([['revenue', 5.4e9, 5.6e9, 'FY2026Q2']]);
  });
  it("leaves out the page, the stock quotes, the analysts' views, the consensus and the market", () => {
    const all = kept.join('');
    for (const gone of ['首页', '12.34', '分析师', '一致预期', '收盘', '相关阅读', '免责声明']) expect(all).not.toContain(gone);
    expect(call.figures.some((f) => f.value === 5e9)).toBe(false);
  });
});

describe('a rule line between pages of a label-lines transcript', () => {
  const text = [
    'Acme Holdings (ACME) Q1 FY2026 Earnings Call',
    '',
    'OPERATOR:',
    'Welcome to the Acme Holdings first quarter fiscal 2026 earnings call, for the quarter ended September 30, 2025.',
    '',
    '----------',
    'Page 2 of 3',
    '----------',
    '',
    'SAM LEE, CHIEF EXECUTIVE OFFICER:',
    'Revenue for the quarter was $812 million, up 9% year over year.',
    '',
    'TOMOKO HARA, CHIEF FINANCIAL OFFICER:',
    'Gross margin was 41.2%, and free cash flow was $96 million.',
    '',
    'OPERATOR:',
    'Our first question comes from Ken Ota of Northgate Securities.',
    '',
    'KEN OTA, NORTHGATE SECURITIES:',
    'Thank you. How is demand?',
    '',
    'SAM LEE, CHIEF EXECUTIVE OFFICER:',
    'Demand is healthy.',
    '',
    'MIA CHEN, HEAD OF INVESTOR RELATIONS:',
    'That concludes the call.',
  ].join('\n');
  it('ends nothing when speakers are still to come: the turns after it are read', () => {
    const result = convertAll([textInput('acme-rule.txt', text)], catalog([]));
    expect(result.errors).toEqual([]);
    const call = result.calls[0]!;
    expect(call.sources[0]!.sections.flatMap((s) => s.turns).length).toBeGreaterThanOrEqual(3);
    expect(call.figures.map((f) => [f.metric, f.value])).toContainEqual(['revenue', 812e6]);
  });
});

describe('a disclaimer before anyone has spoken, as on a PDF cover', () => {
  const text = [
    'Acme Holdings (ACME) Q1 FY2026 Earnings Call',
    '',
    'Company Participants',
    'Sam Lee - Chief Executive Officer',
    '',
    'Conference Call Participants',
    'Ken Ota - Northgate Securities',
    '',
    'Presentation',
    '',
    'Disclaimer: this transcript is provided for information only.',
    '',
    'Operator',
    '',
    'Welcome to the Acme Holdings first quarter fiscal 2026 earnings call, for the quarter ended September 30, 2025.',
    '',
    'Sam Lee',
    '',
    'Revenue for the quarter was $812 million, up 9% year over year.',
  ].join('\n');
  it('ends nothing: the call after it is read', () => {
    const result = convertAll([textInput('acme-disclaimer.txt', text)], catalog([]));
    expect(result.errors).toEqual([]);
    expect(result.calls[0]!.figures.map((f) => [f.metric, f.value])).toContainEqual(['revenue', 812e6]);
  });
});
