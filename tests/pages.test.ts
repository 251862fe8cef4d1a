/**
 * Page furniture of PDF exports (scripts/lib/pages.ts): running headers and footers tied to page
 * breaks are dropped, a paragraph cut by a page break is joined, and nothing else is touched.
 */
import { describe, expect, it } from 'vitest';
import { stripPageFurniture } from '../scripts/lib/pages.ts';
import { splitLines } from '../scripts/lib/text.ts';

const HEADER = 'ACME WIDGETS, INC. FQ3 2026 EARNINGS CALL | OCT 29, 2026';
const footer = (n: number) => `Copyright © 2026 Example Data. All rights reserved.        exampledata.com        ${n}`;

/** A page of the call: the body lines, then the footer, then the next page's header. */
function pdf(pages: string[][], { formFeed = false } = {}): string {
  return pages.map((body, i) => [...(i > 0 ? [HEADER, ''] : []), ...body, '', footer(i + 1)].join('\n')).join(formFeed ? '\n\f' : '\n\n');
}

const TITLE = 'Executive VP & Chief Financial Officer';
const speak = (text: string) => ['Jane Roe', TITLE, text];
/** Pages are dozens of lines long; a few lines of other talk stand for the rest of a page. */
const FILL = ['', 'John Doe', 'Chief Executive Officer', 'We keep investing in our brands.', 'Demand held up well in the quarter.', 'Pricing was stable.', ''];

describe('page furniture of a PDF export', () => {
  const text = pdf([
    [...speak('Revenue was $2.16 billion, up 4%.'), ...FILL, ...speak('Gross margin was 44.6%, up 70 basis')],
    ['points, and adjusted gross margin was 45.1%.', ...FILL, ...speak('Free cash flow was $247 million.')],
    [...speak('Thank you all.'), ...FILL, ...speak('Net income was $251 million.')],
    [...speak('Thank you all.'), ...FILL, ...speak('Goodbye.')],
  ]);
  const lines = splitLines(text);
  const { lines: kept, removed } = stripPageFurniture(lines);
  const keptText = kept.map((l) => l.text);

  it('drops the footers with their page numbers and the running header', () => {
    expect(keptText.some((t) => t.startsWith('Copyright'))).toBe(false);
    expect(keptText).not.toContain(HEADER);
    expect(removed.map((n) => lines[n - 1]!.text.slice(0, 9))).toEqual(['Copyright', 'ACME WIDG', 'Copyright', 'ACME WIDG', 'Copyright', 'ACME WIDG', 'Copyright']);
  });

  it('keeps a speaker title that repeats away from the page breaks, and every line keeps its number', () => {
    expect(keptText.filter((t) => t === TITLE)).toHaveLength(7);
    expect(keptText.filter((t) => t === 'Chief Executive Officer')).toHaveLength(4);
    for (const l of kept) if (l.text) expect(lines[l.n - 1]!.text).toBe(l.text);
  });

  it('joins a paragraph the page break cut: no blank line between its halves', () => {
    const at = keptText.indexOf('Gross margin was 44.6%, up 70 basis');
    expect(keptText[at + 1]).toBe('points, and adjusted gross margin was 45.1%.');
  });

  it('keeps a blank line where the page break falls between paragraphs', () => {
    const at = keptText.indexOf('Free cash flow was $247 million.');
    expect(keptText.slice(at + 1, at + 3)).toEqual(['', 'Jane Roe']);
  });

  it('reads form feeds as page breaks', () => {
    const ff = splitLines(pdf([[...speak('One.'), ...FILL], [...speak('Two.'), ...FILL], [...speak('Three.'), ...FILL], [...speak('Four.')]], { formFeed: true }).replace(/ {8}\d+$/gm, ''));
    expect(stripPageFurniture(ff).lines.map((l) => l.text).filter((t) => /Copyright|ACME/.test(t))).toEqual([]);
  });

  it('reads "Page 2 of 3" alone on a line as a page number', () => {
    const t = splitLines(['Operator', 'Welcome.', ...Array(8).fill('Words go on here.'), 'Page 1 of 3', 'Jane Roe', 'Hello.', ...Array(8).fill('Words go on here.'), 'Page 2 of 3', 'Operator', 'Bye.', 'Page 3 of 3'].join('\n'));
    expect(stripPageFurniture(t).lines.map((l) => l.text).filter((t) => /^Page/.test(t))).toEqual([]);
  });

  it('leaves a transcript without page breaks alone, repeated labels included', () => {
    const plain = splitLines(['Operator', 'Welcome.', 'Operator', 'Next question.', 'Operator', 'Thank you.', '2', 'Revenue was up.', '2'].join('\n'));
    expect(stripPageFurniture(plain)).toEqual({ lines: plain, removed: [] });
  });

  it('does not take numbers that do not rise page by page for page numbers', () => {
    const t = splitLines(['Operator', ...Array(9).fill('Words.'), '7', ...Array(9).fill('Words.'), '3', ...Array(9).fill('Words.'), '12'].join('\n'));
    expect(stripPageFurniture(t).removed).toEqual([]);
  });
});
