/**
 * The one-line citations that "copy link" controls copy (src/client/site.ts builds them from the
 * data attributes the page gives; the labels are the reader's edition's).
 *
 *   figure:  Alibaba Group FY2025 Q2 — Revenue (Cloud Intelligence): RMB29.6bn — "Revenue grew…" — https://…#fig-cloud-revenue
 *            阿里巴巴集团 2025财年第二季度 — 收入（云智能）：296亿元 — “本季度…” — https://…#fig-cloud-revenue
 *   passage: Alibaba Group FY2025 Q2 earnings call (15 November 2024), Eddie Wu. https://…#zh-p-12
 */
import { CHART_UI, CITE_UI } from './i18n.ts';
import type { Edition } from './paths.ts';

export interface FigureCitation {
  /** Company and quarter (`Alibaba Group FY2025 Q2`). */
  readonly call: string;
  /** The metric, with its segment where it is not the group's (`Revenue (Cloud Intelligence)`). */
  readonly metric: string;
  /** The value as the page shows it (`RMB29.6bn`, `+7% YoY`). */
  readonly value: string;
  /** The sentence it was read from, verbatim. */
  readonly quote: string;
  /** The link to the figure (an http(s) or, from a site opened from disk, a file: URL). */
  readonly url: string;
}

/** Collapses runs of white space (a quote may span lines) so the citation is one line. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A figure's citation: call, metric, value, quote and link, joined by the edition's punctuation. */
export function figureCitation(c: FigureCitation, edition: Edition): string {
  const t = CITE_UI[edition];
  const parts = [oneLine(c.call), `${oneLine(c.metric)}${t.colon}${oneLine(c.value)}`, c.quote ? `${t.open}${oneLine(c.quote)}${t.close_q}` : '', c.url];
  return parts.filter(Boolean).join(t.sep);
}

/** A metric's name with its segment, unless the segment is the whole company. */
export function citedMetric(metric: string, segment: string | undefined, edition: Edition): string {
  if (!segment) return metric;
  return CHART_UI[edition].withSegment(metric, segment);
}

/** Any other element's citation: the call (with its date), the speaker where known, then the link. */
export function passageCitation(call: string | undefined, speaker: string | undefined, url: string): string {
  const cite = [call, speaker].filter(Boolean).map((x) => oneLine(x!)).join(', ');
  return `${cite ? `${cite}. ` : ''}${url}`;
}

/** The page's URL with its fragment set to an element's id (none for the page itself). */
export function linkTo(href: string, id: string): string {
  const url = new URL(href);
  url.hash = id;
  return id ? url.href : url.href.replace(/#$/, '');
}
