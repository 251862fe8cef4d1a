/**
 * The headline strip that opens a quarter page: the company's headline figures and each
 * segment's, chosen by the metric catalogue (`headline` in content/metrics.yaml), never by a
 * company's metric names.
 */
import type { Call, Metric } from './schema.ts';
import { figurePairs, type FigurePair } from './view.ts';

export interface HeadlineStrip {
  /** The group's headline figures stated for the quarter, in the catalogue's headline order. */
  readonly group: FigurePair[];
  /** For each segment (profile order) that states one, its first headline figure in that order. */
  readonly segments: FigurePair[];
}

const headlineFor = (metrics: readonly Metric[], who: 'group' | 'segments') =>
  metrics.filter((m) => m.headline && (m.headline.for === who || m.headline.for === 'group-and-segments')).sort((a, b) => a.headline!.order - b.headline!.order);

/** The strip of a call: figures of the quarter itself (full-year figures stay in the table), as the call states them. */
export function headlineStrip(call: Call, metrics: readonly Metric[], segmentOrder: readonly string[]): HeadlineStrip {
  const pairs = figurePairs(call, metrics, segmentOrder).filter((p) => (p.level ?? p.growth)!.period === call.quarter);
  const find = (segment: string, metric: string) => pairs.find((p) => p.segment === segment && p.metric === metric);
  const group = headlineFor(metrics, 'group').flatMap((m) => find('group', m.id) ?? []);
  const segmentMetrics = headlineFor(metrics, 'segments');
  const segments = [...new Set(pairs.map((p) => p.segment))]
    .filter((s) => s !== 'group')
    .flatMap((s) => segmentMetrics.map((m) => find(s, m.id)).find((p) => p !== undefined) ?? []);
  return { group, segments };
}
