/**
 * The site's data, read from the content collections: calls with their company and quarter,
 * in the order pages list them. Only Astro code imports this module.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseQuarterId, compareQuarters, quarterSlug, type FiscalQuarter } from '../lib/quarters.ts';
import type { Call, Company } from '../lib/schema.ts';

export interface CallEntry {
  /** Collection id, `alibaba/fy2025-q2`. */
  readonly id: string;
  readonly call: Call;
  readonly company: Company;
  readonly quarter: FiscalQuarter;
  readonly slug: string;
}

let cache: Promise<{ companies: Company[]; calls: CallEntry[] }> | undefined;

async function load() {
  const companies = (await getCollection('companies')).map((e: CollectionEntry<'companies'>) => e.data);
  const calls = (await getCollection('calls')).map((e: CollectionEntry<'calls'>) => {
    const company = companies.find((c) => c.id === e.data.company);
    if (!company) throw new Error(`${e.id}: no company profile "${e.data.company}" in content/companies/`);
    const quarter = parseQuarterId(e.data.quarter)!;
    return { id: e.id, call: e.data, company, quarter, slug: quarterSlug(quarter) };
  });
  // Newest first, companies alphabetically.
  calls.sort((a, b) => a.company.id.localeCompare(b.company.id) || compareQuarters(b.quarter, a.quarter));
  return { companies: companies.sort((a, b) => a.id.localeCompare(b.id)), calls };
}

/** Every company and call; loaded once per build. */
export function siteData() {
  cache ??= load();
  return cache;
}

/** The calls of one company, newest first. */
export async function callsOf(companyId: string): Promise<CallEntry[]> {
  return (await siteData()).calls.filter((c) => c.company.id === companyId);
}
