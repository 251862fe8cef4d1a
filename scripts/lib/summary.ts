/**
 * The summary sections of a call, chosen from its sentences by rule: each segment's most
 * informative sentences, the forward-looking statements, and each Q&A exchange in brief.
 * Every excerpt is one or more whole sentences, verbatim, with the paragraph it comes from.
 */
import type { Company, Digest, Excerpt, Paragraph, Source, Speaker, Topic } from '../../src/lib/schema.ts';
import type { FiscalQuarter } from '../../src/lib/quarters.ts';
import { segmentsActiveIn } from '../../src/lib/segments.ts';
import { splitSentences } from './figures/sentences.ts';
import { normalizeSameLength } from './figures/numbers.ts';
import type { RawFigure } from './figures/extract.ts';
import { countName } from './detect.ts';
import { matchKey } from './text.ts';

/** Why something happened: sentences that explain a figure carry more information. */
const DRIVER = /(主要|得益于|由于|受益于|带动|驱动|推动|归因|driven by|due to|primarily|mainly|attributable|reflect|as a result|because|thanks to)/;
/** What the company does or plans. */
const STRATEGY = /(战略|策略|投入|投资|聚焦|专注|continue to|invest|focus|strategy|priorit|expand|launch|推出|发布)/;
/** Forward-looking wording. */
const FORWARD = /(expect(?!ation)|anticipate|outlook|guidance|going forward|looking ahead|in the coming|next quarter|next year|next fiscal|we will continue|we plan|we aim|target|预计|预期|展望|未来|下个季度|下季度|明年|下一财年|将继续|我们计划|计划(?:在|将|于)|目标|有望)/g;
/**
 * Sentences that use forecast words about what already happened: results measured against
 * expectations ("exceeded our expectations", "好于预期", "符合预期"), targets already reached
 * ("已顺利完成…既定目标"), and reports of the quarter ("During this quarter, …").
 */
const NOT_OUTLOOK = /((好于|超出|超过|高于|低于|符合|不及)[^，。,；;]{0,8}预期|预期之[内外]|已(经)?(顺利)?(完成|实现|达成)|(exceed|beat|above|ahead of|better than|in line with|surpass)[^.,;]{0,24}expect|^(during|in) (this|the) quarter)/;
/** Boilerplate that is forward-looking by law, not by content. */
const DISCLAIMER = /(forward-looking statement|safe harbor|前瞻性陈述|安全港|non-gaap|非公认会计准则财务指标|risk factors|风险及不确定)/;
const GREETING = /^(thank you|thanks|hi|hello|good (morning|evening|afternoon|day)|congratulations|谢谢|感谢|非常感谢|晚上好|早上好|下午好|大家好|管理层(晚上|早上|下午)?好|恭喜)/;
const QUESTION = /([?？]|想请问|请问|想问|问题是|问题关于|问题是关于|能否|是否|如何|怎么|怎样|什么|多少|哪些|how|what|why|could you|can you|would you|wondering|my question|first question|second question|follow-up)/;

interface Candidate {
  readonly source: string;
  readonly paragraph: Paragraph;
  readonly speaker?: string;
  readonly text: string;
  /** The text folded for matching names, once. */
  readonly key: string;
  /** Position in the source, for putting choices back in order. */
  readonly order: number;
}

function candidates(source: Source, speakers: ReadonlyMap<string, Speaker>, roles: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  const add = (p: Paragraph, speaker?: string) => {
    if (p.kind === 'footnote') return;
    for (const s of splitSentences(p.text)) out.push({ source: source.key, paragraph: p, ...(speaker ? { speaker } : {}), text: s.text, key: matchKey(s.text), order: order++ });
  };
  if (roles.includes('announcement')) for (const p of source.announcement) add(p);
  for (const section of source.sections) {
    for (const turn of section.turns) {
      if (!roles.includes(speakers.get(turn.speaker)?.role ?? '')) continue;
      for (const p of turn.paragraphs) add(p, turn.speaker);
    }
  }
  return out;
}

const toExcerpt = (c: Candidate): Excerpt => ({ source: c.source, paragraph: c.paragraph.id, ...(c.speaker ? { speaker: c.speaker } : {}), text: c.text });

function pick<T extends { order: number }>(scored: ReadonlyArray<{ item: T; score: number }>, min: number, max: number): T[] {
  return scored
    .filter((s) => s.score >= min)
    .sort((a, b) => b.score - a.score || a.item.order - b.item.order)
    .slice(0, max)
    .map((s) => s.item)
    .sort((a, b) => a.order - b.order);
}

function mentions(key: string, names: readonly string[]): boolean {
  return names.some((n) => countName(key, n) > 0);
}

/**
 * The sentence of a paragraph's translation that renders the given sentence of its text: the
 * same position, when the paragraph and its translation have the same number of sentences.
 */
export function translatedSentence(p: Pick<Paragraph, 'text' | 'translation'>, sentence: string): string | undefined {
  if (p.translation === undefined) return undefined;
  const mine = splitSentences(p.text);
  const theirs = splitSentences(p.translation);
  if (mine.length !== theirs.length) return undefined;
  const i = mine.findIndex((x) => x.text === sentence);
  return i >= 0 ? theirs[i]!.text : undefined;
}

/**
 * Two to four sentences per segment and source that carry most information. A sentence goes
 * under one segment only: the one it scores highest for (ties: the segment named first in the
 * profile). Each carries its translation where the paragraph's translation pairs sentence by sentence.
 */
export function segmentHighlights(
  sources: readonly Source[],
  speakers: ReadonlyMap<string, Speaker>,
  company: Company,
  quarter: FiscalQuarter,
  figures: readonly RawFigure[],
): Array<{ segment: string; items: Excerpt[] }> {
  // Figures per segment and sentence, counted once rather than searched for every sentence.
  const figureCount = new Map<string, number>();
  for (const f of figures) {
    const k = `${f.segment}|${f.quote.paragraph}|${f.quote.text}`;
    figureCount.set(k, (figureCount.get(k) ?? 0) + 1);
  }
  const perSource = new Map(sources.map((s) => [s.key, candidates(s, speakers, ['executive', 'announcement'])]));
  const segments = segmentsActiveIn(company.segments, quarter).filter((s) => s.id !== 'group');
  const sentenceKey = (c: Candidate) => `${c.source}|${c.order}`;
  // Every sentence's score for every segment, then the segment it scores highest for.
  const scores = segments.map((segment) => {
    const names = [segment.names.en, segment.names['zh-Hans'], segment.names['zh-Hant'], ...segment.aliases].filter((n): n is string => !!n);
    return sources.map((source) =>
      perSource.get(source.key)!.map((c) => {
        const own = figureCount.get(`${segment.id}|${c.paragraph.id}|${c.text}`) ?? 0;
        const named = mentions(c.key, names);
        if (!named && own === 0) return { item: c, score: 0 };
        const len = c.text.length;
        const score = 3 * Math.min(own, 3) + (DRIVER.test(c.text.toLowerCase()) ? 2 : 0) + (STRATEGY.test(c.text.toLowerCase()) ? 1 : 0) + (named ? 1 : 0) - (len < 15 || len > 400 ? 3 : 0);
        return { item: c, score };
      }),
    );
  });
  const best = new Map<string, { segment: number; score: number }>();
  scores.forEach((bySource, segment) => {
    for (const scored of bySource) {
      for (const { item, score } of scored) {
        const k = sentenceKey(item);
        if (score > (best.get(k)?.score ?? 0)) best.set(k, { segment, score });
      }
    }
  });
  const out: Array<{ segment: string; items: Excerpt[] }> = [];
  segments.forEach((segment, i) => {
    const items = scores[i]!.flatMap((scored) =>
      pick(
        scored.filter(({ item }) => best.get(sentenceKey(item))?.segment === i),
        3,
        4,
      ).map((c) => {
        const translation = translatedSentence(c.paragraph, c.text);
        return { ...toExcerpt(c), ...(translation ? { translation } : {}) };
      }),
    );
    if (items.length > 0) out.push({ segment: segment.id, items });
  });
  return out;
}

/** Forward-looking statements by executives, up to six per source. */
export function outlook(sources: readonly Source[], speakers: ReadonlyMap<string, Speaker>): Excerpt[] {
  return sources.flatMap((source) => {
    const scored = candidates(source, speakers, ['executive']).map((c) => {
      const lower = normalizeSameLength(c.text);
      if (DISCLAIMER.test(lower) || NOT_OUTLOOK.test(lower.toLowerCase()) || QUESTION.test(lower) && /[?？]/.test(c.text)) return { item: c, score: 0 };
      const cues = lower.match(FORWARD)?.length ?? 0;
      const len = c.text.length;
      return { item: c, score: cues === 0 ? 0 : cues + (/\d/.test(c.text) ? 1 : 0) + (DRIVER.test(lower) ? 0 : 0) - (len < 20 || len > 400 ? 3 : 0) };
    });
    return pick(scored, 1, 6).map(toExcerpt);
  });
}

/** A number, said in digits or in Chinese numerals with a unit: a sentence that states a figure. */
const FIGURE = /\d|百分之|[一二两三四五六七八九十百千]+(?:亿|万|个百分点|倍|个点)/;
/** Forward-looking wording, tested once per sentence (FORWARD is global, for counting). */
const FORWARD_ONE = new RegExp(FORWARD.source);
/** At most this many sentences of an answer. */
export const ANSWER_SENTENCES = 4;

/** Whether a sentence is a greeting or thanks and nothing more (a greeting that goes on to ask is kept). */
function pleasantry(text: string): boolean {
  const t = normalizeSameLength(text);
  if (SELF_INTRODUCTION.test(t) && t.length < 40) return true;
  return GREETING.test(t) && !QUESTION.test(t.replace(GREETING, '').replace(THANKS_FOR_ASKING, ''));
}
/** The rest of a thanks for being let to ask ("Thank you for taking my question"). */
const THANKS_FOR_ASKING = /^[\s,，、]*(for taking my questions?|for the opportunity to ask[^.?]*|接受我的提问|给我提问的机会|我的提问)/i;
/** "This is Toby.", "我来回答": who speaks, not what. */
const SELF_INTRODUCTION = /^(this is|i'm|i am|let me take|我是|我来回答|我来回应)/i;

/**
 * The whole question of an exchange: every sentence the analyst says in it except greetings and
 * thanks, as one verbatim stretch per paragraph (from its first kept sentence to its last).
 */
export function wholeQuestion(source: string, speaker: string, paragraphs: readonly Paragraph[]): Excerpt[] {
  return paragraphs.flatMap((p) => {
    const kept = splitSentences(p.text).filter((x) => !pleasantry(x.text));
    if (kept.length === 0) return [];
    return [{ source, paragraph: p.id, speaker, text: p.text.slice(kept[0]!.start, kept.at(-1)!.end) }];
  });
}

/**
 * The key sentences of an answer, by rule: sentences that state a figure or a forecast first,
 * then those that explain (a driver: "driven by", "主要由于"), then, only while fewer than two are
 * chosen, the first others; greetings, thanks, self-introductions and sentences under ten
 * characters never; at most `ANSWER_SENTENCES`, shown in the order said.
 */
export function answerSentences(source: string, turns: ReadonlyArray<{ speaker: string; paragraphs: readonly Paragraph[] }>): Excerpt[] {
  const all = turns.flatMap((t) => t.paragraphs.flatMap((p) => splitSentences(p.text).map((x) => ({ speaker: t.speaker, p, text: x.text }))));
  const ranked = all
    .map((x, order) => {
      const lower = normalizeSameLength(x.text).toLowerCase();
      const rank = FIGURE.test(x.text) || FORWARD_ONE.test(lower) ? 0 : DRIVER.test(lower) ? 1 : 2;
      return { x, order, rank };
    })
    .filter(({ x }) => !pleasantry(x.text) && x.text.trim().length >= 10);
  const chosen = ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).slice(0, ANSWER_SENTENCES);
  const key = chosen.filter((c) => c.rank < 2);
  return (key.length >= 2 ? key : chosen.slice(0, Math.max(2, key.length)))
    .sort((a, b) => a.order - b.order)
    .map(({ x }) => ({ source, paragraph: x.p.id, speaker: x.speaker, text: x.text }));
}

/** Each Q&A exchange in brief: the question's opening sentences, the whole question, the answer's key sentences, segments, topics, answerers. */
export function qaDigest(
  sources: readonly Source[],
  topics: readonly Topic[],
): Digest[] {
  const out: Digest[] = [];
  for (const source of sources) {
    const turns = source.sections.flatMap((s) => s.turns);
    for (const ex of source.exchanges) {
      const inExchange = turns.filter((t) => t.exchange === ex.n);
      const asked = inExchange.filter((t) => t.speaker === ex.analyst);
      const first = asked[0];
      if (!first) continue;
      // The question: from the first sentence that asks something (greetings skipped), up to
      // three consecutive sentences of that paragraph, so the excerpt is a verbatim stretch.
      const sentences = first.paragraphs.flatMap((p) => splitSentences(p.text).map((s) => ({ p, s })));
      const useful = sentences.filter(({ s }) => !GREETING.test(normalizeSameLength(s.text)));
      const start = useful.find(({ s }) => QUESTION.test(normalizeSameLength(s.text))) ?? useful[0] ?? sentences[0]!;
      const para = start.p;
      const run = splitSentences(para.text).filter((s) => s.start >= start.s.start);
      let end = run[0]!.end;
      for (const s of run.slice(1, 3)) {
        if (s.end - start.s.start > 320) break;
        end = s.end;
      }
      const text = para.text.slice(start.s.start, end);
      const allText = inExchange.flatMap((t) => t.paragraphs.map((p) => `${p.text}\n${p.translation ?? ''}`)).join('\n');
      const norm = matchKey(allText);
      const answered = inExchange.filter((t) => ex.answerers.includes(t.speaker));
      out.push({
        n: ex.n,
        source: source.key,
        analyst: ex.analyst,
        question: { source: source.key, paragraph: para.id, speaker: ex.analyst, text },
        asked: wholeQuestion(source.key, ex.analyst, asked.flatMap((t) => t.paragraphs)),
        answer: answerSentences(source.key, answered),
        segments: [...new Set(inExchange.flatMap((t) => t.paragraphs.flatMap((p) => p.segments)))].sort(),
        topics: topics.filter((t) => t.terms.some((term) => countName(norm, term) > 0)).map((t) => t.id),
        answerers: ex.answerers,
      });
    }
  }
  return out;
}

/** Paragraphs of the call's longest source that mention each topic (in either language layer). */
export function topicMentions(sources: readonly Source[], topics: readonly Topic[]) {
  const paragraphsOf = (s: Source) => s.sections.flatMap((sec) => sec.turns.flatMap((t) => t.paragraphs));
  const source = [...sources].sort((a, b) => paragraphsOf(b).length - paragraphsOf(a).length)[0]!;
  const paragraphs = paragraphsOf(source).map((p) => matchKey(`${p.text}\n${p.translation ?? ''}`));
  const counts: Record<string, number> = {};
  for (const topic of topics) counts[topic.id] = paragraphs.filter((p) => topic.terms.some((term) => countName(p, term) > 0)).length;
  return { source: source.key, paragraphs: paragraphs.length, counts };
}
