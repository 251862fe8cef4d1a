/**
 * The site's data, read from the content collections: calls with their company and quarter,
 * in the order pages list them. Only Astro code imports this module.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { companiesOfCalls, loadCatalog } from '../lib/catalog.ts';
import { parseQuarterId, compareQuarters, quarterSlug, type FiscalQuarter } from '../lib/quarters.ts';
import type { Call, Company, GlossaryEntryInput, Metric, Topic } from '../lib/schema.ts';
import { companyTrends, topicsOverTime } from '../lib/charts.ts';
import type { Edition } from '../lib/paths.ts';

export interface CallEntry {
  /** Collection id, `alibaba/fy2025-q2`. */
  readonly id: string;
  readonly call: Call;
  readonly company: Company;
  readonly quarter: FiscalQuarter;
  readonly slug: string;
  /** A hash of the call's file (Astro's entry digest, or of its data): what cache keys use (cache-keys.ts). */
  readonly digest: string;
}

let cache: Promise<{ companies: Company[]; calls: CallEntry[]; metrics: Metric[]; topics: Topic[]; glossary: GlossaryEntryInput[] }> | undefined;

async function load() {
  // The one loader; scripts/build.ts points EC_COMPANIES_DIR at the profiles it converted with.
  const catalog = loadCatalog(process.cwd(), process.env.EC_COMPANIES_DIR ? { companiesDir: process.env.EC_COMPANIES_DIR } : {});
  const entries = (await getCollection('calls')).map((e: CollectionEntry<'calls'>) => ({ id: e.id, call: e.data, digest: String(e.digest ?? createHash('sha256').update(JSON.stringify(e.data)).digest('hex')) }));
  // Companies with a published call only: from their profile, or as read from their calls.
  const companies = companiesOfCalls(
    catalog.companies,
    entries.map((e) => e.call),
  );
  const calls = entries.map(({ id, call, digest }) => {
    const company = companies.find((c) => c.id === call.company);
    if (!company) throw new Error(`${id}: no company profile "${call.company}" in content/companies/ and no company read from the text`);
    const quarter = parseQuarterId(call.quarter)!;
    return { id, call, company, quarter, slug: quarterSlug(quarter), digest };
  });
  // Newest first, companies alphabetically.
  calls.sort((a, b) => a.company.id.localeCompare(b.company.id) || compareQuarters(b.quarter, a.quarter));
  return { companies, calls, metrics: catalog.metrics, topics: catalog.topics, glossary: catalog.glossary };
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

/** A company's charts in an edition: group revenue, adjusted EBITA and topics over time (each undefined without numbers). */
export async function companyCharts(companyId: string, edition: Edition) {
  const { metrics, topics } = await siteData();
  const mine = (await callsOf(companyId)).map((c) => c.call);
  return {
    trends: companyTrends(mine, metrics, edition),
    topics: topicsOverTime(mine, topics, edition),
  };
}
