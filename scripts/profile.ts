/**
 * Prints the company profile the converter infers from one transcript, for the user to review
 * and save as `content/companies/<id>.yaml` (where names in other scripts, aliases, people's
 * other spellings, segment eras and revenue lines can be added by hand).
 *
 *   npm run profile -- seeds/<file>
 *
 * Reads the transcript (and its sidecar) with no profile; writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { companySchema, type Company } from '../src/lib/schema.ts';
import { ConvertError, formatWarning, type Warning } from './lib/errors.ts';
import { detectLayout } from './lib/detect.ts';
import { readCallFacts, readSidecar, sidecarPath } from './lib/pipeline.ts';
import { segmentsFromText } from './lib/segments-from-text.ts';
import { decodeTranscript, slugify, splitLines } from './lib/text.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const root = resolve(import.meta.dirname, '..');
if (positionals.length !== 1) {
  console.error('usage: npm run profile -- seeds/<file>');
  process.exit(2);
}
const path = resolve(positionals[0]!);
const rel = relative(root, path) || path;
const side = sidecarPath(path);
const warnings: Warning[] = [];
try {
  const lines = splitLines(decodeTranscript(readFileSync(path), rel).text);
  const sidecar = readSidecar(existsSync(side) ? { sidecar: { path: relative(root, side), text: readFileSync(side, 'utf8') } } : {});
  const facts = readCallFacts(lines, rel, sidecar, [], warnings);
  const layout = detectLayout(lines);
  const raw = layout?.parse(lines, { file: rel, isKnownPerson: () => false });
  const people = new Map<string, Company['people'][number]>();
  for (const t of raw?.turns ?? []) {
    const role = t.label.role;
    if (role === 'analyst' || role === 'operator' || role === 'other' || /^(unknown|unidentified)\b/i.test(t.label.name)) continue;
    const id = slugify(t.label.name);
    if (people.has(id) || !/^[a-z0-9-]+$/.test(id)) continue;
    const ir = role === 'investor-relations' || /investor relations|投资者关系|投資者關係/i.test(t.label.title ?? '');
    people.set(id, { id, names: { en: t.label.name }, aliases: [], role: ir ? 'investor-relations' : 'executive' });
  }
  const segments = raw ? segmentsFromText(raw) : [];
  const draft = companySchema.parse({
    ...facts.company,
    segments: [...facts.company.segments, ...segments.filter((s) => !facts.company.segments.some((x) => x.id === s.id))].map(({ origin: _o, ...s }) => s),
    people: [...people.values()],
    origin: 'profile',
  });
  const { origin: _origin, ...rest } = draft;
  const profile = { ...rest, segments: rest.segments.map(({ origin: _so, ...seg }) => seg) };
  console.log(`# Draft profile read from ${rel} (${facts.quarter.fy} Q${facts.quarter.q}). Review it, then save it as`);
  console.log(`# content/companies/${profile.id}.yaml; the schema (companySchema in src/lib/schema.ts) checks it.`);
  console.log(`# Titles seen: ${(raw?.turns ?? []).filter((t) => t.label.title).map((t) => `${t.label.name} (${t.label.title})`).filter((x, i, a) => a.indexOf(x) === i).join('; ') || 'none'}`);
  console.log(yaml.dump(profile, { lineWidth: 120, noRefs: true }).trimEnd());
  for (const w of warnings) console.error(formatWarning(w));
} catch (e) {
  if (e instanceof ConvertError) {
    console.error(e.format());
    process.exit(1);
  }
  throw e;
}
