/**
 * The site's data, read from the content collections: calls with their company and quarter,
 * in the order pages list them. Only Astro code imports this module.
 */
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import yaml from 'js-yaml';
import { parseQuarterId, compareQuarters, quarterSlug, type FiscalQuarter } from '../lib/quarters.ts';
import { metricSchema, topicSchema, type Call, type Company, type Metric, type Topic } from '../lib/schema.ts';

export interface CallEntry {
  /** Collection id, `alibaba/fy2025-q2`. */
  readonly id: string;
  readonly call: Call;
  readonly company: Company;
  readonly quarter: FiscalQuarter;
  readonly slug: string;
}

let cache: Promise<{ companies: Company[]; calls: CallEntry[]; metrics: Metric[]; topics: Topic[] }> | undefined;

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
  const metrics = metricSchema.array().parse(yaml.load(readFileSync('content/metrics.yaml', 'utf8')));
  const topics = topicSchema.array().parse(yaml.load(readFileSync('content/topics.yaml', 'utf8')));
  return { companies: companies.sort((a, b) => a.id.localeCompare(b.id)), calls, metrics, topics };
}

/** Every company and call; loaded once per build. */
export function siteData() {
  cache ??= load();
  return cache;
}

/** The call before this one on the site (the previous quarter the site has), if any. */
export async function previousCall(entry: CallEntry): Promise<CallEntry | undefined> {
  const mine = await callsOf(entry.company.id);
  return mine[mine.findIndex((c) => c.id === entry.id) + 1];
}

/** The calls of one company, newest first. */
export async function callsOf(companyId: string): Promise<CallEntry[]> {
  return (await siteData()).calls.filter((c) => c.company.id === companyId);
}
