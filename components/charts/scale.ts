/**
 * Axis helpers for the plain-SVG charts (components/charts/stacked-spend-chart.tsx).
 * niceTicks: 0 up to a round top at or above `max`, in about `count` round steps (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of
 * ten), as Recharts' default value axis picks them.
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / (count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9))!;
  const steps = Math.ceil(max / step - 1e-9);
  // Whole multiples, without float drift (0.1 * 3 = 0.30000000000000004).
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

/** Every how many buckets a date label fits under the bars (at most about 12 labels, whatever the range). */
export function tickEvery(buckets: number, maxLabels = 12): number {
  return Math.max(1, Math.ceil(buckets / maxLabels));
}
