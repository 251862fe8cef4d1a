/** Shared test helpers: load the company profiles and run the converter in memory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Call, Company, Metric, Reading, Topic } from '../src/lib/schema.ts';
import { loadCatalog } from '../src/lib/catalog.ts';
import { convertAll, sidecarPath, type Catalog, type ConvertResult, type InputFile } from '../scripts/lib/pipeline.ts';

export const root = resolve(import.meta.dirname, '..');

/** Profiles, metrics and topics through the one loader the converter and the site use. */
const loaded = () => loadCatalog(root);
export const companies = (): Company[] => loaded().companies;
export const metrics = (): Metric[] => loaded().metrics;
export const topics = (): Topic[] => loaded().topics;

export const reading = (): Reading => loaded().reading;

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
