/**
 * Official transcripts as companies publish them (e.g. a Chinese 记录稿), possibly extracted
 * from PDF: whole-line section headings, speaker labels on lines of their own followed by an
 * interpretation marker (`（翻译）` interpreted, `（原话）` original words), paragraphs in
 * between. Two paragraph conventions are recognised from the text:
 *
 * - clean: one paragraph per line; a line that does not end a sentence was broken by a page
 *   and continues on the next line;
 * - PDF-wrapped: every visual line is its own line, and only the last line of a paragraph
 *   carries trailing whitespace.
 *
 * Page footers (a title and a date spread by a run of spaces, then a page number) and an
 * end marker (`【记录稿结束】`) are dropped.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, OmitReason, RawLabel, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges } from '../raw.ts';
import { joinWrapped, SENTENCE_END, textLanguage, type Line } from '../text.ts';
import type { SectionId } from '../../../src/lib/schema.ts';
import {
  MARKER,
  markerMeansInterpreted,
  roleFromName,
  sectionOfHeading,
  SENTENCE_PUNCT,
  TITLE_WORDS,
  ZH_FIRM,
} from './shared.ts';

const END_MARKER = /^【[^】]*(结束|結束|完)[^】]*】$/;
const FOOTNOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S/;
const PAGE_NUMBER = /^\d{1,4}$/;
const COLON_LABEL = /^(.{1,60}?)\s*[:：]$/;
const NAME_WITH_FIRM = /^(.+?)\s*[（(]\s*([^()（）]+?)\s*[）)]$/;

function isFooter(l: Line): boolean {
  return /\S\s{5,}\S/.test(l.raw) && /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(l.text);
}

function short(text: string, max: number): boolean {
  return text.length <= max && !SENTENCE_PUNCT.test(text) && !SENTENCE_END.test(text);
}

/** `首席财务官 Michael Harland`, `中泓证券分析师 王一帆`, `主持人 周婧`: a title, firm or role before the name. */
const BEFORE_NAME = /^(?<pre>\p{Script=Han}{2,16}?)\s+(?<name>\p{Script=Han}{2,4}|[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3})$/u;

function labelFromName(text: string): RawLabel {
  const m = NAME_WITH_FIRM.exec(text);
  if (m) return { text, name: m[1]!.trim(), firm: m[2]!.trim(), role: 'analyst' };
  const b = BEFORE_NAME.exec(text);
  if (b?.groups) {
    const pre = b.groups.pre!;
    const name = b.groups.name!;
    if (/分析师|分析師/.test(pre)) {
      const firm = pre.replace(/(?:首席)?(?:分析师|分析師)$/u, '');
      return { text, name, role: 'analyst', ...(firm ? { firm } : {}) };
    }
    const byRole = roleFromName(pre);
    if (byRole) return { text, name, role: byRole };
    if (TITLE_WORDS.test(pre)) return { text, name, title: pre };
    if (ZH_FIRM.test(pre)) return { text, name, role: 'analyst', firm: pre };
  }
  const role = roleFromName(text);
  return { text, name: text, ...(role ? { role } : {}) };
}

interface LabelAt {
  /** Index in the content list of the first line of the label (heading excluded). */
  readonly start: number;
  /** Index of the last line the label uses (the marker when there is one). */
  readonly end: number;
  readonly label: RawLabel;
  readonly heading?: string;
  readonly interpreted?: boolean;
  /** Words on the label's own line ("操作员：谢谢。现在…"). */
  readonly rest?: string;
}

/** The operator speaking on the label's line: "操作员：谢谢。现在开始问答环节。", "Operator: Thank you." */
const INLINE_OPERATOR = /^(?<name>操作员|操作員|接线员|接線員|Operator)\s*[:：]\s*(?<rest>\S.*)$/u;

function findLabels(content: readonly Line[], isKnownPerson: (n: string) => boolean): LabelAt[] {
  const labels: LabelAt[] = [];
  const isMarker = (i: number) => i >= 0 && i < content.length && MARKER.test(content[i]!.text);
  for (let i = 0; i < content.length; i++) {
    const text = content[i]!.text;
    const op = INLINE_OPERATOR.exec(text);
    // (Not the call's first line: a cover "操作员：…" belongs to the layout that reads such labels.)
    if (op?.groups && labels.length > 0) {
      labels.push({ start: i, end: i, label: labelFromName(op.groups.name!), rest: op.groups.rest! });
      continue;
    }
    const colon = COLON_LABEL.exec(text);
    if (colon && !SENTENCE_PUNCT.test(colon[1]!) && !MARKER.test(text)) {
      const name = colon[1]!.trim();
      const known = isMarker(i + 1) || isKnownPerson(name) || NAME_WITH_FIRM.test(name);
      if (known && name.length <= 60) {
        const prev = content[i - 1]?.text;
        const heading = prev !== undefined && sectionOfHeading(prev) ? prev : undefined;
        const marker = isMarker(i + 1) ? content[i + 1]!.text : undefined;
        labels.push({
          start: i,
          end: marker ? i + 1 : i,
          label: labelFromName(name),
          ...(heading ? { heading } : {}),
          ...(marker ? { interpreted: markerMeansInterpreted(marker) } : {}),
        });
        continue;
      }
    }
    if (!isMarker(i)) continue;
    // A marker after a name line (and perhaps a title line) closes a block label.
    const p1 = content[i - 1]?.text;
    if (p1 === undefined || COLON_LABEL.test(p1) || labels.some((l) => l.end === i - 1)) continue;
    let start = i - 1;
    let label: RawLabel;
    const p2 = content[i - 2]?.text;
    // Titles may list several posts (`董事会主席兼首席执行官、云智能集团董事长`), so they
    // may contain enumeration commas but never end a sentence.
    const isTitle = TITLE_WORDS.test(p1) && p1.length <= 80 && !/[。；;？?！!：:]/.test(p1) && !SENTENCE_END.test(p1);
    if (isTitle && p2 !== undefined && short(p2, 40) && !labels.some((l) => l.end === i - 2)) {
      start = i - 2;
      label = { ...labelFromName(p2), title: p1 };
    } else if (short(p1, 40)) {
      label = labelFromName(p1);
    } else {
      continue;
    }
    const h = content[start - 1]?.text;
    const heading = h !== undefined && short(h.replace(/\s+/g, ''), 20) && !labels.some((l) => l.end === start - 1) ? h : undefined;
    labels.push({
      start,
      end: i,
      label,
      ...(heading ? { heading } : {}),
      interpreted: markerMeansInterpreted(content[i]!.text),
    });
  }
  return labels;
}

export const official: Layout = {
  id: 'official-transcript',

  sniff(lines) {
    let markers = 0;
    for (const l of lines) if (MARKER.test(l.text)) markers++;
    return markers >= 2;
  },

  parse(lines, ctx) {
    const omitted: { n: number; reason: OmitReason }[] = [];
    const content: Line[] = [];
    let ended = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.text === '') continue;
      if (ended) {
        omitted.push({ n: l.n, reason: 'end-marker' });
        continue;
      }
      if (END_MARKER.test(l.text)) {
        ended = true;
        omitted.push({ n: l.n, reason: 'end-marker' });
        continue;
      }
      if (isFooter(l)) {
        omitted.push({ n: l.n, reason: 'page-footer' });
        let j = i + 1;
        while (j < lines.length && lines[j]!.text === '') j++;
        if (j < lines.length && PAGE_NUMBER.test(lines[j]!.text)) {
          omitted.push({ n: lines[j]!.n, reason: 'page-footer' });
          i = j;
        }
        continue;
      }
      content.push(l);
    }

    const labels = findLabels(content, ctx.isKnownPerson);
    if (labels.length === 0) {
      throw new ConvertError(ctx.file, 'no speaker label was found', {
        hint: 'labels are whole lines such as "Jane Doe (Firm):" or a name line followed by a marker line "（翻译）" or "（原话）"',
      });
    }

    // Paragraph convention: PDF-wrapped when a minority of lines carry trailing whitespace.
    const bodyLines = content.filter((l) => !MARKER.test(l.text));
    const trailing = bodyLines.filter((l) => /\s$/.test(l.raw)).length;
    const wrapped = trailing >= bodyLines.length * 0.1 && trailing <= bodyLines.length * 0.95;
    const endsParagraph = (l: Line) => (wrapped ? /\s$/.test(l.raw) : SENTENCE_END.test(l.text));

    const firstLabel = labels[0]!;
    const coverEnd = firstLabel.heading !== undefined ? firstLabel.start - 1 : firstLabel.start;
    const cover = content.slice(0, coverEnd);
    for (const l of cover) omitted.push({ n: l.n, reason: 'cover' });
    const titleParts = cover
      .map((l) => l.text)
      .filter((t, i, all) => !/\d{4}\s*年.*日/.test(t) && !(all[i + 1]?.includes(t) ?? false));
    const title = titleParts.length > 0 ? titleParts.join(' ') : undefined;

    const hasHeadings = labels.some((l) => l.heading !== undefined);
    const turns: RawTurn[] = [];
    let section: SectionId | undefined = hasHeadings ? 'introduction' : undefined;
    for (let k = 0; k < labels.length; k++) {
      const at = labels[k]!;
      if (at.heading !== undefined) section = sectionOfHeading(at.heading) ?? 'prepared-remarks';
      const stop = k + 1 < labels.length ? labels[k + 1]!.start - (labels[k + 1]!.heading !== undefined ? 1 : 0) : content.length;
      const paragraphs: RawParagraph[] = [];
      const footnotes: RawParagraph[] = [];
      let interpreted = at.interpreted;
      let open: { line: number; text: string; interpreted: boolean | undefined } | undefined = at.rest ? { line: content[at.start]!.n, text: at.rest, interpreted: undefined } : undefined;
      const close = () => {
        if (open) {
          paragraphs.push({
            line: open.line,
            text: open.text,
            ...(open.interpreted === undefined ? {} : { interpreted: open.interpreted }),
          });
          open = undefined;
        }
        paragraphs.push(...footnotes.splice(0));
      };
      for (let i = at.end + 1; i < stop; i++) {
        const l = content[i]!;
        if (MARKER.test(l.text)) {
          close();
          interpreted = markerMeansInterpreted(l.text);
          continue;
        }
        if (FOOTNOTE.test(l.text)) {
          footnotes.push({ line: l.n, text: l.text, kind: 'footnote' });
          if (!open) close();
          continue;
        }
        if (open) open.text = joinWrapped(open.text, l.text);
        else open = { line: l.n, text: l.text, interpreted };
        if (endsParagraph(l)) close();
      }
      close();
      if (paragraphs.length === 0) continue;
      turns.push({
        label: at.label,
        line: content[at.start]!.n,
        // Headings that name a section become the section; others (`财务业绩`) stay on the turn.
        ...(at.heading !== undefined && !sectionOfHeading(at.heading) ? { heading: at.heading.replace(/\s+/g, ' ') } : {}),
        ...(section ? { section } : {}),
        paragraphs,
      });
    }
    if (turns.length === 0) {
      throw new ConvertError(ctx.file, 'speaker labels were found but no text under them', { line: content[firstLabel.start]!.n });
    }

    const lang = textLanguage(turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n'));
    return {
      layout: 'official-transcript',
      ...(title ? { title } : {}),
      layers: [{ lang, role: 'original', machine_translated: false }],
      turns,
      announcement: [],
      omitted: omittedRanges(omitted),
    };
  },
};
