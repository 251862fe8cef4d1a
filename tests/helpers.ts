/** Shared test helpers: load the company profiles and run the converter in memory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { companySchema, metricSchema, readingSchema, topicSchema, type Call, type Company, type Metric, type Reading, type Topic } from '../src/lib/schema.ts';
import { convertAll, sidecarPath, type Catalog, type ConvertResult, type InputFile } from '../scripts/lib/pipeline.ts';

export const root = resolve(import.meta.dirname, '..');

export function companies(): Company[] {
  const dir = join(root, 'content', 'companies');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => companySchema.parse(yaml.load(readFileSync(join(dir, f), 'utf8'))));
}

export const metrics = (): Metric[] => metricSchema.array().parse(yaml.load(readFileSync(join(root, 'content/metrics.yaml'), 'utf8')));
export const topics = (): Topic[] => topicSchema.array().parse(yaml.load(readFileSync(join(root, 'content/topics.yaml'), 'utf8')));

export const reading = (): Reading => readingSchema.parse(yaml.load(readFileSync(join(root, 'content/reading.yaml'), 'utf8')));

/** Profiles, metrics and topics as the converter loads them; `companies` may be replaced. */
export function catalog(companyList: Company[] = companies()): Catalog {
  return { companies: companyList, metrics: metrics(), topics: topics(), reading: reading() };
}

/** Reads transcripts (and their sidecars) from a folder of the project. */
export function inputsFrom(folder: string, names?: string[]): InputFile[] {
  const dir = join(root, folder);
  const files = names ?? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((name) => {
    const path = join(dir, name);
    const side = sidecarPath(path);
    return {
      path: `${folder}/${name}`,
      bytes: readFileSync(path),
      ...(existsSync(side) ? { sidecar: { path: `${folder}/${name.replace(/\.txt$/, '.meta.yaml')}`, text: readFileSync(side, 'utf8') } } : {}),
    };
  });
}

/** An in-memory transcript. */
export function textInput(path: string, text: string, sidecar?: string): InputFile {
  return {
    path,
    bytes: new TextEncoder().encode(text),
    ...(sidecar !== undefined ? { sidecar: { path: sidecarPath(path), text: sidecar } } : {}),
  };
}

export function convert(inputs: InputFile[]): ConvertResult {
  return convertAll(inputs, catalog());
}

/** Converts and fails the test with the converter's own messages if there was an error. */
export function convertOk(inputs: InputFile[]): Call[] {
  const result = convert(inputs);
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.format()).join('\n'));
  return result.calls;
}

/** Every paragraph of a call's source, in order. */
export function paragraphsOf(call: Call, key: string) {
  const source = call.sources.find((s) => s.key === key)!;
  return source.sections.flatMap((s) => s.turns.flatMap((t) => t.paragraphs));
}
