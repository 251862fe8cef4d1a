/**
 * Pure helpers the pages use to present a call: speaker names per edition, turns grouped by
 * Q&A exchange, and the exchanges of all sources side by side.
 */
import type { Edition } from './paths.ts';
import type { Call, Company, Figure, Metric, Quote, Section, Source, Speaker, TextLang, Turn } from './schema.ts';

/** A speaker's name as the edition shows it: the Chinese name first on the Chinese edition. */
export function speakerName(s: Speaker, edition: Edition): string {
  if (edition === 'zh' && s.name_zh && s.name_zh !== s.name) return `${s.name_zh}（${s.name}）`;
  return s.name;
}

/** Speakers by id. */
export function speakerIndex(call: Call): Map<string, Speaker> {
  return new Map(call.speakers.map((s) => [s.id, s]));
}

/** A section's turns in runs: turns outside any exchange, and each exchange's turns together. */
export type TurnGroup = { readonly exchange?: number; readonly turns: Turn[] };
export function groupTurns(section: Section): TurnGroup[] {
  const groups: TurnGroup[] = [];
  for (const turn of section.turns) {
    const last = groups.at(-1);
    if (last && last.exchange !== undefined && last.exchange === turn.exchange) last.turns.push(turn);
    else if (last && last.exchange === undefined && turn.exchange === undefined) last.turns.push(turn);
    else groups.push(turn.exchange === undefined ? { turns: [turn] } : { exchange: turn.exchange, turns: [turn] });
  }
  return groups;
}

/** One row of the Q&A index: exchange n as each source records it. */
export interface ExchangeRow {
  readonly n: number;
  readonly bySource: ReadonlyArray<{ source: Source; analyst: string; answerers: string[] } | undefined>;
  /** True when every source that has the exchange names the same analyst and answerers. */
  readonly agree: boolean;
}
export function exchangeRows(call: Call): ExchangeRow[] {
  const max = Math.max(0, ...call.sources.map((s) => s.exchanges.length));
  const rows: ExchangeRow[] = [];
  for (let n = 1; n <= max; n++) {
    const bySource = call.sources.map((source) => {
      const e = source.exchanges.find((x) => x.n === n);
      return e ? { source, analyst: e.analyst, answerers: e.answerers } : undefined;
    });
    const present = bySource.filter((x) => x !== undefined);
    const sig = (x: (typeof present)[number]) => `${x.analyst}>${x.answerers.join(',')}`;
    rows.push({ n, bySource, agree: present.every((x) => sig(x) === sig(present[0]!)) });
  }
  return rows;
}

/** Language of a source's original text and of its translation layer, if any. */
export function sourceLangs(source: Source): { original: TextLang; translation?: TextLang; machine: boolean } {
  const original = source.layers[0]!.lang;
  const tr = source.layers.find((l) => l.role === 'translation');
  return tr ? { original, translation: tr.lang, machine: tr.machine_translated } : { original, machine: false };
}

/** Paragraph count of a source. */
export function paragraphCount(source: Source): number {
  return source.sections.reduce((n, s) => n + s.turns.reduce((m, t) => m + t.paragraphs.length, 0), 0) + source.announcement.length;
}

/** The file name of a source, without its folder. */
export function fileName(source: Source): string {
  return source.file.split('/').at(-1)!;
}

/** The quote to show first in an edition: one from a source in the edition's language if there is one. */
export function preferredQuote(figure: Figure, call: Call, edition: Edition): Quote {
  const want = edition === 'zh' ? 'zh' : 'en';
  return figure.quotes.find((q) => call.sources.find((s) => s.key === q.source)?.layers[0]!.lang.startsWith(want)) ?? figure.quotes[0]!;
}

/** Excerpts from the sources in the edition's language when the call has any, else all of them. */
export function preferredExcerpts<T extends { source: string }>(items: readonly T[], call: Call, edition: Edition): T[] {
  const want = edition === 'zh' ? 'zh' : 'en';
  const keys = call.sources.filter((s) => s.layers[0]!.lang.startsWith(want)).map((s) => s.key);
  const mine = items.filter((i) => keys.includes(i.source));
  return mine.length > 0 ? mine : [...items];
}

/** The language of a source's original text, for `lang` attributes. */
export function sourceLang(call: Call, key: string): TextLang {
  return call.sources.find((s) => s.key === key)?.layers[0]!.lang ?? 'en';
}

/** A figure's amount paired with its growth rate, for tiles and tables. */
export interface FigurePair {
  readonly segment: string;
  readonly metric: string;
  readonly level?: Figure;
  /** The first growth rate stated for it, of either basis. */
  readonly growth?: Figure;
  /** The year-on-year and quarter-on-quarter growth rates stated for it. */
  readonly yoy?: Figure;
  readonly qoq?: Figure;
}

/**
 * Figures of a call as (level, growth) pairs per segment and base metric, in the order of the
 * segments and metrics given, and only for the quarter itself (full-year figures apart).
 */
export function figurePairs(call: Call, metrics: readonly Metric[], segmentOrder: readonly string[]): FigurePair[] {
  const baseOf = (id: string) => metrics.find((m) => m.id === id)?.growth_of ?? id;
  const pairs = new Map<string, { segment: string; metric: string; level?: Figure; growth?: Figure; yoy?: Figure; qoq?: Figure }>();
  for (const f of call.figures) {
    if (f.segment === null) continue;
    const base = baseOf(f.metric);
    const key = `${f.segment}|${base}|${f.period}`;
    const pair = pairs.get(key) ?? { segment: f.segment, metric: base };
    // A growth rate has a basis (yoy/qoq); a percentage without one is a ratio (a margin), the level itself.
    if (f.unit === '%' && f.basis) {
      pair.growth ??= f;
      pair[f.basis] ??= f;
    } else pair.level ??= f;
    pairs.set(key, pair);
  }
  const metricIndex = (id: string) => metrics.findIndex((m) => m.id === id);
  return [...pairs.values()].sort((a, b) => segmentOrder.indexOf(a.segment) - segmentOrder.indexOf(b.segment) || metricIndex(a.metric) - metricIndex(b.metric));
}

/** A company's name in the edition's language (its English name when it has no Chinese one). */
export function companyName(company: Company, edition: Edition): string {
  return edition === 'zh' ? (company.names['zh-Hans'] ?? company.names.en) : company.names.en;
}

/** A segment's name in the edition's language (its id when the profile has no such segment). */
export function segmentName(company: Company, id: string, edition: Edition): string {
  const s = company.segments.find((x) => x.id === id);
  return s ? (edition === 'zh' ? (s.names['zh-Hans'] ?? s.names.en) : s.names.en) : id;
}

/** A metric's or topic's label in the edition's language. */
export function labelOf(list: ReadonlyArray<{ id: string; labels: { en: string; 'zh-Hans': string } }>, id: string, edition: Edition): string {
  const x = list.find((m) => m.id === id);
  return x ? (edition === 'zh' ? x.labels['zh-Hans'] : x.labels.en) : id;
}
