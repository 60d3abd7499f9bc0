/**
 * Chart colours. Tiers keep the badge colours everywhere (frontier red, mid amber, small green); other series
 * take a categorical palette in a fixed order (stable across reloads: series come sorted by spend), and
 * "Unattributed" / "Other" are greys so they never look like a team.
 */
export const TIER_COLORS: Record<string, string> = { frontier: "#d64545", mid: "#e0a030", small: "#2f9e68", unknown: "#a0a7b4" };
export const UNATTRIBUTED_COLOR = "#8d95a3";
export const OTHER_COLOR = "#c9ced8";

const CATEGORICAL = ["#2f5bea", "#13a3b5", "#8e5cd9", "#e2703a", "#3b8f4e", "#d9468f", "#6b7fd7", "#b5892b", "#4bb3e6", "#a35a5a", "#5aa39a", "#7a6ad8"];

export function seriesColor(key: string, index: number, stackBy?: string): string {
  if (stackBy === "tier" && TIER_COLORS[key]) return TIER_COLORS[key];
  if (key === "unattributed") return UNATTRIBUTED_COLOR;
  if (key === "(other)") return OTHER_COLOR;
  return CATEGORICAL[index % CATEGORICAL.length];
}
