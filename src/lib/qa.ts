/**
 * The Q&A digest of a quarter page: one item per exchange, whatever the number of sources. The
 * versions of exchange n in the call's sources (an English and a Chinese transcript of the same
 * call) are one item; its analyst is one identity (spellings, initials and romanisations joined;
 * "Unidentified Participant" takes the name another source gives); the question and answer are
 * shown from the version in the page's language; at most three distinct topic chips.
 */
import type { Edition } from './paths.ts';
import type { Call, Company, Digest, Excerpt, Speaker, TextLang, Topic } from './schema.ts';

/** A person's name folded for comparison: lowercase Latin letters, initials and punctuation dropped, words sorted ("Alex C. Yao" and "Yao, Alex" are `alex yao`; "Jia-long Shi" is `jialong shi`). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 1 || /\P{Script=Latin}/u.test(w))
    .sort()
    .join(' ');
}

/** Whether a speaker is a placeholder for someone the transcript did not name. */
export function isUnidentified(s: Pick<Speaker, 'name'>): boolean {
  return /^(?:unidentified|unknown|unnamed)\b|^(?:analyst|participant|questioner|未具名|未知)/i.test(s.name.trim());
}

/** Whether two speakers of a call are the same analyst: same id, the same name folded, or the same Chinese name. */
export function sameAnalyst(a: Speaker, b: Speaker): boolean {
  if (a.id === b.id) return true;
  if (isUnidentified(a) || isUnidentified(b)) return false;
  return nameKey(a.name) === nameKey(b.name) || (!!a.name_zh && a.name_zh === b.name_zh);
}

export interface QaChip {
  readonly kind: 'segment' | 'topic';
  readonly id: string;
  readonly label: string;
}

export interface QaItem {
  /** Exchange number, the item's anchor (`#qa-n`). */
  readonly n: number;
  /** The analyst: a named speaker where any source names one. */
  readonly analyst: Speaker;
  /** Other named analysts a source records for the same exchange, when the sources disagree. */
  readonly others: Speaker[];
  /** The analyst's firm, from whichever source gives it. */
  readonly firm?: string;
  /** The version shown: in the page's language when the call has one. */
  readonly shown: Digest;
  /** Every source's version, for links to `#<source>-qa-n`. */
  readonly versions: ReadonlyArray<{ source: string; lang: TextLang }>;
  /** Who answered, in the shown version's order, then any other version's. */
  readonly answerers: string[];
  readonly chips: QaChip[];
  /** Every segment any version of the exchange names. */
  readonly segments: string[];
}

/** The whole question of a digest, falling back to its opening sentences for data converted before `asked` existed. */
export const questionOf = (d: Digest): Excerpt[] => (d.asked.length > 0 ? d.asked : [d.question]);

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
/** Whether folded text names a term: ASCII terms as whole words, others anywhere. */
function names(text: string, term: string): boolean {
  const t = fold(term);
  if (!/^[\x20-\x7e]+$/.test(t)) return text.includes(t);
  return new RegExp(`(?<![a-z0-9])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(text);
}

/**
 * At most `max` chips for an exchange, by rule: segments, then topics; those the question itself
 * names before those only the answer names; a topic whose label or terms name one of the chosen
 * segments (the topic "Cloud" beside the segment Cloud Intelligence) is left out, and no label twice.
 */
export function qaChips(
  d: Pick<Digest, 'segments' | 'topics'>,
  question: string,
  company: Company,
  topics: readonly Topic[],
  edition: Edition,
  max = 3,
): QaChip[] {
  const q = fold(question);
  const segmentNames = (id: string) => {
    const s = company.segments.find((x) => x.id === id);
    return s ? [s.names.en, s.names['zh-Hans'], s.names['zh-Hant'], ...s.aliases].filter((n): n is string => !!n) : [id];
  };
  const segmentLabel = (id: string) => {
    const s = company.segments.find((x) => x.id === id);
    return s ? (edition === 'zh' ? (s.names['zh-Hans'] ?? s.names.en) : s.names.en) : id;
  };
  const segs = d.segments.map((id, i) => ({ kind: 'segment' as const, id, label: segmentLabel(id), asked: segmentNames(id).some((n) => names(q, n)), i }));
  const tops = d.topics.flatMap((id, i) => {
    const t = topics.find((x) => x.id === id);
    if (!t) return [];
    return [{ kind: 'topic' as const, id, label: edition === 'zh' ? t.labels['zh-Hans'] : t.labels.en, asked: t.terms.some((n) => names(q, n)), i, terms: [t.labels.en, t.labels['zh-Hans'], ...t.terms] }];
  });
  const byQuestion = <T extends { asked: boolean; i: number }>(xs: T[]) => [...xs].sort((a, b) => Number(b.asked) - Number(a.asked) || a.i - b.i);
  const chosen: QaChip[] = [];
  const seen = new Set<string>();
  for (const s of byQuestion(segs)) {
    if (chosen.length >= max) break;
    if (seen.has(fold(s.label))) continue;
    seen.add(fold(s.label));
    chosen.push({ kind: s.kind, id: s.id, label: s.label });
  }
  const chosenNames = chosen.flatMap((c) => segmentNames(c.id)).map(fold);
  for (const t of byQuestion(tops)) {
    if (chosen.length >= max) break;
    if (seen.has(fold(t.label)) || chosen.some((c) => c.id === t.id)) continue;
    if (t.terms.some((term) => chosenNames.some((n) => n === fold(term) || names(n, term)))) continue;
    seen.add(fold(t.label));
    chosen.push({ kind: t.kind, id: t.id, label: t.label });
  }
  return chosen;
}

/** The call's exchanges as digest items, one per exchange number, in order. */
export function qaItems(call: Call, company: Company, topics: readonly Topic[], edition: Edition): QaItem[] {
  const speakers = new Map(call.speakers.map((s) => [s.id, s]));
  const langOf = (key: string) => call.sources.find((s) => s.key === key)?.layers[0]!.lang ?? 'en';
  const want = edition === 'zh' ? 'zh' : 'en';
  const numbers = [...new Set(call.digest.map((d) => d.n))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const versions = call.digest.filter((d) => d.n === n);
    const shown = versions.find((d) => langOf(d.source).startsWith(want)) ?? versions[0]!;
    const analysts = versions.map((d) => speakers.get(d.analyst)!);
    const named = analysts.filter((a) => !isUnidentified(a));
    const analyst = named.find((a) => a.id === shown.analyst) ?? named[0] ?? analysts[0]!;
    const others = named.filter((a, i) => !sameAnalyst(a, analyst) && named.findIndex((b) => sameAnalyst(a, b)) === i);
    const firm = analyst.firm ?? analysts.find((a) => sameAnalyst(a, analyst) && a.firm)?.firm;
    const answerers = [...new Set([shown, ...versions].flatMap((d) => d.answerers))];
    const question = questionOf(shown).map((e) => e.text).join(' ');
    // Segments and topics from every version, so a term one transcript misheard still counts.
    const merged = { segments: [...new Set(versions.flatMap((d) => d.segments))], topics: [...new Set(versions.flatMap((d) => d.topics))] };
    return {
      n,
      analyst,
      others,
      ...(firm ? { firm } : {}),
      shown,
      versions: versions.map((d) => ({ source: d.source, lang: langOf(d.source) })),
      answerers,
      chips: qaChips(merged, question, company, topics, edition),
      segments: merged.segments,
    };
  });
}
