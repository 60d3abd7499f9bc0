import { nanosToUsd } from "@/lib/money";
import { OTHER_SERIES, type SeriesResponse } from "./series-query";

/** One (bucket, series) sum as SQL returns it. */
export interface RawPoint {
  bucket: string;
  key: string;
  label: string;
  cost: string;
  requests: string;
  /** The cost in the reporting currency (each day at its rate), when the query converts. */
  local_cost?: string;
}

/**
 * Keeps the `top` costliest series (`ownSeries` always kept: unattributed spend, or "(none)" for a tag stack),
 * folds the rest, zero-fills every bucket.
 */
export function stackSeries(raw: RawPoint[], buckets: string[], top: number, ownSeries = "unattributed"): Pick<SeriesResponse, "series" | "points"> {
  // With a reporting currency, the same series and buckets also sum the converted cost (exact, as the USD one).
  const local = raw.length > 0 && raw.every((r) => r.local_cost !== undefined);
  const totals = new Map<string, { label: string; cost: bigint; local: bigint; requests: number }>();
  for (const r of raw) {
    const t = totals.get(r.key) ?? { label: r.label, cost: 0n, local: 0n, requests: 0 };
    t.cost += BigInt(r.cost);
    t.local += BigInt(r.local_cost ?? "0");
    t.requests += Number(r.requests);
    totals.set(r.key, t);
  }
  const ranked = [...totals.entries()].sort((a, b) => (a[1].cost === b[1].cost ? a[0].localeCompare(b[0]) : a[1].cost > b[1].cost ? -1 : 1));
  const kept = new Set(ranked.filter(([key]) => key !== ownSeries).slice(0, top).map(([key]) => key));
  if (totals.has(ownSeries)) kept.add(ownSeries);
  const folded = ranked.filter(([key]) => !kept.has(key));
  const seriesKey = (key: string) => (kept.has(key) ? key : OTHER_SERIES);

  const withLocal = (n: bigint) => (local ? { cost: nanosToUsd(n) } : {});
  const series: SeriesResponse["series"] = ranked.filter(([key]) => kept.has(key)).map(([key, t]) => ({ key, label: t.label, costUsd: nanosToUsd(t.cost), requests: t.requests, ...withLocal(t.local) }));
  if (folded.length) {
    const cost = folded.reduce((s, [, t]) => s + t.cost, 0n);
    const localCost = folded.reduce((s, [, t]) => s + t.local, 0n);
    const requests = folded.reduce((s, [, t]) => s + t.requests, 0);
    series.push({ key: OTHER_SERIES, label: `Other (${folded.length})`, costUsd: nanosToUsd(cost), requests, ...withLocal(localCost) });
  }

  const zeros = () => new Map<string, bigint>(series.map((s) => [s.key, 0n]));
  const byBucket = new Map(buckets.map((b) => [b, { cost: 0n, local: 0n, requests: 0, values: zeros(), localValues: zeros() }]));
  for (const r of raw) {
    const point = byBucket.get(r.bucket);
    if (!point) continue;
    const key = seriesKey(r.key);
    point.values.set(key, (point.values.get(key) ?? 0n) + BigInt(r.cost));
    point.localValues.set(key, (point.localValues.get(key) ?? 0n) + BigInt(r.local_cost ?? "0"));
    point.cost += BigInt(r.cost);
    point.local += BigInt(r.local_cost ?? "0");
    point.requests += Number(r.requests);
  }
  const points = [...byBucket.entries()].map(([bucket, p]) => ({
    bucket,
    costUsd: nanosToUsd(p.cost),
    requests: p.requests,
    values: Object.fromEntries([...p.values].map(([k, v]) => [k, nanosToUsd(v)])),
    ...(local ? { cost: nanosToUsd(p.local), valuesInCurrency: Object.fromEntries([...p.localValues].map(([k, v]) => [k, nanosToUsd(v)])) } : {}),
  }));
  return { series, points };
}
