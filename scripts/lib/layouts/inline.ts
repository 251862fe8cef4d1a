/**
 * Inline labels: a Q&A write-up (often on a news or investor site) where each turn is one line
 * that starts with its speaker, `瑞银分析师Kenneth Fong:` for an analyst and `蒋凡:` for an
 * executive; an unlabelled line continues the previous speaker. Such pages also carry site
 * navigation, news items and link lists, which are not call content and are left out, and
 * often quote the results announcement just before the Q&A, which is kept and labelled as an
 * announcement excerpt.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, OmitReason, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { chineseScript, compactKey, hanShare, textLanguage, type Line } from '../text.ts';
import { looksLikeChineseName, roleFromName, TITLE_WORDS, ZH_FIRM } from './shared.ts';
import type { TextLang } from '../../../src/lib/schema.ts';

const ANALYST = /^(?<firm>[^:：,，。()（）]{1,30}?)\s*(?:分析师|分析師)\s*(?<name>[^:：,，。()（）]{1,40}?)\s*[:：]\s*(?<rest>\S.*)$/;
const ENGLISH_ANALYST = /^(?<name>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\s*\((?<firm>[^)]{2,40})\)\s*:\s*(?<rest>\S.*)$/;
const NAME_COLON = /^(?<name>[\p{Script=Han}·]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*[:：]\s*(?<rest>\S.*)$/u;
const NEWS_ITEM = /^[-*•]\s*\d{4}-\d{2}-\d{2}\s/;
const LIST_ITEM = /^[-*•]\s+\S/;
const END_MARK = /\s*[（(]完[）)]\s*$/;
/** Wording that places a paragraph in a reporting period, as results announcements do. */
const REPORTING = /(截至.{0,24}止(三个|三個|六个|六個)?月|截至.{0,24}止.{0,8}(季度|財季|财季|季)|本季度|本季|期内|期內|this quarter|for the quarter|quarter ended|three months ended)/i;
/** A market-data line a news page sets between its paragraphs: `星港娱乐(01928.HK) 12.34 +1.2%`, `恒生指数 26,012.45 +0.6%`. */
const MARKET_DATA = /^.{0,40}?\d[\d,]*(?:\.\d+)?\s*[+\-−]\s*\d+(?:\.\d+)?%\s*$/u;

interface Labelled {
  readonly name: string;
  readonly firm?: string;
  /** Job title the label gives ("财务总监 周敏：", "周敏（财务总监）："). */
  readonly title?: string;
  readonly analyst: boolean;
  readonly rest: string;
}

/** "财务总监 周敏：…", "董事长陈志远：…": a job title, then a Chinese name. */
const TITLED = /^(?<both>[\p{Script=Han}A-Za-z&]{2,12}[\s\u3000]*[\p{Script=Han}·]{2,4})\s*[:：]\s*(?<rest>\S.*)$/u;
/** "周敏（财务总监）：…": a Chinese name, then the job title in brackets. */
const NAME_BRACKET_TITLE = /^(?<name>[\p{Script=Han}·]{2,4})\s*[（(](?<title>[^（）()]{2,20})[）)]\s*[:：]\s*(?<rest>\S.*)$/u;

/** A label that gives a job title with the name: an executive (or the host), however often seen. */
function titledLabel(text: string): Labelled | undefined {
  const b = NAME_BRACKET_TITLE.exec(text);
  if (b?.groups && TITLE_WORDS.test(b.groups.title!) && looksLikeChineseName(b.groups.name!)) return { name: b.groups.name!, title: b.groups.title!.trim(), analyst: false, rest: b.groups.rest! };
  const m = TITLED.exec(text);
  if (!m?.groups) return undefined;
  const split = trailingName(m.groups.both!, (title, name) => TITLE_WORDS.test(title) && !TITLE_WORDS.test(name) && /(?:长|長|理|监|監|书|書|裁|官|席|人|总|總|事|[A-Za-z])$/u.test(title));
  return split ? { name: split.name, title: split.before, analyst: false, rest: m.groups.rest! } : undefined;
}

/**
 * "财务总监周敏", "凱基證券 林建宏": words, then a Chinese name of the last three, two or four
 * characters, taken where what comes before (at least two characters) passes `accept`.
 */
function trailingName(both: string, accept: (before: string, name: string) => boolean): { before: string; name: string } | undefined {
  for (const len of [3, 2, 4]) {
    const name = both.slice(-len);
    const before = both.slice(0, -len).trim();
    if (before.length >= 2 && looksLikeChineseName(name) && accept(before, name)) return { before, name };
  }
  return undefined;
}

/** "二、经营情况介绍", "三、问答环节": a numbered section heading of a briefing record. */
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*\S{2,16}$/u;

/** "凱基證券 林建宏：…", "元大投顧張家豪：…": an investment firm, then a Chinese name. */
const FIRM_NAME = /^(?<both>[\p{Script=Han}A-Za-z&]{2,14}[\s\u3000]*[\p{Script=Han}·]{2,4})\s*[:：]\s*(?<rest>\S.*)$/u;

function firmLabel(text: string): Labelled | undefined {
  const m = FIRM_NAME.exec(text);
  if (!m?.groups) return undefined;
  const split = trailingName(m.groups.both!, (firm) => ZH_FIRM.test(firm) && !TITLE_WORDS.test(firm));
  return split ? { name: split.name, firm: split.before, analyst: true, rest: m.groups.rest! } : undefined;
}

/** "刘思远（衡川证券分析师）：…": a name, then the firm and 分析师 in brackets. */
const NAME_BRACKET_ANALYST = /^(?<name>[\p{Script=Han}·]{2,4}|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\s*[（(]\s*(?<firm>[^（）()]{1,30}?)\s*(?:分析师|分析師)\s*[）)]\s*[:：]\s*(?<rest>\S.*)$/u;

function analystLabel(text: string): Labelled | undefined {
  const m = NAME_BRACKET_ANALYST.exec(text) ?? ANALYST.exec(text) ?? ENGLISH_ANALYST.exec(text);
  if (!m?.groups) return firmLabel(text);
  // "Anna Berg (CFO): …" names a job, not a firm: an executive.
  if (!/分析|analyst/i.test(m.groups.firm!) && TITLE_WORDS.test(m.groups.firm!)) return undefined;
  return { name: m.groups.name!.trim(), firm: m.groups.firm!.trim(), analyst: true, rest: m.groups.rest! };
}

function nameLabel(text: string): Labelled | undefined {
  const titled = titledLabel(text);
  if (titled) return titled;
  const m = NAME_COLON.exec(text);
  if (!m?.groups) return undefined;
  return { name: m.groups.name!, analyst: false, rest: m.groups.rest! };
}

export const inline: Layout = {
  id: 'inline-labels',

  sniff(lines) {
    return lines.some((l) => analystLabel(l.text) !== undefined);
  },

  parse(lines, ctx) {
    const firstQ = lines.findIndex((l) => analystLabel(l.text) !== undefined);
    if (firstQ < 0) throw new ConvertError(ctx.file, 'no analyst label was found');
    const qa = lines.slice(firstQ).filter((l) => l.text !== '');

    // An executive label is a short name and a colon at the start of a line, accepted when the
    // name is one of the company's people or when it labels more than one line: a one-off
    // "我们做了一个战略选择:" is a sentence, not a speaker.
    const counts = new Map<string, number>();
    for (const l of qa) {
      const lab = nameLabel(l.text);
      if (lab) counts.set(compactKey(lab.name), (counts.get(compactKey(lab.name)) ?? 0) + 1);
    }
    // A name seen once counts when it answers: right after an analyst's question, a line that
    // starts with a person's Chinese name and a colon ("黄敏：我们预计…") is that person speaking.
    let afterQuestion = false;
    const labelOf = (text: string): Labelled | undefined => {
      const a = analystLabel(text);
      if (a) return a;
      const e = nameLabel(text);
      if (e && (e.title || ctx.isKnownPerson(e.name) || (counts.get(compactKey(e.name)) ?? 0) >= 2 || preparedNames.has(compactKey(e.name)))) return e;
      if (e && afterQuestion && looksLikeChineseName(e.name)) return e;
      return undefined;
    };

    // Prepared remarks before the Q&A, in the same "Name：" form: a label there counts when the
    // name also speaks in the Q&A, is one of the company's people, or is the host, and at least
    // two lines before the Q&A carry such labels (a one-off "演讲:" line of a news item does not).
    const preLabel = (text: string) => {
      const e = nameLabel(text);
      return e && (e.title || (counts.get(compactKey(e.name)) ?? 0) >= 1 || ctx.isKnownPerson(e.name) || roleFromName(e.name) === 'operator') ? e : undefined;
    };
    const preLines = lines.slice(0, firstQ).filter((l) => l.text !== '' && preLabel(l.text));
    const preparedFrom = preLines.length >= 2 ? lines.indexOf(preLines[0]!) : firstQ;
    const prepared = lines.slice(preparedFrom, firstQ).filter((l) => l.text !== '');
    // Who spoke in the prepared remarks speaks under the same label in the Q&A.
    const preparedNames = new Set(preLines.map((l) => compactKey(nameLabel(l.text)!.name)));

    const turns: RawTurn[] = [];
    let current: RawTurn | undefined;
    const omitted: { n: number; reason: OmitReason }[] = [];
    for (const l of prepared) {
      const lab = preLabel(l.text);
      if (lab) {
        current = {
          label: { text: lab.title ? l.text.slice(0, l.text.length - lab.rest.length).replace(/[:：]\s*$/, '').trim() : lab.name, name: lab.name, ...(lab.title ? { title: lab.title } : {}), role: roleFromName(lab.name) ?? (lab.title && /主持/.test(lab.title) ? 'operator' : 'executive') },
          line: l.n,
          section: 'prepared-remarks',
          paragraphs: [{ line: l.n, text: lab.rest.trim() }],
        };
        turns.push(current);
      } else if (/^[【\[].{1,30}[】\]]$/.test(l.text) || SECTION_HEADING.test(l.text)) {
        // A section banner between turns ("【問答】") is not something a speaker said.
        omitted.push({ n: l.n, reason: 'site-chrome' });
      } else if (current) current.paragraphs.push({ line: l.n, text: l.text });
    }
    current = undefined;
    for (const l of qa) {
      const ended = END_MARK.test(l.text);
      const text = l.text.replace(END_MARK, '');
      const lab = labelOf(text);
      afterQuestion = lab ? lab.analyst : afterQuestion;
      if (lab) {
        current = {
          label: {
            text: lab.analyst || lab.title ? text.slice(0, text.length - lab.rest.length).replace(/[:：]\s*$/, '').trim() : lab.name,
            name: lab.name,
            ...(lab.firm ? { firm: lab.firm } : {}),
            ...(lab.title ? { title: lab.title } : {}),
            role: lab.analyst ? 'analyst' : 'executive',
          },
          line: l.n,
          section: 'qa',
          paragraphs: [{ line: l.n, text: lab.rest.trim() }],
        };
        turns.push(current);
      } else if (current && text !== '') {
        current.paragraphs.push({ line: l.n, text });
      }
      if (ended) break;
    }
    const lastLine = turns.at(-1)!.paragraphs.at(-1)!.line;
    for (const l of lines) if (l.n > lastLine && l.text !== '') omitted.push({ n: l.n, reason: 'end-marker' });

    // Before the Q&A: the run of long prose lines right before it is an announcement excerpt
    // when it speaks of a reporting period; everything else is page furniture or news.
    const before = lines.slice(0, preparedFrom).filter((l) => l.text !== '');
    const isProse = (l: Line) => l.text.length >= 40 && !LIST_ITEM.test(l.text);
    const isMarketData = (l: Line) => MARKET_DATA.test(l.text);
    // A heading that introduces the Q&A ("以下为业绩电话会问答环节实录(经编辑):") sits between them.
    const isQaHeading = (l: Line) => l.text.length < 60 && (/[:：]\s*$/.test(l.text) || /问答|問答|实录|實錄|q&a|transcript/i.test(l.text));
    let end = before.length;
    while (end > 0 && isQaHeading(before[end - 1]!)) end--;
    let k = end;
    while (k > 0 && (isProse(before[k - 1]!) || isMarketData(before[k - 1]!))) k--;
    // Market data between the paragraphs is page furniture, not part of the excerpt.
    while (k < before.length && isMarketData(before[k]!)) k++;
    const run = before.slice(k, end).filter((l) => !isMarketData(l));
    const announcement: RawParagraph[] = [];
    const qaLang = textLanguage(qa.map((l) => l.text).join('\n'));
    if (run.some((l) => REPORTING.test(l.text))) {
      for (const l of run) {
        const lang: TextLang = hanShare(l.text) < 0.3 ? 'en' : (chineseScript(l.text) ?? qaLang);
        announcement.push({ line: l.n, text: l.text, ...(lang !== qaLang ? { lang } : {}) });
      }
    }
    let inNews = false;
    for (const l of before.slice(k)) if (announcement.length > 0 && (isMarketData(l) || before.indexOf(l) >= end)) omitted.push({ n: l.n, reason: 'site-chrome' });
    for (const l of before.slice(0, announcement.length > 0 ? k : before.length)) {
      // Short lines without sentence punctuation are navigation ("Articles", "Earnings").
      const chrome = l.text.length < 40 && !/[。，,.!?！？]/.test(l.text);
      if (NEWS_ITEM.test(l.text)) inNews = true;
      else if (LIST_ITEM.test(l.text) || chrome) inNews = false;
      const reason: OmitReason = inNews ? 'news' : LIST_ITEM.test(l.text) ? 'links' : chrome ? 'site-chrome' : 'news';
      omitted.push({ n: l.n, reason });
    }

    return {
      layout: 'inline-labels',
      layers: [{ lang: qaLang, role: 'original', machine_translated: false }],
      turns,
      announcement,
      omitted: omittedRanges(omitted, new Set(announcement.map((a) => a.line))),
    };
  },
};
