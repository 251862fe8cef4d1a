/**
 * Sentences of a paragraph, verbatim, with their offsets. Chinese ends a sentence with 。！？；
 * (full- or half-width); English with . ? ! followed by a space and a capital, a digit or a
 * quote (or, as machine transcripts write, a lower-case word after a word or a figure), except
 * after common abbreviations and inside numbers.
 */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const ABBREVIATIONS = /(?:\b(?:U\.S|U\.K|e\.g|i\.e|vs|Mr|Ms|Mrs|Dr|No|Rs|Re|Shri|Smt|Inc|Ltd|Co|Corp|St|approx|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$/;
const CLOSERS = /[”’"'）)」』\]]/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let boundary = false;
    if ('。！？；'.includes(c)) boundary = true;
    else if (c === '?' || c === '!' || c === ';') boundary = i + 1 >= text.length || /\s|[\p{Script=Han}]/u.test(text[i + 1]!);
    else if (c === '.') {
      const rest = text.slice(i + 1);
      if (/^\d/.test(rest) || ABBREVIATIONS.test(text.slice(Math.max(0, i - 12), i))) boundary = false;
      // (A machine transcript writes sentences in lower case: "… £4.6 million. central costs were …";
      // the word before the period, of two letters or more or a figure, is no abbreviation.)
      else boundary = /^\s*$/.test(rest) || /^\s+["“'‘(]?[A-Z0-9\p{Script=Han}]/u.test(rest) || (/^\s+[a-z]/.test(rest) && /(?:\b[a-z]{2,}|\d[%a-z]{0,2})$/.test(text.slice(Math.max(0, i - 12), i)));
    }
    if (!boundary) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.test(text[end]!)) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

/** Words that open a new statement in speech: "so gross profit of …", "previously we said …", "this includes …". */
const SPOKEN_OPENER =
  /\s(?=(?:so|and then|next|this includes|that includes|previously|we expect|we now expect|we confirm|we plan|we target|we ended|we bought|we repurchased|for the (?:first|second|third|fourth) quarter we|for the full (?:fiscal\s+)?year we|by division|by segment|in the quarter we)\b)/gi;
/** The period a forecast is for, said just before it: "for the fourth quarter | we expect" stays one statement. */
const FORECAST_PERIOD_BEFORE = /\b(?:for|in)\s+(?:the\s+)?(?:(?:first|second|third|fourth|next)\s+quarter|(?:full|whole)\s+(?:fiscal\s+)?year|fiscal(?:\s+year)?(?:\s+[a-z0-9]+){1,3})\s*$/i;
/**
 * A measure that opens a new statement right after a figure, spelled or in digits, or after the
 * period it was for: "… last year reported EBITDA was 50.1 million", "… up six point two percent
 * net income was …", "… for the quarter net sales were …".
 */
const MEASURE_OPENER =
  /(?<=(?:\d(?:\.\d+)?\s*(?:%|percent|million|billion|francs|pounds|euros|dollars|yen)?|\b(?:percent|million|billion|francs|pounds|euros|dollars|yen|cents|basis points)|last year|a year ago|previous year|year to date|(?:in|for) the quarter)\s)(?!(?:with|or)\b)(?=(?:excluding\s+(?:[a-z]+\s+){1,2})?(?:(?:adjusted|reported|organic|operating|net|gross|free|diluted|total)\s+)?(?:[a-z]+\s+){0,2}?(?:sales|revenue|revenues|ebitda|ebit|ebita|margin|income|profit|cash flow|capex|capital expenditures?|capital spending|earnings|eps|orders|order intake)\s+(?:(?:in|for) the quarter\s+)?(?:was|were|of|came in|reached|grew|rose|fell|declined|increased|decreased)\b)/gi;

/**
 * The statements of a paragraph that a machine transcript wrote without sentence ends ("gross
 * margin was 46.8 percent up from 45.9 percent so gross profit of CHF 133.2 million the
 * improvement comes from …"): sentences where it has them, each cut again before the words that
 * open a new statement in speech, or before a measure and its verb right after a figure (not
 * "with a margin of …", which goes on the statement before). Only for a paragraph of eighty words
 * or more with fewer than one sentence end in sixty words; a paragraph of forty to eighty words
 * without sentence ends is cut only before a measure after a figure.
 */
export function spokenStatements(text: string): Sentence[] {
  const words = text.split(/\s+/).length;
  const ends = (text.match(/[.!?。！？](?:\s|$)/g) ?? []).length;
  const sentences = splitSentences(text);
  if (words < 40 || ends * 60 >= words) return sentences;
  // (A shorter run, forty words or more, is cut only before a measure and its verb after a figure.)
  const long = words >= 80;
  const out: Sentence[] = [];
  for (const s of sentences) {
    const cuts = new Set<number>([0]);
    for (const m of long ? s.text.matchAll(SPOKEN_OPENER) : []) if (!(/^\s*we\b/i.test(s.text.slice(m.index)) && FORECAST_PERIOD_BEFORE.test(s.text.slice(Math.max(0, m.index - 40), m.index)))) cuts.add(m.index + 1);
    for (const m of s.text.matchAll(MEASURE_OPENER)) cuts.add(m.index);
    const at = [...cuts].sort((a, b) => a - b);
    at.forEach((from, i) => {
      const to = at[i + 1] ?? s.text.length;
      const raw = s.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) out.push({ start: s.start + from + lead, end: s.start + from + lead + trimmed.length, text: trimmed });
    });
  }
  return out;
}
