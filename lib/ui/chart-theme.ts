/**
 * Chart colours as CSS custom properties (defined in app/globals.css, a light and a dark set). SVG fill and stroke
 * accept var(--x), so every Recharts chart follows the system colour scheme without re-rendering or reading the
 * media query in JavaScript. Use these instead of hex literals in charts.
 */
const v = (name: string) => `var(--${name})`;

export const chartColors = {
  grid: v("chart-grid"),
  axis: v("chart-axis"),
  tick: v("chart-tick"),
  label: v("chart-label"),
  ink: v("ink"),
  reference: v("chart-ref"),
  cursor: v("chart-cursor"),
  baseline: v("chart-baseline"),
  band: v("chart-band"),
  partial: v("partial-shade"),
  accent: v("accent"),
  good: v("good"),
  warn: v("warn"),
  bad: v("bad"),
  other: v("series-other"),
  unattributed: v("series-unattributed"),
} as const;

/** Tiers keep the badge colours everywhere (frontier red, mid amber, small green). */
export const tierColors: Record<string, string> = { frontier: v("tier-frontier"), mid: v("tier-mid"), small: v("tier-small"), unknown: v("tier-unknown") };

/** The categorical palette: --series-1 … --series-12 (a brighter set in dark mode). */
export const SERIES_COUNT = 12;
export const categorical = (index: number) => v(`series-${(index % SERIES_COUNT) + 1}`);

/** Props shared by every cartesian chart: grid, axes' ticks and lines, hover cursor. */
export const chartGrid = { stroke: chartColors.grid } as const;
export const axisTick = { fontSize: 11, fill: chartColors.tick } as const;
export const categoryTick = { fontSize: 12, fill: chartColors.label } as const;
export const axisLine = { stroke: chartColors.axis } as const;
export const barCursor = { fill: chartColors.cursor } as const;

/** Recharts' built-in tooltip paints itself white inline; these make it follow the theme. */
export const defaultTooltipStyle = {
  contentStyle: { background: "var(--panel)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--ink)", fontSize: 12 },
  labelStyle: { color: "var(--ink)", fontWeight: 600 },
  itemStyle: { color: "var(--ink)" },
} as const;

/** Legend text in the page's ink colour (Recharts otherwise colours each label like its series). */
export const legendText = { color: chartColors.ink } as const;
