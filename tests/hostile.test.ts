/**
 * Transcript text is data: whatever it contains, the generated MDX compiles, its frontmatter
 * gives back exactly the text, and the page shows it literally.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { callSchema, companySchema } from '../src/lib/schema.ts';
import { convertAll } from '../scripts/lib/pipeline.ts';
import { generatedNote } from '../scripts/lib/mdx.ts';
import Transcript from '../src/components/Transcript.astro';
import Participants from '../src/components/Participants.astro';
import { catalog, inputsFrom, root } from './helpers.ts';

const acme = companySchema.parse(yaml.load(readFileSync(join(root, 'tests/fixtures/companies/acme.yaml'), 'utf8')));
const result = convertAll(inputsFrom('tests/fixtures', ['hostile-text.txt']), catalog([acme]));
const call = result.calls[0]!;
const file = result.files[0]!;
const texts = call.sources[0]!.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));

describe('a transcript full of code, markup and Markdown', () => {
  it('converts', () => {
    expect(result.errors.map((e) => e.format())).toEqual([]);
    const all = texts.join('\n');
    expect(all).toContain('<script>alert("xss")</script></script><img src=x onerror=alert(1)>');
    expect(all).toContain('import fs from \'node:fs\' export const x = 1 ---');
    // A Markdown table's rows are paragraphs of their own, kept as written.
    expect(texts).toContain('| a | b |');
    expect(texts).toContain('|---|---|');
    expect(texts).toContain('export growth was 5%. import duties rose. {`}`} <Component />');
  });

  it('writes MDX that compiles, with no transcript text in its body', async () => {
    const { frontmatter, content } = parseFrontmatter(file.content);
    await expect(compile(content)).resolves.toBeDefined();
    expect(content.trim()).toBe(`{/* ${generatedNote(call)} */}`);
    // Astro reads the frontmatter back exactly as the converter validated it.
    expect(callSchema.parse(frontmatter)).toEqual(call);
  });

  it('renders every paragraph literally on the page', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Transcript, { props: { call, source: call.sources[0]!, edition: 'en' } });
    expect(html).not.toMatch(/<script|<img|<b>|<Component|href="javascript:|<!--|<h1|<table|<blockquote|<pre|<code>not|<em>|<math/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('{process.exit(1)} and {globalThis.pwned = true}');
    expect(html).toContain('*not emphasis* and `not code` and $x^2$ and $$E=mc^2$$');
    expect(html).toContain('[click](javascript:alert(1))'.replace(/&/g, '&amp;'));
    expect(html).toContain('Indented like code, with a trailing double space');
    expect(html).toContain('# not a heading');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('renders hostile names and firms literally', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Participants, { props: { call, edition: 'zh' } });
    expect(html).toContain('&lt;/p&gt;&lt;b&gt;Bold&lt;/b&gt; Securities');
    expect(html).not.toContain('<b>');
  });
});
