/**
 * Bilingual pairs: every paragraph is a bullet line (`  • English`) followed by its translation
 * on an indented line (`    中文`). Speaker labels are the bullets whose "translation" is the
 * same text, because translators leave names alone. Lines before the first bullet are the page
 * header: a title, perhaps a summary written by the site, and perhaps a note that the
 * translation is machine-made.
 */
import { ConvertError } from '../errors.ts';
import type { Layout, RawLabel, RawParagraph, RawTurn } from '../raw.ts';
import { omittedRanges, type OmitReason } from '../raw.ts';
import { textLanguage, type Line } from '../text.ts';
import type { Layer, TextLang } from '../../../src/lib/schema.ts';
import { parseDashLabel, MACHINE_TRANSLATION, roleFromName } from './shared.ts';
import { splitLabel } from './label-lines.ts';

const BULLET = /^ {0,3}[•●▪◦]\s+(\S.*)$/;
const INDENTED = /^ {4,}(\S.*)$/;
const INTERPRETED_EN = /^\((?:interpreted|interpretation|translated)\)\s*/i;
// The translation of "(interpreted)" varies with the translator; any short leading parenthesis
// is that marker when the original paragraph carried one.
const LEADING_MARK = /^[（(][^（）()]{1,6}[）)]\s*/;

interface Pair {
  readonly line: number;
  readonly original: string;
  readonly translation: string | undefined;
}

/** Paragraphs separated by blank lines: `[first line, joined text, its lines]`. */
function blocks(lines: readonly Line[]): Array<{ line: number; text: string; lines: string[] }> {
  const out: Array<{ line: number; text: string; lines: string[] }> = [];
  let open: { line: number; text: string; lines: string[] } | undefined;
  for (const l of lines) {
    if (l.text === '') {
      if (open) out.push(open);
      open = undefined;
    } else if (open) {
      open.text = `${open.text} ${l.text}`;
      open.lines.push(l.text);
    } else open = { line: l.n, text: l.text, lines: [l.text] };
  }
  if (open) out.push(open);
  return out;
}

/** A short line without sentence punctuation. */
const SHORT = (t: string) => t.length <= 80 && !/[.?!。？！]$/.test(t) && t.split(/\s+/).length <= 12;

/** A label as the original gives it: `Operator`, `Jane Doe, Chief Financial Officer`, `Jane Doe - CFO`. */
function labelShaped(text: string): boolean {
  if (!SHORT(text)) return false;
  if (roleFromName(text)) return true;
  // (Not a title line: "Acme Co., Ltd. 3Q 2026 Earnings Conference Call".)
  if (/\d|\b(?:earnings|results|conference|call|webcast|briefing|transcript)\b/i.test(text)) return false;
  return /^[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,3}\s*(?:,|\s[-–—]{1,2})\s*\S/.test(text);
}

/**
 * Without bullets: each paragraph followed by its translation as the next paragraph, a label
 * repeated as it is. A paragraph and the next are a pair when they are the same text or when
 * the first is in Latin letters and the next in another script (Han, Hangul, kana).
 */
function paragraphPairs(lines: readonly Line[]): Pair[] {
  const bs = blocks(lines);
  const latin = (t: string) => textLanguage(t, 'en') === 'en';
  const out: Pair[] = [];
  for (let i = 0; i < bs.length; i++) {
    const a = bs[i]!;
    const b = bs[i + 1];
    // Lines in Latin letters, then as many lines in another script, in one block: each line and
    // its translation ("Operator" / "사회자", a sentence and its Korean), or a label and a
    // paragraph followed by the translated label and paragraph.
    const split = a.lines.findIndex((l) => !latin(l));
    if (split > 0 && split * 2 === a.lines.length && a.lines.slice(0, split).every(latin) && !a.lines.slice(split).some(latin)) {
      for (let k = 0; k < split; k++) out.push({ line: a.line + k, original: a.lines[k]!, translation: a.lines[split + k]! });
      continue;
    }
    if (b && (b.text === a.text || (latin(a.text) && !latin(b.text)))) {
      out.push({ line: a.line, original: a.text, translation: b.text });
      i++;
    } else out.push({ line: a.line, original: a.text, translation: undefined });
  }
  return out;
}

function pairs(lines: readonly Line[]): Pair[] {
  if (!lines.some((l) => BULLET.test(l.raw))) return paragraphPairs(lines);
  return bulletPairs(lines);
}

function bulletPairs(lines: readonly Line[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = BULLET.exec(lines[i]!.raw);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.text === '') j++;
    const t = j < lines.length && !BULLET.test(lines[j]!.raw) ? INDENTED.exec(lines[j]!.raw) : null;
    out.push({ line: lines[i]!.n, original: m[1]!.trim(), translation: t ? t[1]!.trim() : undefined });
  }
  return out;
}

/**
 * A bullet is a label when its translation is identical and it reads like a name, not a
 * sentence; or when the original reads as a label ("Operator", "Jane Doe, CFO") and its
 * translation is as short ("사회자", "강혜진, 최고재무책임자").
 */
function isLabel(p: Pair): boolean {
  if (p.translation === undefined) return false;
  // "Hiroshi Ueda:" / "上田浩：", "Operator:" / "主持人：": a name and its translation, each with a colon.
  if (/^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}\s*:$/.test(p.original) && /^\S.{0,30}[:：]$/.test(p.translation) && !/[.?!。？！]/.test(p.translation)) return true;
  if (p.translation !== p.original) return labelShaped(p.original) && SHORT(p.translation);
  return p.original.length <= 120 && !/[.?!。？！]$/.test(p.original) && p.original.split(/\s+/).length <= 16;
}

/** The label's parts: `Name - Title`, else `Name, Title`. */
function labelOf(written: string): RawLabel {
  const text = written.replace(/\s*[:：]$/, '');
  const dashed = parseDashLabel(text);
  if (dashed.title || dashed.role) return dashed;
  const split = splitLabel(text);
  if (split) return split;
  // "Lee Jae-won, Hanbyeol Securities": a name and, not being a job title, the asker's firm.
  const comma = /^(?<name>[^,]{2,60}),\s*(?<firm>.{2,80})$/.exec(text);
  return comma?.groups ? { text, name: comma.groups.name!.trim(), firm: comma.groups.firm!.trim(), role: 'analyst' } : dashed;
}

function detectLang(texts: readonly string[], fallback: TextLang): TextLang {
  // Any language: a Korean or Japanese layer is tagged as such, never as English.
  return textLanguage(texts.join('\n'), fallback);
}

export const bilingual: Layout = {
  id: 'bilingual-pairs',

  sniff(lines) {
    const ps = pairs(lines);
    if (ps.length < 5) return false;
    const paired = ps.filter((p) => p.translation !== undefined).length;
    // Paragraph pairs need labels repeated as they are, which prose never is.
    const bulleted = lines.some((l) => BULLET.test(l.raw));
    return paired / ps.length >= 0.9 && (bulleted || ps.filter(isLabel).length >= 3);
  },

  parse(lines, ctx) {
    const bulleted = lines.some((l) => BULLET.test(l.raw));
    // Without bullets, the pairs before the first label are the page's header (title, date, notes).
    const all = pairs(lines);
    const firstLabel = bulleted ? 0 : Math.max(0, all.findIndex(isLabel));
    const ps = all.slice(firstLabel);
    const firstBullet = ps[0]!.line;
    const omitted: { n: number; reason: OmitReason }[] = [];

    // Header: the first non-empty line is the title; a machine-translation note is recorded
    // on the translation layer; everything else there was written by the site, not said.
    let title: string | undefined;
    let mtNote: string | undefined;
    for (const l of lines) {
      if (l.n >= firstBullet) break;
      if (l.text === '') continue;
      if (title === undefined) {
        title = l.text;
      } else if (MACHINE_TRANSLATION.test(l.text)) {
        mtNote = l.text;
        omitted.push({ n: l.n, reason: 'disclaimer' });
      } else {
        // A bulleted page's header holds the site's summary; a plain one, the cover (date, notes).
        omitted.push({ n: l.n, reason: bulleted ? 'page-summary' : 'cover' });
      }
    }

    const turns: RawTurn[] = [];
    let current: { label: RawLabel; line: number; paragraphs: RawParagraph[] } | undefined;
    for (const p of ps) {
      if (isLabel(p)) {
        current = { label: labelOf(p.original), line: p.line, paragraphs: [] };
        turns.push(current);
        continue;
      }
      if (!current) {
        throw new ConvertError(ctx.file, 'the transcript text starts before any speaker label', {
          line: p.line,
          hint: 'a bilingual transcript must open with a label line such as "  • Operator" followed by the same text indented',
        });
      }
      const interpreted = INTERPRETED_EN.test(p.original);
      const text = p.original.replace(INTERPRETED_EN, '').trim();
      const translation = p.translation === undefined ? undefined : interpreted ? p.translation.replace(LEADING_MARK, '').trim() : p.translation;
      if (text === '') continue;
      current.paragraphs.push({
        line: p.line,
        text,
        ...(translation ? { translation } : {}),
        ...(interpreted ? { interpreted: true } : {}),
      });
    }
    const spoken = turns.filter((t) => t.paragraphs.length > 0);
    if (spoken.length === 0) {
      throw new ConvertError(ctx.file, 'no speaker label was found', {
        line: firstBullet,
        hint: 'label lines are bullets whose indented translation repeats them exactly, e.g. "  • Jane Doe - CFO"',
      });
    }

    const originalLang = detectLang(ps.map((p) => p.original), 'en');
    const translationLang = detectLang(
      ps.flatMap((p) => (p.translation !== undefined && p.translation !== p.original ? [p.translation] : [])),
      originalLang === 'en' ? 'zh-Hans' : 'en',
    );
    const layers: Layer[] = [
      { lang: originalLang, role: 'original', machine_translated: false },
      {
        lang: translationLang,
        role: 'translation',
        machine_translated: mtNote !== undefined,
        ...(mtNote ? { note: mtNote } : {}),
      },
    ];

    return {
      layout: 'bilingual-pairs',
      ...(title ? { title } : {}),
      layers,
      turns: spoken,
      announcement: [],
      omitted: omittedRanges(omitted),
    };
  },
};
