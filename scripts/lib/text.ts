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

/** Largest transcript accepted: a call transcript is rarely over 500 KB; 5 MB is a mistake or many calls in one file. */
export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/**
 * Characters so frequent in Chinese prose that correctly decoded text is full of them and
 * text decoded with the wrong legacy encoding almost never is; one set per script.
 */
const COMMON_SIMPLIFIED = new Set(Array.from('的是在了我们有和这个中为年不一以上大人来到说时要就会可对也与及等将已公司业务收入增长季度'));
const COMMON_TRADITIONAL = new Set(Array.from('的是在了我們有和這個中為年不一以上大人來到說時要就會可對也與及等將已公司業務收入增長季度'));

function commonShare(text: string, common: ReadonlySet<string>): number {
  let han = 0;
  let hits = 0;
  for (const c of text) {
    if (!HAN.test(c)) continue;
    han++;
    if (common.has(c)) hits++;
  }
  return han === 0 ? 0 : hits / han;
}

/** Decodes legacy Chinese encodings when the bytes read as Chinese in exactly one of them. */
function decodeLegacyChinese(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const tries: Array<{ text: string; encoding: string; score: number }> = [];
  for (const [encoding, common] of [
    ['gb18030', COMMON_SIMPLIFIED],
    ['big5', COMMON_TRADITIONAL],
  ] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      tries.push({ text, encoding, score: commonShare(text, common) });
    } catch {
      // Not valid in this encoding.
    }
  }
  const good = tries.filter((t) => t.score >= 0.08).sort((a, b) => b.score - a.score);
  if (good.length === 0) return undefined;
  if (good.length > 1 && good[1]!.score > good[0]!.score * 0.6) return undefined;
  return good[0];
}

/**
 * Decodes a transcript's bytes: UTF-8 (a leading BOM is dropped), or GB18030 / Big5 when the
 * bytes are not UTF-8 and read clearly as Chinese in one of them (reported in `converted`).
 * Rejects what cannot be a text transcript, naming the line where the problem is.
 */
export function decodeTranscript(bytes: Uint8Array, file: string): { text: string; converted?: string } {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    throw new ConvertError(file, `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; transcripts are limited to ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB`, {
      hint: 'check that it is one call transcript; split a file that holds several calls',
    });
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ConvertError(file, 'the file is UTF-16, not UTF-8', { line: 1, hint: 'save it as UTF-8' });
  }
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
  const sample = bytes.subarray(0, 2000);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  if (sample.length >= 8 && zeros >= sample.length * 0.3) {
    throw new ConvertError(file, 'the file looks like UTF-16 without a byte-order mark, not UTF-8', { line: 1, hint: 'save it as UTF-8' });
  }
  let text: string;
  let converted: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    const legacy = decodeLegacyChinese(bytes);
    if (!legacy) {
      const line = lineOfFirstInvalidUtf8(bytes);
      throw new ConvertError(file, 'the file is not valid UTF-8, and does not read as GB18030 or Big5 Chinese either', {
        line,
        hint: 'save it as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)',
      });
    }
    text = legacy.text;
    converted = legacy.encoding;
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ConvertError(file, 'the file contains NUL bytes, so it is binary, not a text transcript', {
      line: lineAt(text, nul),
    });
  }
  if (text.trim() === '') throw new ConvertError(file, 'the file is empty', { hint: 'remove it or add the transcript text' });
  return converted ? { text, converted } : { text };
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

// Character-level conversions, cached: OpenCC's phrase-level conversion is far slower, and
// matching and script detection only need each character's counterpart.
const simplifiedOf = new Map<string, string>();
const traditionalOf = new Map<string, string>();
function counterpart(c: string, cache: Map<string, string>, convert: (s: string) => string): string {
  let v = cache.get(c);
  if (v === undefined) {
    const t = convert(c);
    v = Array.from(t).length === 1 ? t : c;
    cache.set(c, v);
  }
  return v;
}

/** The text with every Traditional character replaced by its Simplified form, character by character. */
export function simplifiedChars(text: string): string {
  let out = '';
  for (const c of text) out += c.charCodeAt(0) < 0x2e80 ? c : counterpart(c, simplifiedOf, toSimplified);
  return out;
}

/**
 * Counts characters written in a form only one script uses: `simplified` counts characters
 * that change when converted to Traditional, `traditional` the reverse.
 */
export function scriptEvidence(text: string): { simplified: number; traditional: number } {
  let simplified = 0;
  let traditional = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x2e80 || !HAN.test(c)) continue;
    if (counterpart(c, traditionalOf, toTraditional) !== c) simplified++;
    if (counterpart(c, simplifiedOf, toSimplified) !== c) traditional++;
  }
  return { simplified, traditional };
}

/** The Chinese script a text is written in, or null when it gives no evidence. */
export function chineseScript(text: string): 'zh-Hans' | 'zh-Hant' | null {
  const { simplified, traditional } = scriptEvidence(text);
  if (simplified === 0 && traditional === 0) return null;
  return simplified >= traditional ? 'zh-Hans' : 'zh-Hant';
}

/** Korean or Japanese when their own letters (Hangul; kana) make up much of the text. */
function otherScript(text: string): TextLang | undefined {
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const letters = (text.match(/[A-Za-z\p{Script=Han}]/gu)?.length ?? 0) + hangul + kana;
  if (letters === 0) return undefined;
  if (hangul / letters >= 0.3) return 'ko';
  if (kana / letters >= 0.15) return 'ja';
  return undefined;
}

/** The language of a piece of text: Korean or Japanese by their letters, Chinese by script when mostly Han, else English. */
export function textLanguage(text: string, fallback: TextLang = 'zh-Hans'): TextLang {
  const other = otherScript(text);
  if (other) return other;
  if (hanShare(text) < 0.3) return 'en';
  return chineseScript(text) ?? (fallback === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans');
}

/**
 * Text for matching only: NFKC (full-width digits and colons become ASCII), Traditional
 * converted to Simplified, lowercased, whitespace collapsed. Never shown to readers.
 */
export function matchKey(text: string): string {
  return simplifiedChars(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
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

/**
 * Lowercase ASCII slug of a name; non-Latin names become their code points so ids stay ASCII.
 * Letters of other scripts in a mixed name are kept as code points too (`李Ken` -> `ken-` + 李's),
 * so that `李Ken` and `王Ken` stay two people.
 */
/** Lower-case Latin without accents, letters no decomposition reaches spelled out ("Sjømat" -> "sjomat", "Straße" -> "strasse"). */
export function latinFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øœæßđłþ]/g, (c) => ({ ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' })[c]!);
}

export function slugify(text: string): string {
  const ascii = latinFold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const codePoints = (chars: string[]) => chars.map((c) => c.codePointAt(0)!.toString(36)).join('-');
  if (!ascii) return codePoints(Array.from(text.trim()));
  const other = Array.from(text.normalize('NFKD')).filter((c) => /\p{L}/u.test(c) && !/\p{Script=Latin}/u.test(c));
  return other.length > 0 ? `${ascii}-${codePoints(other)}` : ascii;
}

/** Sentence-final punctuation in Chinese and English. */
export const SENTENCE_END = /[。！？!?；;：:）)”"’』」…．.]$/;

/** The cells of a table row (`| a | b |`, or a slide's row), or undefined when the line is not one; layouts keep such rows apart, the reader reads them (figures/tables.ts). */
export function tableCells(text: string): string[] | undefined {
  const t = text.trim();
  if (/^\|.*\|$/.test(t)) return t.slice(1, -1).split('|').map((c) => c.trim());
  const cells = t.split(/\t+|\s{3,}/).map((c) => c.trim()).filter(Boolean);
  // (A slide's row: three or more cells apart by tabs or runs of three spaces, none over 48 characters.)
  return cells.length >= 3 && cells.every((c) => c.length <= 48) ? cells : undefined;
}

/**
 * Whether a run of lines separates paragraphs with blank lines: many blank lines, or long lines
 * that mostly stop mid-sentence and go on in the next (a PDF's hard-wrapped text, with blank
 * lines only between paragraphs).
 */
export function blankSeparatedParagraphs(body: readonly { readonly text: string }[]): boolean {
  const blankShare = body.filter((l) => l.text === '').length / Math.max(1, body.length);
  const long = body.filter((l, k) => l.text.length >= 50 && body[k + 1]?.text);
  const wrapped = long.filter((l) => !/[.!?:"”')]$/.test(l.text)).length;
  return blankShare >= 0.2 || (long.length >= 10 && wrapped >= 0.5 * long.length);
}

/**
 * Two lines of a hard-wrapped paragraph as one: "forward-looking infor-" and "mation within …"
 * join without the hyphen a PDF export put at the break; other lines with a space.
 */
export function joinHardWrapped(a: string, b: string): string {
  return /\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b) ? `${a.slice(0, -1)}${b}` : `${a} ${b}`;
}

/** A line drawn across the page: "=====…", "-----…" (wire-service exports between turns). */
export const isRuleLine = (text: string) => /^\s*([=\-_*~#])\1{9,}\s*$/.test(text);

/** `|---|:---:|`: the line under a Markdown table's header. */
export const isRule = (cells: readonly string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');
