/**
 * What a layout parser produces: the transcript's turns and paragraphs as the file gives them,
 * before speakers are resolved against the company profile and sections, exchanges and ids
 * are assigned (`structure.ts`). Each layout module exports `sniff` and `parse`.
 */
import type { Layer, LayoutId, SectionId, SpeakerRole, TextLang } from '../../src/lib/schema.ts';
import type { Line } from './text.ts';

/** A speaker label as written, split into its parts. */
export interface RawLabel {
  /** The label as written (without a trailing colon). */
  readonly text: string;
  /** The name part. */
  readonly name: string;
  /** Job title, when the label gives one. */
  readonly title?: string;
  /** Firm, when the label gives one (analysts). */
  readonly firm?: string;
  /** Role the label itself implies (`- Analyst`, `分析师`, `Operator`). */
  readonly role?: SpeakerRole;
}

export interface RawParagraph {
  /** 1-based line where the paragraph starts. */
  readonly line: number;
  readonly text: string;
  /** The paired translation, in bilingual layouts. */
  readonly translation?: string;
  /** Marked as interpreted (true) or as original words (false) by the source. */
  readonly interpreted?: boolean;
  readonly kind?: 'footnote';
  /** Language of this paragraph when it differs from the source's original layer. */
  readonly lang?: TextLang;
}

export interface RawTurn {
  readonly label: RawLabel;
  /** 1-based line of the label. */
  readonly line: number;
  /** Heading that opens the turn in the source. */
  readonly heading?: string;
  /** Section, when the layout's headings say which. */
  readonly section?: SectionId;
  /** A new question even when the same (often anonymous) asker asked the last one. */
  readonly opensExchange?: boolean;
  readonly paragraphs: RawParagraph[];
}

export type OmitReason =
  | 'site-chrome'
  | 'news'
  | 'links'
  | 'page-summary'
  | 'page-footer'
  | 'end-marker'
  | 'cover'
  | 'disclaimer';

export interface RawOmitted {
  readonly from: number;
  readonly to: number;
  readonly reason: OmitReason;
}

export interface RawSource {
  readonly layout: LayoutId;
  readonly title?: string;
  /** Language layers; the first is the original. */
  readonly layers: Layer[];
  readonly turns: RawTurn[];
  /** Paragraphs quoted from a results announcement (not said on the call). */
  readonly announcement: RawParagraph[];
  readonly omitted: RawOmitted[];
}

/** A layout: recognise it from the text, then parse it. */
export interface Layout {
  readonly id: LayoutId;
  /** True when the lines look like this layout. Cheap; never throws. */
  sniff(lines: readonly Line[]): boolean;
  /** Parses the lines; throws ConvertError for what it cannot understand. */
  parse(lines: readonly Line[], ctx: ParseContext): RawSource;
}

export interface ParseContext {
  readonly file: string;
  /** True when a name is one of the company's known people (any alias, any script). */
  readonly isKnownPerson: (name: string) => boolean;
}

/** Merges consecutive omitted lines with the same reason into ranges. */
export function omittedRanges(entries: ReadonlyArray<{ n: number; reason: OmitReason }>, kept: ReadonlySet<number> = new Set()): RawOmitted[] {
  const out: RawOmitted[] = [];
  for (const { n, reason } of [...entries].sort((a, b) => a.n - b.n)) {
    const last = out[out.length - 1];
    // Across a blank line, never across a line that is kept.
    if (last && last.reason === reason && n <= last.to + 2 && !(n === last.to + 2 && kept.has(last.to + 1))) {
      out[out.length - 1] = { ...last, to: n };
    } else {
      out.push({ from: n, to: n, reason });
    }
  }
  return out;
}
