/**
 * Segment highlights in the reader's language: where the call has a source whose original text
 * is in the page's language, its sentences; else, where a source's translation layer is (a
 * machine translation counts, and is marked), the sentences' translations; only when neither,
 * the sentences as said, in their own language.
 */
import type { Edition } from './paths.ts';
import type { Call, Excerpt, TextLang } from './schema.ts';

export interface ShownExcerpt {
  readonly source: string;
  readonly paragraph: string;
  readonly speaker?: string;
  /** What the page shows: the sentence, or its translation. */
  readonly text: string;
  readonly lang: TextLang;
  /** True when `text` is a translation the source marks as machine-made. */
  readonly machine: boolean;
  /** True when `text` is a translation (machine-made or not). */
  readonly translated: boolean;
}

const inEdition = (lang: TextLang, edition: Edition) => (edition === 'zh' ? lang.startsWith('zh') : lang === 'en');

/** How a call's excerpts are shown in an edition: from the sources in its language, their translations, or as said. */
export function excerptsInEdition(call: Pick<Call, 'sources'>, edition: Edition): (items: readonly Excerpt[]) => ShownExcerpt[] {
  const layers = new Map(
    call.sources.map((s) => {
      const tr = s.layers.find((l) => l.role === 'translation');
      return [s.key, { original: s.layers[0]!.lang, translation: tr?.lang, machine: tr?.machine_translated ?? false }];
    }),
  );
  const originals = call.sources.filter((s) => inEdition(s.layers[0]!.lang, edition)).map((s) => s.key);
  const translations = call.sources.filter((s) => s.layers.some((l) => l.role === 'translation' && inEdition(l.lang, edition))).map((s) => s.key);
  const asSaid = (e: Excerpt): ShownExcerpt => ({
    source: e.source,
    paragraph: e.paragraph,
    ...(e.speaker ? { speaker: e.speaker } : {}),
    text: e.text,
    lang: layers.get(e.source)?.original ?? 'en',
    machine: false,
    translated: false,
  });
  if (originals.length > 0) return (items) => items.filter((e) => originals.includes(e.source)).map(asSaid);
  if (translations.length > 0) {
    return (items) =>
      items
        .filter((e) => translations.includes(e.source) && e.translation !== undefined)
        .map((e) => ({ ...asSaid(e), text: e.translation!, lang: layers.get(e.source)!.translation!, machine: layers.get(e.source)!.machine, translated: true }));
  }
  return (items) => items.map(asSaid);
}

/** A call's highlights for an edition, by segment in the call's order; segments left with nothing are dropped. */
export function highlightsInEdition(call: Pick<Call, 'sources' | 'highlights'>, edition: Edition): Array<{ segment: string; items: ShownExcerpt[] }> {
  const shown = excerptsInEdition(call, edition);
  return call.highlights.map((h) => ({ segment: h.segment, items: shown(h.items) })).filter((g) => g.items.length > 0);
}
