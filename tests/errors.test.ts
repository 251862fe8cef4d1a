/**
 * Transcripts the converter cannot understand get a message naming the file, the line where
 * possible, and what to do. Wording is reviewed through the inline snapshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, root, textInput } from './helpers.ts';

const messages = (...inputs: Parameters<typeof textInput>[]) => convert(inputs.map((i) => textInput(...i))).errors.map((e) => e.format());
const plain = readFileSync(join(root, 'tests/fixtures/layouts/plain-english-with-participant-lists.txt'), 'utf8').replaceAll('Acme Holdings', 'Alibaba Group');

describe('converter errors', () => {
  it('rejects an empty or whitespace-only file', () => {
    expect(messages(['seeds/empty.txt', ''], ['seeds/blank.txt', ' \n\t\n'])).toMatchInlineSnapshot(`
      [
        "seeds/empty.txt: the file is empty
        hint: remove it or add the transcript text",
        "seeds/blank.txt: the file is empty
        hint: remove it or add the transcript text",
      ]
    `);
  });

  it('names the line of the first byte that is not UTF-8, when the bytes are not clearly Chinese either', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('line one\nline two\n'), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    const errors = convert([{ path: 'seeds/gbk.txt', bytes: gbk }]).errors.map((e) => e.format());
    expect(errors).toMatchInlineSnapshot(`
      [
        "seeds/gbk.txt:3: the file is not valid UTF-8, and does not read as GB18030 or Big5 Chinese either
        hint: save it as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
      ]
    `);
  });

  it('rejects UTF-16 and binary files', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    const binary = new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x43]);
    const errors = convert([
      { path: 'seeds/utf16.txt', bytes: utf16 },
      { path: 'seeds/binary.txt', bytes: binary },
    ]).errors.map((e) => e.format());
    expect(errors).toMatchInlineSnapshot(`
      [
        "seeds/utf16.txt:1: the file is UTF-16, not UTF-8
        hint: save it as UTF-8",
        "seeds/binary.txt:2: the file contains NUL bytes, so it is binary, not a text transcript",
      ]
    `);
  });

  it('names the line and the sidecar line that settles it when no title, header or welcome names the company', () => {
    const anonymous = plain.replace(/^.*Earnings Call Transcript$/m, 'Earnings Call Transcript').replaceAll('Alibaba Group', 'our company');
    expect(messages(['seeds/unknown.txt', anonymous])).toMatchInlineSnapshot(`
      [
        "seeds/unknown.txt:1: cannot tell which company this transcript is about: no title, header or welcome names it
        hint: write seeds/unknown.meta.yaml with the line "company: <id>" (a lowercase name such as "acme"), or add a company name to the title line",
      ]
    `);
  });

  it('names both lines when the text names two companies as its own', () => {
    const two = plain.replace(/^(.*Earnings Call Transcript)$/m, '$1\nGlobex Corp (GLBX) Q2 FY2025 Earnings Call Transcript');
    expect(messages(['seeds/two.txt', two])).toMatchInlineSnapshot(`
      [
        "seeds/two.txt:1: the text names two companies as its own: line 1 (title): "Alibaba Group (ACME) Q2 FY2025 Earnings Call Transcript" and line 2 (title): "Globex Corp (GLBX) Q2 FY2025 Earnings Call Transcript"
        hint: write seeds/two.meta.yaml with the line "company: alibaba" or "company: globex"",
      ]
    `);
  });

  it('rejects a file that is not a transcript, such as a CSV', () => {
    expect(messages(['seeds/figures.csv', 'company,quarter,revenue\nAlibaba,FY2025Q2,236.5\n'])).toMatchInlineSnapshot(`
      [
        "seeds/figures.csv: the layout is not one the converter knows, so no speaker turns could be found
        hint: see seeds/README.md for the layouts that are recognised",
      ]
    `);
  });

  it('asks for the quarter when the text states none', () => {
    const noQuarter = plain.replace(/Q2 FY2025 /, '').replace('second quarter fiscal 2025', 'latest');
    expect(messages(['seeds/undated.txt', noQuarter])).toMatchInlineSnapshot(`
      [
        "seeds/undated.txt: cannot tell which quarter the call covers: no fiscal quarter or quarter end is stated
        hint: write seeds/undated.meta.yaml with "quarter: FY2025Q2" (the fiscal quarter)",
      ]
    `);
  });

  it('names a half-year call as such, with the line that says so', () => {
    const noQuarter = plain.replace(/Q2 FY2025 /, '').replace('second quarter fiscal 2025', 'latest');
    const half = `Interim Results for the 26 weeks to 27 September 2025\n${noQuarter}`;
    const [message] = messages(['seeds/interim.txt', half]);
    expect(message).toContain('seeds/interim.txt:1: the call reports a half year ("Interim Results for the 26 weeks to 27 September 2025")');
    expect(message).toContain('hint: to publish it anyway, write seeds/interim.meta.yaml with "quarter: FY2026Q2"');
  });

  it('takes company, quarter and date from a sidecar when the text cannot tell', () => {
    const noQuarter = plain.replace(/Q2 FY2025 /, '').replace('second quarter fiscal 2025', 'latest').replaceAll('Alibaba Group', 'Globex');
    const result = convert([textInput('seeds/side.txt', noQuarter, 'company: alibaba\nquarter: FY2025Q3\ncall_date: 2025-02-20\n')]);
    expect(result.errors).toEqual([]);
    expect(result.calls.map((c) => [c.company, c.quarter, c.period_end, c.call_date])).toEqual([['alibaba', 'FY2025Q3', '2024-12-31', '2025-02-20']]);
  });

  it('names the sidecar when it is wrong', () => {
    expect(
      messages(['seeds/a.txt', plain, 'quarter: 2025 Q3\n'], ['seeds/b.txt', plain, 'company: Globex Inc\n'], ['seeds/c.txt', plain, 'colour: red\n']),
    ).toMatchInlineSnapshot(`
      [
        "seeds/a.meta.yaml:1: quarter: not a fiscal quarter such as FY2025Q2 with a year in 1900–2200
        hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)",
        "seeds/b.meta.yaml:1: company: lowercase ASCII words joined by hyphens, e.g. acme
        hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)",
        "seeds/c.meta.yaml:1: metadata: Unrecognized key: "colour"
        hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)",
      ]
    `);
  });

  it('reports every bad file of a run and produces nothing', () => {
    const result = convert([textInput('seeds/good.txt', plain), textInput('seeds/empty.txt', ''), textInput('seeds/csv.txt', 'a,b\n1,2\n')]);
    expect(result.errors.map((e) => e.file)).toEqual(['seeds/empty.txt', 'seeds/csv.txt']);
    expect(result.files).toEqual([]);
  });

  it('converts an exact duplicate once and says so', () => {
    const result = convert([textInput('seeds/a.txt', plain), textInput('seeds/b.txt', plain)]);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]!.sources).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toEqual(['identical to seeds/a.txt; converted once']);
  });
});
