/**
 * Text helpers for the converter: decoding a transcript's bytes, splitting lines, telling
 * Simplified from Traditional Chinese, and normalising text for matching (never for display).
 */
import * as OpenCC from 'opencc-js';
import { ConvertError } from './errors.ts';
import type { TextLang } from '../../src/lib/schema.ts';

/** One physical line of a transcript. */
export interface Line {
  /** 1-based line number, as `cat -n` counts. */
  readonly n: number;
  /** The line without its line ending, untouched. */
  readonly raw: string;
  /** The line with surrounding whitespace removed. */
  readonly text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a transcript's bytes as UTF-8 (a leading BOM is dropped) and rejects what cannot be
 * a text transcript, naming the line where the problem is.
 */
export function decodeTranscript(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ConvertError(file, 'the file is UTF-16, not UTF-8', { line: 1, hint: 'save it as UTF-8' });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = lineOfFirstInvalidUtf8(bytes);
    throw new ConvertError(file, 'the file is not valid UTF-8', {
      line,
      hint: 'save it as UTF-8 (a GB18030 or Big5 file must be converted first, e.g. with iconv)',
    });
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ConvertError(file, 'the file contains NUL bytes, so it is binary, not a text transcript', {
      line: lineAt(text, nul),
    });
  }
  if (text.trim() === '') throw new ConvertError(file, 'the file is empty', { hint: 'remove it or add the transcript text' });
  return text;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += len;
  }
  return line;
}

/** Splits text into lines; CRLF and lone CR count as line ends. */
export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, raw, text: raw.trim() }));
}

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

/** True when the text contains at least one Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Share of letters (Han or Latin) that are Han, 0 to 1. */
export function hanShare(text: string): number {
  const han = text.match(HAN_G)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han + latin === 0 ? 0 : han / (han + latin);
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Counts characters written in a form only one script uses: `simplified` counts characters
 * that change when converted to Traditional, `traditional` the reverse.
 */
export function scriptEvidence(text: string): { simplified: number; traditional: number } {
  const han = (text.match(HAN_G) ?? []).join('');
  let simplified = 0;
  let traditional = 0;
  const t = toTraditional(han);
  const s = toSimplified(han);
  // OpenCC converts character by character here (no phrase changes length for Han-only input);
  // compare positions, falling back to counting differences when lengths differ.
  for (let i = 0; i < han.length; i++) {
    if (t[i] !== han[i]) simplified++;
    if (s[i] !== han[i]) traditional++;
  }
  return { simplified, traditional };
}

/** The Chinese script a text is written in, or null when it gives no evidence. */
export function chineseScript(text: string): 'zh-Hans' | 'zh-Hant' | null {
  const { simplified, traditional } = scriptEvidence(text);
  if (simplified === 0 && traditional === 0) return null;
  return simplified >= traditional ? 'zh-Hans' : 'zh-Hant';
}

/** The language of a piece of text: Chinese by script when mostly Han, else English. */
export function textLanguage(text: string, fallback: TextLang = 'zh-Hans'): TextLang {
  if (hanShare(text) < 0.3) return 'en';
  return chineseScript(text) ?? (fallback === 'en' ? 'zh-Hans' : fallback);
}

/**
 * Text for matching only: NFKC (full-width digits and colons become ASCII), Traditional
 * converted to Simplified, lowercased, whitespace collapsed. Never shown to readers.
 */
export function matchKey(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Like `matchKey` but with all whitespace removed (`介  绍` and `介 绍` both become `介绍`). */
export function compactKey(text: string): string {
  return matchKey(text).replace(/\s+/g, '');
}

/** Joins two pieces of a wrapped line: no separator between Chinese, a space between Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (/[A-Za-z0-9,.;:!?)]$/.test(a) && /^[A-Za-z0-9(]/.test(b) && !/[\d]$/.test(a)) return `${a} ${b}`;
  return a + b;
}

/** Lowercase ASCII slug of a name; non-Latin names become their code points so ids stay ASCII. */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii) return ascii;
  return Array.from(text.trim())
    .map((c) => c.codePointAt(0)!.toString(36))
    .join('-');
}

/** Sentence-final punctuation in Chinese and English. */
export const SENTENCE_END = /[。！？!?；;：:）)”"’』」…．.]$/;
