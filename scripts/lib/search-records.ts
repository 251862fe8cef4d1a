/**
 * Search records: one per transcript paragraph, figure and Q&A exchange, each pointing at the
 * element on the quarter page (`alibaba/fy2025-q2.html#zh-p-12`, English edition paths; the
 * Chinese search page adds `zh/`). A figure is one record with its growth rates (the value and
 * the growth the call states for the same metric, segment and period, and their sentences). The
 * indexed content is the passage's search tokens (src/lib/search.ts: folded to Simplified and
 * lowercase, Chinese one character a token, English stemmed), the same for Pagefind and the
 * file:// records; what is shown is the verbatim text in `meta`.
 */
import type { Call, Company, Figure, Metric } from '../../src/lib/schema.ts';
import { parseQuarterId, quarterLabel, quarterSlug } from '../../src/lib/quarters.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { tokenize } from '../../src/lib/search.ts';

export interface SearchRecord {
  readonly url: string;
  /** The passage's search tokens, separated by single spaces. */
  readonly content: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
}

const MAX_SHOWN = 600;

/** Whole sentences up to about MAX_SHOWN characters, for display. */
function shown(text: string): string {
  if (text.length <= MAX_SHOWN) return text;
  const cut = text.slice(0, MAX_SHOWN);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '), cut.lastIndexOf('？'), cut.lastIndexOf('? '));
  return `${end > MAX_SHOWN / 2 ? cut.slice(0, end + 1) : cut}…`;
}

/** One value per filter key, as Pagefind wants them (filters are returned with results but never searched). */
function only(values: Record<string, string | readonly string[] | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(values)) {
    const list = (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]) as string[];
    if (list.length) out[k] = [...list];
  }
  return out;
}

/**
 * Records for the index. Only what the linked element shows is searchable: the text (and its
 * translation) of a paragraph, the names and quotes of a figure, the analyst and question of an
 * exchange. Everything else the result list displays (quarter, speaker, segments) travels as
 * filters, which Pagefind returns but does not search.
 */
export function searchRecords(calls: readonly Call[], companies: readonly Company[], metrics: readonly Metric[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  const index = (text: string) => tokenize(text).join(' ');
  for (const call of calls) {
    const company = companies.find((c) => c.id === call.company)!;
    const quarter = parseQuarterId(call.quarter)!;
    const page = `${call.company}/${quarterSlug(quarter)}.html`;
    const segment = (id: string) => company.segments.find((s) => s.id === id);
    const common = (segments: readonly string[], speakerId: string | undefined, lang: string, kind: string) => {
      const s = call.speakers.find((x) => x.id === speakerId);
      return only({
        company: call.company,
        company_en: company.names.en,
        company_zh: company.names['zh-Hans'] ?? company.names.en,
        quarter: call.quarter,
        // Orders results newest first across companies whose fiscal years differ.
        quarter_end: call.period_end,
        quarter_en: quarterLabel(quarter, 'en'),
        quarter_zh: quarterLabel(quarter, 'zh'),
        segment: segments,
        segment_en: segments.map((id) => segment(id)?.names.en ?? id),
        segment_zh: segments.map((id) => segment(id)?.names['zh-Hans'] ?? segment(id)?.names.en ?? id),
        role: s?.role ?? 'announcement',
        speaker_en: s?.name,
        speaker_zh: s?.name_zh ?? s?.name,
        language: lang,
        kind,
      });
    };

    for (const source of call.sources) {
      const lang = source.layers[0]!.lang;
      const translation = source.layers.find((l) => l.role === 'translation');
      const paragraphs = [
        ...source.announcement.map((p) => ({ p, speaker: undefined as string | undefined })),
        ...source.sections.flatMap((sec) => sec.turns.flatMap((t) => t.paragraphs.map((p) => ({ p, speaker: t.speaker as string | undefined })))),
      ];
      for (const { p, speaker } of paragraphs) {
        if (p.kind === 'footnote') continue;
        const textLang = p.lang ?? lang;
        records.push({
          url: `${page}#${p.id}`,
          content: index(`${p.text}\n${p.translation ?? ''}`),
          meta: {
            title: shown(p.text).slice(0, 60).trimEnd(),
            text: shown(p.text),
            ...(p.translation ? { translation: shown(p.translation) } : {}),
          },
          filters: {
            ...common(p.segments.filter((x) => x !== 'group'), speaker, textLang, 'paragraph'),
            ...(p.translation ? only({ translation_lang: translation?.lang, machine: translation?.machine_translated ? 'yes' : undefined }) : {}),
          },
        });
      }
    }

    for (const groups of bySentence(figureGroups(call.figures, metrics))) {
      const main = groups[0]![0]!;
      const all = groups.flat();
      const metricOf = (f: Figure) => metrics.find((m) => m.id === baseMetric(f.metric, metrics));
      const quotes = uniqueQuotes(all);
      const q = quotes[0]!;
      const langOf = (source: string) => call.sources.find((s) => s.key === source)?.layers[0]!.lang;
      const names = [...new Set(all.flatMap((f) => {
        const m = metrics.find((x) => x.id === f.metric);
        return m ? [m.labels.en, m.labels['zh-Hans']] : [];
      }))];
      const zhQuote = quotes.find((x) => langOf(x.source)?.startsWith('zh'));
      const enQuote = quotes.find((x) => langOf(x.source) === 'en');
      const shownQuote = enQuote ?? q;
      // One figure: its value and growth ("RMB29.6bn · +7% YoY"); several read from one sentence: each named.
      const values = (edition: 'en' | 'zh') =>
        groups.length === 1
          ? groups[0]!.map((f) => formatFigure(f, edition)).join(' · ')
          : groups.map((g) => `${metricOf(g[0]!)?.labels[edition === 'zh' ? 'zh-Hans' : 'en'] ?? g[0]!.metric}${edition === 'zh' ? '：' : ': '}${g.map((f) => formatFigure(f, edition)).join(' · ')}`).join(edition === 'zh' ? '；' : '; ');
      const segmentIds = [...new Set(groups.map((g) => g[0]!.segment).filter((x): x is string => !!x && x !== 'group'))];
      records.push({
        url: `${page}#${main.id}`,
        // What the figures' elements on the page show: the metrics' names and every quote, of the value and its growth.
        content: index([...names, ...quotes.map((x) => x.text)].join('\n')),
        // Each edition shows a quote in its own language where the call has one.
        meta: {
          title: names.slice(0, 2).join(' · '),
          text: shownQuote.text,
          ...(zhQuote && zhQuote !== shownQuote ? { text_zh: zhQuote.text } : {}),
          value_en: values('en'),
          value_zh: values('zh'),
        },
        filters: {
          ...common(segmentIds, shownQuote.speaker, langOf(shownQuote.source) ?? 'en', 'figure'),
          ...only({ text_zh_lang: zhQuote && zhQuote !== shownQuote ? langOf(zhQuote.source) : undefined }),
          ...only({
            metric_en: [...new Set(groups.map((g) => metricOf(g[0]!)?.labels.en ?? g[0]!.metric))],
            metric_zh: [...new Set(groups.map((g) => metricOf(g[0]!)?.labels['zh-Hans'] ?? g[0]!.metric))],
            figure_segment_en: main.segment ? segment(main.segment)?.names.en : undefined,
            figure_segment_zh: main.segment ? (segment(main.segment)?.names['zh-Hans'] ?? segment(main.segment)?.names.en) : undefined,
          }),
        },
      });
    }

    for (const d of call.digest) {
      const analyst = call.speakers.find((s) => s.id === d.analyst)!;
      const lang = call.sources.find((s) => s.key === d.source)?.layers[0]!.lang ?? 'en';
      records.push({
        url: `${page}#${d.source}-qa-${d.n}`,
        content: index(`${analyst.name} ${analyst.firm ?? ''}\n${d.question.text}`),
        meta: { title: `${analyst.name}${analyst.firm ? ` (${analyst.firm})` : ''}`, text: d.question.text },
        filters: { ...common(d.segments, d.analyst, lang, 'exchange'), ...only({ firm: analyst.firm, n: String(d.n) }) },
      });
    }
  }
  return records;
}

const baseMetric = (id: string, metrics: readonly Metric[]) => metrics.find((m) => m.id === id)?.growth_of ?? id;

/**
 * A call's figures as search shows them: the value first, then the growth rates stated for the
 * same metric, segment and period. Figures with no value (a growth rate alone) are a group of
 * their own; a second value for the same key starts another group. Linear in the figures.
 */
export function figureGroups(figures: readonly Figure[], metrics: readonly Metric[]): Figure[][] {
  const groups = new Map<string, { level?: Figure; growth: Figure[] }>();
  const extra: Array<{ level?: Figure; growth: Figure[] }> = [];
  const order: Array<{ level?: Figure; growth: Figure[] }> = [];
  for (const f of figures) {
    const key = `${f.segment ?? ''}|${baseMetric(f.metric, metrics)}|${f.period}`;
    let g = groups.get(key);
    if (!g) {
      g = { growth: [] };
      groups.set(key, g);
      order.push(g);
    }
    // A growth rate has a basis (yoy/qoq); a percentage without one is a ratio (a margin), a value itself.
    if (f.unit === '%' && f.basis) {
      if (g.growth.some((x) => x.basis === f.basis)) extra.push({ growth: [f] });
      else g.growth.push(f);
    } else if (g.level) extra.push({ level: f, growth: [] });
    else g.level = f;
  }
  return [...order, ...extra].map((g) => [...(g.level ? [g.level] : []), ...g.growth]);
}

/**
 * Figure groups read from one sentence (the first quote of each group's first figure) as one
 * search result, so that no two results show the same sentence. Linear in the groups.
 */
export function bySentence(groups: readonly Figure[][]): Figure[][][] {
  const out = new Map<string, Figure[][]>();
  for (const g of groups) {
    const q = g[0]!.quotes[0]!;
    const key = `${q.source}|${q.text}`;
    const list = out.get(key);
    if (list) list.push(g);
    else out.set(key, [g]);
  }
  return [...out.values()];
}

/** The quotes of a group of figures, each sentence once, in order. */
function uniqueQuotes(group: readonly Figure[]): Figure['quotes'] {
  const seen = new Set<string>();
  return group.flatMap((f) => f.quotes).filter((q) => !seen.has(`${q.source}|${q.text}`) && (seen.add(`${q.source}|${q.text}`), true));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A record as the HTML page Pagefind indexes: the tokens as the body's only indexed text; the
 * record's address (`href`), its number in result order within its block `n` (a meta, and a
 * sort key of fixed width that sorts alike as text and as a number), meta and filters (and the
 * block it is indexed in, a filter of its own) in an ignored block (Pagefind reads their values
 * but does not index them as words).
 */
export function recordPage(r: SearchRecord, n: number, block?: string): string {
  const meta = Object.entries({ ...r.meta, href: r.url, n: String(n) }).map(([k, v]) => `<span data-pagefind-meta="${escapeHtml(k)}">${escapeHtml(v)}</span>`);
  const filters = Object.entries({ ...r.filters, ...(block !== undefined ? { block: [block] } : {}) }).flatMap(([k, vs]) => vs.map((v) => `<span data-pagefind-filter="${escapeHtml(k)}">${escapeHtml(v)}</span>`));
  const sort = [`<span data-pagefind-sort="n">${String(n).padStart(10, '0')}</span>`];
  return `<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title></title></head><body data-pagefind-body><div data-pagefind-ignore>${[...meta, ...filters, ...sort].join('')}</div>${escapeHtml(r.content)}</body></html>\n`;
}
