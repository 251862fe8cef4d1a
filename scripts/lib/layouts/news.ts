/**
 * A news report of a call, as a wire service writes one: a headline, a byline, a dateline
 * ("KARLSRUHE, Oct 23 (Rheinpost Wire) - …") and the journalist's prose, with the executives'
 * words quoted ("…," Chief Executive Matthias Vossberg said on a conference call) and the
 * analysts' questions paraphrased ("Felix Braun, an analyst at Brandt & Oswald, asked whether …
 * Hartwig said …"). There are no speaker labels, so:
 *
 * - the reported results (the journalist's sentences about the company) are kept as the
 *   source's announcement excerpt, which the reader reads as the company's statements;
 * - a paragraph that quotes an executive, or reports what one said, is that executive's turn;
 * - a paraphrased question is the analyst's turn, and what the executive said in reply, in the
 *   same paragraph, the executive's;
 * - what others say (rivals, peers, traders, analysts' notes and estimates, fund managers) and
 *   the page around the story (navigation, section headings, related stories, the reporting
 *   credit) are left out.
 */
import { ConvertError } from '../errors.ts';
import { WIRE_DATELINE } from '../identify.ts';
import type { Layout, OmitReason, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { splitSentences } from '../figures/sentences.ts';
import type { Line } from '../text.ts';
import { looksLikeChineseName } from './shared.ts';

/** Where the story ends: the reporting credit, related stories, the agency's standards line. */
const STORY_END = /^\s*(?:\((?:Reporting|Writing|Additional reporting|Editing) by\b|RELATED (?:COVERAGE|STORIES|NEWS)\b|Related (?:coverage|stories)\s*:?$|Our Standards\b|Read more\s*:)/;
/** A section heading inside the story: a short line in capitals ("CLOUD CARRIES THE QUARTER", "FACTBOX - …"). */
const HEADING = /^(?=[^a-z]*[A-Z]{3})[A-Z0-9 ,&'’:/()$€£%.-]{3,80}(?:\s+-\s+.{0,60})?$/;
/** A byline. */
const BYLINE = /^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:(?:,|\s+and)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*\s*$/;
/** Words that say a call took place: the report is of a call. */
const ON_A_CALL = /\b(?:on|during) (?:a|the|its) (?:conference |earnings |analyst |investor )?call\b|\btold analysts\b/i;
/** Others speaking or estimating: not the company's statements. */
const OTHERS = /\b(?:rivals?|peers?|competitors?|traders?|fund managers?|(?:another|other|some|several) analysts?|analysts? (?:said|say|says|wrote|noted)|in a note to clients|(?<!per )shares (?:rose|fell|were|had|closed|traded|slipped|jumped|dropped|have|are)|share price|stock (?:rose|fell|closed|jumped|dropped)|index)\b/i;
/** "Chief Executive Matthias Vossberg", "Chief Financial Officer Lena Hartwig", "CFO Jane Doe": a title, then a name. */
const TITLED_NAME = /\b(?<title>(?:Chief (?:Executive|Financial|Operating|Technology|Commercial)(?: Officer)?|CEO|CFO|COO|President|Chair(?:man|woman)?|Finance Director|Head of Investor Relations))\s+(?<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})\b/g;
/** "Felix Braun, an analyst at Brandt & Oswald, asked", "Sophie Lindqvist of Lindqvist Equity Research pressed": a paraphrased question. */
const ASKED = /^(?<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})(?:,\s+(?:an?\s+)?(?:[\w-]+\s+)?analyst\s+(?:at|with)\s+(?<firm1>[^,]{2,60}),|\s+(?:of|at|from)\s+(?<firm2>[A-Z][^,]{1,60}?))\s+(?:also\s+)?(?:asked|pressed|questioned|wanted to know|queried)\b/;

function firstSentenceStartingWith(text: string, surnames: ReadonlyMap<string, string>): number {
  for (const s of splitSentences(text)) {
    const first = /^(?:[A-Z][\w'-]+\s+)?([A-Z][\w'-]+)\s+(?:said|says|added|declined|replied|answered|told|noted|responded|explained|confirmed)\b/.exec(s.text);
    if (first && (surnames.has(first[1]!) || [...surnames.values()].some((n) => s.text.startsWith(n)))) return s.start;
  }
  return -1;
}

export const news: Layout = {
  id: 'news-report',

  sniff(lines) {
    const head = lines.filter((l) => l.text !== '').slice(0, 20);
    return head.some((l) => WIRE_DATELINE.test(l.text)) && lines.some((l) => ON_A_CALL.test(l.text));
  },

  parse(lines, ctx) {
    const dateline = lines.findIndex((l) => WIRE_DATELINE.test(l.text));
    if (dateline < 0) throw new ConvertError(ctx.file, 'no dateline was found', { hint: 'a news report starts its story with a dateline such as "LONDON, Oct 23 (Agency) - …"' });
    const omitted: { n: number; reason: OmitReason }[] = [];
    const before = lines.slice(0, dateline).filter((l) => l.text !== '');
    for (const l of before) omitted.push({ n: l.n, reason: 'site-chrome' });
    // The headline: the longest line of the page top that is not a byline or a date.
    const title = before.filter((l) => !BYLINE.test(l.text) && !/\d{4}/.test(l.text) && !/[|>]/.test(l.text)).sort((a, b) => b.text.length - a.text.length)[0]?.text;

    const body: Line[] = [];
    let ended = false;
    for (const l of lines.slice(dateline)) {
      if (l.text === '') continue;
      if (!ended && STORY_END.test(l.text)) ended = true;
      if (ended) omitted.push({ n: l.n, reason: 'end-marker' });
      else if (HEADING.test(l.text.trim())) omitted.push({ n: l.n, reason: 'site-chrome' });
      else body.push(l);
    }

    // The executives the story names with their titles, by surname.
    const titles = new Map<string, string>();
    const surnames = new Map<string, string>();
    for (const l of body) {
      for (const m of l.text.matchAll(TITLED_NAME)) {
        const name = m.groups!.name!;
        titles.set(name, m.groups!.title!);
        surnames.set(name.split(/\s+/).at(-1)!, name);
      }
    }
    const speakerOf = (text: string): string | undefined => {
      // A quote or a report of what an executive said: "…," Vossberg said; Hartwig said the company …
      const said = /(?:^|[.,"”]\s+)(?:(?:Chief [\w ]+?|CEO|CFO)\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+(?:said|says|added|told|noted|explained|reiterated|acknowledged)\b/g;
      for (const m of text.matchAll(said)) {
        const who = m[1]!;
        const full = surnames.get(who.split(/\s+/).at(-1)!) ?? (titles.has(who) ? who : undefined);
        if (full) return full;
      }
      return undefined;
    };

    const turns: RawTurn[] = [];
    const announcement: RawParagraph[] = [];
    let lastSpeaker: string | undefined;
    const turnOf = (name: string, role: 'executive' | 'analyst', line: number, section: 'prepared-remarks' | 'qa', text: string, firm?: string): RawTurn => ({
      label: { text: name, name, role, ...(role === 'executive' && titles.get(name) ? { title: titles.get(name)! } : {}), ...(firm ? { firm } : {}) },
      line,
      section,
      paragraphs: [{ line, text }],
    });
    for (const l of body) {
      const text = l.text.trim();
      if (OTHERS.test(text) && !speakerOf(text)) {
        omitted.push({ n: l.n, reason: 'news' });
        continue;
      }
      const asked = ASKED.exec(text);
      if (asked?.groups) {
        const reply = firstSentenceStartingWith(text, surnames);
        const question = reply > 0 ? text.slice(0, reply).trim() : text;
        turns.push({ ...turnOf(asked.groups.name!, 'analyst', l.n, 'qa', question, (asked.groups.firm1 ?? asked.groups.firm2)!.trim()), opensExchange: true });
        if (reply > 0) {
          const answer = text.slice(reply).trim();
          const surname = /^(?:[A-Z][\w'-]+\s+)?([A-Z][\w'-]+)/.exec(answer)?.[1];
          const who = speakerOf(answer) ?? (surname ? surnames.get(surname) : undefined);
          if (who) turns.push(turnOf(who, 'executive', l.n, 'qa', answer));
        }
        lastSpeaker = undefined;
        continue;
      }
      // A quote with no name of its own ("…," he said) continues the executive quoted just before.
      const who = speakerOf(text) ?? (/\b(?:he|she) said\b/.test(text) && lastSpeaker ? lastSpeaker : undefined);
      if (who) {
        const last = turns.at(-1);
        if (last && last.label.name === who && last.section === 'prepared-remarks') last.paragraphs.push({ line: l.n, text });
        else turns.push(turnOf(who, 'executive', l.n, 'prepared-remarks', text));
        lastSpeaker = who;
      } else {
        announcement.push({ line: l.n, text });
      }
    }
    if (turns.length === 0 && announcement.length === 0) throw new ConvertError(ctx.file, 'the news report has no paragraphs after its dateline', { line: lines[dateline]!.n });
    return {
      layout: 'news-report',
      ...(title ? { title } : {}),
      layers: [{ lang: 'en', role: 'original', machine_translated: false }],
      turns,
      announcement,
      omitted: omittedRanges(omitted, new Set(announcement.map((a) => a.line))),
    };
  },
};

/**
 * A Chinese financial news page that reports a results call in prose, with no speaker labels:
 * site navigation and stock quotes above, a dateline with its source (`2025-08-21 19:45
 * 来源：澎泉财经`), the journalist's lead and paragraphs, reported speech (`李静雯表示，…`,
 * `对此，王立峰回应称，…`), and related stories and a disclaimer below. The story's sentences about
 * the company are its announcement excerpt, read as the company's statements; what analysts,
 * brokers, customers, the market or the industry say or do is left out sentence by sentence,
 * and so is the page around the story.
 */
const ZH_DATELINE = /(?:^|\s)(?:来源|來源)\s*[:：]/;
const ZH_STORY_END = /^\s*(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|延伸阅读|延伸閱讀|免责声明|免責聲明|责任编辑|責任編輯|风险提示|風險提示|声明[:：]|(?:\[|【)\s*(?:责任编辑|編輯))/u;
/** A quote line: `启衡科技(688417.SH) 45.60 -1.25%`, `科创50 1012.36 -0.42%`. */
const ZH_QUOTE_LINE = /^\S{2,20}?(?:[(（][0-9A-Z.]{4,12}[)）])?\s+\d[\d,.]*\s+[+\-−]\d[\d.]*%\s*$/u;
/** Sentences whose subject is not the company: analysts, brokers, the market, customers, peers, the industry. */
const ZH_OTHERS = /分析师|分析師|券商|一致预期|一致預期|市场预期|市場預期|股价|股價|收盘|收盤|市值|据第三方|據第三方|行业层面|行業層面|二级市场|二級市場|客户|客戶|竞争对手|競爭對手|同行/u;
/** Reported speech of management that keeps the company's figures: `对此，王立峰回应称，…`, `李静雯表示，…`. */
const ZH_MANAGEMENT_SAYS = /(?:表示|回应称|回應稱|称|稱|透露|坦言|介绍|介紹|指出|解释称|解釋稱)[，,：:]/u;
const ZH_CALL_WORDS = /业绩说明会|業績說明會|业绩电话会|業績電話會|电话会议|電話會議|法说会|法說會|说明会|說明會/u;

export const zhNews: Layout = {
  id: 'news-report',

  sniff(lines) {
    const head = lines.filter((l) => l.text !== '').slice(0, 25);
    const text = lines.map((l) => l.text).join('\n');
    // (A page with speaker labels, `王立峰：…`, is read by the label layouts.)
    const labelled = lines.filter((l) => looksLikeChineseName(/^(\p{Script=Han}{2,4})[:：]\S/u.exec(l.text)?.[1] ?? '')).length >= 3;
    return head.some((l) => ZH_DATELINE.test(l.text)) && ZH_CALL_WORDS.test(text) && !labelled;
  },

  parse(lines, ctx) {
    const dateline = lines.findIndex((l) => ZH_DATELINE.test(l.text));
    const omitted: { n: number; reason: OmitReason }[] = [];
    const before = lines.slice(0, dateline).filter((l) => l.text !== '');
    for (const l of before) omitted.push({ n: l.n, reason: 'site-chrome' });
    // The headline: the longest line of the page top without navigation marks.
    const title = before.filter((l) => !/[|>]/.test(l.text)).sort((a, b) => b.text.length - a.text.length)[0]?.text;
    const announcement: RawParagraph[] = [];
    let ended = false;
    for (const l of lines.slice(dateline)) {
      if (l.text === '') continue;
      if (!ended && ZH_STORY_END.test(l.text)) ended = true;
      const text = l.text.trim();
      // (The dateline itself, stock quotes, and short headings without a full stop are the page's.)
      if (ended) omitted.push({ n: l.n, reason: 'end-marker' });
      else if (l === lines[dateline] || ZH_QUOTE_LINE.test(text) || (!/[。！？]/.test(text) && text.length <= 40) || /^(?:字号|分享到)/.test(text)) omitted.push({ n: l.n, reason: 'site-chrome' });
      else {
        const kept = splitSentences(text).filter((s) => !ZH_OTHERS.test(s.text) || (ZH_MANAGEMENT_SAYS.test(s.text) && !/分析师|分析師|券商/.test(s.text)));
        if (kept.length === 0) omitted.push({ n: l.n, reason: 'news' });
        else announcement.push({ line: l.n, text: kept.map((s) => s.text).join('') });
      }
    }
    if (announcement.length === 0) throw new ConvertError(ctx.file, 'the news report has no paragraphs after its dateline', { line: lines[dateline]!.n });
    return {
      layout: 'news-report',
      ...(title ? { title } : {}),
      layers: [{ lang: 'zh-Hans', role: 'original', machine_translated: false }],
      turns: [],
      announcement,
      omitted: omittedRanges(omitted, new Set(announcement.map((a) => a.line))),
    };
  },
};
