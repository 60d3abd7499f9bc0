/**
 * Dollar amounts for chart axes and tight spots: "$1.2M", "$12k", "$25", "$1.20", "$0.40". Under $10 keeps two
 * decimals, so neighbouring ticks ($0.80, $1.20, $1.60) never collapse into the same rounded label.
 */
export function usdAxis(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `$${(value / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `$${(value / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  return `$${value.toFixed(abs >= 10 || value === 0 ? 0 : 2)}`;
}
