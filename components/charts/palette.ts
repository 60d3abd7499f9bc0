import { categorical, chartColors, tierColors } from "@/lib/ui/chart-theme";

/**
 * Chart colours (CSS variables from lib/ui/chart-theme, so they follow the light/dark scheme). Tiers keep the badge
 * colours everywhere (frontier red, mid amber, small green); other series take a categorical palette in a fixed
 * order (stable across reloads: series come sorted by spend), and "Unattributed" / "Other" are greys so they never
 * look like a team.
 */
export const TIER_COLORS: Record<string, string> = tierColors;
export const UNATTRIBUTED_COLOR = chartColors.unattributed;
export const OTHER_COLOR = chartColors.other;

export function seriesColor(key: string, index: number, stackBy?: string): string {
  if (stackBy === "tier" && TIER_COLORS[key]) return TIER_COLORS[key];
  if (key === "unattributed") return UNATTRIBUTED_COLOR;
  if (key === "(other)") return OTHER_COLOR;
  return categorical(index);
}
