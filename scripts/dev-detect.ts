/**
 * Development aid: what the converter reads from each transcript of a folder, with no profile
 * and no sidecar (unless the folder has one), compared with `NAME.key.json` when present.
 *
 *   npm run detect -- ../shared/realcalls [--profiles]
 *
 * Prints per file: company id, quarter, quarter end, call date, layout and turns, and whether
 * each agrees with the key (`company`: prefixes of a word of the id; `quarter`; `period_end`).
 * `--profiles` also offers the profiles in content/companies/. Reads nothing else; writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/lib/catalog.ts';
import { ConvertError, type Warning } from './lib/errors.ts';
import { detectLayout } from './lib/detect.ts';
import { readCallFacts, readSidecar, sidecarPath } from './lib/pipeline.ts';
import { decodeTranscript, splitLines } from './lib/text.ts';
import { stripPageFurniture } from './lib/pages.ts';
import { quarterId } from '../src/lib/quarters.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { profiles: { type: 'boolean', default: false } } });
const root = resolve(import.meta.dirname, '..');
const profiles = values.profiles ? loadCatalog(root).companies : [];
let right = 0;
let total = 0;
for (const dir of positionals.map((p) => resolve(p))) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const path = join(dir, f);
    const side = sidecarPath(path);
    const keyPath = path.replace(/\.txt$/, '.key.json');
    const key = existsSync(keyPath) ? (JSON.parse(readFileSync(keyPath, 'utf8')) as { company?: string | string[]; quarter?: string; period_end?: string }) : undefined;
    const warnings: Warning[] = [];
    let line: string;
    let ok = false;
    try {
      const lines = splitLines(decodeTranscript(readFileSync(path), f).text);
      const sidecar = readSidecar(existsSync(side) ? { sidecar: { path: side, text: readFileSync(side, 'utf8') } } : {});
      const facts = readCallFacts(lines, f, sidecar, profiles, warnings);
      const layout = detectLayout(stripPageFurniture(lines).lines);
      let turns = '';
      if (layout) {
        try {
          const raw = layout.parse(lines, { file: f, isKnownPerson: () => false });
          turns = `${raw.turns.length} turns`;
        } catch (e) {
          turns = `layout error: ${(e as Error).message}`;
        }
      }
      const words = facts.company.id.split('-');
      const prefixes = key?.company === undefined ? [] : Array.isArray(key.company) ? key.company : [key.company];
      const companyOk = prefixes.some((p) => {
        const k = p.toLowerCase().replace(/[\s_]+/g, '-');
        return facts.company.id.startsWith(k) || words.some((_w, i) => words.slice(i).join('-').startsWith(k));
      });
      const quarterOk = key?.quarter === quarterId(facts.quarter);
      const endOk = key?.period_end === facts.periodEnd;
      ok = companyOk && quarterOk && endOk;
      const mark = (b: boolean) => (key ? (b ? 'ok' : 'WRONG') : '');
      line = `${facts.company.id} ${mark(companyOk)} | ${quarterId(facts.quarter)} ${mark(quarterOk)} | ${facts.periodEnd} ${mark(endOk)} | fye ${facts.company.fiscal_year_end} | call ${facts.callDate ?? '-'} | ${layout?.id ?? 'no layout'} ${turns}`;
    } catch (e) {
      line = e instanceof ConvertError ? `ERROR ${e.format()}` : `BUG ${(e as Error).stack}`;
    }
    total++;
    if (ok) right++;
    console.log(`${f}: ${line}`);
    for (const w of warnings) console.log(`    warning: ${w.message}`);
  }
}
console.log(`detect: ${right}/${total} files with company, quarter and quarter end as the key says`);
