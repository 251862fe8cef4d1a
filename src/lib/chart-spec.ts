/**
 * What a chart draws, as the page embeds it in `data-chart` and the client reads it. The same
 * numbers are rendered as a table beside the chart.
 */
export interface ChartSeries {
  /** Legend label. */
  readonly label: string;
  readonly kind: 'bar' | 'line';
  /** Growth rates go on the right axis. */
  readonly axis: 'left' | 'right';
  /** `%` for growth rates; otherwise the unit the values are in (`CNY`). */
  readonly unit: string;
  /** How the values are shown in tooltips: `RMB bn`, `亿元`. */
  readonly unitLabel: string;
  /** Values are in units of this (1e9 for billions), so value × scale is the exported figure. */
  readonly scale: number;
  /** One value per label; null where the quarter has none. */
  readonly values: ReadonlyArray<number | null>;
  /** CSS custom property holding the colour (`--chart-1`). */
  readonly color: string;
  /** Drawn only when the reader turns it on in the legend (the table always has it). */
  readonly hidden?: boolean;
  /** What the values are, for checking them against the data export. */
  readonly ref?: { readonly metric?: string; readonly segment?: string; readonly quarter?: string };
}

export interface ChartSpec {
  /** Category labels, e.g. quarters. */
  readonly labels: readonly string[];
  /** What each category is (a quarter id or a segment id), for checking against the data export. */
  readonly categories?: ReadonlyArray<{ readonly quarter?: string; readonly segment?: string }>;
  readonly series: readonly ChartSeries[];
  readonly leftTitle?: string;
  readonly rightTitle?: string;
  /** Locale for number formatting (`en`, `zh-Hans`). */
  readonly locale: string;
}
