/**
 * Anchors a quarter page once had and no longer has, so that links to them keep working: a
 * figure the reader used to set apart as unassigned (and now reads more carefully, or numbers
 * differently) lands on the page's list of unassigned figures. Add a line when a permanent link
 * test reports a figure anchor that disappeared because the reader changed; never remove one.
 */
export const RETIRED_FIGURE_ANCHORS: Readonly<Record<string, readonly string[]>> = {
  'alibaba/FY2025Q2': ['fig-unassigned-revenue-4', 'fig-unassigned-revenue_yoy_pct-3', 'fig-unassigned-revenue_yoy_pct-4'],
};

/** Retired anchors of a call's page that nothing on the page carries any more. */
export function retiredAnchors(company: string, quarter: string, present: ReadonlySet<string>): string[] {
  return (RETIRED_FIGURE_ANCHORS[`${company}/${quarter}`] ?? []).filter((id) => !present.has(id));
}
