/**
 * Whatever users feed the converter gets a correct call or a clear error naming the file, the
 * line and the fix: encodings, line endings, sizes, odd characters, missing parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { companySchema, type Call } from '../src/lib/schema.ts';
import { convertAll, type InputFile } from '../scripts/lib/pipeline.ts';
import { MAX_TRANSCRIPT_BYTES } from '../scripts/lib/text.ts';
import { catalog, root } from './helpers.ts';

const acme = companySchema.parse(yaml.load(readFileSync(join(root, 'tests/fixtures/companies/acme.yaml'), 'utf8')));
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures', name));
const run = (...inputs: InputFile[]) => convertAll(inputs, catalog([acme]));
const input = (path: string, bytes: Uint8Array | string): InputFile => ({ path, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes });
const plain = fixture('layouts/plain-english-with-participant-lists.txt').toString('utf8');
const official = fixture('layouts/official-clean-with-false-colon-label.txt').toString('utf8');
const paragraphsOf = (call: Call) => call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
const reference = run(input('seeds/a.txt', plain)).calls[0]!;

describe('input robustness', () => {
  it('reads a file with a byte-order mark like one without', () => {
    const r = run(input('seeds/bom.txt', `\uFEFF${plain}`));
    expect(r.errors).toEqual([]);
    expect(paragraphsOf(r.calls[0]!)).toEqual(paragraphsOf(reference));
    expect(r.calls[0]!.sources[0]!.title).toBe(reference.sources[0]!.title);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('reads %s line ends like LF', (_name, eol) => {
    const r = run(input('seeds/eol.txt', plain.replaceAll('\n', eol)));
    expect(r.errors).toEqual([]);
    expect(paragraphsOf(r.calls[0]!)).toEqual(paragraphsOf(reference));
    expect(r.calls[0]!.speakers).toEqual(reference.speakers);
  });

  it('converts GB18030 and Big5 transcripts, saying so', () => {
    const gb = run(input('seeds/gb.txt', fixture('inputs/official-transcript-in-gb18030.txt')));
    expect(gb.errors).toEqual([]);
    expect(paragraphsOf(gb.calls[0]!)).toContain('欢迎提问。');
    expect(gb.warnings.map((w) => w.message)).toEqual(['not UTF-8; read as GB18030 (save it as UTF-8 to silence this)']);
    const big5 = run(input('seeds/big5.txt', fixture('inputs/official-transcript-in-big5.txt')));
    expect(big5.errors).toEqual([]);
    expect(paragraphsOf(big5.calls[0]!)).toContain('歡迎提問。');
    expect(big5.calls[0]!.sources[0]!.layers[0]!.lang).toBe('zh-Hant');
    expect(big5.calls[0]!.quarter).toBe('FY2025Q2');
    expect(big5.warnings.map((w) => w.message)).toEqual(['not UTF-8; read as BIG5 (save it as UTF-8 to silence this)']);
  });

  it('rejects UTF-16 without a byte-order mark', () => {
    const bytes = new Uint8Array(Array.from(plain.slice(0, 400)).flatMap((c) => [c.charCodeAt(0) & 0xff, 0]));
    expect(run(input('seeds/u16.txt', bytes)).errors.map((e) => e.format())).toEqual([
      'seeds/u16.txt:1: the file looks like UTF-16 without a byte-order mark, not UTF-8\n  hint: save it as UTF-8',
    ]);
  });

  it('rejects bytes that are neither UTF-8 nor Chinese in a legacy encoding, naming the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Acme Holdings\nline two\n'), 0xc0, 0x80, 0xff, 0x0a]);
    expect(run(input('seeds/latin.txt', bytes)).errors.map((e) => e.format())).toEqual([
      'seeds/latin.txt:3: the file is not valid UTF-8, and does not read as GB18030 or Big5 Chinese either\n  hint: save it as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)',
    ]);
  });

  it('refuses a 20 MB file at once, with the limit and what to do', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const t = performance.now();
    const r = run(input('seeds/huge.txt', big));
    expect(r.errors.map((e) => e.format())).toEqual([
      `seeds/huge.txt: the file is 20.0 MB; transcripts are limited to ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB\n  hint: check that it is one call transcript; split a file that holds several calls`,
    ]);
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('converts a transcript with one paragraph of a megabyte', () => {
    const line = `Revenue grew 5% to RMB1 billion in the quarter, said the CFO. `.repeat(17_000);
    const r = run(input('seeds/long-line.txt', plain.replace('Free cash flow was $1.2 billion.', line)));
    expect(r.errors).toEqual([]);
    expect(paragraphsOf(r.calls[0]!).some((p) => p.length > 1_000_000)).toBe(true);
  });

  it('reads full-width digits and punctuation in quarters, labels and figures', () => {
    const full = official.replace('2024 年 12 月份季度', '２０２４年１２月份季度').replace('本季度收入增长 8%', '本季度收入增长８％').replace('李森：', '李森：');
    const r = run(input('seeds/fullwidth.txt', full));
    expect(r.errors).toEqual([]);
    expect(r.calls[0]!.quarter).toBe('FY2025Q2');
    const all = [...r.calls[0]!.figures, ...r.calls[0]!.unassigned];
    expect(all.find((f) => f.metric === 'revenue_yoy_pct')?.value).toBe(8);
    expect(paragraphsOf(r.calls[0]!).some((p) => p.includes('８％'))).toBe(true);
  });

  it('gives speakers it does not know a role from their label and no person', () => {
    const unknown = plain.replaceAll('Sam Lee', 'Ravi Kumar');
    const r = run(input('seeds/unknown.txt', unknown));
    const ravi = r.calls[0]!.speakers.find((s) => s.name === 'Ravi Kumar')!;
    expect([ravi.role, ravi.person, ravi.title]).toEqual(['executive', undefined, 'Chief Executive Officer']);
  });

  it('converts a call with no Q&A into introduction and prepared remarks only', () => {
    const noQa = plain.slice(0, plain.indexOf('Question-and-Answer Session'));
    const r = run(input('seeds/no-qa.txt', noQa));
    expect(r.errors).toEqual([]);
    expect(r.calls[0]!.sources[0]!.sections.map((s) => s.id)).toEqual(['introduction', 'prepared-remarks']);
    expect(r.calls[0]!.sources[0]!.exchanges).toEqual([]);
    expect(r.calls[0]!.digest).toEqual([]);
  });

  it('keeps both values when two transcripts of one quarter disagree on a figure', () => {
    const other = plain.replace('Cloud revenue grew 12% to $4.1 billion.', 'Cloud revenue grew 12% to $4.3 billion.').replace('Bo Wu', 'Cy Wu');
    const r = run(input('seeds/a.txt', plain), input('seeds/b.txt', other));
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]!.sources).toHaveLength(2);
    const cloud = r.calls[0]!.figures.filter((f) => f.segment === 'cloud' && f.metric === 'revenue');
    expect(cloud.map((f) => [f.value, f.disputed, f.quotes.map((q) => q.source)])).toEqual([
      [4_100_000_000, true, ['en']],
      [4_300_000_000, true, ['en-2']],
    ]);
    expect(r.calls[0]!.figures.find((f) => f.metric === 'revenue_yoy_pct')!.disputed).toBeUndefined();
  });

  it('rejects a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(run(input('seeds/image.png', png)).errors[0]!.message).toMatch(/UTF-16|binary|not valid UTF-8/);
  });
});
