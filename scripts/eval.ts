/**
 * Scores the reader on folders of transcripts with keys (`NAME.txt` + `NAME.key.json`, format in
 * tests/eval/README.md): recall of the key's facts and the number of wrong exported figures, per
 * file and in total.
 *
 *   npm run eval -- DIR [DIR...] [--verbose] [--json FILE]
 *
 * Each transcript is converted alone, as `npm run convert` would, with the profiles in
 * content/companies/. When the converter cannot tell the company, the file is converted again
 * with a stand-in profile made from the key's company name and fiscal year end (id and names
 * only, no segments or people) so the reading can still be scored; such files are marked
 * "stand-in" in the output, and their score says nothing about company detection.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/lib/catalog.ts';
import { evaluateFile, keySchema, scoreLine, type FileResult, type Score } from './lib/eval.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false }, json: { type: 'string' }, help: { type: 'boolean', default: false } },
});
if (values.help || positionals.length === 0) {
  console.log('usage: npm run eval -- DIR [DIR...] [--verbose] [--json FILE]\nScores the reader on NAME.txt + NAME.key.json pairs (tests/eval/README.md).');
  process.exit(positionals.length === 0 && !values.help ? 1 : 0);
}

const root = resolve(import.meta.dirname, '..');
const catalog = loadCatalog(root);

const results: FileResult[] = [];
for (const dir of positionals) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.key.json')))).sort();
  for (const f of files) {
    const key = keySchema.parse(JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.key.json')), 'utf8')));
    results.push(evaluateFile(join(dir, f), readFileSync(join(dir, f)), key, catalog));
  }
}

const width = Math.max(...results.map((r) => basename(r.file).length));
for (const r of results) {
  const note = r.mode === 'detected' ? '' : r.mode === 'stand-in' ? '  (stand-in profile: company not detected)' : `  (not converted: ${r.error})`;
  const end = r.wrongEnd ? `; quarter end WRONG (${r.wrongEnd.said}, the key says ${r.wrongEnd.key})` : '';
  console.log(`${basename(r.file).padEnd(width)}  ${scoreLine(r.score)}; guidance ${r.guidance.found}/${r.guidance.total}, ${r.guidance.wrong?.length ?? 0} wrong${end}${note}`);
  if (!values.verbose) continue;
  for (const w of r.score.wrong) console.log(`    WRONG ${w.record.segment}/${w.record.metric} = ${w.record.value} ${w.record.unit} (${w.why})\n          "${w.record.quote}"`);
  for (const m of r.score.missed) console.log(`    missed ${m[0]}/${m[1]} = ${JSON.stringify(m[2])} ${m[3]}: "${m[4]}"`);
  for (const g of r.guidance.missed ?? []) console.log(`    missed guidance ${g[0]} ${g[1]}/${g[2]} ${g[3]}..${g[4]} ${g[5]}: "${g[6]}"`);
  for (const g of r.guidance.wrong ?? []) console.log(`    WRONG guidance ${g.period} ${g.segment}/${g.metric} ${g.low}..${g.high}: "${g.quote?.text}"`);
}
const total = results.reduce((t, r) => ({ facts: t.facts + r.score.facts, found: t.found + r.score.found, wrong: [...t.wrong, ...r.score.wrong] }), { facts: 0, found: 0, wrong: [] as Score['wrong'] });
const guidance = results.reduce((t, r) => ({ found: t.found + r.guidance.found, total: t.total + r.guidance.total, wrong: t.wrong + (r.guidance.wrong?.length ?? 0) }), { found: 0, total: 0, wrong: 0 });
console.log(`${'total'.padEnd(width)}  ${scoreLine(total)}; guidance ${guidance.found}/${guidance.total}, ${guidance.wrong} wrong  (${results.length} files; ${results.filter((r) => r.mode === 'stand-in').length} with a stand-in profile, ${results.filter((r) => r.mode === 'failed').length} not converted, ${results.filter((r) => r.wrongEnd).length} with a wrong quarter end)`);
if (values.json) writeFileSync(values.json, JSON.stringify(results.map((r) => ({ file: basename(r.file), mode: r.mode, facts: r.score.facts, found: r.score.found, wrong: r.score.wrong.length, guidance: r.guidance })), null, 1) + '\n');
