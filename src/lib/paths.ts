/**
 * Page paths and relative links. Every page is a file (`alibaba/fy2025-q2.html`), the English
 * edition at the root and the Chinese one under `zh/`; links between pages are relative, so
 * the site works at any sub-path and opened from the file system.
 */

/** Interface languages: every page exists in both. */
export type Edition = 'en' | 'zh';
export const EDITIONS: readonly Edition[] = ['en', 'zh'];

/** The `<html lang>` of each edition. */
export const HTML_LANG: Record<Edition, string> = { en: 'en', zh: 'zh-Hans' };

/** Site-relative path of a page in an edition: `alibaba/x.html` or `zh/alibaba/x.html`. */
export function editionPath(edition: Edition, path: string): string {
  return edition === 'en' ? path : `zh/${path}`;
}

/** Home pages: `index.html` and, because Astro writes `pages/zh/index` as a file, `zh.html`. */
export const homePath = (edition: Edition) => (edition === 'en' ? 'index.html' : 'zh.html');
export const quarterPath = (edition: Edition, company: string, quarterSlug: string) => editionPath(edition, `${company}/${quarterSlug}.html`);
export const searchPath = (edition: Edition) => editionPath(edition, 'search.html');
/**
 * A company's page. Astro's `build.format: 'file'` writes `pages/[company]/index` as
 * `alibaba.html` (as it writes `pages/zh/index` as `zh.html`), beside the company's folder.
 */
export const companyPath = (edition: Edition, company: string) => editionPath(edition, `${company}.html`);
export const analystsPath = (edition: Edition, company: string) => editionPath(edition, `${company}/analysts.html`);
export const segmentPath = (edition: Edition, company: string, segment: string) => editionPath(edition, `${company}/segments/${segment}.html`);

/** The same page in the other edition. */
export function otherEdition(path: string): { edition: Edition; path: string } {
  if (path === homePath('en')) return { edition: 'zh', path: homePath('zh') };
  if (path === homePath('zh')) return { edition: 'en', path: homePath('en') };
  return path.startsWith('zh/') ? { edition: 'en', path: path.slice(3) } : { edition: 'zh', path: `zh/${path}` };
}

/** A relative URL from the page at `from` to the file at `to` (both site-relative). */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rest = toParts.slice(common).join('/');
  return `${'../'.repeat(up)}${rest}` || './';
}
