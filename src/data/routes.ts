/**
 * getStaticPaths helpers: the route files only call these.
 */
import type { Edition } from '../lib/paths.ts';
import { segmentsActiveIn } from '../lib/segments.ts';
import { siteData } from './site.ts';

export async function quarterPaths(edition: Edition) {
  const { calls } = await siteData();
  return calls.map((entry) => ({ params: { company: entry.company.id, quarter: entry.slug }, props: { edition, entry } }));
}

export async function segmentPaths(edition: Edition) {
  const { companies, calls } = await siteData();
  return companies.flatMap((company) =>
    company.segments
      // A segment gets a page when it was reported in a quarter on the site; the group's
      // figures belong on the home page.
            .filter((segment) => segment.id !== 'group')
      .filter((segment) => calls.some((c) => c.company.id === company.id && segmentsActiveIn([segment], c.quarter).length > 0))
      .map((segment) => ({ params: { company: company.id, segment: segment.id }, props: { edition, company, segment } })),
  );
}

export async function companyPaths(edition: Edition) {
  const { companies } = await siteData();
  return companies.map((company) => ({ params: { company: company.id }, props: { edition, company } }));
}

/** Company pages: only companies with at least one published call. */
export async function companyPagePaths(edition: Edition) {
  const { companies, calls } = await siteData();
  return companies
    .filter((company) => calls.some((c) => c.company.id === company.id))
    .map((company) => ({ params: { company: company.id }, props: { edition, company } }));
}
