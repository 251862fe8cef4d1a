/** Reads the built site in dist/ for tests: pages, their links and their element ids; the calls in content/calls/ and their search records. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { callSchema } from '../src/lib/schema.ts';
import { companiesOfCalls, loadCatalog } from '../src/lib/catalog.ts';
import { compileGlossary, type SearchDoc } from '../src/lib/search.ts';
import { searchRecords } from '../scripts/lib/search-records.ts';
import { root } from './helpers.ts';

/** The built calls (content/calls/), their search records as the index has them, and the compiled glossary. */
export function builtSearch() {
  const catalog = loadCatalog(root);
  const calls = readdirSync(join(root, 'content/calls'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => callSchema.parse(parseFrontmatter(readFileSync(join(root, 'content/calls', f), 'utf8')).frontmatter));
  const records = searchRecords(calls, companiesOfCalls(catalog.companies, calls), catalog.metrics);
  const docs: SearchDoc[] = records.map((r) => ({ url: r.url, tokens: r.content.split(' '), meta: r.meta, filters: r.filters }));
  return { calls, records, docs, glossary: compileGlossary(catalog.glossary) };
}

export const dist = join(root, 'dist');

/** Every file under a folder (relative path) with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, f);
    if (statSync(path).isFile()) out.set(f, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

export function requireDist(): void {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
}

export function htmlFiles(dir = dist): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(relative(dist, path));
  }
  return out.sort();
}

export const read = (page: string) => readFileSync(join(dist, page), 'utf8');

/** Values of an attribute in a page, entity-decoded for `&amp;`. */
export function attrs(html: string, attr: 'href' | 'src' | 'id'): string[] {
  return [...html.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** Text content of an HTML fragment: each tag becomes a space, runs of space one space, entities decoded. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}
