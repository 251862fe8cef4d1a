import { siteData } from '../../data/site.ts';
import { figureRecords, figuresCsv } from '../../lib/export.ts';

export async function GET() {
  const { calls } = await siteData();
  return new Response(figuresCsv(figureRecords(calls.map((c) => c.call))), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
