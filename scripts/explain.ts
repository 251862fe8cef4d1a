/**
 * Shows how the reader reads one sentence: every number, the measure it belongs to, its time
 * frame, sign, entity, and the decision with the rules that made it.
 *
 *   npm run explain -- "Free cash flow was an outflow of RMB 12.4 billion." [--company alibaba] [--quarter FY2025Q2] [--segments "Cloud,Retail=零售"] [--topic cloud]
 *
 * Without --company the sentence is read for a company with no profile (segments from
 * --segments, if given).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parseQuarterId } from '../src/lib/quarters.ts';
import { companySchema, type Company } from '../src/lib/schema.ts';
import { loadCatalog } from '../src/lib/catalog.ts';
import { ConvertError } from './lib/errors.ts';
import { figureReader, topicSet } from './lib/figures/extract.ts';
import { segmentSlug } from './lib/eval.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { company: { type: 'string' }, quarter: { type: 'string', default: 'FY2025Q3' }, segments: { type: 'string' }, topic: { type: 'string' }, help: { type: 'boolean', default: false } },
});
if (values.help || positionals.length === 0) {
  console.log('usage: npm run explain -- "<sentence>" [--company ID] [--quarter FY2025Q3] [--segments "A,B"] [--topic SEGMENT_ID|group]');
  process.exit(values.help ? 0 : 1);
}
try {
  const catalog = loadCatalog(resolve(import.meta.dirname, '..'));
  const quarter = parseQuarterId(values.quarter!);
  if (!quarter) throw new ConvertError('--quarter', `"${values.quarter}" is not a fiscal quarter such as FY2025Q3`);
  let company: Company | undefined = values.company ? catalog.companies.find((c) => c.id === values.company) : undefined;
  if (values.company && !company) throw new ConvertError('--company', `no profile has the id "${values.company}"`, { hint: `one of: ${catalog.companies.map((c) => c.id).join(', ')}` });
  company ??= companySchema.parse({
    id: 'company',
    names: { en: 'The Company' },
    aliases: ['The Company'],
    fiscal_year_end: '12-31',
    // "Cloud" or "Automotive=車用電子": an English name, then names in other scripts.
    segments: [
      { id: 'group', names: { en: 'Group' }, aliases: [], metrics: [] },
      ...(values.segments ?? '')
        .split(',')
        .filter((s) => s.trim())
        .map((s) => {
          const [en, ...others] = s.split('=').map((x) => x.trim());
          return { id: segmentSlug(en!), names: { en: en! }, aliases: others, metrics: [] };
        }),
    ],
    people: [],
    metric_aliases: {},
  });
  const reader = figureReader({ company, metrics: catalog.metrics, reading: catalog.reading, quarter });
  for (const sentence of positionals) {
    console.log(`sentence: ${sentence}`);
    const given = values.topic ? (values.topic === 'group' ? { kind: 'group' as const } : { kind: 'segment' as const, id: values.topic }) : undefined;
    const topic = topicSet(sentence, reader.vocab, given);
    if (topic) console.log(`  sets the topic: ${topic.kind === 'segment' ? topic.id : topic.kind}`);
    const readings = reader.explain(sentence, topic ?? given);
    if (readings.length === 0) console.log('  no number that could be a figure');
    for (const r of readings) {
      const what = r.decision === 'skip' ? 'left out' : `${r.decision}: ${r.segment ?? 'unassigned'} / ${r.metric} = ${r.value} ${r.unit}${r.basis ? ` (${r.basis})` : ''}${r.approx ? ` [${r.approx}]` : ''}`;
      console.log(`  "${r.number}" -> ${what}\n      rules: ${r.rule}${r.frame ? ` (frame ${r.frame})` : ''}`);
    }
  }
} catch (e) {
  if (e instanceof ConvertError) {
    console.error(e.format());
    process.exit(1);
  }
  throw e;
}
