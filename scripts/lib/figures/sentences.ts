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
