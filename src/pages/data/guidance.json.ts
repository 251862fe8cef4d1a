import { siteData } from '../../data/site.ts';
import { guidanceRecords } from '../../lib/export.ts';

export async function GET() {
  const { calls } = await siteData();
  return new Response(`${JSON.stringify(guidanceRecords(calls.map((c) => c.call)), null, 1)}\n`, { headers: { 'content-type': 'application/json' } });
}
