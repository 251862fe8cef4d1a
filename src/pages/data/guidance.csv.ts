import { siteData } from '../../data/site.ts';
import { guidanceCsv, guidanceRecords } from '../../lib/export.ts';

export async function GET() {
  const { calls } = await siteData();
  return new Response(guidanceCsv(guidanceRecords(calls.map((c) => c.call))), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
