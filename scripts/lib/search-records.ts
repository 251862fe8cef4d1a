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

export function searchRecords(calls: readonly Call[], companies: readonly Company[], metrics: readonly Metric[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const call of calls) {
    const company = companies.find((c) => c.id === call.company)!;
    const quarter = parseQuarterId(call.quarter)!;
    const page = `${call.company}/${quarterSlug(quarter)}.html`;
    const segmentName = (id: string) => company.segments.find((s) => s.id === id);
    const base = {
      company: company.names.en,
      company_zh: company.names['zh-Hans'] ?? company.names.en,
      quarter: call.quarter,
      quarter_en: quarterLabel(quarter, 'en'),
      quarter_zh: quarterLabel(quarter, 'zh'),
      call_date: call.call_date ?? '',
    };
    const speakerMeta = (id: string | undefined) => {
      const s = call.speakers.find((x) => x.id === id);
      return s ? { speaker: s.name, speaker_zh: s.name_zh ?? s.name, role: s.role } : { speaker: '', speaker_zh: '', role: 'announcement' };
    };
    const segmentMeta = (ids: readonly string[]) => ({
      segments: ids.map((id) => segmentName(id)?.names.en ?? id).join(' · '),
      segments_zh: ids.map((id) => segmentName(id)?.names['zh-Hans'] ?? segmentName(id)?.names.en ?? id).join(' · '),
    });
    const filters = (segments: readonly string[], role: string, lang: string) => ({
      company: [call.company],
      quarter: [call.quarter],
      segment: [...segments],
      role: [role],
      language: [lang],
    });

    for (const source of call.sources) {
      const lang = source.layers[0]!.lang;
      const translation = source.layers.find((l) => l.role === 'translation');
      const paragraphs = [
        ...source.announcement.map((p) => ({ p, speaker: undefined as string | undefined })),
        ...source.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => ({ p, speaker: t.speaker as string | undefined })))),
      ];
      for (const { p, speaker } of paragraphs) {
        if (p.kind === 'footnote') continue;
        const who = speakerMeta(speaker);
        const textLang = p.lang ?? lang;
        records.push({
          url: `${page}#${p.id}`,
          content: searchKey(`${p.text}\n${p.translation ?? ''}`),
          meta: {
            ...base,
            ...who,
            ...segmentMeta(p.segments),
            kind: 'paragraph',
            title: `${base.quarter_en}${who.speaker ? ` · ${who.speaker}` : ''}`,
            lang: textLang,
            text: shown(p.text),
            ...(p.translation ? { translation: shown(p.translation), translation_lang: translation?.lang ?? '', machine: translation?.machine_translated ? 'yes' : '' } : {}),
          },
          filters: filters(p.segments, who.role, textLang),
          sort: { quarter: call.quarter },
        });
      }
    }

    for (const f of call.figures) {
      const metric = metrics.find((m) => m.id === f.metric);
      const q = f.quotes[0]!;
      const who = speakerMeta(q.speaker);
      const seg = f.segment ? segmentName(f.segment) : undefined;
      const lang = call.sources.find((s) => s.key === q.source)?.layers[0]!.lang ?? 'en';
      records.push({
        url: `${page}#${f.id}`,
        // What the figure's element on the page shows: the metric's names and every quote.
        content: searchKey([metric?.labels.en, metric?.labels['zh-Hans'], ...f.quotes.map((x) => x.text)].filter(Boolean).join('\n')),
        meta: {
          ...base,
          ...who,
          ...segmentMeta(f.segment ? [f.segment] : []),
          kind: 'figure',
          title: `${metric?.labels.en ?? f.metric} · ${seg?.names.en ?? ''}`,
          title_zh: `${metric?.labels['zh-Hans'] ?? f.metric} · ${seg?.names['zh-Hans'] ?? seg?.names.en ?? ''}`,
          value: String(f.value),
          unit: f.unit,
          lang,
          text: q.text,
        },
        filters: filters(f.segment && f.segment !== 'group' ? [f.segment] : [], who.role, lang),
        sort: { quarter: call.quarter },
      });
    }

    for (const d of call.digest) {
      const analyst = call.speakers.find((s) => s.id === d.analyst)!;
      const lang = call.sources.find((s) => s.key === d.source)?.layers[0]!.lang ?? 'en';
      records.push({
        url: `${page}#${d.source}-qa-${d.n}`,
        content: searchKey(`${analyst.name} ${analyst.firm ?? ''}\n${d.question.text}`),
        meta: {
          ...base,
          speaker: analyst.name,
          speaker_zh: analyst.name_zh ?? analyst.name,
          role: 'analyst',
          ...segmentMeta(d.segments),
          kind: 'exchange',
          title: `${base.quarter_en} · Q&A ${d.n} · ${analyst.name}${analyst.firm ? ` (${analyst.firm})` : ''}`,
          firm: analyst.firm ?? '',
          n: String(d.n),
          lang,
          text: d.question.text,
        },
        filters: filters(d.segments, 'analyst', lang),
        sort: { quarter: call.quarter },
      });
    }
  }
  return records;
}
