/**
 * Segments over time: a company reorganises, so the set of segments it reports differs by
 * quarter. The profile gives each segment the quarters it existed (`from`, `until`).
 */
import type { Segment } from './schema.ts';
import { compareQuarters, parseQuarterId, type FiscalQuarter } from './quarters.ts';

/** True when the segment was reported in the quarter. */
export function segmentActiveIn(segment: Segment, quarter: FiscalQuarter): boolean {
  const from = segment.from ? parseQuarterId(segment.from) : null;
  const until = segment.until ? parseQuarterId(segment.until) : null;
  return (!from || compareQuarters(from, quarter) <= 0) && (!until || compareQuarters(quarter, until) <= 0);
}

/** The segments reported in the quarter, in profile order. */
export function segmentsActiveIn(segments: readonly Segment[], quarter: FiscalQuarter): Segment[] {
  return segments.filter((s) => segmentActiveIn(s, quarter));
}
