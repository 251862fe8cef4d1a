/**
 * Loads what the converter knows besides the transcripts (company profiles, metrics, topics)
 * from `content/`, validated by the schema. Throws a ConvertError naming the file and the
 * entry on the first problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { companySchema, metricSchema, readingSchema, topicSchema } from '../../src/lib/schema.ts';
import { ConvertError } from './errors.ts';
import type { Catalog } from './pipeline.ts';

function load<T>(path: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = yaml.load(readFileSync(path, 'utf8'));
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    throw new ConvertError(path, `not valid YAML: ${(e as Error).message.split('\n')[0]}`, mark?.line !== undefined ? { line: mark.line + 1 } : {});
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConvertError(path, `${issue.path.join('.') || 'the file'}: ${issue.message}`);
}

export function loadCatalog(root: string, companiesDir = join(root, 'content', 'companies')): Catalog {
  const files = existsSync(companiesDir) ? readdirSync(companiesDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  return {
    companies: files.map((f) => load(join(companiesDir, f), companySchema)),
    metrics: load(join(root, 'content', 'metrics.yaml'), z.array(metricSchema)),
    topics: load(join(root, 'content', 'topics.yaml'), z.array(topicSchema)),
    reading: load(join(root, 'content', 'reading.yaml'), readingSchema),
  };
}
