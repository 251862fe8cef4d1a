/**
 * Interface text lives in src/lib/i18n.ts: each table has the same keys in both editions, and no
 * component, layout or page chooses a human-language string inline by edition
 * (`zh ? '图表数据' : 'Chart data'`); they take it from the table instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_UI, CITE_UI, FORMAT_UI, LANG_LABEL, LAYOUT_LABEL, OMIT_LABEL, OUTCOME_LABEL, QUARTER_UI, ROLE_LABEL, SEARCH_UI, SECTION_LABEL, SUMMARY_UI, UI } from '../src/lib/i18n.ts';
import { EDITIONS } from '../src/lib/paths.ts';
import { root } from './helpers.ts';

const TABLES: Record<string, Record<string, Record<string, unknown>>> = {
  UI,
  SUMMARY_UI,
  QUARTER_UI,
  SEARCH_UI,
  CITE_UI,
  FORMAT_UI,
  CHART_UI,
  ROLE_LABEL,
  SECTION_LABEL,
  LANG_LABEL,
  LAYOUT_LABEL,
  OMIT_LABEL,
  OUTCOME_LABEL,
};

describe('the i18n tables', () => {
  it.each(Object.keys(TABLES))('%s has an entry for every edition, with the same keys in each', (name) => {
    const table = TABLES[name]!;
    expect(Object.keys(table).sort()).toEqual([...EDITIONS].sort());
    const [first, ...rest] = EDITIONS.map((e) => table[e]!);
    const shape = (t: Record<string, unknown>) =>
      Object.keys(t)
        .sort()
        .map((k) => `${k}: ${typeof t[k] === 'function' ? `function/${(t[k] as (...a: unknown[]) => unknown).length}` : typeof t[k]}`);
    for (const other of rest) expect(shape(other)).toEqual(shape(first!));
  });
});

// ---- Inline strings chosen by edition ----

/** `lang` attribute values, which a component may choose by edition: they are not interface text. */
const LANG_VALUES = new Set(['en', 'zh', 'zh-Hans', 'zh-Hant', 'ko', 'ja']);

/**
 * A condition on the edition, up to its `?`: `zh ?`, `isZh ?`, `edition === 'zh' ?`,
 * `edition !== 'en' ?`, `'zh' === edition ?`. Not `zh?:` (an optional prop), `?.` or `??`.
 */
const CONDITION = /(?:(?<![\w$.'"`-])(?:zh|isZh)|[!=]==?\s*(['"`])(?:zh|en)\1|(['"`])(?:zh|en)\2\s*[!=]==?\s*[\w$.]+)\s*\?(?![.?:])/g;

/** The string literal starting at `i` (quote included), or undefined; `${…}` in a template skipped. */
function literalAt(src: string, i: number): { text: string; end: number } | undefined {
  const q = src[i];
  if (q !== "'" && q !== '"' && q !== '`') return undefined;
  let text = '';
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j]!;
    if (c === '\\') {
      text += src[++j] ?? '';
    } else if (c === q) {
      return { text, end: j + 1 };
    } else if (q === '`' && c === '$' && src[j + 1] === '{') {
      j = skip(src, j + 2, '}');
    } else {
      text += c;
    }
  }
  return undefined;
}

/**
 * From `i`, past an expression to the first `stop` character at depth 0 (strings, templates and
 * brackets skipped, a nested `a ? b : c` kept whole); returns the index of that character.
 */
function skip(src: string, i: number, stop: string): number {
  let depth = 0;
  let ternaries = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j]!;
    const lit = literalAt(src, j);
    if (lit) {
      j = lit.end - 1;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return j;
      depth--;
    } else if (depth === 0 && c === '?' && !'.?'.includes(src[j + 1] ?? '') && src[j - 1] !== '?') ternaries++;
    else if (depth === 0 && c === ':' && ternaries > 0) ternaries--;
    else if (depth === 0 && c === stop) return j;
    else if (depth === 0 && (c === ',' || c === ';')) return j;
  }
  return src.length;
}

/** Whether a literal is human-language text: anything visible, unless it is a language code. */
const isInterfaceText = (text: string) => /[^\s]/u.test(text) && !LANG_VALUES.has(text);

/** Every `condition ? a : b` on the edition whose `a` or `b` is a literal of interface text. */
function inlineEditionStrings(src: string): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  for (const m of src.matchAll(CONDITION)) {
    const at = m.index + m[0].length;
    const line = src.slice(0, m.index).split('\n').length;
    const start = at + /^\s*/.exec(src.slice(at))![0].length;
    const then = literalAt(src, start);
    if (then && isInterfaceText(then.text)) found.push({ line, text: then.text });
    const colon = skip(src, start, ':');
    if (src[colon] !== ':') continue;
    const elseStart = colon + 1 + /^\s*/.exec(src.slice(colon + 1))![0].length;
    const otherwise = literalAt(src, elseStart);
    if (otherwise && isInterfaceText(otherwise.text)) found.push({ line, text: otherwise.text });
  }
  return found;
}

describe('a component choosing a string by edition (the detector)', () => {
  it.each([
    ["{zh ? '图表数据' : 'Chart data'}", ['图表数据', 'Chart data']],
    ["aria-label={edition === 'zh' ? '位置' : 'Breadcrumb'}", ['位置', 'Breadcrumb']],
    ['title={edition === "zh" ? "标题" : "title"}', ['标题', 'title']],
    ["{zh\n  ? `该分部只在${from ? ` ${a} 起` : ''}的季度披露`\n  : `Reported only${from ? ` from ${a}` : ''}`}", ['该分部只在的季度披露', 'Reported only']],
    [".join(zh ? '；' : '; ')", ['；', '; ']],
    ["{edition !== 'en' ? t.x : 'Analysts'}", ['Analysts']],
    ["{isZh ? f(a ? 'b' : 'c') : `Q&A ${n}`}", ['Q&A ']],
    ["{'zh' === edition ? '分析师' : x}", ['分析师']],
  ])('finds %j', (src, texts) => {
    expect(inlineEditionStrings(src).map((f) => f.text)).toEqual(texts);
  });

  it.each([
    "lang={edition === 'zh' ? 'zh-Hans' : 'en'}",
    "<span lang={edition === 'zh' ? 'en' : 'zh-Hans'}>",
    "const name = edition === 'zh' ? (company.names['zh-Hans'] ?? company.names.en) : company.names.en;",
    "caption={t.chartCaption(name, zh ? metric.labels['zh-Hans'] : metric.labels.en)}",
    "<q lang={hasHan(l) ? 'zh' : 'en'}>",
    "interface Props { zh?: boolean; label: string }",
    "const x = zh?.label ?? 'none';",
    "{zh ? `${a}${b}` : ''}",
  ])('leaves %j alone', (src) => {
    expect(inlineEditionStrings(src)).toEqual([]);
  });
});

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.astro'))
    .map((f) => join(dir, f));
}

describe('components, layouts and pages', () => {
  const files = ['src/components', 'src/layouts', 'src/pages'].flatMap((d) => astroFiles(join(root, d)));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('take every interface string from src/lib/i18n.ts, never choosing one inline by edition', () => {
    const inline = files.flatMap((f) => inlineEditionStrings(readFileSync(f, 'utf8')).map((x) => `${relative(root, f)}:${x.line}: ${JSON.stringify(x.text)}`));
    expect(inline).toEqual([]);
  });
});
