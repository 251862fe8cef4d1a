import type { CallEntry } from '../../../data/site.ts';
import { quarterExportPaths } from '../../../data/routes.ts';
import { callPage } from '../../../lib/export.ts';

export const getStaticPaths = () => quarterExportPaths();

export function GET({ props }: { props: { entry: CallEntry } }) {
  const { call } = props.entry;
  const { sources, ...rest } = call;
  // The summary without the transcript text, which stays on the page.
  const summary = {
    ...rest,
    url: callPage(call),
    sources: sources.map(({ key, file, sha256, layout, title, layers, exchanges }) => ({ key, file, sha256, layout, ...(title ? { title } : {}), layers, exchanges })),
  };
  return new Response(`${JSON.stringify(summary, null, 1)}\n`, { headers: { 'content-type': 'application/json' } });
}
