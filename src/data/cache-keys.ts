/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild, astro.config.mjs): a
 * page keyed by one of these is copied from the previous build when its key and its code are
 * unchanged. Astro hashes the page's code itself, but not the data a page reads (content
 * entries, the catalogue read from YAML, the environment), so a key must change whenever any of
 * the data the page shows does; a key that is too narrow would publish a stale page. Hence:
 *
 * - a company's pages (quarter pages, segment pages, its company and analysts pages) show its
 *   calls, compared and linked with each other, its profile, the catalogue (metrics, topics,
 *   glossary) and its notes: their key is a hash of all of those, so a call added to, changed
 *   in or removed from a company re-renders that company's pages and no other company's;
 * - a quarter's JSON export shows its own call only: its key is that call's.
 *
 * Pages without parameters (home, search, build report, the site-wide exports) list every call
 * and are rendered on every build.
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { siteData, type CallEntry } from './site.ts';

/** Changed by hand when what keys cover changes shape, so no old page is ever reused. */
const KEY_VERSION = 1;

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

let shared: Promise<string> | undefined;

/** What every keyed page may show beyond its company: the catalogue and the site's address. */
function sharedInputs(): Promise<string> {
  shared ??= (async () => {
    const { metrics, topics, glossary } = await siteData();
    return hash({ v: KEY_VERSION, site: process.env.SITE_URL ?? '', metrics, topics, glossary });
  })();
  return shared;
}

const companyKeys = new Map<string, Promise<string>>();

/** The key of a company's pages. */
export function companyKey(companyId: string): Promise<string> {
  let key = companyKeys.get(companyId);
  if (!key) {
    key = (async () => {
      const { companies, calls } = await siteData();
      const notes = (await getCollection('notes')).filter((n) => n.id.startsWith(`${companyId}/`)).map((n) => [n.id, n.digest ?? hash(n.data), n.body ?? '']);
      const mine = calls.filter((c) => c.company.id === companyId).map((c) => [c.id, c.digest]);
      return hash([await sharedInputs(), companies.find((c) => c.id === companyId), mine, notes]);
    })();
    companyKeys.set(companyId, key);
  }
  return key;
}

/** The key of a quarter's JSON export: its call only. */
export async function callKey(entry: CallEntry): Promise<string> {
  return hash([await sharedInputs(), entry.id, entry.digest]);
}
