/**
 * getStaticPaths helpers: the route files only call these. Every path carries the cache key of
 * the data its page shows (cache-keys.ts), for Astro's incremental build.
 */
import type { Edition } from '../lib/paths.ts';
import { segmentsActiveIn } from '../lib/segments.ts';
import { siteData, type CallEntry } from './site.ts';
import { callKey, companyKey } from './cache-keys.ts';

export async function quarterPaths(edition: Edition) {
  const { calls } = await siteData();
  return Promise.all(calls.map(async (entry) => ({ params: { company: entry.company.id, quarter: entry.slug }, props: { edition, entry }, cacheKey: await companyKey(entry.company.id) })));
}

/** A quarter's JSON export: keyed by its own call. */
export async function quarterExportPaths() {
  const { calls } = await siteData();
  return Promise.all(calls.map(async (entry: CallEntry) => ({ params: { company: entry.company.id, quarter: entry.slug }, props: { entry }, cacheKey: await callKey(entry) })));
}

export async function segmentPaths(edition: Edition) {
  const { companies, calls } = await siteData();
  const keys = new Map(await Promise.all(companies.map(async (c) => [c.id, await companyKey(c.id)] as const)));
  return companies.flatMap((company) =>
    company.segments
      // A segment gets a page when it was reported in a quarter on the site; the group's
      // figures belong on the home page.
      .filter((segment) => segment.id !== 'group')
      .filter((segment) => calls.some((c) => c.company.id === company.id && segmentsActiveIn([segment], c.quarter).length > 0))
      .map((segment) => ({ params: { company: company.id, segment: segment.id }, props: { edition, company, segment }, cacheKey: keys.get(company.id)! })),
  );
}

export async function companyPaths(edition: Edition) {
  const { companies } = await siteData();
  return Promise.all(companies.map(async (company) => ({ params: { company: company.id }, props: { edition, company }, cacheKey: await companyKey(company.id) })));
}

/** Company pages: only companies with at least one published call. */
export async function companyPagePaths(edition: Edition) {
  const { companies, calls } = await siteData();
  return Promise.all(
    companies
      .filter((company) => calls.some((c) => c.company.id === company.id))
      .map(async (company) => ({ params: { company: company.id }, props: { edition, company }, cacheKey: await companyKey(company.id) })),
  );
}
