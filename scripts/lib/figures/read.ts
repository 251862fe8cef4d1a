/**
 * Reads one sentence: every number in it, with what it measures, for which entity, in which
 * time frame, and the decision taken (a figure of the quarter, a full-year figure, guidance, or
 * left out and why). Each decision is a small named function; `readSentence` lists the steps.
 */
import type { FigureUnit, Metric } from '../../../src/lib/schema.ts';
import { findNumbers, normalizeSameLength, NUMBER_WORDS, REPEATED_CURRENCY, type NumberMention } from './numbers.ts';
import { CURRENCIES } from '../../../src/lib/currencies.ts';
import { positions, type Hit, type Measure, type Span, type Vocabulary } from './vocabulary.ts';
import { ABOUT, CONVERSION_BETWEEN, DECLINE_AFTER, GROWTH_AFTER, GROWTH_DOWN, GROWTH_UP, LESS_THAN, MORE_THAN, QOQ } from './cues.ts';

/** The entity a sentence speaks of when it names none: carried from a topic sentence. A `part` is one the profile does not name. */
export type Entity = { readonly kind: 'segment'; readonly id: string } | { readonly kind: 'group' } | { readonly kind: 'part' };

export interface SentenceContext {
  readonly vocab: Vocabulary;
  readonly metrics: ReadonlyMap<string, Metric>;
  /** Growth-rate metric of each metric (`revenue` -> `revenue_yoy_pct`). */
  readonly growthOf: ReadonlyMap<string, Metric>;
  /** The company reads one metric as another (`adjusted_ebitda: adjusted_ebita`). */
  readonly metricAliases: Readonly<Record<string, string>>;
  /** Entity carried from earlier sentences, if any. */
  readonly entity?: Entity;
  /** The speaker said they report non-GAAP measures unless they say otherwise. */
  readonly nonGaap?: boolean;
  /** Prepared remarks before the speaker has turned to any segment: what names no entity is the group's. */
  readonly groupUntilSegments?: boolean;
  /**
   * A paragraph right after one that went through several segments, before it names any: the
   * families of the metrics that paragraph stated for its segments (see `metricFamily`). A
   * measure of another family names the group ("By segment, Canada revenue …, United States
   * revenue …" then "Gross margin was 44.6%"); one of the same family could be the last
   * segment's and stays unassigned.
   */
  readonly afterBreakdown?: ReadonlySet<string>;
  /** The call's own currency for an amount written with a bare `元` (the one its amounts state most). */
  readonly yuan?: string;
  /** The period the paragraph is about, when an earlier sentence set one ("In the first nine months, …"). */
  readonly period?: Frame;
  /** The currency the call states its amounts in most often. */
  readonly currency?: string;
  /** The dollar a bare "$" or "cents" means, when not the US dollar ("C$" calls). */
  readonly dollar?: string;
  /** The currency of a bare scaled amount of a money measure ("EBIT was 214 million"): the one the call says it reports in, or the only one it names. */
  readonly implied?: string;
  /** The money metric of the paragraph's last statement, for a margin said on its own after it ("… ebitda was 172.4 million. so a margin of 40.2 percent"). */
  readonly previousMetric?: string;
}

export type Frame = 'quarter' | 'full-year' | 'forecast' | 'forecast-cc' | 'prior' | 'trailing' | 'cumulative' | 'year-to-date' | 'excluding' | 'change' | 'hypothetical';

export interface Reading {
  readonly number: string;
  readonly start: number;
  /** `figure` and `guidance` are kept; `skip` says why not in `rule`. */
  readonly decision: 'figure' | 'guidance' | 'skip';
  readonly rule: string;
  readonly frame?: Frame;
  readonly metric?: string;
  readonly segment?: string | null;
  readonly value?: number;
  readonly unit?: FigureUnit;
  readonly basis?: 'yoy' | 'qoq';
  readonly approx?: 'more-than' | 'about' | 'less-than';
  readonly precision?: number;
}

interface Parsed {
  readonly vocab: Vocabulary;
  /** The sentence as written, and normalised (same length). */
  readonly text: string;
  readonly norm: string;
  /** Where the company is named. */
  readonly companyAt: readonly Span[];
  readonly numbers: readonly NumberMention[];
  readonly measures: ReadonlyArray<Hit<Measure>>;
  readonly segments: ReadonlyArray<Hit<string>>;
  readonly groupAt: readonly number[];
  readonly breaks: readonly Span[];
  readonly forecastAt: readonly number[];
  /** Positions of "revenue from <a part the profile does not name>". */
  readonly fromUnknown: readonly number[];
}

function lastBefore<T extends Span>(list: readonly T[], at: number): T | undefined {
  let found: T | undefined;
  for (const x of list) if (x.end <= at) found = x;
  return found;
}

/**
 * "revenue from X" where X is neither a segment nor an allowed source ("from operations"), or
 * "sales in X" where X is neither a segment nor a period, currency or manner ("in the quarter",
 * "in Danish kroner"): revenue of an unnamed part.
 */
export function isFromUnknown(norm: string, term: Span, segments: ReadonlyArray<Hit<string>>, vocab: Vocabulary): boolean {
  const after = norm.slice(term.end);
  if (/^\s*in\s+[a-z]/.test(after)) {
    const inSegment = segments.some((s) => s.start >= term.end && /^\s*in\s+(?:our\s+|the\s+)?$/.test(norm.slice(term.end, s.start)));
    return !inSegment && !vocab.inAllowed.test(after);
  }
  // "revenue from X", "sales of Wegovy" (not "revenue of $5 billion").
  if (!/^\s*(?:from|of)\s+/.test(after) || AMOUNT_AFTER_OF.test(after)) return false;
  // "The operating income of the segment was …": the segment spoken of, not an unnamed part.
  if (/^\s*(?:from|of)\s+(?:the|this|that)\s+(?:segment|division|business)\b/.test(after)) return false;
  const fromSegment = segments.some((s) => s.start >= term.end && /^\s*(?:from|of)\s+(?:our\s+|the\s+)?$/.test(norm.slice(term.end, s.start)));
  return !fromSegment && !vocab.fromAllowed.test(after);
}

/** "revenue of $5 billion", "of CHF 702 million", "of R$ 2.655,9 million", "of about …", "of two point nine five billion": an amount, not a source. */
const CURRENCY_WORDS_BEFORE = CURRENCIES.flatMap((c) => c.before).filter((w) => /^[a-z]/.test(w));
const AMOUNT_AFTER_OF = new RegExp(
  String.raw`^\s*(?:from|of)\s+(?:[\d$€£¥₩₹]|(?:${CURRENCY_WORDS_BEFORE.filter((w) => /[a-z]$/.test(w)).join('|')})\b|(?:${CURRENCY_WORDS_BEFORE.filter((w) => !/[a-z]$/.test(w))
    .map((w) => w.replace(/[.$]/g, '\\$&'))
    .join('|')})|(?:${Object.keys(NUMBER_WORDS).join('|')})\b(?!\s+of\b)|us\b|hk\b|nt\b|approximately|about|nearly|around|roughly|more|over|less|under|just|some|almost|close|negative|minus|positive|an?\s+(?:negative|positive|record))`,
);

const SEGMENT_GREW = /^(?:\s*,\s*(?:which|that|our|the|a|an)\b[^,.;]{2,60},)?\s*(?:segment|division|business)?\s*(grew|increased|rose|declined|decreased|fell)\s+(?=(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+)?\d)/;

/** A generic head ("revenue") with a modifier that is not allowed before it names a line of revenue. */
export function isRevenueLine(norm: string, term: Span, segments: ReadonlyArray<Hit<string>>, company: ReadonlyArray<Span>, vocab: Vocabulary): boolean {
  const before = norm.slice(Math.max(0, term.start - 40), term.start);
  // "Cloud revenue", "the group's revenue", "即时零售业务收入", "X segment revenue".
  const namedBefore = [...segments, ...company].some((s) => s.end <= term.start && /^(?:['’]s)?\s*(?:业务|板块|分部|产品线|事业部|事业群|business|segment|division|product line)?\s*(?:的)?\s*$/.test(norm.slice(s.end, term.start)));
  if (namedBefore) return false;
  const han = /[\u3400-\u9fff]$/.test(before);
  if (han) {
    // ("2026年营收", "第三季度营收", "全年营收": a period is not a line of revenue either.)
    if (/(?:\d{2,4}\s*(?:财|財)?年(?:度)?|季度?|全年|上半年|下半年|前三季|本季|单季|單季|今年|明年|去年)\s*(?:的)?\s*$/u.test(before)) return false;
    const mods = [...vocab.headModifiers].filter((m) => /^[\u3400-\u9fff]/.test(m));
    return !mods.some((m) => before.endsWith(m));
  }
  // The last word before the head, possessive dropped ("the group's revenue"); none after punctuation.
  const word = /([a-z0-9&-]+)(?:['’]s)?\s*$/.exec(before);
  if (!word) return false;
  // "…, or a margin of 15.8%", "and a margin of": a joining word modifies nothing.
  if (/^(?:or|and|with|at|for|was|were|is|to|by|which|representing|equal|equating)$/.test(word[1]!)) return false;
  // ("FY27 revenue", "Q4 revenue", "H1 revenue", "2026 revenue": a period is not a line of revenue.)
  if (/^(?:fy\d{2,4}|q[1-4]|h[12]|[1-4]q|\d{2,4}|quarter|quarterly|year|annual|full-year|month|monthly)$/.test(word[1]!)) return false;
  return !vocab.headModifiers.has(word[1]!) && !/^\d/.test(word[1]!);
}

/** "Reflecting the weaker basic chemicals market, we are lowering…": a name inside what explains the figures. */
/** Words that bring in what explains a figure, before or after it. */
const EXPLAINING = String.raw`reflecting|reflects|reflected|driven\s+by|due\s+to|because\s+of|as\s+a\s+result\s+of|owing\s+to|thanks\s+to|helped\s+by|hurt\s+by|impacted\s+by|affected\s+by|weighed\s+down\s+by|offset\s+by|supported\s+by|boosted\s+by|led\s+by`;
const EXPLAINS_BEFORE = new RegExp(String.raw`\b(?:${EXPLAINING}|given)\b[^,;，；]*$`);

/**
 * "Our Test and Measurement segment grew 15% to $201 million": a segment that grows or declines
 * with no measure named grows in revenue (the verb stands for the measure), as a measure of zero
 * width at the verb, so that the verb stays between the measure and the number and gives the direction.
 */
function segmentVerbs(norm: string, segments: ReadonlyArray<Hit<string>>, found: ReadonlyArray<Hit<Measure>>): Array<Hit<Measure>> {
  const out: Array<Hit<Measure>> = [];
  for (const s of segments) {
    const v = SEGMENT_GREW.exec(norm.slice(s.end, s.end + 110));
    if (!v) continue;
    const start = s.end + v[0].lastIndexOf(v[1]!);
    const clauseEnd = norm.slice(start).search(/[.;!?]|,\s*(?:and|while|with|as)\b/);
    const clause = [start, clauseEnd < 0 ? norm.length : start + clauseEnd];
    // "Revenue from AIDC grew 29%": the measure stands before the segment.
    const before = found.some((m) => m.end <= s.start && s.start - m.end <= 40 && !/[.;!?]|,\s*(?:and|while)\b/.test(norm.slice(m.end, s.start)));
    if (before || found.some((m) => m.start >= s.end && m.start < clause[1]!)) continue;
    // Zero width, so that the verb stays between the measure and the number and gives the direction.
    out.push({ start, end: start, text: v[1]!, value: { metric: 'revenue', loss: false, head: false, via: 'a segment that grew' } });
  }
  return out;
}

/**
 * Margins whose metric their owner decides: a bare "margin" is the margin of the last metric
 * before it, and a margin an income amount "represents" is on that income's basis.
 */
function marginOwners(mapped: ReadonlyArray<Hit<Measure>>, metrics: ReadonlyMap<string, Metric>, norm: string, previousMetric: string | undefined): Array<Hit<Measure>> {
  // "operating income was X, with a margin of 15%": a bare margin is the margin of the last metric before it.
  return mapped.map((m, i) => {
    if (m.value.metric !== '@margin') return m;
    const owner = [...mapped.slice(0, i)].reverse().find((x) => x.value.metric && x.value.metric !== '@margin');
    // (A statement that opens on the margin, "so a margin of 40.2 percent", "for a margin of …", is
    // the margin of the paragraph's statement before it.)
    const ownerMetric = owner?.value.metric ?? (previousMetric && MARGIN_OPENS.test(norm.slice(0, m.start)) ? previousMetric : undefined);
    const margin = ownerMetric ? metrics.get(ownerMetric)?.margin : undefined;
    return { ...m, value: { metric: margin ?? null, loss: false, head: false, ...(ownerMetric ? { via: `margin of ${ownerMetric}` } : {}) } };
  }).map((m, i, all) => {
    // "Non-GAAP operating income was $70.2 million, representing an operating margin of 18.4%":
    // the margin the income amount represents is on that income's basis (not "GAAP operating margin").
    const metric = m.value.metric ? metrics.get(m.value.metric) : undefined;
    if (metric?.kind !== 'ratio' || /gaap|statutory|reported|ifrs/.test(m.text)) return m;
    const owner = all.slice(0, i).reverse().find((x) => x.value.metric && metrics.get(x.value.metric)?.kind === 'money');
    const ownerMargin = owner ? metrics.get(owner.value.metric!)?.margin : undefined;
    if (!owner || !ownerMargin || ownerMargin === metric.id) return m;
    const gaapTwin = [...metrics.values()].find((g) => g.under_non_gaap === owner.value.metric && g.margin === metric.id);
    const between = norm.slice(owner.end, m.start);
    // ("… was $78.2 million, a 19% operating margin": the rate may stand before the margin's name.)
    if (!gaapTwin || !/^\s*(?:was|were|of|came in at|totaled|reached)?\s*\S*\d[\d.,]*\s*(?:[a-z]+)?\s*,?\s*(?:representing|which represents|or|and|with|for|at)?\s*(?:an?|the)?\s*(?:\d[\d.,]*\s*%\s*)?$/.test(between)) return m;
    return { ...m, value: { ...m.value, metric: ownerMargin, via: `margin of ${owner.value.metric}` } };
  });
}

/** What may stand before a margin that opens its statement: "so a margin of", "for a margin of", "that's a margin of". */
const MARGIN_OPENS = /^\W*(?:(?:so|and|for|that's|that\s+is|which\s+is|giving(?:\s+us)?|with|um|uh)\s+)*(?:a|an|the)?\s*$/;

function parse(text: string, vocab: Vocabulary, metrics: ReadonlyMap<string, Metric>, previousMetric?: string): Parsed {
  const norm = normalizeSameLength(text);
  // (Such a name, in an opening phrase before any number, names neither the entity nor the topic.)
  const firstNumber = findNumbers(norm).find((n) => n.kind !== 'plain')?.start ?? norm.length;
  const segments = vocab.segments.find(norm).filter((s) => !(s.start < firstNumber && EXPLAINS_BEFORE.test(norm.slice(0, s.start))));
  const company = vocab.company.find(norm).filter((c) => !segments.some((s) => c.start >= s.start && c.start < s.end));
  const opener = vocab.nonGaapOpener.exec(norm);
  const found = vocab.measures.find(norm);
  const mapped = found.map((m) => {
    // A bare margin right after its measure ("adjusted net income margin") is that measure's;
    // after another word it may name something else ("pretax margin of 38%").
    if (m.value.metric === '@margin') {
      const ownerRightBefore = found.some((o) => o.value.metric !== '@margin' && o.end <= m.start && /^\s*$/.test(norm.slice(o.end, m.start)));
      return !ownerRightBefore && isRevenueLine(norm, m, segments, company, vocab) ? { ...m, value: { metric: null, loss: false, head: true } } : m;
    }
    // "reported EBITDA was 50.1 million this includes restructuring costs": an adjusted metric's
    // bare term after "reported" or "statutory" is the unadjusted measure, which is not exported.
    if (m.value.metric?.startsWith('adjusted_') && !/adjusted|经调整|调整后/.test(m.text) && /\b(?:reported|statutory|unadjusted)\s+$/.test(norm.slice(Math.max(0, m.start - 14), m.start))) {
      return { ...m, value: { metric: null, loss: false, head: false } };
    }
    // ("Non-GAAP basic and diluted net income per ADS": the prefix is the diluted measure's too.)
    if (m.value.metric && m.value.metric !== '@margin' && (vocab.nonGaapPrefix.test(norm.slice(Math.max(0, m.start - 30), m.start).replace(/\bbasic\s+(?:and|&)\s+$/, '')) || (opener && opener.index < m.start && !/(?<!non-?\s?)gaap\s*$/.test(norm.slice(Math.max(0, m.start - 8), m.start))))) {
      const counterpart = metrics.get(m.value.metric)?.under_non_gaap;
      if (counterpart) return { ...m, value: { ...m.value, metric: counterpart === 'none' ? null : counterpart, head: false, via: 'non-GAAP wording' } };
    }
    return m.value.metric && m.value.head && isRevenueLine(norm, m, segments, company, vocab) ? { ...m, value: { metric: null, loss: false, head: true } } : m;
  });
  mapped.push(...segmentVerbs(norm, segments, found));
  mapped.sort((a, b) => a.start - b.start);
  // "Adjusted net income, which excludes the restructuring and purchase price allocation effects,
  // was EUR 64 million": words of a clause that defines the measure before it name no measure.
  const defining = definingClauses(norm, mapped);
  for (const { start: from, end: to } of defining) {
    for (let i = mapped.length - 1; i >= 0; i--) if (mapped[i]!.start >= from && mapped[i]!.end <= to) mapped.splice(i, 1);
  }
  // ("Adjusted operating profit, which is after … the amortisation of software …, was": nor does
  // such a clause name whose the measure is.)
  const named = segments.filter((s) => !defining.some((d) => s.start >= d.start && s.end <= d.end));
  const measures = marginOwners(mapped, metrics, norm, previousMetric);
  const inSegment = (i: number) => segments.some((s) => i >= s.start && i < s.end);
  const fromUnknown = measures.filter((m) => m.value.metric && m.value.head && isFromUnknown(norm, m, segments, vocab)).map((m) => m.start);
  const notForecast = positions(vocab.notForecast, norm);
  return {
    vocab,
    text,
    companyAt: company,
    norm,
    numbers: findNumbers(norm).filter((n) => n.kind !== 'plain' && !defining.some((d) => n.start >= d.start && n.end <= d.end)),
    measures,
    segments: named,
    fromUnknown,
    groupAt: [...positions(vocab.groupWords, norm).map((g) => g.start).filter((i) => !inSegment(i)), ...company.map((c) => c.start)],
    breaks: positions(vocab.clauseBreaks, norm).filter((b) => !defining.some((d) => b.start >= d.start && b.end <= d.end)),
    forecastAt: positions(vocab.forecast, norm)
      .filter((f) => !notForecast.some((n) => f.start >= n.start && f.start < n.end))
      // (Not a word inside a measure's name: "股份回购计划" names a programme, it forecasts nothing.)
      .filter((f) => !measures.some((m) => f.start > m.start && f.start < m.end))
      .filter((f) => !/(?:you|as|we)\s*$/.test(norm.slice(Math.max(0, f.start - 5), f.start)) || !/^will/.test(norm.slice(f.start)))
      .map((f) => f.start),
  };
}

/** A measure written right after a number: "$150 million principal amount", "$5 billion in revenue", "$31.0 million in one-time costs". */
export function postfixMeasure(p: Parsed, num: NumberMention): Hit<Measure> | undefined {
  // ("£190m to £210m total capex": the start of a range takes the measure written after its end.)
  const end = p.numbers.find((n) => n.start > num.end);
  if (end && end.kind === num.kind && RANGE_TO.test(p.norm.slice(num.end, end.start))) return postfixMeasure(p, end);
  const after = p.norm.slice(num.end);
  // ("24% year-on-year revenue growth": the comparison may stand between a rate and its measure.)
  const lead = /^\s*(?:(?:in|of|to)\s+)?(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy)\s+)?(?:our\s+|total\s+)?/.exec(after)![0];
  let at = num.end + lead.length;
  for (let words = 0; words <= 2; words++) {
    const m = p.measures.find((x) => x.start === at);
    if (m) return m;
    // Up to two modifiers between ("in one-time costs"), only after "in/of/to".
    const word = /^[a-z][a-z-]*\s+/.exec(p.norm.slice(at));
    if (!word || !/\S/.test(lead)) return undefined;
    at += word[0].length;
  }
  return undefined;
}

/** The measure a number belongs to: one written right after it ("$5 billion in revenue"), else the nearest before it in its clause. */
export function measureOf(p: Parsed, num: NumberMention, metrics: ReadonlyMap<string, Metric>): Hit<Measure> | undefined {
  const m = measureWritten(p, num, metrics);
  // "we repurchased $150 million of our convertible notes": debt bought back is not a share buyback.
  if (m?.value.metric === 'buyback_usd' && DEBT_AFTER.test(p.norm.slice(num.end))) return undefined;
  return m;
}

const DEBT_AFTER = /^\s*(?:in\s+(?:aggregate\s+)?principal\s+(?:amount\s+)?)?(?:of|in)\s+(?:our\s+|the\s+|its\s+)?(?:[\w.%-]+\s+){0,4}(?:notes|bonds|debentures|debt|loans|convertibles?)\b/;

/** ", or $0.38 per diluted share,": an income figure restated per share, set off by commas. */
const PER_SHARE_ASIDE = /,\s*or\s+(?:[a-z]{0,3}\$|\$|€|£|¥|rmb\s?|usd\s?|eur\s?)?\s*[\d.,]+\s*(?:cents?\s+)?per\s+(?:diluted\s+|basic\s+)?(?:share|ads|adr|ordinary share)s?\s*,/g;

/** ", and <words> were": a clause with a subject of its own. */
const NEW_SUBJECT = /(?:,\s*|\s)(?:and|with)\s+((?:(?:our|the|its)\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s+(?:was|were|came in at|totaled|totalled|amounted to|stood at|reaching|totaling|totalling|amounting to|standing at)\b/;

/** A clause after a comma or "and" whose verb is in the past tense: an actual, whatever an earlier clause forecast. */
const PAST_CLAUSE = /(?:,|;|\band\b)\s+(?:[a-z-]+\s+){0,5}?(?:was|were|grew|rose|fell|increased|decreased|declined|expanded|contracted|reached|improved|totaled|totalled|came in)\b/;

/** Words after a number that make it others' estimate ("… analysts had expected", "… expected by analysts"). */
const OTHERS_EXPECT_AFTER = /^\s*(?:[a-z]+\s+){0,2}?(?:analysts?|the market|economists|investors)\s+(?:had\s+|were\s+)?(?:expected|expecting|forecast|estimated|predicted|anticipated|polled)\b|^\s*(?:[a-z]+\s+){0,1}(?:expected|forecast|estimated|predicted|anticipated)\s+by\s+(?:analysts|the market|economists|investors)\b|^\s*(?:consensus|analysts'? consensus)\b/;
/** "we guided", "we had guided", "our original guidance was": an outlook given before, in the clause before the number. */
const EARLIER_GUIDANCE = /\b(?:(?:we|i)\s+(?:had\s+|previously\s+|originally\s+|initially\s+)?guided|we\s+had\s+(?:expected|forecast|projected|anticipated)|our\s+(?:original|initial|prior|previous|earlier)\s+(?:guidance|outlook|forecast)\s+(?:was|of|called for))\b(?:[^;.]|\.\d)*$/;
/** Words before a number that make it others' estimate ("a consensus of", "analysts' estimate of"). */
const OTHERS_EXPECT_BEFORE = /(?:\bconsensus(?:\s+estimate)?|\banalysts'?\s+(?:estimates?|forecasts?|expectations?)|\bstreet\s+(?:estimates?|expectations?))\s+(?:of|for|was|were|at|had been)\s+(?:about\s+|around\s+|roughly\s+)?\S{0,4}\s*$/;

/** What removes or adds an amount of a measure written after it: "takes out roughly", "adds about". */
const AMOUNT_MOVED = /\b(?:takes?|taking|took)\s+out\s+(?:(?:roughly|about|around|approximately|some|nearly|almost)\s+)?\S{0,4}$|\b(?:removes?|removed|removing|adds?|added|adding)\s+(?:(?:roughly|about|around|approximately|some|nearly|almost)\s+)?\S{0,4}$/;

/** A forecast the company states in the amount's clause after it: "… total capex we're guiding for", "… we expect to spend". */
const FORECAST_AFTER = /^[^,;]{0,40}?\b(?:we|we're|we’re|we are|we now|we will be)\s+(?:now\s+|currently\s+|still\s+)?(?:guiding|guide|expect|expecting|plan|planning|budget|budgeting|forecast|forecasting|anticipate|target|targeting)\b/;

/** "…, of the £190m to £210m total capex …, Leeds is about": the clause before a number names a part of a total said before it. */
const PART_OF_TOTAL = /(?:^|[,;:]\s*|\.\s+)(?:and\s+)?(?:on\s+\w+(?:\s+\w+)?,\s*(?:\w+,\s*)?)?of\s+(?:the|our|that|this)\s+[^,;]{0,60}\btotal\b[^,;]{0,60},\s*[^,;]{1,40}$/;

/** What a speaker says to take back the figure just said, right before the right one. */
export const RETRACTED = /^\s*(?:--|—{1,2}|–|-|,|，|\.\.\.|…|\.)?\s*(?:(?:sorry|i'm sorry|i am sorry|excuse me|i mean|pardon me|my apologies|my mistake|i misread(?: that)?|i misspoke|i misstated(?: that)?|i apologi[sz]e|apologies|correction|let me correct that|let me correct myself|i correct|i'll correct|correcting|对不起|不好意思|抱歉|(?:这边|这里|我)?(?:更正|纠正)一下|我说错了|说错了)\s*(?:,|，|--|—|–|-|:|：)?\s*){1,2}(?:that should be|the right figure is|the correct figure is|it's|it is|that's|that is|应该是|是)?\s*/;

/** What joins the two numbers of a range ("$1.64 to $1.68", "between $1.64 and $1.68"), the currency perhaps written again. */
const RANGE_TO = new RegExp(String.raw`^\s*(?:to|-|–|~|至|到)\s*${REPEATED_CURRENCY}\s*$`);
const RANGE_TO_LATIN = new RegExp(String.raw`^\s*(?:to|-|–|~)\s*${REPEATED_CURRENCY}\s*$`);
const RANGE_AND = new RegExp(String.raw`^\s*and\s*${REPEATED_CURRENCY}\s*$`);
const BETWEEN_BEFORE = new RegExp(String.raw`\bbetween\s*${REPEATED_CURRENCY}\s*$`);
const FROM_BEFORE = new RegExp(String.raw`\b(?:from|of)\s*${REPEATED_CURRENCY}\s*$`);

/** ", which includes roughly", ", including the": what comes right after an amount and introduces a part of it. */
const INCLUDED_PART = /^\s*,\s*(?:which|that)\s+(?:includes?|included|contains?)\s+(?:the\s+)?(?:roughly|about|approximately|around|some|nearly|almost)?\s*$|^\s*,\s*including\s+(?:the\s+)?(?:roughly|about|approximately|around|some|nearly|almost)?\s*$|^\s*[(（]\s*(?:including|includes)\s+(?:roughly|about|approximately|around)?\s*$/;

/** ", which excludes …,": a clause that says what the measure before it is (a list of items too, up to the verb after it). */
/** The clauses that define a measure named before them ("…, which excludes …,"), without numbers. */
function definingClauses(norm: string, measures: ReadonlyArray<Hit<Measure>>): Span[] {
  const out: Span[] = [];
  for (const c of norm.matchAll(DEFINING_CLAUSE)) {
    const [from, to] = [c.index, c.index + c[0].length];
    // (Amounts inside it are what it names, "special items of EUR 53 million", never the measure's value.)
    if (measures.some((m) => m.end <= from && m.value.metric)) out.push({ start: from, end: to });
  }
  return out;
}

const DEFINING_CLAUSE = /,\s*(?:which\s+(?:excludes?|includes?|reflects?|is\s+(?:before|after|net\s+of)|adds\s+back)|that\s+is,?\s+(?:after|before|net\s+of|excluding|including))\b(?:(?:[^;.]|\.\d){0,160}?,(?=\s*(?:was|were|rose|fell|grew|increased|decreased|declined|came in|came to|totaled|totalled|reached|amounted|stood)\b)|[^,;.]*,)/g;

function measureWritten(p: Parsed, num: NumberMention, metrics: ReadonlyMap<string, Metric>): Hit<Measure> | undefined {
  const after = p.norm.slice(num.end);
  const perShare = perShareOf(p, num, metrics);
  if (perShare !== undefined) return perShare ?? undefined;
  const before = lastBefore(p.measures, num.start);
  const m = postfixMeasure(p, num);
  // "we used $141.8 million in cash to repurchase notes", "paid $20 million in cash": a payment, not a cash balance.
  if (m?.value.metric === 'cash_and_investments' && new RegExp(String.raw`\b(?:used|paid|spent|invested|returned|raised|received)\s+(?:approximately\s+|about\s+|nearly\s+|some\s+)?${CURRENCY_BEFORE}?\s*$`).test(p.norm.slice(Math.max(0, num.start - 30), num.start))) return undefined;
  // "… was sixty eight point nine million pounds capital expenditure was sixteen point one million":
  // a measure after the number that its own verb follows opens the next clause (a run-on
  // sentence of a machine transcript) and is not this number's.
  const opensClause = m && before && /^\s*(?:was|were|is|are|came in at|totaled|totalled|grew|rose|fell|increased|decreased|declined)\b/.test(p.norm.slice(m.end));
  // "our gross margin rate was 27.6% of sales": the sales after "of" are what the rate is taken
  // of; the margin before it is its measure.
  const ratioBefore = before?.value.metric ? metrics.get(before.value.metric)?.kind === 'ratio' : false;
  if (m && num.kind === 'percent' && ratioBefore && /^\s*of\s/.test(after) && !p.breaks.some((b) => b.start > before!.end && b.end <= num.start)) return before;
  if (m && !opensClause) {
    // "$150 million principal amount": a measure right after the number is its measure. "$5 billion in cash" too,
    // unless a measure stands right before the number ("we repurchased $820 million of our shares").
    const joined = /^\s*(?:in|of|to)\s/.test(after);
    const adjacent = before && /^\s*(?:of|for|was|were|is|at|by|totaled|reached|came in at)?\s*(?:rmb|us\$|usd|hk\$|\$|人民币|€|eur)?\s*$/.test(p.norm.slice(before.end, num.start));
    if (!joined || !adjacent) return m;
  }
  if (!before) return undefined;
  // "Net income was $41.7 million, or $0.38 per diluted share, up 15.2% from $36.2 million": the
  // per-share aside restates the measure; what follows it is the measure's again.
  const aside = [...p.norm.matchAll(PER_SHARE_ASIDE)].find((a) => a.index <= before.start && before.end <= a.index + a[0].length && a.index + a[0].length <= num.start);
  if (aside) {
    const owner = lastBefore(p.measures, aside.index);
    if (owner?.value.metric && !p.breaks.some((b) => b.start > owner.end && b.end <= num.start)) return owner;
  }
  const broken = p.breaks.some((b) => b.start > before.end && b.end <= num.start);
  if (broken) return undefined;
  // "Net revenues were $12.7 billion, and net earnings were $2.9 billion": a new subject the
  // reader has no term for, after the earlier measure's own number, is not that measure again
  // (not "cash and short-term financial instruments totaled …").
  const newSubject = NEW_SUBJECT.exec(p.norm.slice(before.end, num.start));
  const hadNumber = newSubject !== null && p.numbers.some((n) => n.start >= before.end && n.end <= before.end + newSubject.index);
  if (newSubject && hadNumber && !/\b(?:growth|change|increase|decrease|decline|rate|up|down|it|this|that)\b/.test(newSubject[1]!)) return undefined;
  // "capex of about 65 million so that would be well above 100 million": a second amount after
  // the measure's own, said of "that", is something the measure led to, not the measure again
  // (unless the speaker corrects the first: "65 million, sorry, that should be 56 million").
  const between = p.norm.slice(before.end, num.start);
  const amount = (n: NumberMention) => n.kind === 'money' || (n.kind === 'count' && (n.exp ?? 0) >= 6);
  const ownAmount = amount(num) && p.numbers.some((n) => amount(n) && n.start >= before.end && n.end <= num.start);
  if (ownAmount && /\b(?:that|this|it|which)\s+(?:would|will|could|might)\s+be\b/.test(between) && !/\b(?:sorry|correction|i mean|rather|should be)\b/.test(between)) return undefined;
  // "we repurchased 0.9 million shares (in the third quarter) for $100 million": the amount paid for the shares is the buyback's.
  // ("回购了约 1,850 万股股份，总金额约 2.3 亿港元": the same in Chinese.)
  if (!before.value.metric && /^(?:股份|股票)$/.test(before.text) && /^\s*[，,]?\s*(?:总金额|總金額|总额|總額|金额|金額|合计|合計|共计|共計|耗资|耗資)\s*(?:约|約|为|為|达|達)?\s*$/.test(p.norm.slice(before.end, num.start).replace(new RegExp(String.raw`${CURRENCY_BEFORE}\s*$`), ''))) {
    const verb = lastBefore(p.measures, before.start);
    if (verb?.value.metric === 'buyback_usd' && !p.breaks.some((b) => b.start > verb.end && b.end <= before.start)) return verb;
  }
  // ("bought back shares worth 150 million euros"; "we acquired 1.1 million shares for 8.0 billion
  // yen", the company acquiring its own shares.)
  if (!before.value.metric && /^(?:shares|stock)$/.test(before.text) && /^\s*(?:of\s+(?:our\s+)?(?:common\s+)?stock\s+)?(?:(?:in|during)\s+(?:the\s+)?(?:[a-z]+\s+)?quarter\s+)?(?:under\s+(?:our|the|its)\s+(?:[a-z-]+\s+){0,4}?(?:program|programme|bid|plan|authori[sz]ation)\s+)?(?:for|worth|totaling|totalling|amounting\s+to|,?\s*in\s+(?:the|a)\s+total\s+of)\s+(?:a\s+total\s+of\s+|approximately\s+|about\s+|an\s+aggregate\s+(?:of\s+)?)?$/.test(p.norm.slice(before.end, num.start).replace(new RegExp(String.raw`${CURRENCY_BEFORE}\s*$`), ''))) {
    const verb = lastBefore(p.measures, before.start);
    if (verb?.value.metric === 'buyback_usd' && !p.breaks.some((b) => b.start > verb.end && b.end <= before.start)) return verb;
    const acquired = /\b(?:we|the company|it)\s+(?:had\s+|have\s+)?(?:acquired|purchased)\s+(?:(?:approximately|about|some|roughly)\s+)?(?:[\d.,]+\s*(?:million|thousand|m)?\s+)?(?:of\s+)?(?:its\s+|our\s+)?(?:own\s+|treasury\s+)?$/.exec(p.norm.slice(0, before.start));
    if (acquired) return { start: acquired.index, end: acquired.index + acquired[0].length, text: acquired[0].trim(), value: { metric: 'buyback_usd', loss: false, head: false } };
  }
  return before;
}

/**
 * "net income of $2.0 billion, or $4.50 per diluted share": the per-share figure of the income
 * metric before it. Null when the amount is per share but follows no income figure (a dividend);
 * undefined when the amount is not written per share.
 */
export function perShareOf(p: Parsed, num: NumberMention, metrics: ReadonlyMap<string, Metric>): Hit<Measure> | null | undefined {
  const m = p.vocab.perShareAfter.exec(p.norm.slice(num.end));
  if (!m) return undefined;
  const before = lastBefore(p.measures, num.start);
  // "an annual dividend of USD1.05 per ADS", "diluted EPS of $1.12 per share": already a per-share measure.
  if (before?.value.metric && metrics.get(before.value.metric)?.kind === 'per-share') return before;
  const metric = before?.value.metric ? metrics.get(before.value.metric)?.per_share : undefined;
  if (!before || !metric) return null;
  return { start: num.end, end: num.end + m[0].length, text: m[0].trim(), value: { metric, loss: before.value.loss, head: false } };
}

/** A currency written before an amount, in normalised text: "us$", "c$", "rmb", "€". */
const CURRENCY_BEFORE = String.raw`(?:[a-z]{0,3}\$|usd|rmb|eur|€|£|¥|人民币|新台币|港币|美元)`;

/** Words before "from" that bring in the range a forecast replaced: ", up from", ", raising our range from". */
const REPLACES_BEFORE = /,\s*(?:(?:up|down|raised|raising|increased|increasing|lowered|lowering|reduced|reducing|narrowed|narrowing)\s+(?:(?:our|the|its)\s+)?(?:[a-z-]+\s+)?(?:range|guidance|outlook|forecast)?\s*)?$/;

/** "from" right before a value that starts "A to B to C to D" (A, or B after "from A to"). */
const FROM_RANGE_TO_RANGE = /\bfrom\s*(?:(?:[a-z]{0,3}\$|usd|rmb|eur|€|£|¥)\s*[\d.,]+\s*(?:billion|million|bn|m)?\s*to\s*)?$/;

/** "from previous", "from our prior forecast of" right before a value. */
const FROM_PREVIOUS = new RegExp(String.raw`\bfrom\s+(?:the\s+|our\s+)?(?:previous|prior|earlier|original|initial)(?:ly)?(?:\s+(?:forecast|guidance|outlook|estimate|plan|range|target))?(?:\s+of)?\s*${CURRENCY_BEFORE}?\s*$`);

/** A range the outlook replaced, written before its first value (and read past it to its end). */
const REPLACED_RANGE = new RegExp(String.raw`(?:\b(?:prior|previous|earlier|original|preliminary|initial)\s+(?:range|guidance|outlook|forecast|expectations?|plan|budget|target|estimate)\s+(?:of|was|were)|(?:由|从|從)(?:此前|之前|原来|原來|原先|先前)(?:的)?(?:预估|預估|预期|預期|预计|預計|指引|目标|目標)?(?:的)?|(?:此前|之前|原来|原來|原先|先前|年初|上季度|上次)(?:预估|預估|预期|預期|预计|預計|指引|目标|目標)的)\s*(?:约|約|大约|大約)?\s*${CURRENCY_BEFORE}?\s*(?:[\d.,]+\s*(?:billion|million|bn|m|亿元|万元|亿|万|%)?\s*(?:to|-|–|and|至|到)\s*${CURRENCY_BEFORE}?\s*)?$`);

/** What an adjusted measure leaves out by definition: charges and one-off items, not currency or acquisitions. */
const DEFINING_ITEMS = /\b(?:excluding|excludes?|excluded)\s+(?:the\s+)?(?:(?:impact|effect)\s+of\s+)?(?:(?:[a-z]{0,3}\$|usd|eur|€|£|rmb)?\s*[\d.,]+\s*(?:million|billion|bn|m)?\s+(?:of\s+)?)?(?:pre-tax\s+|after-tax\s+|pretax\s+)?(?:these\s+|those\s+|this\s+|that\s+|such\s+|certain\s+|all\s+|a\s+|the\s+)?(?:non-cash\s+|one-time\s+|one-off\s+|special\s+|non-recurring\s+|discrete\s+|small\s+)?(?:restructuring|impairment|amortization|amortisation|stock-based|share-based|acquisition-related|integration|litigation|tax|items|charges|costs|gains?|losses|benefits?|one-time|special|non-recurring)\b|(?:剔除|扣除|不包括|不计|不計)[^，,。]{0,20}?(?:股权激励|股權激勵|股份支付|以股份为基础的薪酬|股份酬金|摊销|攤銷|减值|減值|一次性|非经常性|非經常性)/;
const NOT_DEFINING = /currenc|exchange|\bfx\b|acquisitions?\b(?!-related)|divest|disposal|organic|like-for-like|like for like|pro forma|pro-forma|汇率/;

/** "Excluding restructuring charges, adjusted EPS was $1.42": the exclusion is what makes the measure adjusted. */
function definesAdjusted(stretch: string, measure: Span, norm: string): boolean {
  // ("adjusted diluted earnings per share": the qualifier may stand just before the measure's term.)
  const measureWords = norm.slice(Math.max(0, measure.start - 24), measure.start).replace(/^.*?(?=\S+\s*$)/, '') + norm.slice(measure.start, measure.end);
  if (!/\b(?:adjusted|non-gaap|non-ifrs|core|underlying)\b|经调整|调整后|非公认会计准则/.test(measureWords)) return false;
  return DEFINING_ITEMS.test(stretch) && !NOT_DEFINING.test(stretch);
}

/** Words that put a figure at constant exchange rates, and nothing else off the reported basis. */
const CONSTANT_CURRENCY = /(?:\b(?:in|at|on)\s+(?:a\s+)?)?(?:constant[- ]currenc(?:y|ies)|constant exchange rates?|constant fx|constant rates|currency[- ]neutral|fx[- ]neutral|ex[- ]fx|local currenc(?:y|ies)|currency[- ]adjusted|cer\b|按固定汇率|按不变汇率|固定汇率|不变汇率)(?:\s+basis)?/g;

/**
 * The time frame of a number: what, in its sentence, says it is not this quarter's actual. A
 * figure for the whole of the call's own fiscal year, before its last quarter, cannot be an
 * actual yet: it is a forecast ("We are reducing 2026 capital expenditures to KRW 1.7 trillion").
 */
export function frameOf(p: Parsed, num: NumberMention, measure: Span, prevEnd: number, vocab: Vocabulary, previous?: { frame: Frame }, period?: Frame): Frame {
  const frame = statedFrame(p, num, measure, prevEnd, vocab, previous, period);
  return frame === 'full-year' && vocab.fiscalQuarter < 4 && !/\b(?:19|20)\d\d\b/.test(p.norm.slice(0, num.start).replace(new RegExp(`\\b${vocab.fiscalYear}\\b`, 'g'), '')) ? 'forecast' : frame;
}

function statedFrame(p: Parsed, num: NumberMention, measure: Span, prevEnd: number, vocab: Vocabulary, previous?: { frame: Frame }, period?: Frame): Frame {
  const v = frameView(p, num, measure, prevEnd, vocab, previous, period);
  return offBasisFrame(v) ?? carriedFrame(v) ?? spanFrame(v) ?? comparisonFrame(v) ?? changeFrame(v) ?? forecastFrame(v) ?? periodFrame(v);
}

/** What the frame rules look at around one number: the words before it, up to the next amount after it, outside its measure, its clause, and the periods named before it. */
interface FrameView {
  readonly p: Parsed;
  readonly num: NumberMention;
  readonly measure: Span;
  readonly prevEnd: number;
  readonly vocab: Vocabulary;
  readonly previous: { frame: Frame } | undefined;
  readonly period: Frame | undefined;
  readonly norm: string;
  readonly upTo: string;
  readonly untilNext: string;
  readonly outsideMeasure: string;
  readonly clause: string;
  /** The words before the number with its amounts blanked. */
  readonly noAmounts: string;
  /** The last part of the year other than the quarter named before the number ("the first nine months"). */
  readonly lastYtd: RegExpExecArray | undefined;
  /** Whether words name the call's own quarter. */
  readonly quarterNamed: (t: string) => boolean;
  readonly quarterAfterYtd: boolean;
  readonly quarterAfterValue: boolean;
}

/** The view of a number that the frame rules share. */
function frameView(p: Parsed, num: NumberMention, measure: Span, prevEnd: number, vocab: Vocabulary, previous: { frame: Frame } | undefined, period: Frame | undefined): FrameView {
  const { norm } = p;
  const upTo = norm.slice(0, num.start);
  const clauseAfter = norm.slice(num.end).split(/[,，;；。]/)[0]!;
  // The words before the number, and after it up to the next amount or rate in its clause (a
  // bare number is part of the words: "grew 16% in the first 9 months"; "up 8% on a reported
  // basis and up 6% organically": "organically" is the second rate's).
  // The start of a range reads past its end ("grow from 16% to 18% in constant currency",
  // "between $1.64 and $1.68 in constant currency": both are constant-currency values).
  let nextNumber = p.numbers.find((n) => n.start >= num.end);
  const joiner = nextNumber ? norm.slice(num.end, nextNumber.start) : '';
  if (nextNumber && (RANGE_TO.test(joiner) || (RANGE_AND.test(joiner) && BETWEEN_BEFORE.test(upTo)))) {
    const end = nextNumber;
    nextNumber = p.numbers.find((n) => n.start >= end.end);
  }
  // (Nor past another measure that opens its own statement, as run-on speech has it: "… or an
  // operating margin of 3.1% of sales adjusted fifo operating profit which excludes …".)
  const nextMeasure = p.measures.find((x) => x.start > num.end && x.start > measure.start && !/\b(?:of|in)\s+(?:the\s+|our\s+|total\s+|net\s+)?$/.test(norm.slice(num.end, x.start)));
  const untilNextNumber = nextNumber ? clauseAfter.slice(0, Math.max(0, nextNumber.start - num.end)) : clauseAfter;
  const untilNext = nextMeasure ? untilNextNumber.slice(0, Math.max(0, nextMeasure.start - num.end)) : untilNextNumber;
  // (Not the measure's own words: "扣除非经常性损益后的归母净利润" names a measure.)
  // (Nor a clause that defines the measure: "Adjusted operating profit, which excludes amortization, was …".)
  const outsideMeasure = (measure.end <= num.start ? upTo.slice(0, measure.start) + ' '.repeat(measure.end - measure.start) + upTo.slice(measure.end) : upTo).replace(
    /,\s*which\s+(?:excludes|exclude)\b[^,]*,/g,
    (m) => ' '.repeat(m.length),
  );
  // ("考虑到前三季度订单交付情况，公司将2026年全年营业收入目标…": the period nearest the value wins.)
  // (Not the scale of an amount before it: "£28.9m" holds no "9m", nine months.)
  let noAmounts = upTo;
  for (const n of p.numbers) if ((n.kind === 'money' || n.kind === 'percent') && n.end <= upTo.length) noAmounts = noAmounts.slice(0, n.start) + ' '.repeat(n.end - n.start) + noAmounts.slice(n.end);
  const lastYtd = [...noAmounts.matchAll(new RegExp(vocab.yearToDate.source, 'g'))].pop();
  // (Unless a quarter is named after the cumulative period, or right after the value: "For the
  // first half, operating cash flow was ¥46.8 billion, of which the second quarter … was ¥27.5
  // billion", "… 11.9 billion yen in the second quarter".)
  // (The call's own quarter: not another one, "the first quarter" in a second quarter's call.)
  const quarterNamed = (t: string) => QUARTER_PHRASE.test(t) && !vocab.yearToDate.test(t) && !vocab.otherPeriod.test(t);
  const quarterAfterYtd = lastYtd !== undefined && quarterNamed(noAmounts.slice(lastYtd.index + lastYtd[0].length));
  const quarterAfterValue = quarterNamed(untilNext);
  // The number's own clause: what stands before it since the clause began, and after it up to the clause's end.
  const clause = `${clauseBeforeNumber(upTo)} ${norm.slice(num.end).split(/[,;，；。]/)[0]}`;
  return { p, num, measure, prevEnd, vocab, previous, period, norm, upTo, untilNext, outsideMeasure, clause, noAmounts, lastYtd, quarterNamed, quarterAfterYtd, quarterAfterValue };
}

/** Off the reported basis: excluding items, organic, like-for-like, constant currency (a forecast in constant currency is `forecast-cc`). */
function offBasisFrame(v: FrameView): Frame | undefined {
  const { p, num, measure, prevEnd, vocab, norm, untilNext, outsideMeasure } = v;
  // Words that take the figure off the reported basis hold up to a colon or semicolon ("organic
  // sales growth of 2% to 4% and raising our EPS range: we now expect adjusted EPS of $5.70"
  // leaves EPS reported), when they open that stretch ("Excluding currency, revenue grew 5% and
  // EBITDA 7%") or stand since the figure before; words right after that figure are its own
  // ("grow from 16% to 18% in constant currency and … from 19% to 21% in USD").
  const stretchStart = Math.max(outsideMeasure.lastIndexOf(':'), outsideMeasure.lastIndexOf(';'), outsideMeasure.lastIndexOf('：'), outsideMeasure.lastIndexOf('；')) + 1;
  // ("Excluding $14 million of pre-tax restructuring charges …, adjusted diluted EPS was $1.76":
  // what is excluded may come after an amount, so the whole stretch up to the value is looked at.)
  const offBasis = (t: string) => vocab.excluding.test(t) && !definesAdjusted(t, measure, norm) && !definesAdjusted(outsideMeasure.slice(stretchStart, num.start), measure, norm);
  const firstInStretch = p.numbers.find((n) => n.start >= stretchStart);
  const openingAll = outsideMeasure.slice(stretchStart, firstInStretch && firstInStretch.start < num.start ? firstInStretch.start : num.start);
  // An opening holds for later figures when a comma sets it off ("Excluding currency, …", "On an
  // organic basis, …", "Excluding the $2.5 billion charge …, X would have been …"); without one
  // it qualifies the first figure's measure only ("we confirm our outlook of organic growth of
  // 4% to 6% and now expect an adjusted EBITA margin of 13.5%").
  const setOff = () => {
    const at = openingAll.search(vocab.excluding);
    return at >= 0 && /[,，]/.test(outsideMeasure.slice(stretchStart + at, num.start));
  };
  const opening = !firstInStretch || firstInStretch.start >= num.start || setOff() ? openingAll : '';
  const sincePrevious = prevEnd > stretchStart && prevEnd < num.start ? outsideMeasure.slice(prevEnd).replace(/^\s*(?:in|at|on|excluding|ex|organically|organic|like-for-like|like for like|reported)\b(?:(?!\b(?:and|but|while|whereas)\b)[^,;，；])*/, '') : '';
  const offStretches = [opening, sincePrevious, untilNext].filter(offBasis);
  // "grew by 11% comparable in the quarter", "up 4% organic": a basis word right after the rate.
  if (num.kind === 'percent' && /^\s*(?:comparable|organic|organically|underlying|like-for-like|l-f-l|lfl)\b/.test(norm.slice(num.end))) offStretches.push(norm.slice(num.end));
  if (offStretches.length > 0) {
    // "Sales growth is expected to be 8% to 11% at constant exchange rates": a forecast in
    // constant currency is guidance on that basis (many companies guide on no other); an actual
    // figure in constant currency is not the reported one, and is left out.
    const currencyOnly = offStretches.every((t) => !vocab.excluding.test(t.replace(CONSTANT_CURRENCY, ' ')));
    return currencyOnly && p.forecastAt.some((f) => f < num.start) ? 'forecast-cc' : 'excluding';
  }
  return undefined;
}

/** A frame the value before carries: what "or" restates, the end of a range. */
function carriedFrame(v: FrameView): Frame | undefined {
  const { p, num, prevEnd, previous, norm } = v;
  // "compared with an operating loss of $48.7 million, or negative 9.4% of revenue": what "or" restates shares its frame.
  if (previous?.frame === 'prior' && /^\s*,?\s*or\s*(?:negative|minus)?\s*$/.test(norm.slice(prevEnd, num.start))) return 'prior';
  // The end of a range shares its start's basis ("organic growth of 3% to 5%").
  if ((previous?.frame === 'excluding' || previous?.frame === 'forecast-cc') && RANGE_TO.test(norm.slice(prevEnd, num.start))) return previous.frame;
  // So does an earlier range ("narrower than the RMB 550 million to RMB 650 million we expected
  // at the start of the year"), unless it is the start of a change ("from $500 million to $600 million").
  if (previous?.frame === 'prior' && RANGE_TO_LATIN.test(norm.slice(prevEnd, num.start))) {
    const start = p.numbers.find((n) => n.end === prevEnd);
    // (Not the end of one range and the start of the next: "from $9.05 billion to $9.20 billion to $9.15 billion to $9.25 billion".)
    const beforeStart = start ? p.numbers.filter((n) => n.end <= start.start).pop() : undefined;
    const startEndsRange = beforeStart !== undefined && RANGE_TO_LATIN.test(norm.slice(beforeStart.end, start!.start));
    // ("revised from previous 92.0 billion yen to 98.0 billion yen": the new value after "to";
    // but after the new range, "to $5.10 to $5.25 from the prior $5.00 to $5.30" is the old one.)
    const afterNew = beforeStart !== undefined && /^[^\d]{0,12}\bfrom\s+(?:the\s+|our\s+)?(?:prior|previous(?:ly)?|earlier|original|initial)\b/.test(norm.slice(beforeStart.end, start!.start));
    if (start && !startEndsRange && (afterNew || (!FROM_BEFORE.test(norm.slice(Math.max(0, start.start - 12), start.start)) && !/\bfrom\b[^\d]{0,30}$/.test(norm.slice(Math.max(0, start.start - 40), start.start))))) return 'prior';
  }
  return undefined;
}

/** A span other than the quarter: a hypothetical, trailing twelve months, a cumulative total or programme, a span of years, the year to date. */
function spanFrame(v: FrameView): Frame | undefined {
  const { num, measure, vocab, norm, upTo, untilNext, clause, lastYtd, quarterAfterYtd, quarterAfterValue } = v;
  // "如果碳酸锂价格涨到每吨15万元，…综合毛利率大约会下降…", "if prices were to rise, margin would be 20%": a hypothetical.
  if (HYPOTHETICAL.test(norm) && (HYPOTHETICAL.exec(norm)!.index < num.start)) return 'hypothetical';
  if (vocab.trailing.test(upTo) || vocab.trailing.test(untilNext)) return 'trailing';
  // ("to date" inside "year-to-date" is not a total since inception.)
  // (Nor what an opening exclusion describes: "Excluding $14 million of charges tied to the program
  // we announced in October, adjusted diluted EPS was $1.76".)
  const opener = /^\W*excluding\b[^,;]*,/.exec(upTo);
  // (Nor 累计 said of the quarter itself: "第三季度公司累计回购股份 1,860 万股" is the quarter's total.)
  const noYtd = (t: string) => (t === upTo && opener && definesAdjusted(opener[0], measure, norm) ? ' '.repeat(opener[0].length) + t.slice(opener[0].length) : t).replace(/\byear[- ]to[- ]date\b/g, ' ').replace(ZH_QUARTER_TOTAL, '$1 ');
  // (Unless the number's own clause says it is the quarter's: "we acquired 1.1 million shares for
  // 8.0 billion yen during the October to December quarter", after "Under the program …, ".)
  // (Never the size of the programme itself: "under the $500 million program authorized in March".)
  const programSize = /^\s*(?:(?:share|stock)\s+)?(?:(?:buyback|repurchase|buy-back)\s+)?(?:program|programme|authori[sz]ation|plan)\b/.test(norm.slice(num.end));
  // (Also a sentence that opens on the quarter: "In the fourth quarter, we bought back shares for EUR 40 million and … the programme".)
  const opensOnQuarter = QUARTER_OPENING.test(norm) && !/[,;，；]/.test(upTo.slice(QUARTER_OPENING.exec(norm)![0].length));
  const quarterOwn = !programSize && (QUARTER_IN_CLAUSE.test(clause) || opensOnQuarter) && !vocab.cumulative.test(noYtd(clauseBeforeNumber(upTo)));
  if (!quarterOwn && (vocab.cumulative.test(noYtd(upTo)) || vocab.cumulative.test(noYtd(untilNext)))) return 'cumulative';
  // "another step towards the thirty percent": where the measure is heading, a target of no period.
  if (new RegExp(String.raw`\btowards?\s+(?:the\s+|our\s+|a\s+|an\s+)?(?:(?:medium|long|mid)[- ]term\s+)?(?:(?:target|goal|ambition)\s+of\s+)?(?:about\s+|around\s+|roughly\s+)?${CURRENCY_BEFORE}?\s*$`).test(upTo)) return 'cumulative';
  // "€1.2 billion in capex over 2025 to 2027", "between 2024 and 2026", "2025-2027": a span of years.
  if (YEAR_SPAN.test(untilNext) || YEAR_SPAN.test(clauseBeforeNumber(upTo))) return 'cumulative';
  const lastFullYear = [...upTo.matchAll(new RegExp(vocab.fullYear.source, 'g'))].pop();
  if (!quarterAfterValue && ((lastYtd && !quarterAfterYtd && !(lastFullYear && lastFullYear.index > lastYtd.index)) || vocab.yearToDate.test(untilNext))) return 'year-to-date';
  return undefined;
}

/** A value compared with, replaced or rejected: a comparison period, a replaced range, "not 15.8%". */
function comparisonFrame(v: FrameView): Frame | undefined {
  const { p, num, measure, prevEnd, vocab, norm, upTo } = v;
  // "compared to 84.6% in 2024": a comparison with a whole year, so the values are not a quarter's.
  // (Not a bound, "more than 15% in 2026", nor a forecast compared with the year before: "we expect
  // growth of 10%, compared with 9% in 2025" is still a forecast.)
  if (/(?:compared (?:to|with)|versus|\bvs\b|(?<!(?:more|less|fewer|greater|higher|lower|better|worse)\s)than|from)\s[^,;，；]*\bin (?:19|20)\d\d\b/.test(norm) && !/quarter|季度|\bq[1-4]\b/.test(norm) && !p.forecastAt.some((f) => f < num.start)) return 'year-to-date';
  if (isPrior(p, num, measure, vocab)) return 'prior';
  // "The adjusted EBITA margin was 12.5% after 11.6%", "EUR 1,87 after EUR 1,61": as translations
  // from German write a comparison, the value after "after" is the earlier one.
  const before = p.numbers.find((n) => n.end === prevEnd);
  if (before && before.kind === num.kind && new RegExp(String.raw`^\s*,?\s*after\s*${CURRENCY_BEFORE}?\s*$`).test(norm.slice(prevEnd, num.start))) return 'prior';
  // "the margin was 15.5%, not 15.8%", "rather than $4.2 million": a value the speaker rejects.
  if (new RegExp(String.raw`(?:,\s*|\b)(?:not|rather than|instead of)\s*${CURRENCY_BEFORE}?\s*$`).test(upTo)) return 'prior';
  // "two years back, in Q2 FY25, our revenue was …": a quarter of another fiscal year before the value, in its sentence.
  if (otherFiscalQuarterBefore(upTo, vocab)) return 'prior';
  // "up from our prior range of $2.360 billion to $2.375 billion": both ends are the replaced range.
  // (An amount said in words counts as one: "our prior range of four eighty five to five dollars".)
  let numbered = norm.slice(0, num.start);
  for (const n of p.numbers) if (n.end <= num.start && /[a-z]/.test(norm.slice(n.start, n.end))) numbered = numbered.slice(0, n.start) + '1'.padEnd(n.end - n.start, ' ') + numbered.slice(n.end);
  if (REPLACED_RANGE.test(numbered.slice(Math.max(0, num.start - 60)))) return 'prior';
  // "on our fiscal 2025 base of $9.66": the base a forecast grows from.
  if (new RegExp(String.raw`\b(?:base|baseline)\s+(?:of|was|is)\s*${CURRENCY_BEFORE}?\s*$`).test(upTo)) return 'prior';
  // "raising our revenue range from $9.05 billion to $9.20 billion to $9.15 billion to $9.25
  // billion": of two ranges after "from", the first is the one replaced.
  if (FROM_RANGE_TO_RANGE.test(norm.slice(Math.max(0, num.start - 90), num.start)) && p.forecastAt.some((f) => f < num.start) && /^\s*to\s*\S{0,4}\s*[\d.,]+[^,;，；]*?\bto\s*\S{0,4}\s*\d/.test(norm.slice(num.end))) return 'prior';
  // "revised from previous 92.0 billion yen to 98.0 billion yen": the previous value, not the new one after "to".
  if (FROM_PREVIOUS.test(norm.slice(Math.max(0, num.start - 60), num.start))) return 'prior';
  // "…, after EUR 8,30 to 8,80 previously": a range the word "previously" follows is the old one, both ends.
  const rangeEnd = p.numbers.find((n) => n.start >= num.end);
  if (rangeEnd && /^\s*(?:to|-|–|~)\s*\S{0,4}\s*$/.test(norm.slice(num.end, rangeEnd.start)) && /^\s*,?\s*(?:previously|before|earlier)\s*(?:[.;,)）。]|$)/.test(norm.slice(rangeEnd.end))) return 'prior';
  // "now expect EUR 820 million to EUR 840 million, previously EUR 800 million to EUR 840 million".
  if (new RegExp(String.raw`(?:[,;(（]\s*|\b(?:was|were)\s+)previously\s*(?:at\s+|of\s+)?${CURRENCY_BEFORE}?\s*$`).test(upTo)) return 'prior';
  return undefined;
}

/** A change, not a level: "increased by $2 billion", "an increase in cash of $360 million". */
function changeFrame(v: FrameView): Frame | undefined {
  const { num, measure, prevEnd, vocab, previous, norm } = v;
  // "increased by $2 billion" is a change; "increased to $5 billion", "收窄至 3.85 亿" is the level.
  const sinceMeasure = norm.slice(Math.max(measure.end, prevEnd), num.start);
  // ("有所下降，大约在30亿元至35亿元之间": a new clause that puts the amount "at" a level.)
  const levelClause = /(?:^|[,，;；])[^,，;；]*(?:在|为|為|达到|達到)\s*(?:人民币|港币|美元|新台币)?\s*$/.test(sinceMeasure);
  if (num.kind === 'money' && vocab.changeBefore.test(sinceMeasure) && !levelClause && !/(?:\bto|至|到)\s*(?:rmb|us\$|usd|hk\$|hkd|\$|€|£|¥|人民币|港币|美元|新台币)?\s*$/.test(sinceMeasure)) return 'change';
  // "improved by $4 million and $17 million": the second amount is a change too.
  if (num.kind === 'money' && previous?.frame === 'change' && /^\s*(?:and|,|，|及|和|以及)\s*$/.test(norm.slice(prevEnd, num.start).replace(/(?:rmb|us\$|usd|hk\$|\$|人民币)\s*$/, ''))) return 'change';
  if (vocab.changeOf.test(norm.slice(Math.max(0, measure.start - 40), measure.start))) return 'change';
  // "the wholesale exit, which takes out roughly $85 million of net sales", "adds about $40 million
  // of revenue": an amount a change removes or adds, not the measure's level.
  if (num.kind === 'money' && measure.start >= num.end && AMOUNT_MOVED.test(norm.slice(Math.max(0, num.start - 40), num.start))) return 'change';
  return undefined;
}

/** A forecast: a forecast word before the value in its sentence, or after it in its clause; a later year. */
function forecastFrame(v: FrameView): Frame | undefined {
  const { p, num, vocab, norm, upTo, clause } = v;
  // (Not a forecast word of an earlier clause when a clause in the past tense stands between:
  // "a market we estimate at about $14 billion, and segment operating margin expanded to 19.8%".)
  // (Not "should be" in a correction: "8.9p, sorry, that should be 9.8p".)
  const said = p.numbers.filter((n) => n.end <= num.start).pop();
  const correcting = said !== undefined && RETRACTED.exec(norm.slice(said.end, num.start))?.[0].length === num.start - said.end;
  const cue = p.forecastAt.filter((f) => f < (correcting ? said.end : num.start)).pop();
  if (cue !== undefined && !PAST_CLAUSE.test(norm.slice(cue, num.start))) return 'forecast';
  // "the £190m to £210m total capex we're guiding for the year", "the $2 billion we expect to
  // spend": a forecast the amount's own clause states after it.
  if (FORECAST_AFTER.test(norm.slice(num.end).split(/[,;，；。]|\.\s/)[0]!)) return 'forecast';
  // "reaching a net revenue of R$ 20 billion in the year of 2028": a year later than the call's
  // own, named in the number's clause, is a forecast's.
  const later = [...clause.matchAll(/\b(?:in|by|for|until|through|in the year of|during)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|fy\s*)?(20\d\d)\b/g)].some((m) => Number(m[1]) > vocab.fiscalYear);
  if (later) return 'forecast';
  // ("到2027年，公司整体经营利润率达到8%以上", "By 2028, …": a later year the sentence opens on, or names with 到, holds for all of it.)
  const laterBefore = [...upTo.matchAll(/(?:到|至|于|於)\s*(20\d\d)\s*年|^\W*by\s+(?:fiscal\s+(?:year\s+)?|fy\s*)?(20\d\d)\b/g)].some((m) => Number(m[1] ?? m[2]) > vocab.fiscalYear);
  if (laterBefore) return 'forecast';
  return undefined;
}

/** The period a year, another quarter or the paragraph names; else the call's quarter. */
function periodFrame(v: FrameView): Frame {
  const { num, measure, vocab, period, norm, upTo, untilNext, clause, noAmounts, lastYtd, quarterNamed, quarterAfterYtd, quarterAfterValue } = v;
  // (Not inside the measure's own words: "现金加上短期投资" is a list, not "combined with".)
  const other = [...upTo.matchAll(new RegExp(vocab.otherPeriod.source, 'g'))].filter((m) => m.index < measure.start || m.index >= measure.end).pop();
  // "narrowed from $49 million in the second quarter to $38 million": the value after "to" is this quarter's.
  // ("… compares with $128.9 million in the third quarter of 2024, an increase of 10.6%": the
  // change from that period, stated after it, is this quarter's growth.)
  const changeFromIt = num.kind === 'percent' && other !== undefined && /,\s*(?:(?:an?\s+)?(?:increase|decrease|rise|decline|improvement)\s+of|up|down)\s*(?:by\s*)?$/.test(upTo.slice(other.index + other[0].length));
  if (other && !changeFromIt && !quarterAfterValue && !quarterNamed(upTo.slice(other.index + other[0].length)) && !/\bto\b|至|到/.test(upTo.slice(other.index + other[0].length))) return 'prior';
  // "contributed €12 million of revenue in the third quarter of 2024": an earlier year's quarter after the value.
  // (Not the base of a rate of change: "up 7% from the fourth quarter of 2024".)
  const after = vocab.otherPeriod.exec(untilNext);
  const base = num.kind === 'percent' && after !== null && /\b(?:from|over|versus|vs\.?|compared (?:to|with)|on|in relation to|relative to|against|in comparison (?:to|with))\s+(?:the\s+)?$/.test(untilNext.slice(0, after.index));
  if (after && /(?:19|20)\d\d|^[1-4][tq]\d\d$/.test(after[0]) && !base) return 'prior';
  if (vocab.fullYear.test(upTo)) {
    // ("For the full year 2024, revenue was …" in a 2025 call: an earlier year's.)
    const years = [...upTo.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1]));
    return vocab.calendarYears && years.some((y) => y < vocab.fiscalYear) && !years.includes(vocab.fiscalYear) ? 'prior' : 'full-year';
  }
  // "For fiscal 2025, GAAP gross margin was 53.4%", "buybacks during fiscal 2025": the call's own
  // fiscal year is the full year's figure; an earlier one, a comparison (not "fiscal 2025 fourth quarter").
  if (!/quarter|\bq[1-4]\b|季度/.test(norm)) {
    const named = [...`${upTo} ${untilNext}`.matchAll(new RegExp(vocab.namedFiscalYear.source, 'g'))].pop();
    if (named) {
      const y = Number(named[1]);
      const year = y < 100 ? 2000 + y : y;
      if (year === vocab.fiscalYear) return 'full-year';
      if (year < vocab.fiscalYear) return 'prior';
    }
  }
  // "2026 capital expenditures", "our 2025 revenue": a calendar year before the measure, in a company whose years are calendar years.
  const yearBefore = /\b((?:19|20)\d\d)\s+$/.exec(norm.slice(Math.max(0, measure.start - 8), measure.start));
  // (Not the year of a date: "the thirteen weeks ended january 31 2026 net sales were …".)
  const ofDate = /(?:\b\d{1,2}(?:st|nd|rd|th)?,?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s+(?:19|20)\d\d\s+$/.test(norm.slice(Math.max(0, measure.start - 24), measure.start));
  if (yearBefore && !ofDate && vocab.calendarYears && !/quarter|\bq[1-4]\b|季度/.test(upTo)) {
    const y = Number(yearBefore[1]);
    if (y === vocab.fiscalYear) return 'full-year';
    if (y < vocab.fiscalYear) return 'prior';
  }
  // "Total capital expenditure for 2025 was KRW 1.32 trillion", "In 2025, we invested …": the call's
  // own calendar year, named in the number's clause of a sentence that names no quarter, is the year's.
  if (vocab.calendarYears && !/quarter|\bq[1-4]\b|季度|\b[1-4]q\b/.test(norm)) {
    const yearAt = /\b(?:for|in|during|throughout|over)\s+(?:the\s+(?:full\s+|whole\s+)?year\s+(?:of\s+)?|(?:calendar|fiscal)\s+(?:year\s+)?)?(20\d\d)\b/;
    // (Or in an opening phrase: "In 2025, we invested …".)
    const opening = /^\W*\S+\s+[^,]{0,30},/.exec(norm)?.[0];
    const year = yearAt.exec(clause) ?? (opening ? yearAt.exec(opening) : null);
    if (year && Number(year[1]) === vocab.fiscalYear) return 'full-year';
  }
  // "Fiscal year GAAP operating income was …", "Fiscal 2025 revenue was …" (not "Fiscal 2025 third-quarter revenue").
  if (/^\s*fiscal(?:[- ]year)?(?:\s+(?:19|20)\d\d)?\s/.test(norm) && !/quarter|\bq[1-4]\b/.test(upTo)) return 'full-year';
  // (A period the paragraph opened on, "For the first half, …", yields to the call's quarter named
  // with the value: "… 11.9 billion yen in the second quarter".)
  if (period && (quarterAfterValue || (lastYtd ? quarterAfterYtd : quarterNamed(noAmounts)))) return 'quarter';
  // (Nor is a balance at a date the period's: "For the nine months, operating cash flow was …. Cash
  // and deposits at the end of December were ¥118.5 billion." is the quarter's closing balance.)
  if (period === 'year-to-date' && !lastYtd && /\b(?:at\s+the\s+end\s+of|as\s+(?:of|at)|at\s+(?:the\s+)?(?:quarter|period)[- ]end|ended\s+the\s+quarter\s+with)\b|(?:末|底)(?:的)?\s*$/.test(upTo)) return 'quarter';
  return period ?? 'quarter';
}


/** "Q2 FY25", "FY2025 Q2", "Q3 2024", "two years back", "a year ago": another year's quarter named before the value. */
function otherFiscalQuarterBefore(upTo: string, vocab: Vocabulary): boolean {
  if (/(?:^|[,;:]\s*|\.\s+)(?:(?:a|one|two|three|four|five)\s+years?\s+(?:back|ago|earlier))\s*,/.test(upTo)) return true;
  // "兩年前也就是2024年第三季，我們的EPS只有3.98元".
  if (/(?:两|兩|二|三|四|五)年前/.test(upTo)) return true;
  for (const m of upTo.matchAll(/((?:19|20)\d\d)\s*年\s*(?:第\s*)?[一二三四1-4]\s*(?:季|财季|財季)/g)) {
    if (vocab.calendarYears && Number(m[1]) < vocab.fiscalYear) return true;
  }
  for (const m of upTo.matchAll(/\bq([1-4])\s*(?:fy\s*['’]?|fiscal\s+)?((?:19|20)?\d\d)\b|\bfy\s*['’]?((?:19|20)?\d\d)\s*q([1-4])\b/g)) {
    const y = m[2] ?? m[3]!;
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    // (A calendar year after "Q3" is the fiscal year only for calendar-year companies.)
    if ((m[0].includes('fy') || m[0].includes('fiscal') || vocab.calendarYears) && year < vocab.fiscalYear) return true;
  }
  return false;
}

/** A comparison period's value: after "versus"/"from"/"去年同期" in its clause, or followed by "a year ago". */
export function isPrior(p: Parsed, num: NumberMention, measure: Span, vocab: Vocabulary): boolean {
  if (priorOpening(p, num, measure, vocab)) return true;
  return priorMarker(p, num, measure, vocab) ?? priorAfter(p, num, vocab);
}

/** A comparison the sentence or the measure opens with: "This compares to …", `去年同期…`, "prior-year Q1 operating profit …", "In the same period of last year, …". */
function priorOpening(p: Parsed, num: NumberMention, measure: Span, vocab: Vocabulary): boolean {
  const { norm } = p;
  if (vocab.comparisonSentence.test(norm)) return true;
  // "较9月末的79.8亿元", "较年初的…", "较去年同期的…": a value compared against, a date or period before it.
  if (/较[^，。；,;]{0,10}?(?:末|底|初|同期)的?\s*(?:人民币|港元|美元|新台币)?\s*$/.test(norm.slice(Math.max(0, num.start - 24), num.start))) return true;
  // "比年初規劃的48億元略為增加", "较此前指引的…": the earlier plan a forecast is compared with.
  if (/(?:比|較|较)[^，。；,;比較较]{0,10}?(?:規劃|规划|預期|预期|預估|预估|計畫|计划|指引|目標|目标|預算|预算)的?\s*(?:人民币|人民幣|港元|港幣|美元|新台币|新台幣)?\s*$/u.test(norm.slice(Math.max(0, num.start - 24), num.start))) return true;
  // "In the same period of last year, the operating margin of X was 11.4%", "A year ago, …": an
  // English comparison period that opens the sentence dates what it says (unless it names this one).
  const opener = new RegExp(`^\\W*(?:${vocab.priorAfter.source})\\s*,`).exec(norm);
  if (opener && opener[0].length <= num.start && !/\b(?:this|current|now|today)\b/.test(norm.slice(opener[0].length, num.start))) return true;
  // "This compares to a net income of…", "上年同期净收入为…": the comparison names the measure itself.
  const markerBeforeMeasure = [...norm.slice(0, measure.start).matchAll(new RegExp(vocab.priorBefore.source, 'g'))].pop();
  if (markerBeforeMeasure && /^\s*(?:a|an|the|our|its|的)?\s*$/.test(norm.slice(markerBeforeMeasure.index + markerBeforeMeasure[0].length, measure.start))) return true;
  // "prior-year Q1 operating profit was revised to …", "last year's net sales were …": the measure itself is dated earlier.
  if (/\b(?:prior[- ]year|previous[- ]year|year[- ]ago|last\s+year's|last\s+year’s|prior[- ]period|prior[- ]quarter|previous[- ]quarter|last\s+quarter's|last\s+quarter’s)(?:\s+(?:q[1-4]|first[- ]quarter|second[- ]quarter|third[- ]quarter|fourth[- ]quarter|quarter's|quarter’s|quarterly|full[- ]year|period's))?\s+(?:(?:reported|restated|consolidated|group|total)\s+)?$/i.test(norm.slice(Math.max(0, measure.start - 50), measure.start))) return true;
  // "去年同期集团收入为…", "上季度云业务收入为…": a Chinese period that opens the clause dates its subject.
  if (markerBeforeMeasure && /^(?:去年同期|上年同期|去年同季|上季度|上一季度|上个季度|上季|上一季|前一季度|前一季|前季|一年前)$/.test(markerBeforeMeasure[0])) {
    const between = norm.slice(markerBeforeMeasure.index + markerBeforeMeasure[0].length, measure.start);
    const opensClause = /(?:^|[,，;；。:：])\s*$/.test(norm.slice(0, markerBeforeMeasure.index));
    if (opensClause && between.length <= 12 && !/[,，;；。]|相比|相较|对比|增长|下降|增加|减少/.test(between)) return true;
  }
  // "…, compared with RMB 454.7 million with a margin of 17%": a measure brought in by "with" belongs to the comparison.
  if (markerBeforeMeasure && markerBeforeMeasure[0] !== 'from' && /\bwith\s+(?:a|an)?\s*$/.test(norm.slice(0, measure.start)) && !/[;；]/.test(norm.slice(markerBeforeMeasure.index, measure.start))) return true;
  return false;
}

/** A comparison word between the measure and the value ("versus", "from", `相比`): true or false when it decides, undefined when there is none. */
function priorMarker(p: Parsed, num: NumberMention, measure: Span, vocab: Vocabulary): boolean | undefined {
  const { norm } = p;
  // A measure written after the number ("grew from $100 billion in revenue"): look just before the number.
  const betweenStart = measure.start >= num.end ? Math.max(0, num.start - 14) : measure.end;
  const between = norm.slice(betweenStart, num.start);
  const marker = [...between.matchAll(new RegExp(vocab.priorBefore.source, 'g'))].pop();
  if (marker) {
    const sinceMarker = between.slice(marker.index + marker[0].length);
    // "较去年同期增长 10%", "compared to last year, revenue grew 10%": the comparison is the basis of a growth rate.
    const growthAfterMarker = num.kind === 'percent' && (new RegExp(GROWTH_UP.source).test(sinceMarker) || new RegExp(GROWTH_DOWN.source).test(sinceMarker));
    // "grew from X to Y": the value after "to" is the current one.
    const toAfterMarker = /\bto\s*\S{0,6}\s*$|至\s*\S{0,4}\s*$|到\s*\S{0,4}\s*$/.test(sinceMarker) && marker[0] === 'from';
    // Prepositions ("revenue from Cloud was…", "more than") compare only when the value follows them directly.
    // ("more than EUR 750 million", "less than 5%" are bounds, not comparisons.)
    if (marker[0] === 'than' && /\b(?:more|less|fewer)\s+$/.test(between.slice(0, marker.index))) return false;
    const preposition = /^(?:from|than|against)$/.test(marker[0]);
    // "in the range from $587 to $592 million": the start of a range.
    // "accelerated from 11% to 14%", "improved from $49 million to $38 million": a change from the value, which is the earlier one.
    const fromTo = marker[0] === 'from' && /^\s*(?:to|-|–|至|到)\s*(?:us\$|usd|rmb|\$|€)?\s*\d/.test(norm.slice(num.end));
    const markerAt = betweenStart + marker.index;
    // (In a forecast, "expected to grow from 16% to 18%" is a range.)
    if (fromTo && !p.forecastAt.some((f) => f < num.start) && /(?:accelerat\w*|decelerat\w*|grew|grown|rose|risen|increased|improved|expanded|declined|fell|fallen|decreased|slowed|moderated|went|moved|narrowed|widened|climbed|dropped|up|down)\s*$/.test(norm.slice(Math.max(0, markerAt - 30), markerAt))) return true;
    // "Net sales are revised upward from 290.0 billion yen to 305.0 billion yen": the forecast it replaced.
    if (fromTo && /\b(?:revised|raised|lowered|cut|reduced)(?:\s+(?:upward|upwards|downward|downwards|up|down))?\s*$/.test(norm.slice(Math.max(0, markerAt - 30), markerAt))) return true;
    // "up from $5.60 to $5.85 previously": the range the outlook replaced.
    if (fromTo) {
      const end = p.numbers.find((n) => n.start >= num.end);
      const afterEnd = end ? norm.slice(end.end).split(/[,，;；。]/)[0]! : '';
      // "We now expect … of $1.68 to $1.69, up from $1.62 to $1.65": a second range "from … to …"
      // after a forecast range is the one it replaced.
      const earlier = p.numbers.filter((n) => n.end <= markerAt);
      const rangeBefore = earlier.some((n, i) => i > 0 && /^\s*(?:to|-|–|~|and)\s*(?:us\$|usd|rmb|\$|€|£)?\s*$/.test(norm.slice(earlier[i - 1]!.end, n.start)));
      const replaced = rangeBefore && p.forecastAt.some((f) => f < markerAt) && REPLACES_BEFORE.test(norm.slice(Math.max(0, markerAt - 40), markerAt));
      return replaced || new RegExp(`^\\s*(?:${vocab.priorAfter.source})`).test(afterEnd) || /^\s*(?:before|earlier)\s*\.?\s*$/.test(afterEnd);
    }
    // The end of such a replaced range ("…, up from $1.62 to $1.65") is replaced too.
    if (toAfterMarker && p.forecastAt.some((f) => f < markerAt) && REPLACES_BEFORE.test(norm.slice(Math.max(0, markerAt - 40), markerAt))) {
      const earlier = p.numbers.filter((n) => n.end <= markerAt);
      if (earlier.some((n, i) => i > 0 && /^\s*(?:to|-|–|~|and)\s*(?:us\$|usd|rmb|\$|€|£)?\s*$/.test(norm.slice(earlier[i - 1]!.end, n.start)))) return true;
    }
    // ("down from approximately $360 million": a hedge between them still makes it direct.)
    const direct = /^\s*(?:the|a|an)?\s*(?:approximately|about|around|roughly|nearly|almost|some|约|大约)?\s*\S{0,6}\s*$/.test(sinceMarker);
    if (!growthAfterMarker && !toAfterMarker && (!preposition || direct)) return true;
  }
  return undefined;
}

/** A comparison period said after the value ("… a year ago", "… in the prior quarter", "… before."). */
function priorAfter(p: Parsed, num: NumberMention, vocab: Vocabulary): boolean {
  const { norm } = p;
  // (Up to the next number, a spelled one too: "78.3 million pounds up nineteen percent … on last year".)
  const following = p.numbers.find((n) => n.start >= num.end);
  const next = norm.slice(num.end, following ? following.start : undefined);
  const stop = next.search(/\d|[,，;；。]/);
  const tail = stop < 0 ? next : next.slice(0, stop);
  // "up 12% from a year ago": a rate right after its growth word is the change, and the period
  // after it the base of the change (not "down from 43% a year ago", the earlier level).
  const rateOfChange = num.kind === 'percent' && /(?:\bup|\bdown|grew|growth of|increased|decreased|rose|fell|declined|improved)\s*(?:by\s*)?(?:about|approximately|roughly|nearly|almost)?\s*$/.test(norm.slice(Math.max(0, num.start - 30), num.start));
  if (rateOfChange && /^\s*(?:from|versus|vs\.?|compared (?:to|with)|over|on)\s/.test(tail)) return false;
  if (new RegExp(`^\\s*(?:${vocab.priorAfter.source})`).test(tail) || (num.kind !== 'percent' && vocab.priorAfter.test(tail))) return true;
  // "…, from EUR 1.20 billion to EUR 1.30 billion before.": "before" that ends the clause.
  if (/^\s*(?:\S{0,8}\s+)?(?:before|earlier)\s*(?:[.;]|$)/.test(tail) && !/\bbefore\s+\w/.test(tail)) return true;
  return false;
}

/** Sign and direction of a percentage: the last growth word before it (since the previous number), or one right after it. */
export function direction(p: Parsed, num: NumberMention, from: number, previous?: { sign: number; end: number }): number {
  const left = p.norm.slice(from, num.start);
  // "revenue of EUR 608 million, plus 14.8% nominal", "minus 3.2%": a sign word right before the rate.
  if (num.kind === 'percent' && /(?:^|[\s,(])plus\s*$/.test(left)) return 1;
  if (num.kind === 'percent' && /(?:^|[\s,(])minus\s*$/.test(left)) return -1;
  const up = [...left.matchAll(new RegExp(GROWTH_UP.source, 'g'))].pop()?.index ?? -1;
  const lastDown = [...left.matchAll(new RegExp(GROWTH_DOWN.source, 'g'))].pop();
  const down = lastDown?.index ?? -1;
  // "took the net income growth down to 6%", "增速回落至 6%": a growth rate that came down to a
  // level is that level, not a decline.
  if (lastDown && down > up && /^\s*(?:to|至|到)\s*$/.test(left.slice(down + lastDown[0].length)) && /(?:growth|growth rate|增速|增长率|增幅)\s*$/.test(left.slice(0, down))) return 1;
  if (up >= 0 || down >= 0) return down > up ? -1 : 1;
  const after = p.norm.slice(num.end);
  if (GROWTH_AFTER.test(after)) return 1;
  if (DECLINE_AFTER.test(after)) return -1;
  // "24% year-on-year revenue growth", "a 5% sales decline": the word after the measure written after the rate.
  const postfix = postfixMeasure(p, num);
  if (postfix && postfix.start >= num.end) {
    const tail = p.norm.slice(postfix.end);
    if (/^\s*(?:growth|increase)\b/.test(tail)) return 1;
    if (/^\s*(?:decline|decrease)\b/.test(tail)) return -1;
  }
  // "decreased 36.2% year-over-year and 9.5% quarter-over-quarter": the second rate shares the verb.
  if (previous && previous.sign !== 0 && /^\s*(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy|同比)?\s*(?:,|，|and|以及|及|和)\s*$/.test(p.norm.slice(previous.end, num.start))) return previous.sign;
  // "up 32.9% -- sorry, that's 23.9%": the rate said in place of one taken back.
  if (previous && previous.sign !== 0 && RETRACTED.exec(p.norm.slice(previous.end, num.start))?.[0].length === num.start - previous.end) return previous.sign;
  // "grow by 11% to 14%", "增长 8% 至 10%": the end of a range shares its start's direction
  // (not "accelerated from 11% to 14%", where the first rate is the earlier one).
  if (previous && previous.sign !== 0 && /^\s*(?:to|-|–|~|至|到)\s*$/.test(p.norm.slice(previous.end, num.start))) {
    const start = p.numbers.find((n) => n.end === previous.end)?.start ?? previous.end;
    // (In a forecast, "expected to grow from 16% to 18%" is a range.)
    if (!/(?:from|由|从)\s*$/.test(p.norm.slice(Math.max(0, start - 8), start)) || p.forecastAt.some((f) => f < start)) return previous.sign;
  }
  return 0;
}

/** A sentence whose subject is the company forecasting: "We expect…", "For fiscal 2027, we now expect…", "我们预计…". */
/** A clause that opens on the company's forecast and runs on to the number: ", but … we expect 2027 revenue to grow by". */
const WE_FORECAST_CLAUSE = /(?:[,，;；]\s*|\b(?:but|and|so)\s+)(?:(?:based\s+on|assuming|given)\b(?:[^;；.]|\.\d){0,160}?[,，]\s*)?we\s+(?:now\s+|also\s+|still\s+|continue\s+to\s+)?(?:expect|anticipate|forecast|project|guide)\b[^,;，；]*$/;
const WE_FORECAST = /^\W*(?:(?:based\s+on|assuming|given|barring|absent|using)\b(?:[^;；.]|\.\d){0,160}?[,，]\s*|[^,;，；.]{0,40}?(?:[,，]\s*|\s+))?(?:we|我们|公司)\s*(?:now\s+|also\s+|currently\s+|continue\s+to\s+)?(?:expect|anticipate|forecast|project|guide|see|are\s+(?:guiding|targeting|expecting)|预计|预期|目标)/;

/** What explains a figure after it: "…, primarily impacted by items associated with X, a wholly owned subsidiary of Y". */
const EXPLANATION = new RegExp(String.raw`\b(?:${EXPLAINING}|related\s+to|associated\s+with|attributable\s+to\s+the)\b|主要(?:由于|是由于|受|得益于)|由于|受益于|得益于`);

/**
 * The sentence names a part of the company ("segment", "its", "subsidiary") where it can be the
 * figure's: before the number or in what the number's clause says of it, not in an explanation
 * after it ("$340 million, primarily impacted by … a wholly owned subsidiary of PIF").
 */
function entityMarked(p: Parsed, num: NumberMention, vocab: Vocabulary): boolean {
  const why = EXPLANATION.exec(p.norm.slice(num.end));
  const stop = why ? num.end + why.index : p.norm.length;
  return positions(vocab.entityMarkers, p.norm).some((x) => x.start < stop);
}

/**
 * "收入增长指引…上调至11%至12%", "revenue growth guidance to 11% to 12%": a measure named with
 * "growth" (and no decline word) in a forecast makes its rates growth rates.
 */
function growthNoun(p: Parsed, num: NumberMention, measure: Span): number {
  if (measure.end > num.start || !p.forecastAt.some((f) => f < num.start)) return 0;
  if (!/^\s*(?:的)?\s*(?:增长|增速|growth)/.test(p.norm.slice(measure.end, measure.end + 6))) return 0;
  return /下降|下滑|减少|decline|decrease/.test(p.norm.slice(measure.end, num.start)) ? 0 : 1;
}

/** "grew revenue by 9%", "grew total revenue 24%": the verb before the measure gives the direction. */
function verbBeforeMeasure(p: Parsed, num: NumberMention, measure: Span): number {
  if (measure.end > num.start || !/^\s*(?:by\s*)?(?:about|approximately|roughly|nearly|almost|some)?\s*$/.test(p.norm.slice(measure.end, num.start))) return 0;
  const lead = /\b(grew|grow|grows|growing|increased|increase|increases|raised|lifted|boosted|expanded|decreased|decrease|reduced|reduce|lowered|cut|shrank)\s+(?:its\s+|our\s+|their\s+|the\s+)?$/.exec(p.norm.slice(Math.max(0, measure.start - 30), measure.start));
  if (!lead) return 0;
  return /^(?:decrease|reduce|lowered|cut|shrank)/.test(lead[1]!) ? -1 : 1;
}

const HYPOTHETICAL = /(?:如果|假如|假设|倘若|若是)[^。！？]{0,60}?(?:会|将会|的话)|\b(?:if|assuming|suppose)\b[^.;]{0,80}?\b(?:would|were to|could|might)\b|\b(?:that's|that is|it's|it is)\s+(?:a\s+)?hypothetical\b/;

const BREAKDOWN_OPENER = /^\W*(?:从|按)?(?:分地区|分区域|分业务|分板块|分产品|分市场|地区|区域|业务|板块|产品)(?:来)?(?:看|划分|而言)[,，:：]|^\W*(?:by|across)\s+(?:region|geography|geographies|regions|market|markets|product|products|business line|business)\s*,/;

/** "出行业务经调整 EBITA", "新能源装备业务第三季度实现收入": a business, perhaps with a period and a verb, right before the measure. */
const ZH_BUSINESS_BEFORE = /([\u4e00-\u9fff]{2,6}?)(?:业务|業務)(?:的)?(?:第?[一二三四]季度|本季度|单季度|單季度|本期)?(?:实现|實現|录得|錄得|取得)?(?:了)?\s*$/;

const PERIOD_AFTER_PART = /^\s*[,，]?\s*(?:the\s+)?(?:第[一二三四]季度|本季度|单季度|單季度|第[一二三四]季|(?:first|second|third|fourth) quarter|q[1-4]\b|\d{1,2}\s*月)/;

/** A sentence that opens the outlook: `展望第四季`, "Looking ahead to the fourth quarter", "Turning to our outlook". */
const OUTLOOK_OPENING = /^\W*(?:展望(?:下一?季度?|第[一二三四]季度?|明年|全年|未来|20\d\d)|looking\s+(?:ahead|forward)\s+to\s+(?:the\s+)?(?:fourth|third|second|first|next|full|coming)\b|turning\s+(?:now\s+)?to\s+(?:our\s+|the\s+)?(?:outlook|guidance)\b|now\s+(?:to|for)\s+(?:our\s+|the\s+)?(?:outlook|guidance)\b)/;

/** "the revenue guidance for fiscal 2027 is", "our full-year guidance", `全年收入指引`: the company's guidance named as such. */
const COMPANY_GUIDANCE = /\b(?:the|our)\s+(?:(?:full[- ]year|annual|fiscal|revenue|sales|margin|capex|ebitda|ebita|eps|[a-z]+\s+margin)\s+)*guidance\b|全年(?:收入|营收|业绩)?指引/;

/** A measure's own verb before its value: "adjusted EBITDA was 301 million". */
const OWN_VERB = /^\s*(?:margin\s+)?(?:was|were|is|came in|reached|grew|rose|fell|declined|increased|decreased)\b/;

/** The entity: a segment named before the number, else the group when the sentence says so, else the carried topic. */
export function entityOf(p: Parsed, num: NumberMention, metric: Metric, ctx: SentenceContext, measure: Span): { segment: string | null | undefined; rule: string } {
  return namedEntity(p, num, metric, ctx, measure) ?? statedEntity(p, num, metric, ctx, measure) ?? contextEntity(p, num, metric, ctx, measure);
}

/** A line, a part or a segment the sentence names with the number; undefined when it names none. */
function namedEntity(p: Parsed, num: NumberMention, metric: Metric, ctx: SentenceContext, measure: Span): { segment: string | null | undefined; rule: string } | undefined {
  const named = lastBefore(p.segments, num.start);
  // "Group functions and eliminations were minus SEK 110 million": a line between the segments and
  // the group, named after the last segment, is neither.
  const reconciling = positions(ctx.vocab.reconcilingLines, p.norm).filter((r) => r.end <= num.start).pop();
  if (reconciling && (!named || named.start < reconciling.start)) return { segment: null, rule: `entity:reconciling-line '${p.norm.slice(reconciling.start, reconciling.end)}'` };
  const onlyGroup = metric.scope === 'group' && metric.only_group;
  if (onlyGroup) return { segment: 'group', rule: 'entity:group-metric' };
  // "其中第三季度…", "of which the fourth quarter …": a period within the total, not a part of it.
  const partAt = positions(ctx.vocab.partOf, p.norm).find((x) => x.end <= num.start && !PERIOD_AFTER_PART.test(p.norm.slice(x.end, x.end + 16)));
  if (partAt && (!named || named.start < partAt.start) && !ctx.vocab.owners.has(metric.id)) return { segment: undefined, rule: `entity:part-of '${p.norm.slice(partAt.start, partAt.end)}'` };
  // "Within Accommodation, revenue from our software tools was …": a line inside the segment named before it.
  if (p.fromUnknown.some((f) => f < num.start && f >= measure.start)) return { segment: null, rule: 'entity:revenue-from-unnamed-part' };
  // "gross margin was 63.2% for Learning Services, 31.6% for Smart Learning Devices": the segment
  // named right after the number, by "for" or "in", is its own.
  const after = /^\s*(?:for|in|at)\s+(?:the\s+|our\s+)?/.exec(p.norm.slice(num.end));
  const follows = after ? p.segments.find((s) => s.start === num.end + after[0].length) : undefined;
  if (follows) return { segment: follows.value, rule: `entity:named after '${follows.text}'` };
  // "… price increases in Laboratory Diagnostics adjusted EBITDA was 301 million": in words without
  // punctuation, a segment that ends a phrase ("increases in X") right before a measure with its own
  // verb may close the last statement as well as open this one.
  if (named && named.end <= measure.start && /^\s*$/.test(p.norm.slice(named.end, measure.start)) && /[a-z]\s+(?:in|from|at|of)\s+(?:the\s+|our\s+)?$/.test(p.norm.slice(Math.max(0, named.start - 30), named.start)) && OWN_VERB.test(p.norm.slice(measure.end, num.start))) {
    return { segment: null, rule: `entity:named as an object '${named.text}'` };
  }
  // "讓車用電子營收比重超過五成，並把整體營業利益率拉高到15%", "Cloud grew 20%, and overall operating
  // margin reached 15%": a group word right before the measure, in a later clause, is whose it is.
  if (named && p.groupAt.some((g) => g >= named.end && /[,，;；]/.test(p.norm.slice(named.end, g)) && /^[^\s,，;；]+\s*(?:的)?\s*(?:(?:non-?\s?(?:gaap|ifrs)|adjusted|经调整|非公认会计准则)\s*)?$/u.test(p.norm.slice(g, measure.start)))) return { segment: 'group', rule: 'entity:group-words after a segment' };
  // "revenue up 17.8%, subscription up 21%, a 21.5% non-GAAP operating margin": a list item that
  // opens on its own value, its measure after it, is not the segment whose item came before it
  // with a figure of its own (not "Cloud revenue was $40 million, a 12% increase").
  if (named && measure.start >= num.end && /,\s*(?:and\s+)?an?\s+$/.test(p.norm.slice(Math.max(0, num.start - 8), num.start)) && p.numbers.some((n) => n.start > named.end && n.end <= num.start - 3)) return { segment: null, rule: 'entity:next list item' };
  if (named) return { segment: named.value, rule: `entity:named '${named.text}'` };
  return undefined;
}

/** With no segment named: whose the sentence's own words make the number (an accounting basis, the group's words, a part it does not name); undefined when they do not say. */
function statedEntity(p: Parsed, num: NumberMention, metric: Metric, ctx: SentenceContext, measure: Span): { segment: string | null | undefined; rule: string } | undefined {
  // "GAAP operating income", "non-GAAP EPS": accounting bases are the consolidated company's
  // (unless the sentence says whose: "GAAP operating income for the segment").
  const marked = entityMarked(p, num, ctx.vocab);
  // (A possessive that may be the company's, "It reiterated its forecast for non-IFRS operating
  // profit", does not take the basis from the company; "the segment's" or "the division's" does.)
  const markedPart = marked && /\b(?:segment|division|unit|business)\b|分部|板块|板塊|事业部|事業部/.test(p.norm);
  if (!markedPart && (/(?:^|\s)(?:non-?\s?)?(?:gaap|ifrs|hkfrs|statutory)\s+\S*\s*$/.test(p.norm.slice(Math.max(0, measure.start - 14), measure.start + 1)) || /^(?:non-?\s?)?(?:gaap|ifrs|hkfrs|statutory)\b/.test(p.norm.slice(measure.start, measure.end)))) {
    return { segment: 'group', rule: 'entity:accounting-basis' };
  }
  if (ctx.vocab.owners.has(metric.id)) return { segment: ctx.vocab.owners.get(metric.id)!, rule: 'entity:only-segment-reporting-it' };
  if (p.fromUnknown.some((f) => f < num.start)) return { segment: null, rule: 'entity:revenue-from-unnamed-part' };
  // "a 36% increase in overall group EBITDA": group words between the number and a measure after it count too.
  // "分地区看，澳门物业收益为…", "By region, …": a sentence that goes through parts the profile does not name.
  if (BREAKDOWN_OPENER.test(p.norm)) return { segment: null, rule: 'entity:breakdown' };
  // "本季度出行业务经调整 EBITA 为…": a business the profile does not name stands right before the measure.
  const business = ZH_BUSINESS_BEFORE.exec(p.norm.slice(Math.max(0, measure.start - 20), measure.start));
  if (business && !/(?:主营|全部|整体|各项|所有|各|总体|集团|公司|核心)$/.test(business[1]!)) return { segment: null, rule: `entity:unnamed-business '${business[0].trim()}'` };
  // ("NEE 整体收入增长是 11.6%", "the EMEA business as a whole": "整体" after a name the profile does not
  // know is that part's whole, not the group's.)
  const groupWords = p.groupAt.filter((g) => !/(?:^|[^A-Za-z])[A-Z]{2,5}\s*$/.test(p.text.slice(Math.max(0, g - 8), g)) || p.companyAt.some((c) => c.end <= g && g - c.end <= 2));
  if (groupWords.length < p.groupAt.length && groupWords.length === 0) return { segment: null, rule: 'entity:a part as a whole' };
  if (groupWords.some((g) => g < num.start || (measure.start >= num.end && g >= num.end && g < measure.start))) return { segment: 'group', rule: 'entity:group-words' };
  if (marked) {
    // "Turning to our Fluid Handling segment. … segment revenue declined 2%": the current segment.
    // (Not when another name comes first: "our partner Nvidia and its revenue".)
    if (ctx.entity?.kind === 'segment' && p.segments.length === 0 && pointsBack(p.norm, ctx.vocab) && !namesAnotherBefore(p, measure)) return { segment: ctx.entity.id, rule: `entity:refers-back ${ctx.entity.id}` };
    return { segment: null, rule: 'entity:unnamed-part' };
  }
  // "so the revenue guidance for fiscal twenty seven is …": guidance the sentence names as such,
  // with no segment in it, is the company's, whatever segment the talk was on.
  if (p.segments.length === 0 && COMPANY_GUIDANCE.test(p.norm.slice(0, num.start))) return { segment: 'group', rule: 'entity:company-guidance' };
  // "CCB reported net income of $3.6 billion": a business the profile does not name reports it, whatever the topic.
  if (reportsAsOther(p, measure)) return { segment: null, rule: 'entity:unnamed-reporter' };
  return undefined;
}

/** With nothing in the sentence to say whose: the topic carried from earlier sentences, else the group when nothing else can be meant, else unsure. */
function contextEntity(p: Parsed, num: NumberMention, metric: Metric, ctx: SentenceContext, measure: Span): { segment: string | null | undefined; rule: string } {
  if (ctx.entity?.kind === 'part') return { segment: null, rule: 'entity:context unnamed part' };
  // "our third quarter net income of $21.2 billion" after a segment's paragraphs: "our" is the company.
  const ours = /(?:^|[^a-z])our\s+(?:[a-z0-9-]+\s+){0,3}$|我们的?\s*$/.test(p.norm.slice(Math.max(0, measure.start - 40), measure.start));
  if (ours && ctx.entity?.kind === 'segment') return { segment: 'group', rule: 'entity:our' };
  // "Revenue grew 14%, and Aftermarket reached 23% of revenue": a segment named later in the sentence competes with the topic.
  const topic = ctx.entity;
  if (topic?.kind === 'segment' && (p.segments.some((s) => s.start > num.start && s.value !== topic.id) || namesAnotherAfter(p, num) || namesAnotherBefore(p, measure)))
    return { segment: null, rule: 'entity:context contested' };
  // Net income and the like are the group's unless a segment is named with them: a segment
  // carried from earlier sentences is not enough ("… our investment gain lifted net income to …").
  if (ctx.entity?.kind === 'segment' && metric.scope === 'group') return { segment: null, rule: 'entity:context segment, group metric' };
  // "此外，我们预计第四季度车辆毛利率在16%至17%之间" while the group is the topic: the subject names a
  // part of the company (vehicles), not the group.
  if (ctx.entity?.kind === 'group' && metric.scope !== 'group' && unnamedSubject(p, measure, 'han')) return { segment: null, rule: 'entity:unnamed-subject' };
  if (ctx.entity) return { segment: ctx.entity.kind === 'group' ? 'group' : ctx.entity.id, rule: `entity:context ${ctx.entity.kind === 'group' ? 'group' : ctx.entity.id}` };
  if (metric.scope === 'group') return { segment: 'group', rule: 'entity:group-metric' };
  if (unnamedSubject(p, measure)) return { segment: null, rule: 'entity:unnamed-subject' };
  // "Our adjusted operating profit…", "我们的收入…": the company speaking of itself, with no topic set.
  // ("我们这个季度的 revenue", "我们本季度的收入": the period between is no other subject.)
  if (/(?:^|[^a-z])our\s+(?:[a-z-]+\s+){0,3}$|我们(?:这个季度|本季度|第[一二三四]季度|今年|全年)?的?\s*$/.test(p.norm.slice(Math.max(0, measure.start - 40), measure.start))) return { segment: 'group', rule: 'entity:our' };
  if (!ctx.vocab.hasSegments) return { segment: 'group', rule: 'entity:no-segments' };
  if (ctx.groupUntilSegments) return { segment: 'group', rule: 'entity:group-before-segments' };
  if (ctx.afterBreakdown && !ctx.entity && !ctx.afterBreakdown.has(metricFamily(metric, ctx.metrics))) return { segment: 'group', rule: 'entity:group-after-breakdown' };
  // "We expect revenue of £2.25 billion to £2.32 billion", "Based on the current outlook and an
  // exchange rate of 31.8, we expect revenue …": with no segment in view, the company's own forecast.
  // ("…, but based on customer forecasts, we expect 2027 revenue to grow by more than 15%": a later clause of the sentence, the number's own.)
  if ((WE_FORECAST.test(p.norm) || WE_FORECAST_CLAUSE.test(p.norm.slice(0, num.start).replace(/(\d),(?=\d)/g, '$1.'))) && p.forecastAt.some((f) => f < num.start)) return { segment: 'group', rule: 'entity:we-forecast' };
  return { segment: null, rule: 'entity:unsure' };
}

/** A metric's family: the amount its growth rate or margin is of (`operating_margin_pct` -> `operating_income`). */
export function metricFamily(metric: Metric, metrics: ReadonlyMap<string, Metric>): string {
  if (metric.growth_of) return metricFamily(metrics.get(metric.growth_of) ?? metric, new Map());
  for (const m of metrics.values()) if (m.margin === metric.id) return m.id;
  return metric.id;
}

/** Words that may stand before a measure without naming a part of the company (Chinese, normalised). */
const NEUTRAL_HAN = /[一二三四](?:财)?季度?|全年|整年|本年度|本年|下半年|本财年|本财季|本季度|这个季度|该季度|季度|本期|本季|单季|当季|季|预估|预计|预期|估计|展望|将|我们的|我们|集团|公司|整体|合并|总|的|其|今年|去年|同比|环比|第[一二三四]|截至|截止|年|月|日|为|在|了|而|和|及|与|上|下|中|方面|部分|此外|另外|同时|其中|总计|合计|共|实现|录得|达到|达|于|至|受此影响|因此|所以|财年|财季|营业|经营|营运/g;
/** Capitalised words that name no part of the company. */
const NEUTRAL_CAPS = /^(?:We|We're|We've|We'll|Let|Let's|Also|Then|Again|Still|Yes|Well|OK|Okay|Here|There|Today|AI|ML|IT|CEO|CFO|COO|CTO|IR|GAAP|Non-GAAP|IFRS|HKFRS|Statutory|Underlying|Core|Reported|EBIT|Non-IFRS|Non-HKFRS|IAS|EPS|EBITDA|EBITA|FX|US|USD|RMB|HKD|EUR|ADS|ADR|Q[1-4]|FY\d*|I|Our|The|Total|Net|This|That|In|On|For|As|At|By|With|During|And|But|So|Now|Next|Finally|Turning|Moving|Looking|Overall|Adjusted|Operating|Gross|Revenue|Revenues|Sales|Free|Cash|Capital|Diluted|Basic|Consolidated|Quarterly|Third|Second|First|Fourth|Full|Fiscal|Year|Quarter|(?:First|Second|Third|Fourth|Full|Half|Nine|Twelve)-(?:quarter|year|half|month|months))$/;

/**
 * The subject before a measure names something the profile does not ("AWS revenue", "中国零售商业的收入"):
 * a capitalised word other than the first of the clause, or Chinese words that are not neutral.
 */
export function unnamedSubject(p: Parsed, measure: Span, only?: 'han'): boolean {
  const clauseStart = Math.max(p.norm.lastIndexOf(',', measure.start - 1), p.norm.lastIndexOf('，', measure.start - 1), p.norm.lastIndexOf(';', measure.start - 1), p.norm.lastIndexOf('；', measure.start - 1), p.norm.lastIndexOf(':', measure.start - 1), p.norm.lastIndexOf('：', measure.start - 1)) + 1;
  // (A currency written with an amount, "CHF 61.3 million and the operating margin", names nobody.)
  const known = (i: number) => p.segments.some((s) => i >= s.start && i < s.end) || p.companyAt.some((c) => i >= c.start && i < c.end) || p.numbers.some((n) => i >= n.start && i < n.end);
  const before = p.text.slice(clauseStart, measure.start);
  const han = [...p.norm.slice(clauseStart, measure.start).matchAll(/[\u3400-\u9fff]+/g)].filter((m) => !known(clauseStart + m.index));
  if (han.some((m) => m[0].replace(NEUTRAL_HAN, '').length > 0)) return true;
  if (only === 'han') return false;
  // ("Q3", "FY2025": a word with its digits.)
  for (const m of before.matchAll(/[A-Z][A-Za-z0-9&-]*/g)) {
    if (known(clauseStart + m.index) || NEUTRAL_CAPS.test(m[0])) continue;
    return true;
  }
  return false;
}

/** "CCB reported", "the CIB delivered", "Corporate reported": a name in capitals as the subject of a reporting verb. */
const REPORTER = /(?:^\s*|[,;:]\s*|\b(?:and|next|then|finally|so|now)\s*,?\s*)(?:the\s+)?(?<name>[A-Z][A-Za-z&.'’-]*(?:\s+(?:&\s+)?[A-Z][A-Za-z&.'’-]*){0,3})\s+(?:reported|delivered|posted|generated|recorded|achieved)\b/;

/** The clause before the measure has a reporter other than the company, a segment, or a person on the call ("CCB reported net income"). */
export function reportsAsOther(p: Parsed, measure: Span): boolean {
  const clauseStart = Math.max(...[',', '，', ';', '；', '.'].map((c) => p.text.lastIndexOf(c, measure.start - 1))) + 1;
  return unknownReporter(p.text, clauseStart, measure.start, [...p.segments, ...p.companyAt]);
}

/** Between `from` and `to`, a reporter ("CCB reported") that is none of the known names and not a pronoun or a neutral word. */
function unknownReporter(text: string, from: number, to: number, known: readonly Span[]): boolean {
  const m = REPORTER.exec(text.slice(from, to));
  if (!m?.groups) return false;
  const at = from + m.index + m[0].indexOf(m.groups.name!);
  if (known.some((k) => at >= k.start && at < k.end)) return false;
  return !m.groups.name!.split(/\s+/).every((w) => NEUTRAL_CAPS.test(w) || /^(?:We|It|They|Management)$/.test(w));
}

/** "Sensing and Instrumentation was steadier.": a name of two capitalised words or more, not a measure, as the sentence's subject. */
const SUBJECT_NAME = /^\W*(?<name>[A-Z][A-Za-z&'’-]+(?:\s+(?:and|&|of)\s+[A-Z][A-Za-z&'’-]+|\s+[A-Z][A-Za-z&'’-]+){1,3})\s+(?:was|were|had|delivered|grew|saw|posted|remained|continued|performed|declined|rounded out|contributed)\b/;

function unknownSubject(text: string, known: readonly Span[], vocab: Vocabulary): boolean {
  const m = SUBJECT_NAME.exec(text);
  if (!m?.groups) return false;
  const name = m.groups.name!;
  const at = text.indexOf(name);
  if (known.some((k) => at >= k.start && at < k.end)) return false;
  if (name.split(/\s+/).some((w) => NEUTRAL_CAPS.test(w) || /^(?:We|It|They|Management|Chief|Officer)$/.test(w))) return false;
  return vocab.measures.find(normalizeSameLength(name)).length === 0;
}

/** A name in capitals before the measure in the sentence, other than a segment, the company or a neutral word. */
export function namesAnotherBefore(p: Parsed, measure: Span): boolean {
  for (const m of p.text.slice(0, measure.start).matchAll(/(?<![A-Za-z])[A-Z][A-Za-z&-]*/g)) {
    // (A currency written with an amount, "SEK 216 million", names nobody.)
    const known = p.segments.some((s) => m.index >= s.start && m.index < s.end) || p.companyAt.some((c) => m.index >= c.start && m.index < c.end) || p.numbers.some((n) => m.index >= n.start && m.index < n.end);
    if (!known && !NEUTRAL_CAPS.test(m[0]) && !MONTHS.test(m[0]) && !/^(?:Its|It|We|They|Segment|Within|During|Compared|Excluding|Including|Sequentially|Meanwhile|Also|Additionally|Similarly|Likewise|However|Importantly|Notably)$/.test(m[0])) return true;
  }
  return false;
}

const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** A name in Title Case after the number ("…, and Aftermarket Services reached 23%"), other than a segment or the company. */
export function namesAnotherAfter(p: Parsed, num: NumberMention): boolean {
  const rest = p.text.slice(num.end);
  for (const m of rest.matchAll(/(?<=[\s,(])[A-Z][a-z]+(?:\s+(?:&\s+|and\s+)?[A-Z][a-z]+)+/g)) {
    if (MONTHS.test(m[0])) continue;
    // The object of a preposition explains the figure ("driven by a higher deposit margin in
    // Banking & Wealth Management"); it does not state one of its own.
    // (So is the rest of a list the preposition governs: "higher revenues in Markets, Payments and
    // Securities Services".)
    if (/\b(?:in|by|from|of|on|across|at|for|with|through|via)\s+(?:the\s+|our\s+|its\s+)?(?:[A-Z][A-Za-z&-]*(?:\s+[A-Z][A-Za-z&-]*)*,\s+)*(?:and\s+)?$/.test(rest.slice(0, m.index))) continue;
    const at = num.end + m.index;
    if (p.segments.some((s) => at >= s.start && at < s.end) || p.companyAt.some((c) => at >= c.start && at < c.end)) continue;
    // (Nor a name with a measure of its own in a later clause: "…, up 6.2%, and Artisan revenue grew 9.1%".)
    const nameEnd = at + m[0].length;
    if (/^\s*$/.test(p.norm.slice(num.end, at).replace(/^.*?(?:,|;)\s*(?:and|while|whereas|but)?\s*/, '')) && p.measures.some((x) => x.start >= nameEnd && /^\s*$/.test(p.norm.slice(nameEnd, x.start)))) continue;
    return true;
  }
  return false;
}

function qualifier(norm: string, num: NumberMention): Reading['approx'] {
  const tail = norm.slice(Math.max(0, num.start - 16), num.start);
  // "不低于人民币1亿元", "不少于": not less than is at least; "不超过", "不高于": at most.
  if (/(?:不低于|不少于|不小于|至少|at least|no less than|not less than)\s*\S{0,4}\s*$/.test(tail)) return 'more-than';
  if (/(?:不超过|不高于|不多于|至多|at most|no more than|not more than)\s*\S{0,4}\s*$/.test(tail)) return 'less-than';
  // ("revised up to 76 billion yen", "raised up to": the new level, not a ceiling.)
  if (/\b(?:revised|raised|increased|lifted|moved|revising|raising)\s+up\s+to\s*\S{0,4}\s*$/.test(norm.slice(Math.max(0, num.start - 30), num.start))) return undefined;
  if (MORE_THAN.test(tail)) return 'more-than';
  if (LESS_THAN.test(tail)) return 'less-than';
  if (ABOUT.test(tail)) return 'about';
  // "8%以上", "100亿元以上": above, said after the value.
  if (/^\s*(?:以上|或以上|及以上|or more|or above)\b/u.test(norm.slice(num.end, num.end + 10)) || /^\s*(?:以上|或以上|及以上)/u.test(norm.slice(num.end))) return 'more-than';
  if (/^\s*(?:以下|或以下|or less|or below)\b/u.test(norm.slice(num.end, num.end + 10)) || /^\s*(?:以下|或以下)/u.test(norm.slice(num.end))) return 'less-than';
  return undefined;
}

/** A number read as a value of a metric, or why it cannot be one. */
type ValueOf = { metric: Metric; value: number; unit: FigureUnit; basis?: 'yoy' | 'qoq'; rule: string; basisOf?: Hit<Measure> } | { skip: string };

/** Value and unit of a number as a value of `metric`, or why it cannot be one. */
export function valueOf(
  p: Parsed,
  num: NumberMention,
  metric: Metric,
  measure: Hit<Measure>,
  ctx: SentenceContext,
  sign: number,
  prevEnd: number,
): ValueOf {
  // ("自由现金流为 -6.3 亿元", "operating margin was −11.6%": a minus sign written on the number, not a range's dash.)
  const minus = /(?:^|[\s为是：:(（])[-−]$/.test(p.norm.slice(Math.max(0, num.start - 2), num.start));
  // ("were minus SEK 110 million in adjusted EBITA": the sign word on the amount, whatever the measure's place.)
  const signed = num.kind === 'money' && /(?:^|[^a-z])(?:minus|negative)\s+$/.test(p.norm.slice(Math.max(0, num.start - 10), num.start));
  const negative = measure.value.loss || minus || signed || ctx.vocab.negativeBefore.test(p.norm.slice(measure.end, num.start)) ? -1 : 1;
  if (num.kind === 'pp') return { skip: 'value:percentage-points' };
  // "Capital expenditure, including capitalised development of $9.8 million, was $12.5 million":
  // an amount inside an "including" aside after the measure is a part of it.
  if (/[,(（]\s*(?:including|includes|which includes|of which)\b[^,;)）]*$/.test(p.norm.slice(measure.end, num.start))) return { skip: 'value:part-in-an-aside' };
  // "Basic and diluted net income per ADS were $0.43 and $0.42, respectively": the first is basic.
  if (metric.kind === 'per-share' && /\bbasic\s+(?:and|&)\s+$/.test(p.norm.slice(Math.max(0, measure.start - 12), measure.start)) && /\brespectively\b/.test(p.norm.slice(num.end))) {
    if (!p.numbers.some((n) => n.start >= measure.end && n.end <= num.start && n.kind === 'money')) return { skip: 'value:basic-of-basic-and-diluted' };
  }
  if (num.kind === 'percent') return percentValue(p, num, metric, measure, ctx, sign, prevEnd, negative);
  return amountValue(p, num, metric, ctx, negative);
}

/** A percentage as a value of `metric`: a margin, a growth rate and its basis, or a share (left out). */
function percentValue(p: Parsed, num: NumberMention, metric: Metric, measure: Hit<Measure>, ctx: SentenceContext, sign: number, prevEnd: number, negative: number): ValueOf {
  if (ctx.vocab.shareAfter.test(p.norm.slice(num.end))) {
    // "Reported EBIT was EUR 38 million, or 1.6% of revenue": the income measure's margin.
    const amount = p.numbers.filter((n) => n.end <= num.start && n.kind === 'money').pop();
    const owner = amount ? lastBefore(p.measures, amount.start) : undefined;
    const ownerMetric = owner?.value.metric ? ctx.metrics.get(owner.value.metric) : undefined;
    const margin = ownerMetric?.margin ? ctx.metrics.get(ownerMetric.margin) : undefined;
    const or = /^\s*,?\s*or\s*(negative|minus)?\s*$/.exec(p.norm.slice(amount?.end ?? 0, num.start));
    if (margin && amount && or && /^\s*of\s+(?:total\s+|net\s+|segment\s+|group\s+)?(?:revenues?|sales|net sales)\b/.test(p.norm.slice(num.end))) {
      // ("GAAP operating loss was $21.7 million, or negative 5.7% of revenue": the loss's margin is negative.)
      const sign = or[1] || owner!.value.loss ? -1 : negative;
      return { metric: margin, value: sign * num.value, unit: '%', rule: `value:margin-as-share-of-revenue`, basisOf: owner! };
    }
    // "our gross margin rate was 27.6% of sales", "an operating margin of 3.1% of sales": a margin
    // stated as a share of sales is the margin itself.
    if (metric.kind === 'ratio' && measure.end <= num.start && /^\s*of\s+(?:total\s+|net\s+)?(?:revenues?|sales|net sales)\b/.test(p.norm.slice(num.end)) && !p.numbers.some((n) => n.start >= measure.end && n.end <= num.start)) {
      return { metric, value: negative * num.value, unit: '%', rule: 'value:ratio of sales' };
    }
    return { skip: 'value:share-of' };
  }
  if (metric.kind === 'ratio') return { metric, value: negative * num.value, unit: '%', rule: 'value:ratio' };
  // "占智能终端收入的比重提升至 38%": what rose is a share, not the measure.
  if (ctx.vocab.shareBefore.test(clauseBeforeNumber(p.norm.slice(0, num.start)))) return { skip: 'value:share-of' };
  if (sign === 0) return { skip: 'value:percent-without-direction' };
  const growth = ctx.growthOf.get(metric.id);
  if (!growth) return { skip: `value:no-growth-metric-for-${metric.id}` };
  // The basis is written next to each rate: "36.2% year-over-year and 9.5% quarter-over-quarter".
  const rest = p.norm.slice(num.end);
  const nextStop = rest.search(/\d|[，,；;。]/);
  const around = p.norm.slice(Math.max(measure.end, prevEnd), num.start) + (nextStop < 0 ? rest : rest.slice(0, nextStop));
  const opening = p.norm.slice(0, measure.start);
  // ("down 2% from $508 million last quarter": a change from last quarter's amount is sequential.)
  // (Only up to the next rate or "and": "18% from $242.6 million a year ago and 7% from … the prior quarter".)
  const ownRest = rest.split(/\band\b|\d+(?:\.\d+)?\s*(?:%|percent)/)[0]!;
  const fromLastQuarter = /^[^,;，；]*?\b(?:from|versus|vs\.?|compared\s+(?:to|with))\b[^,;，；]*?\b(?:last|the\s+prior|the\s+previous|the\s+preceding)\s+quarter\b/.test(ownRest);
  // "up 3.5% on the fourth quarter of FY26": a rate against a named quarter is sequential when
  // that quarter is the one before the call's, year on year when it is the same quarter a year
  // earlier, and nothing the reader exports otherwise.
  const against = namedQuarterBase(ownRest, ctx.vocab.fiscalQuarter, ctx.vocab.fiscalYear) ?? monthQuarterBase(ownRest, ctx.vocab.quarterEndMonth);
  if (against === 'other') return { skip: 'value:growth-against-another-quarter' };
  return { metric: growth, value: sign * num.value, unit: '%', basis: against ?? (QOQ.test(around) || fromLastQuarter || /^\W*(?:sequentially|环比)/.test(opening) ? 'qoq' : 'yoy'), rule: 'value:growth' };
}

/** An amount as a value of `metric`: its currency (a range's start's, the call's for bare millions) and scale, or why it cannot be one. */
function amountValue(p: Parsed, num: NumberMention, metric: Metric, ctx: SentenceContext, negative: number): ValueOf {
  if (metric.kind === 'ratio' || metric.kind === 'percent') return { skip: 'value:amount-for-a-ratio' };
  if (metric.kind === 'count') {
    if (num.kind === 'count') return { metric, value: num.value, unit: 'count', rule: 'value:count' };
    // Speech recognition writes "$50 million" for 50 million members; an explicit currency is money.
    if (num.bareDollar) return { metric, value: num.value, unit: 'count', rule: 'value:count-written-with-dollar' };
    return { skip: 'value:not-a-count' };
  }
  // "KRW 4.85 trillion to 5.15 trillion": the end of a range shares its start's currency.
  const rangeStart = p.numbers.filter((n) => n.end <= num.start).pop();
  if (!num.currency && num.exp && rangeStart?.kind === 'money' && rangeStart.currency && /^\s*(?:to|-|–|~|至|到)\s*$/.test(p.norm.slice(rangeStart.end, num.start))) {
    num = { ...num, kind: 'money', currency: rangeStart.currency, ...(rangeStart.bareYuan ? { bareYuan: true } : {}), ...(rangeStart.bareDollar ? { bareDollar: true } : {}) };
  }
  // "新台幣 85 億元至 90 億元": a bare 元 at the end of a range is its start's currency.
  if (num.bareYuan && rangeStart?.kind === 'money' && rangeStart.currency && !rangeStart.bareYuan && /^\s*(?:to|-|–|~|至|到)\s*$/.test(p.norm.slice(rangeStart.end, num.start))) {
    num = { ...num, currency: rangeStart.currency, bareYuan: false };
  }
  // "operating income EBIT was 214 million giving a margin of 18.1%": a money measure's bare
  // millions, in a call that reports in one currency, are in that currency (not "2.1 million shares").
  let implied = '';
  if (num.kind === 'count' && !num.currency && (num.exp ?? 0) >= 6 && ctx.implied && BARE_AMOUNT_AFTER.test(p.norm.slice(num.end))) {
    num = { ...num, kind: 'money', currency: ctx.implied as NonNullable<NumberMention['currency']> };
    implied = ` · currency:implied ${ctx.implied}`;
  }
  if (num.kind !== 'money' || !num.currency) return { skip: 'value:no-currency' };
  if (metric.currency && num.currency !== metric.currency) return { skip: 'value:other-currency' };
  const scaled = num.unitValue >= 1e4 || Math.abs(num.value) >= 1e5;
  if (metric.kind === 'per-share') {
    if (scaled) return { skip: 'value:amount-for-per-share' };
  } else if (!scaled || num.perShare) return { skip: 'value:per-share-amount' };
  const unit = (num.bareYuan ? (ctx.yuan ?? num.currency) : num.bareDollar && ctx.dollar ? ctx.dollar : num.currency) as FigureUnit;
  const note = num.bareYuan ? ` · currency:bare-yuan as ${unit}` : num.bareDollar && ctx.dollar ? ` · currency:bare-dollar as ${unit}` : implied;
  return { metric, value: negative * num.value, unit, rule: `${negative < 0 ? 'value:negative' : 'value:level'}${note}` };
}

const BASE_QUARTER = /^\s*(?:year[- ]over[- ]year\s+|sequentially\s+)?(?:on|over|from|versus|vs\.?|compared\s+(?:to|with)|against)\s+(?:the\s+)?(?:(first|second|third|fourth)\s+quarter|q([1-4]))(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|fy\s*'?)?(\d{4}|\d{2}))?\b/;

/** The basis of a rate written against a named quarter ("on the fourth quarter of FY26"): undefined when it names none. */
function namedQuarterBase(rest: string, callQ: number, callFy: number): 'qoq' | 'yoy' | 'other' | undefined {
  const m = BASE_QUARTER.exec(rest);
  if (!m) return undefined;
  const q = m[1] ? ['first', 'second', 'third', 'fourth'].indexOf(m[1]) + 1 : Number(m[2]);
  const fy = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : undefined;
  const prev = callQ === 1 ? { q: 4, fy: callFy - 1 } : { q: callQ - 1, fy: callFy };
  if (q === prev.q && (fy === undefined || fy === prev.fy)) return 'qoq';
  if (q === callQ && fy === callFy - 1) return 'yoy';
  return 'other';
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const BASE_MONTH_QUARTER = new RegExp(`^\\s*(?:year[- ]over[- ]year\\s+|sequentially\\s+)?(?:on|over|from|versus|vs\\.?|compared\\s+(?:to|with)|against)\\s+(?:the\\s+)?(${MONTH_NAMES.join('|')})\\s+quarter(\\s+(?:of\\s+)?last\\s+year|\\s+a\\s+year\\s+ago)?\\b`);

/**
 * The basis of a rate written against a quarter named by its last month, as Australian
 * companies name theirs ("up fourteen percent on the september quarter last year", "up three
 * percent on the june quarter"): the same month last year is year on year, the quarter before
 * the call's sequential; undefined when it names none, or the call's own month without a year.
 */
function monthQuarterBase(rest: string, endMonth: number): 'qoq' | 'yoy' | 'other' | undefined {
  const m = BASE_MONTH_QUARTER.exec(rest);
  if (!m) return undefined;
  const month = MONTH_NAMES.indexOf(m[1]!) + 1;
  if (month === endMonth) return m[2] ? 'yoy' : undefined;
  if (!m[2] && month === ((endMonth + 8) % 12) + 1) return 'qoq';
  return 'other';
}

/** What may follow a bare amount of money: punctuation, the end, a filler, or words that go on about it ("214 million up 9.5%", "231 million in the quarter", "198.3 million um that's"), never a noun it counts ("2.1 million shares"). */
const BARE_AMOUNT_AFTER = /^\s*(?:$|[,.;:!?)]|(?:up|down|in|for|from|compared|versus|vs|or|and|giving|which|that|this|the|with|reported|at|plus|minus|an?|so|but|as|is|was|were|of\s+(?:which|this)|to\s+(?=\d)|um|uh|er|erm)\b)/;

/** Under a declared non-GAAP basis, the metric a GAAP term stands for (`none` when there is none); undefined when unchanged. */
export function underNonGaap(metric: Metric, measure: Hit<Measure>, ctx: SentenceContext, before: string, after = ''): Metric | 'none' | undefined {
  // "Operating profit on a non-IFRS basis, …": the basis written right after the measure.
  // ("Operating profit on an adjusted, or non-IFRS, basis climbed 15% to …".)
  if (metric.under_non_gaap && /^\s*,?\s*on\s+an?\s+(?:non-?\s?(?:gaap|ifrs|hkfrs)|adjusted|underlying|core)(?:,?\s+or\s+[a-z-]+,?)?\s+basis\b/.test(after)) return metric.under_non_gaap === 'none' ? 'none' : ctx.metrics.get(metric.under_non_gaap);
  if (!ctx.nonGaap || !metric.under_non_gaap || /^gaap/.test(measure.text) || /(?<!non-?\s?)gaap\s*$/.test(before)) return undefined;
  if (metric.under_non_gaap === 'none') return 'none';
  return ctx.metrics.get(metric.under_non_gaap);
}

/** What the numbers read before in the sentence leave for the next one. */
interface Before {
  /** End of the previous number. */
  readonly end: number;
  readonly money?: NumberMention;
  readonly rate?: { sign: number; end: number };
  readonly frame?: { frame: Frame };
  /** The measure of the previous number, when it had a metric. */
  readonly measure?: { readonly hit: Hit<Measure>; readonly kind: NumberMention['kind'] };
}

/**
 * Why a number is no figure of the call, whatever its measure: a conversion into another currency,
 * a figure marked "(sic)" or taken back (the right rate keeps the direction of the one taken
 * back: `rate`), the same earnings restated per share, a part of the amount before, others'
 * estimates, an earlier outlook; undefined when none of these.
 */
function numberAside(p: Parsed, num: NumberMention, before: Before): { rule: string; rate?: { sign: number; end: number } } | undefined {
  // "RMB 2.73, or US$0.38": the same amount in another currency ("$2.0 billion, or $4.50 per share" is not).
  const was = before.money;
  if (was && num.kind === 'money' && was.currency !== num.currency && CONVERSION_BETWEEN.test(p.norm.slice(was.end, num.start))) return { rule: 'value:currency-conversion' };
  // "RMB 36.5 billion (sic) [RMB 26.5 billion]": the transcriber marks the figure as said in error.
  if (/^\s*[(（\[]\s*(?:sic|原文如此)\s*[)）\]]/i.test(p.norm.slice(num.end))) return { rule: 'value:marked-sic' };
  // "152 billion yen -- sorry, 15.2 billion yen", "A$223.8 million -- I'm sorry, A$232.8 million":
  // the speaker takes the figure back and says the right one.
  const retraction = RETRACTED.exec(p.norm.slice(num.end));
  // (The measure may be said again before the right one: "营业利益为36.8亿元——抱歉，这边更正一下，营业利益是38.6亿元".)
  const restatedAfter = (n: NumberMention) => n.start >= num.end + retraction![0].length && /^[\p{Script=Han}a-z ]{0,30}?(?:是|为|was|is)?\s*$/u.test(p.norm.slice(num.end + retraction![0].length, n.start));
  if (retraction && p.numbers.some((n) => n.start > num.end && n.kind === num.kind && restatedAfter(n) && !p.numbers.some((m) => m.start > num.end && m.start < n.start))) {
    // ("up 32.9% -- sorry, that's 23.9%": the right rate keeps the direction of the one taken back.)
    return { rule: 'value:taken-back', ...(num.kind === 'percent' ? { rate: { sign: direction(p, num, before.end, before.rate), end: num.end } } : {}) };
  }
  // "RMB 2.01 per ADS, or RMB 0.25 per ordinary share": the same earnings restated per share.
  // ("Diluted earnings per share were RMB 0.25, or RMB 2.01 per ADS": the first stands.)
  if (before.money && /^\s*,?\s*or\s*$/.test(p.norm.slice(before.end, num.start).replace(/^\s*per\s+(?:ads|adr)\b/, '')) && /^\s*per\s+(?:ordinary|common|class\s+[a-z])\s+share|^\s*per\s+(?:ads|adr|american depositary)\b/.test(p.norm.slice(num.end)) && /\b(?:ads|adr|per share|per ordinary share)s?\b/.test(p.norm.slice(0, num.start))) return { rule: 'value:per-share-restated' };
  // "revenue of $421 million to $425 million, which includes roughly $8 million from Lumetry",
  // "$15 million to fiscal 2026 revenue, including the $3.1 million in Q2": a part of the amount before.
  if (before.money && INCLUDED_PART.test(p.norm.slice(before.end, num.start))) return { rule: 'value:included-part' };
  // "of the £190m to £210m total capex we're guiding for the year, Leeds is about £95m": a part of
  // the total the sentence opens with.
  if (PART_OF_TOTAL.test(p.norm.slice(0, num.start))) return { rule: 'value:part-of-total' };
  // "the 1.27 billion euros analysts had expected", "ahead of the 1.89 euros expected by analysts",
  // "a consensus of $2.10": others' estimates, not the company's figures.
  if (OTHERS_EXPECT_AFTER.test(p.norm.slice(num.end, num.end + 48)) || OTHERS_EXPECT_BEFORE.test(p.norm.slice(Math.max(0, num.start - 48), num.start))) return { rule: 'frame:others-estimate' };
  // "In July, we guided full-year revenue of $7.10 billion to $7.25 billion": an earlier outlook.
  if (EARLIER_GUIDANCE.test(p.norm.slice(0, num.start))) return { rule: 'frame:earlier-guidance' };
  return undefined;
}


/**
 * Whether `num` ends a range the previous number starts ("$1.5 billion to $2.0 billion",
 * "between $1.5 billion and $2.0 billion"): the end takes the start's measure, whatever words
 * follow it ("… of shares over the year").
 */
function endsRange(p: Parsed, num: NumberMention, before: Before): boolean {
  if (!before.measure || before.measure.kind !== num.kind) return false;
  const start = p.numbers.find((n) => n.end === before.end);
  if (!start) return false;
  const joiner = p.norm.slice(before.end, num.start);
  if (RANGE_TO.test(joiner)) return true;
  return RANGE_AND.test(joiner) && BETWEEN_BEFORE.test(p.norm.slice(Math.max(0, start.start - 16), start.start));
}

/** Every number of a sentence with its decision. */
export function readSentence(text: string, ctx: SentenceContext): Reading[] {
  const p = parse(text, ctx.vocab, ctx.metrics, ctx.previousMetric);
  // A question ("why add a new KRW 200 billion buyback?") states nothing, even in an executive's mouth.
  if (/[?？]\s*["”’)]?\s*$/.test(text)) return p.numbers.map((num) => ({ number: p.text.slice(num.start, num.end), start: num.start, decision: 'skip' as const, rule: 'sentence:question' }));
  let before: Before = { end: 0 };
  const readings = p.numbers.map((num) => {
    const step = readNumber(p, num, before, ctx);
    before = step.next;
    return step.reading;
  });
  const none = noBuyback(p, ctx);
  return none ? [...readings, none] : readings;
}

/**
 * "We did not repurchase any shares in Q1", "We did not utilize our repurchase program in Q2":
 * the quarter's buyback was zero, in the call's currency. Only in the past tense, for the call's
 * own quarter (no other period or quarter named), and never a plan ("we do not intend to…").
 */
const NO_BUYBACK =
  /\b(?:we|the company)\s+(?:did not|didn't|did not make any|made no)\s+(?:repurchase|buy\s?back|share repurchases?|repurchases?|buybacks?)\b|\b(?:did not|didn't)\s+(?:utilize|use|execute|activate|make use of)\s+(?:any of\s+)?(?:our|the)\s+(?:share\s+|stock\s+)?(?:repurchase|buyback)\s+(?:program|programme|authorization|authorisation)\b|\bthere were no (?:share\s+|stock\s+)?(?:repurchases|buybacks)\b|\bno shares were (?:repurchased|bought back)\b/;
function noBuyback(p: Parsed, ctx: SentenceContext): Reading | undefined {
  if (!ctx.currency || !ctx.metrics.has('buyback_usd')) return undefined;
  const m = NO_BUYBACK.exec(p.norm);
  if (!m) return undefined;
  const quarters = [...p.norm.matchAll(/\bq([1-4])\b|\b(first|second|third|fourth) quarter\b/g)].map((q) => (q[1] ? Number(q[1]) : ['first', 'second', 'third', 'fourth'].indexOf(q[2]!) + 1));
  if (quarters.some((q) => q !== ctx.vocab.fiscalQuarter)) return undefined;
  if (/\b(?:last|prior|previous) (?:year|quarter)|\ba year ago\b|\byear[- ]to[- ]date\b|\bsince\b|\b(?:19|20)\d\d\b/.test(p.norm) || ctx.period) return undefined;
  return { number: p.text.slice(m.index, m.index + m[0].length), start: m.index, decision: 'figure', frame: 'quarter', rule: 'metric:no-buyback · value:zero · entity:group · frame:quarter', metric: 'buyback_usd', segment: 'group', value: 0, unit: ctx.currency as FigureUnit, precision: 1 };
}

/** One number: its measure, time frame, value and entity, in that order; the first that rules it out decides. */
function readNumber(p: Parsed, num: NumberMention, before: Before, ctx: SentenceContext): { reading: Reading; next: Before } {
  const base = { number: p.text.slice(num.start, num.end), start: num.start };
  let next: Before = { end: num.end, ...(num.kind === 'money' ? { money: num } : {}), ...(before.rate ? { rate: before.rate } : {}), ...(before.frame ? { frame: before.frame } : {}) };
  const skip = (rule: string, frame?: Frame) => ({ reading: { ...base, decision: 'skip' as const, rule, ...(frame ? { frame } : {}) }, next });
  // A number said in error, restated, another's estimate, a part of the one before: none of the call's figures.
  const aside = numberAside(p, num, before);
  if (aside) {
    if (aside.rate) next = { ...next, rate: aside.rate };
    return skip(aside.rule);
  }
  const measure = endsRange(p, num, before) ? before.measure!.hit : measureOf(p, num, ctx.metrics);
  if (!measure) return skip('metric:none');
  if (!measure.value.metric) return skip(`metric:other-measure '${measure.text}'${measure.value.head ? ' (a line of revenue)' : ''}`);
  // "Below adjusted EBITA, we had €29 million of amortisation": a place in the income statement, not the measure.
  if (/\b(?:below|above)\s+(?:the\s+)?$/.test(p.norm.slice(Math.max(0, measure.start - 12), measure.start)) && measure.end <= num.start) return skip(`metric:line-position '${measure.text}'`);
  const alias = ctx.metricAliases[measure.value.metric];
  const metric = ctx.metrics.get(alias ?? measure.value.metric)!;
  let frame = frameOf(p, num, measure, before.end, ctx.vocab, before.frame, ctx.period);
  // "a net loss of $51.2 million, or $0.29 per share, a year ago": the per-share amount shares the amount's period.
  if (measure.start >= num.end && before.frame?.frame === 'prior' && /^\s*,?\s*or\s*\S{0,4}\s*$/.test(p.norm.slice(before.end, num.start))) frame = 'prior';
  const sign = num.kind === 'percent' ? direction(p, num, Math.max(measure.end, before.end), before.rate) || verbBeforeMeasure(p, num, measure) || growthNoun(p, num, measure) : 0;
  next = { ...next, frame: { frame }, measure: { hit: measure, kind: num.kind }, ...(num.kind === 'percent' ? { rate: { sign, end: num.end } } : {}) };
  const read = valueOf(p, num, metric, measure, ctx, sign, before.end);
  if ('skip' in read) return skip(read.skip, frame);
  // (A margin given as a share of revenue takes the basis of the income measure it belongs to.)
  const basisMeasure = read.basisOf ?? measure;
  const basis = underNonGaap(read.metric, basisMeasure, ctx, p.norm.slice(Math.max(0, basisMeasure.start - 12), basisMeasure.start), p.norm.slice(basisMeasure.end, basisMeasure.end + 40));
  if (basis === 'none') return skip('basis:non-gaap-declared, no such metric', frame);
  const final = basis ? { ...read, metric: basis, rule: `${read.rule} · basis:non-gaap-declared` } : read;
  if (frame !== 'quarter' && frame !== 'full-year' && frame !== 'forecast' && frame !== 'forecast-cc') return skip(`frame:${frame}`, frame);
  // (A margin given as a share of revenue is the entity's whose income it is: "GAAP operating
  // income was $1.07 billion, or 15.4% of revenue" is the group's, whatever the topic.)
  const entity = entityOf(p, num, final.metric.growth_of ? (ctx.metrics.get(final.metric.growth_of) ?? final.metric) : final.metric, ctx, basisMeasure);
  // A part of what was named ("其中…"): the figure is not the entity's, and the part has no metric of its own.
  if (entity.segment === undefined) return skip(entity.rule, frame);
  const approx = qualifier(p.norm, num);
  const term = `metric:term '${measure.text}'${measure.value.via ? ` (${measure.value.via})` : ''}${alias ? ` read as ${alias}` : ''}`;
  return {
    reading: {
      ...base,
      decision: frame === 'forecast' || frame === 'forecast-cc' ? 'guidance' : 'figure',
      frame,
      rule: [term, final.rule, entity.rule, `frame:${frame}`].join(' · '),
      metric: final.metric.id,
      segment: entity.segment,
      value: final.value,
      unit: final.unit,
      ...(final.basis ? { basis: final.basis } : {}),
      ...(approx ? { approx } : {}),
      precision: num.unitValue,
    },
    next,
  };
}

/** The period a sentence makes the topic of its paragraph: "In the first nine months of 2025, …" (an opener before any number). */
export function periodTopicOf(text: string, vocab: Vocabulary): Frame | undefined | null {
  const norm = normalizeSameLength(text);
  const first = findNumbers(norm).find((n) => n.kind !== 'plain')?.start ?? norm.length;
  const opening = norm.slice(0, Math.min(first, 60));
  // (Not a reason the sentence gives, "Given the year-to-date performance, we are raising …", nor
  // the period as an attribute, "our year-to-date results": neither says the figures are the period's.)
  const ytd = new RegExp(vocab.yearToDate.source).exec(opening);
  const cause = /^\W*(?:given|based on|reflecting|considering|in light of|on the back of|thanks to|鉴于|基于|考虑到)\b/.test(opening);
  const attribute = ytd !== null && /^\s*(?:performance|results|trends?|momentum|strength|trajectory|progress|run[- ]rate|execution)\b/.test(opening.slice(ytd.index + ytd[0].length));
  if (ytd && !cause && !attribute) return 'year-to-date';
  // "全年公司实现收入142.85亿元…；归属于母公司股东的净利润12.36亿元…": a clause that opens on the whole
  // year and ends with a semicolon shares it with the clauses after it.
  if (/^\W*(?:(?:20\d\d\s*年)?全年|全财年|(?:for|in)\s+the\s+full(?:[- ]fiscal)?[- ]year\b)/.test(opening) && /[；;]\s*$/.test(norm) && !cause) return 'full-year';
  // "In the quarter, …", "本季度…": back to the quarter.
  if (/(?:this|the) quarter|(?:本|这个|该)季度|q[1-4]\b|(?:first|second|third|fourth) quarter|第[一二三四]季度/.test(opening)) return null;
  return undefined;
}

/** "in the quarter", "during the October to December quarter", "this quarter": the call's quarter, said in the clause. */
/**
 * "第三季度公司累计", "本季度累计": 累计 that sums within this quarter (not "前三季度累计", the year to
 * date, nor "截至本季度末我们已累计", a total to the quarter's end).
 */
const ZH_QUARTER_TOTAL = /((?:^|[^前至止])(?:第[一二三四]季度|本季度|单季度|当季)(?![末底])[^，。；,;0-9已]{0,12}?)累计/g;
/** Words that name a quarter as the period of a value: "the second quarter", "in the quarter", "three months", `第三季度`. */
const QUARTER_PHRASE = /\b(?:(?:the|this)\s+(?:first|second|third|fourth)\s+quarter|(?:in|for|during)\s+the\s+quarter|this\s+quarter|the\s+three\s+months|three\s+months|q[1-4])\b|第[一二三四]季度|本季度|单季度|單季度|本季/;

/** A sentence that opens on the quarter: "In the fourth quarter, …", "During the quarter, …". */
const QUARTER_OPENING = /^\W*(?:in|during|for)\s+the\s+(?:(?:third|second|first|fourth|current|latest)\s+)?quarter\s*,/;
const QUARTER_IN_CLAUSE = /\b(?:in|during|for)\s+the\s+(?:(?:[a-z]+\s+to\s+[a-z]+|third|second|first|fourth|current|latest)\s+)?quarter\b|\bthis\s+quarter\b|\bin\s+q[1-4]\b|(?:^|[^前])(?:本季度|本季|单季度|當季|当季)/;
/** A span of several years: "over 2025 to 2027", "between 2024 and 2026", "for 2025–2027", "FY25-27". */
const YEAR_SPAN = /\b(?:over|from|between|for|during|in|across)\s+(?:the\s+(?:years?|period)\s+)?(?:fy\s*)?(?:19|20)\d\d\s*(?:to|and|through|-|–|—)\s*(?:fy\s*)?(?:(?:19|20)\d\d|\d\d)\b/;
/** The words of the number's own clause before it. */
const clauseBeforeNumber = (upTo: string) => upTo.split(/[,;，；。]/).pop() ?? upTo;

/** "The main drivers were …", "The reasons were …": a sentence that lists what drove a result. */
const DRIVERS_SENTENCE = /^\W*(?:the\s+)?(?:(?:main|key|primary|biggest|largest)\s+)?(?:drivers?|reasons?|contributors?|factors?)\s+(?:were|was|are|is|included|being)\b/;

/** Every part word of the sentence points back to the current segment ("the segment", "its", `该分部`). */
export function pointsBack(norm: string, vocab: Vocabulary): boolean {
  const back = positions(vocab.segmentAnaphora, norm);
  const markers = [...positions(vocab.entityMarkers, norm), ...positions(vocab.partTopics, norm)];
  return markers.length > 0 && markers.every((m) => back.some((b) => m.start >= b.start && m.end <= b.end));
}

/** The entity a sentence makes the topic of what follows: "Turning to X", "X方面", "on a consolidated basis". */
/** "分业务来看，", "从业务板块看，": a Chinese sentence that opens a breakdown by business. */
const ZH_BREAKDOWN_START = /^\W*(?:从|按|以)?(?:分业务|分板块|业务板块|各业务|分产品|产品别)(?:来)?(?:看|划分|而言)[,，:：]/;

/** Every part at once: "the three segments", "all our divisions", "each of our businesses", `三大分部`, `各分部`. */
const ALL_PARTS = /\b(?:all|both|each|every)\s+(?:of\s+)?(?:the\s+|our\s+|its\s+)?(?:(?:two|three|four|five|six)\s+)?(?:business\s+|operating\s+|reporting\s+)?(?:segments?|divisions?)$|\b(?:the|our|its)\s+(?:two|three|four|five|six)\s+(?:business\s+|operating\s+|reporting\s+)?(?:segments|divisions)$|(?:[两二三四五六]大|各个?|所有)(?:业务)?(?:分部|板块|事业部)$/;

/**
 * "经营利润方面。", "现金流方面：": a sentence that is only a measure and 方面, heading the CFO's walk
 * through one line of the accounts: the company's, until a segment is named.
 */
const ZH_MEASURE_HEADING = /^\s*([\p{Script=Han}a-z -]{2,12}?)\s*方面\s*[。：:]\s*$/u;

function measureHeading(norm: string, vocab: Vocabulary): boolean {
  const h = ZH_MEASURE_HEADING.exec(norm);
  if (!h) return false;
  const term = h[1]!.trim();
  return vocab.segments.find(term).length === 0 && vocab.measures.find(term).some((m) => m.start === 0 && m.end === term.length && m.value.metric !== null);
}

/** A sentence that announces what the speaker will go through: "Let me talk about Cloud", "I'll review Films next". */
const ANNOUNCES = /\b(?:talk|speak)\s+(?:a\s+(?:bit|little)\s+)?about\b|\b(?:discuss|review|cover|comment\s+on|walk\s+(?:you\s+)?through|go\s+through|focus\s+on|look\s+at|start\s+with|begin\s+with|turn\s+to)\b|(?:来看|来谈|谈谈|介绍|回顾)/i;

/**
 * A segment named in passing: a sentence that states no figure and is neither a heading
 * ("Second, Specialty Chemicals.") nor a transition ("Turning to …", "Let me talk about …")
 * but says something about the segment ("Battery Materials became our largest business for the
 * full year"). It is the topic of the rest of its paragraph only: a speaker who turns to a
 * segment says so, and the next paragraph of a CEO's remarks is not that segment's.
 */
export function passingMention(text: string, vocab: Vocabulary): boolean {
  const norm = normalizeSameLength(text);
  if (findNumbers(norm).some((n) => n.kind !== 'plain')) return false;
  if (positions(vocab.topicOpeners, norm).length > 0 || positions(vocab.topicAfter, norm).length > 0 || ANNOUNCES.test(norm)) return false;
  const segs = vocab.segments.find(norm);
  if (segs.length === 0) return false;
  let rest = norm;
  for (const s of segs) rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end);
  // A heading names the segment with at most an ordinal or a connective around it.
  const words = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  const cjk = (rest.match(/\p{Script=Han}/gu) ?? []).length;
  return words.length + cjk > 4;
}

export function topicOf(text: string, vocab: Vocabulary): Entity | undefined {
  const norm = normalizeSameLength(text);
  if (measureHeading(norm, vocab)) return { kind: 'group' };
  // "展望第四季，…我們預期第四季營收將介於…", "Looking ahead to the fourth quarter, we expect …": an
  // outlook that names no segment is the company's, and so are the forecasts after it.
  if (OUTLOOK_OPENING.test(norm) && vocab.segments.find(norm).length === 0) return { kind: 'group' };
  // "The main drivers were price, … and a better mix in Service": a sentence that explains what
  // came before names what drove it, not what comes next.
  if (DRIVERS_SENTENCE.test(norm)) return undefined;
  // (A revenue line, "Subscription gross margin was 82.5%.", is named where it is meant.)
  // (Nor one in a clause that defines a measure: "Adjusted operating profit, which is after the amortisation of software, was …".)
  const defining = definingClauses(norm, vocab.measures.find(norm));
  const segs = vocab.segments.find(norm).filter((s) => !EXPLAINS_BEFORE.test(norm.slice(0, s.start)) && !vocab.revenueLines.has(s.value) && !defining.some((d) => s.start >= d.start && s.end <= d.end));
  // ("分业务来看，在线游戏收入占总收入的 50%，广告及营销服务占 31%，云服务占 13%", "By segment, Canada …,
  // United States …": a breakdown through several segments makes none of them the topic.)
  const breakdown = new Set(segs.map((s) => s.value)).size >= 2 && (ZH_BREAKDOWN_START.test(norm) || /^\W*by\s+(?:segment|division|business)s?\s*,/.test(norm));
  for (const o of breakdown ? [] : positions(vocab.topicOpeners, norm)) {
    const seg = segs.find((s) => s.start >= o.end && s.start - o.end <= 24);
    if (seg) return { kind: 'segment', id: seg.value };
  }
  for (const a of positions(vocab.topicAfter, norm)) {
    const seg = segs.find((s) => s.end <= a.start && a.start - s.end <= 4);
    if (seg) return { kind: 'segment', id: seg.value };
  }
  const numbers = findNumbers(norm).filter((n) => n.kind !== 'plain');
  const first = numbers[0]?.start ?? norm.length;
  // (Not a segment that is the object of what the sentence does: "我们对智能硬件分部计提了减值"
  // speaks of the company's charge, and what follows need not be the segment's.)
  const object = (s: { start: number }) => /(?:^|[^于於])对\s*(?:该|其)?$|(?:^|[^于於])對\s*$/u.test(norm.slice(Math.max(0, s.start - 4), s.start));
  const named = new Set(segs.filter((s) => s.start < first && !object(s)).map((s) => s.value));
  // A sentence that goes through several segments ("we expect Accommodation revenue to grow by
  // 13%, Transportation revenue by 5%…") makes none of them the topic of what follows.
  const all = new Set(segs.map((s) => s.value));
  if (named.size === 1 && all.size === 1) return { kind: 'segment', id: [...named][0]! };
  // (Not a part word in what explains the first figure: "…, impacted by … a wholly owned subsidiary of PIF".)
  const why = numbers.length > 0 ? EXPLANATION.exec(norm.slice(first)) : null;
  const partsEnd = why ? first + why.index : norm.length;
  // ("I'll go through the group figures first and then the segments": the group comes first.)
  const groupFirst = positions(vocab.groupWords, norm).find((g) => g.start < first && !segs.some((s) => g.start >= s.start && g.start < s.end));
  // (Not a part the sentence says it is not about: "These sit in our corporate expense, not in the segments.")
  // (Nor all of them: "with expansion in the three segments of business", "all our divisions grew".)
  const partAt = positions(vocab.partTopics, norm).find(
    (x) =>
      x.start < partsEnd &&
      !/\bnot\s+(?:in|to|of|from|within)?\s*(?:the|our|any|its)?\s*$/.test(norm.slice(Math.max(0, x.start - 24), x.start)) &&
      !ALL_PARTS.test(norm.slice(Math.max(0, x.start - 24), x.end)) &&
      // (Nor the object of what the company does: "我们对智能硬件分部计提了…减值".)
      !/(?:^|[^于於])[对對][^，。；,;]{0,12}$/u.test(norm.slice(Math.max(0, x.start - 14), x.start)),
  );
  if (named.size === 0 && partAt && !(groupFirst && groupFirst.start < partAt.start && numbers.length === 0)) return { kind: 'part' };
  // "CCB reported net income of $3.6 billion. Revenue of $19.4 billion …": that business is the topic.
  if (named.size === 0 && unknownReporter(text, 0, first, vocab.company.find(norm))) return { kind: 'part' };
  // "Sensing and Instrumentation was steadier. Revenue of $296.7 million …": a sentence about a
  // business of two words or more that the reader does not know ends the topic before it.
  if (all.size === 0 && vocab.hasSegments && unknownSubject(text, vocab.company.find(norm), vocab)) return { kind: 'part' };
  if (named.size === 0 && positions(vocab.groupWords, norm).some((g) => g.start < first && !segs.some((s) => g.start >= s.start && g.start < s.end))) return { kind: 'group' };
  return undefined;
}
