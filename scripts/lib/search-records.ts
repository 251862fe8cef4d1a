/**
 * Search records: one per transcript paragraph, figure and Q&A exchange, each pointing at the
 * element on the quarter page (`alibaba/fy2025-q2.html#zh-p-12`, English edition paths; the
 * Chinese search page adds `zh/`). The indexed content is folded to Simplified Chinese and
 * lowercase so that a query in either script finds text in both; what is shown is the
 * verbatim text in `meta.text`.
 */
import * as OpenCC from 'opencc-js';
import type { Call, Company, Metric } from '../../src/lib/schema.ts';
import { parseQuarterId, quarterLabel, quarterSlug } from '../../src/lib/quarters.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** What queries and content are compared in: NFKC, Simplified, lowercase, single spaces. */
export function searchKey(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface SearchRecord {
  readonly url: string;
  readonly content: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
  readonly sort: Record<string, string>;
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
  for (const call of calls) {
    const company = companies.find((c) => c.id === call.company)!;
    const quarter = parseQuarterId(call.quarter)!;
    const page = `${call.company}/${quarterSlug(quarter)}.html`;
    const segment = (id: string) => company.segments.find((s) => s.id === id);
    const common = (segments: readonly string[], speakerId: string | undefined, lang: string, kind: string) => {
      const s = call.speakers.find((x) => x.id === speakerId);
      return only({
        company: call.company,
        quarter: call.quarter,
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
          content: searchKey(`${p.text}\n${p.translation ?? ''}`),
          meta: {
            title: shown(p.text).slice(0, 60),
            text: shown(p.text),
            ...(p.translation ? { translation: shown(p.translation) } : {}),
          },
          filters: {
            ...common(p.segments.filter((x) => x !== 'group'), speaker, textLang, 'paragraph'),
            ...(p.translation ? only({ translation_lang: translation?.lang, machine: translation?.machine_translated ? 'yes' : undefined }) : {}),
          },
          sort: { quarter: call.quarter },
        });
      }
    }

    for (const f of call.figures) {
      const metric = metrics.find((m) => m.id === f.metric);
      const q = f.quotes[0]!;
      const lang = call.sources.find((s) => s.key === q.source)?.layers[0]!.lang ?? 'en';
      const labels = [metric?.labels.en, metric?.labels['zh-Hans']].filter(Boolean).join(' · ');
      const zhQuote = f.quotes.find((x) => call.sources.find((s) => s.key === x.source)?.layers[0]!.lang.startsWith('zh'));
      records.push({
        url: `${page}#${f.id}`,
        // What the figure's element on the page shows: the metric's names and every quote.
        content: searchKey([labels, ...f.quotes.map((x) => x.text)].join('\n')),
        // Each edition shows a quote in its own language where the call has one; both are in the figure's element.
        meta: { title: labels, text: q.text, ...(zhQuote && zhQuote !== q ? { text_zh: zhQuote.text } : {}) },
        filters: {
          ...common(f.segment && f.segment !== 'group' ? [f.segment] : [], q.speaker, lang, 'figure'),
          ...only({ text_zh_lang: zhQuote && zhQuote !== q ? call.sources.find((x) => x.key === zhQuote.source)?.layers[0]!.lang : undefined }),
          ...only({ metric_en: metric?.labels.en, metric_zh: metric?.labels['zh-Hans'], figure_segment_en: f.segment ? segment(f.segment)?.names.en : undefined, figure_segment_zh: f.segment ? segment(f.segment)?.names['zh-Hans'] : undefined }),
        },
        sort: { quarter: call.quarter },
      });
    }

    for (const d of call.digest) {
      const analyst = call.speakers.find((s) => s.id === d.analyst)!;
      const lang = call.sources.find((s) => s.key === d.source)?.layers[0]!.lang ?? 'en';
      records.push({
        url: `${page}#${d.source}-qa-${d.n}`,
        content: searchKey(`${analyst.name} ${analyst.firm ?? ''}\n${d.question.text}`),
        meta: { title: `${analyst.name}${analyst.firm ? ` (${analyst.firm})` : ''}`, text: d.question.text },
        filters: { ...common(d.segments, d.analyst, lang, 'exchange'), ...only({ firm: analyst.firm, n: String(d.n) }) },
        sort: { quarter: call.quarter },
      });
    }
  }
  return records;
}
