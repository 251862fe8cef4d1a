/**
 * Faults found by an attack on the converter's inputs (issue 10), each with its outcome: a page
 * (a correct call) or a clear error naming the file, the line and what is wrong; never a crash,
 * a hang, a stack trace or a message that calls itself a converter bug.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { companySchema, type Call } from '../src/lib/schema.ts';
import { csvField, figureRecords, figuresCsv } from '../src/lib/export.ts';
import { convertAll, type InputFile } from '../scripts/lib/pipeline.ts';
import { nodeFs, readSeedFolder } from '../scripts/lib/seed-files.ts';
import Participants from '../src/components/Participants.astro';
import Transcript from '../src/components/Transcript.astro';
import { catalog, root } from './helpers.ts';

const acme = companySchema.parse(yaml.load(readFileSync(join(root, 'tests/fixtures/companies/acme.yaml'), 'utf8')));
const plain = readFileSync(join(root, 'tests/fixtures/layouts/plain-english-with-participant-lists.txt'), 'utf8');
const inline = readFileSync(join(root, 'tests/fixtures/layouts/inline-labels-web-page-with-news.txt'), 'utf8');
const input = (path: string, text: string, sidecar?: string): InputFile => ({
  path,
  bytes: new TextEncoder().encode(text),
  ...(sidecar !== undefined ? { sidecar: { path: path.replace(/\.txt$/, '.meta.yaml'), text: sidecar } } : {}),
});
const run = (...inputs: InputFile[]) => convertAll(inputs, catalog([acme]));
const errorsOf = (...inputs: InputFile[]) => run(...inputs).errors.map((e) => e.format());
const tmp = mkdtempSync(join(tmpdir(), 'faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CSV formula injection', () => {
  it('prefixes text cells that a spreadsheet would run as a formula with a quote, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","click") Free cash flow')).toBe(`"'=HYPERLINK(""http://x"",""click"") Free cash flow"`);
    expect(['+1', '-1+1', '@SUM(A1)', '\tx', '＝1'].map(csvField)).toEqual(["'+1", "'-1+1", "'@SUM(A1)", "'\tx", "'＝1"]);
    expect(csvField(-12)).toBe('-12');
    expect(csvField('Free cash flow was $1.2 billion.')).toBe('Free cash flow was $1.2 billion.');
  });

  it('writes a quote that begins with = into data/figures.csv as text', () => {
    const text = plain.replace('Free cash flow was $1.2 billion.', '=HYPERLINK("http://evil.example","click") Free cash flow was $1.2 billion.');
    const r = run(input('seeds/a.txt', text));
    expect(r.errors).toEqual([]);
    const csv = figuresCsv(figureRecords(r.calls));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") Free cash flow was $1.2 billion."`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('a seed file name with a line break', () => {
  it('stays one line of the generated comment and cannot add a field', async () => {
    const r = run(input('seeds/a\ncall_date: 2001-01-01\n.txt', plain));
    expect(r.errors).toEqual([]);
    const content = r.files[0]!.content;
    const comment = content.split('\n')[1]!;
    expect(comment).toBe('# generated from seeds/a\\u{a}call_date: 2001-01-01\\u{a}.txt by scripts/convert.ts; edit the transcript or the company profile, not this file');
    const { frontmatter, content: body } = parseFrontmatter(content);
    expect((frontmatter as Call).call_date).toBe('2025-01-30');
    expect((frontmatter as Call).sources[0]!.file).toBe('seeds/a\ncall_date: 2001-01-01\n.txt');
    await expect(compile(body)).resolves.toBeDefined();
  });

  it('is escaped in error messages, with escape codes', () => {
    const messages = errorsOf(input('seeds/\x1b[2J\x1b[31mred\r.txt', 'nothing here'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^seeds\/\\u\{1b\}\[2J\\u\{1b\}\[31mred\\u\{d\}\.txt: /);
    expect(messages[0]).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('a seed file name with markup', () => {
  it('is shown as text on the page', async () => {
    const r = run(input('seeds/<img src=x onerror=alert(1)>.txt', plain));
    expect(r.errors).toEqual([]);
    const call = r.calls[0]!;
    const html = await (await AstroContainer.create()).renderToString(Transcript, { props: { call, source: call.sources[0]!, edition: 'en' } });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.txt');
    expect(html).not.toContain('<img');
  });
});

describe('years outside 1900–2200', () => {
  it('in a sidecar quarter: an error with the sidecar line', () => {
    expect(errorsOf(input('seeds/a.txt', plain, 'company: acme\nquarter: FY9999Q1\n'))).toEqual([
      'seeds/a.meta.yaml:2: quarter: not a fiscal quarter such as FY2025Q2 with a year in 1900–2200\n  hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)',
    ]);
  });

  it.each([
    ['FY9999Q1', 'FY9999Q1', 'FY9999Q1', '9999'],
    ['quarter ended September 30, 9999', 'quarter ended September 30, 9999', 'quarter ended September 30, 9999', '9999'],
    ['截至 0001 年 9 月 30 日止三个月', '截至 0001 年 9 月 30 日止三个月', '0001 年 9 月', '0001'],
    ['FY<400 digits>Q1', `FY${'9'.repeat(400)}Q1`, `FY${'9'.repeat(400)}Q1`.slice(0, 80) + '…', '999999…(400 digits)'],
  ])('in the text (%s): an error with the file, line and year', (_name, stated, shown, year) => {
    // The year is the only statement of the quarter: the welcome line's is removed.
    const text = plain.replace('Q2 FY2025', stated).replace('second quarter fiscal 2025', 'latest');
    expect(errorsOf(input('seeds/a.txt', text))).toEqual([
      `seeds/a.txt:1: "${shown}" states the year ${year}; the converter handles years 1900–2200\n  hint: correct the year, or write seeds/a.meta.yaml with "quarter: FY2025Q2" (the fiscal quarter)`,
    ]);
  });

  it('beside a good quarter statement: a warning with the line, and the good quarter', () => {
    const r = run(input('seeds/a.txt', plain.replace('All participants are in listen-only mode.', 'All participants are in listen-only mode for the quarter ended September 30, 9999.')));
    expect(r.errors).toEqual([]);
    expect(r.calls[0]!.quarter).toBe('FY2025Q2');
    expect(r.warnings).toContainEqual({ file: 'seeds/a.txt', line: 20, message: '"quarter ended September 30, 9999" states the year 9999, outside 1900–2200; ignored' });
  });

  it('in a company profile segment: a schema error, not a crash', () => {
    const parsed = companySchema.safeParse({ ...acme, segments: [{ id: 'group', names: { en: 'Acme' }, from: 'FY9999Q1' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('a fiscal quarter such as FY2025Q2, in 1900–2200');
  });
});

describe('a sidecar call_date', () => {
  it.each(['2025-99-99', '2025-02-30', '0001-01-01'])('%s: an error with the sidecar line', (date) => {
    expect(errorsOf(input('seeds/a.txt', plain, `company: acme\n\ncall_date: ${date}\n`))).toEqual([
      'seeds/a.meta.yaml:3: call_date: not a real date as YYYY-MM-DD with a year in 1900–2200\n  hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)',
    ]);
  });

  it('with terminal escape codes in a value: escaped in the message', () => {
    const messages = errorsOf(input('seeds/a.txt', plain, 'company: "\\e[31mevil\\e[0m"\n'));
    // The id is refused before it is echoed; nothing of it reaches the terminal raw.
    expect(messages).toEqual([
      'seeds/a.meta.yaml:1: company: lowercase ASCII words joined by hyphens, e.g. acme\n  hint: allowed keys: company (id), company_name, fiscal_year_end (MM-DD), quarter (FY2025Q2), language (en, zh-Hans, zh-Hant), call_date (YYYY-MM-DD)',
    ]);
    expect(messages.join('')).not.toContain('\x1b');
  });
});

describe('numbers no figure has', () => {
  it.each([
    ['more than 100 decimals', `$1.${'1'.repeat(150)} billion`],
    ['400 digits', `$${'9'.repeat(400)} billion`],
  ])('%s: the call converts and the number is not a figure', (_name, amount) => {
    const r = run(input('seeds/a.txt', plain.replace('$1.2 billion', amount)));
    expect(r.errors.map((e) => e.format())).toEqual([]);
    expect(r.calls[0]!.figures.filter((f) => f.metric === 'free_cash_flow')).toEqual([]);
    expect(r.calls[0]!.figures.every((f) => Number.isFinite(f.value))).toBe(true);
  });
});

describe('speaker ids', () => {
  it('keep two analysts apart whose names share only their Latin part', () => {
    const text = inline.replace('样本银行分析师Ann Park:', '高盛分析师李Ken:').replace('示例证券分析师Bo Wu:', '摩根士丹利分析师王Ken:');
    const r = run(input('seeds/a.txt', text));
    expect(r.errors).toEqual([]);
    const call = r.calls[0]!;
    const analysts = call.speakers.filter((s) => s.role === 'analyst');
    expect(analysts.map((s) => [s.name, s.firm])).toEqual([
      ['李Ken', '高盛'],
      ['王Ken', '摩根士丹利'],
    ]);
    expect(new Set(analysts.map((s) => s.id)).size).toBe(2);
    expect(call.sources[0]!.exchanges.map((e) => e.analyst)).toEqual(analysts.map((s) => s.id));
  });
});

describe('bidirectional text in names and firms', () => {
  it('is isolated, so a right-to-left override cannot reverse what follows', async () => {
    const r = run(input('seeds/a.txt', plain.replaceAll('Ann Park', 'Ann \u202EPark')));
    expect(r.errors).toEqual([]);
    const call = r.calls[0]!;
    const html = await (await AstroContainer.create()).renderToString(Participants, { props: { call, edition: 'en' } });
    expect(html).toContain('<bdi class="speaker">Ann \u202EPark</bdi>');
    expect(html).toContain('<bdi>Example Securities</bdi>');
  });
});

describe('entries of the transcripts folder', () => {
  const seeds = join(tmp, 'seeds');
  mkdirSync(join(seeds, 'a-folder'), { recursive: true });
  writeFileSync(join(seeds, 'good.txt'), plain);
  writeFileSync(join(tmp, 'outside.txt'), plain);
  symlinkSync(join(seeds, 'a-folder'), join(seeds, 'link-to-folder.txt'));
  symlinkSync(join(seeds, 'nowhere.txt'), join(seeds, 'broken-link.txt'));
  symlinkSync(join(tmp, 'outside.txt'), join(seeds, 'link-outside.txt'));
  symlinkSync(join(seeds, 'good.txt'), join(seeds, 'link-inside.txt'));
  expect(spawnSync('mkfifo', [join(seeds, 'pipe.txt')]).status).toBe(0);
  const rel = (p: string) => p.slice(tmp.length + 1);

  it('each gets an error naming it; regular files and links within the folder are read', () => {
    const { inputs, errors } = readSeedFolder(seeds, rel);
    expect(inputs.map((i) => i.path)).toEqual(['seeds/good.txt', 'seeds/link-inside.txt']);
    expect(errors.map((e) => e.format())).toEqual([
      'seeds/a-folder: is a folder, not a transcript\n  hint: move it out of the folder, or its files into the folder',
      'seeds/broken-link.txt: is a symbolic link to a file that does not exist\n  hint: remove the link or restore the file it points to',
      `seeds/link-outside.txt: is a symbolic link to ${join(tmp, 'outside.txt')}, outside its folder; links out of the folder are refused so that nothing outside it is published by accident\n  hint: copy the file into the folder instead of linking to it`,
      'seeds/link-to-folder.txt: is a folder, not a transcript\n  hint: move it out of the folder, or its files into the folder',
      'seeds/pipe.txt: is a FIFO (named pipe), not a transcript\n  hint: remove it from the folder',
    ]);
  });

  it('an unreadable file gets an error with the reason', () => {
    // Tests run as root, where permissions do not stop a read: the read itself is made to fail.
    const denied = {
      ...nodeFs,
      readFile: (p: string) => {
        if (p.endsWith('good.txt')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeFs.readFile(p);
      },
    };
    const { errors } = readSeedFolder(seeds, rel, denied);
    expect(errors.map((e) => e.format())).toContain('seeds/good.txt: cannot be read (EACCES)\n  hint: make it readable (chmod a+r) or remove it');
  });

  it('a FIFO among the company profiles gets the same error, instead of a hang', () => {
    const companies = join(tmp, 'companies');
    mkdirSync(companies);
    writeFileSync(join(companies, 'acme.yaml'), readFileSync(join(root, 'tests/fixtures/companies/acme.yaml')));
    expect(spawnSync('mkfifo', [join(companies, 'zz.yaml')]).status).toBe(0);
    const r = spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', join(root, 'tests/fixtures/layouts'), '--companies', companies, '--out', join(tmp, 'out-2')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, CI: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/companies\/zz\.yaml: is a FIFO \(named pipe\), not a company profile/);
  });

  it('the converter reports them all and exits 1 at once, without a stack trace or waiting on the FIFO', () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), '--seeds', seeds, '--out', join(tmp, 'out')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, CI: '1' } });
    expect(r.status).toBe(1);
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(r.stderr).toContain('pipe.txt: is a FIFO (named pipe), not a transcript');
    expect(r.stderr).toContain('a-folder: is a folder');
    expect(r.stderr).toContain('convert: 5 problems;');
    expect(r.stderr).not.toMatch(/\n\s+at |EISDIR|ENOENT/);
  });
});
