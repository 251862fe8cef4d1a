/**
 * Writes a call as an MDX file. All transcript text goes into the YAML frontmatter, where it is
 * data: the quarter page renders it through Astro components, which escape it, so nothing a
 * transcript contains can run as code or become markup. The body holds only a comment.
 *
 * Output is byte-stable: keys in schema order, no timestamps, `\n` line ends, final newline.
 */
import yaml from 'js-yaml';
import type { Call } from '../../src/lib/schema.ts';
import { printable } from './errors.ts';

/** The note every generated file starts with. */
export function generatedNote(call: Pick<Call, 'sources'>): string {
  // A file name may hold a line break or other control characters: escaped, it stays one comment line.
  const files = call.sources.map((s) => printable(s.file)).join(', ');
  return `generated from ${files} by scripts/convert.ts; edit the transcript or the company profile, not this file`;
}

export function renderCallMdx(call: Call): string {
  // A JSON round trip drops undefined optional fields, which YAML cannot represent.
  const data = JSON.parse(JSON.stringify(call)) as unknown;
  const front = yaml.dump(data, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' });
  return `---\n# ${generatedNote(call)}\n${front}---\n\n{/* ${generatedNote(call).replace(/\*\//g, '* /')} */}\n`;
}
