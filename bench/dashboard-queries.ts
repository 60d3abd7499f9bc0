import { presetRange } from "@/lib/analytics/date-range";
import { addDays } from "@/lib/analytics/dates";

/**
 * The requests the dashboard benchmarks time (bench:dashboard over HTTP, bench:scale through the route handlers):
 * `overview` is exactly what the Overview page requests on a first visit (month to date, stacked by team, top
 * lists; target p95 <= 150 ms), `explorer` the other groupBy / filter / endpoint combinations (target <= 300 ms).
 * `workload`: the busiest workload's slug (biggestWorkload in dashboard.ts).
 */
export function dashboardQueries(today: string, workload: string): { overview: string[]; explorer: string[] } {
  const { mtd, d90, year } = benchRanges(today);
  const overview = [
    `/api/v1/spend/overview?${q({ ...mtd })}`,
    `/api/v1/spend/series?${q({ ...mtd, interval: "day", stackBy: "team", top: 8 })}`,
    `/api/v1/spend?${q({ ...mtd, groupBy: "team" })}`,
    `/api/v1/spend?${q({ ...mtd, groupBy: "workload" })}`,
    `/api/v1/spend?${q({ ...mtd, groupBy: "model" })}`,
  ];
  const explorer = [
    ...["team", "workload", "model", "provider", "tier", "user", "day", "week", "month"].map((g) => `/api/v1/spend?${q({ ...d90, groupBy: g })}`),
    `/api/v1/spend?${q({ ...year, groupBy: "day" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "model", team: "support" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "day", workload })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "team", tier: "frontier" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "workload", provider: "anthropic" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "team", model: "openai/gpt-5" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "user", team: "platform" })}`,
    ...["team", "workload", "model", "provider", "tier"].map((by) => `/api/v1/spend/breakdown?${q({ ...d90, by })}`),
    `/api/v1/spend/breakdown?${q({ ...d90, by: "workload", team: "support" })}`,
    `/api/v1/spend/series?${q({ ...d90, interval: "day", stackBy: "tier", top: 8 })}`,
    `/api/v1/spend/series?${q({ ...d90, interval: "week", stackBy: "workload", top: 8 })}`,
    `/api/v1/spend/series?${q({ ...year, interval: "month", stackBy: "model", top: 8 })}`,
    `/api/v1/spend/overview?${q({ ...d90, team: "platform" })}`,
    `/api/v1/spend/overview?${q({ ...mtd, workload })}`,
    `/api/v1/spend/tokens-per-call?${q({ ...d90, workload })}`,
    `/api/v1/spend/tokens-per-call?${q({ ...mtd, workload: "unattributed" })}`,
  ];
  return { overview, explorer };
}

/** The Dimensions page (customer by value, a customer's workloads) and the API's tag groupings and filters, alone and with the model (issue 13). */
export function dimensionQueries(today: string): string[] {
  const { mtd, d90, year } = benchRanges(today);
  return [
    `/api/v1/spend?${q({ ...d90, groupBy: "tag:customer" })}`,
    `/api/v1/spend?${q({ ...year, groupBy: "tag:customer", top: 5 })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "tag:feature" })}`,
    `/api/v1/spend?${q({ ...mtd, groupBy: "tag:customer", team: "support" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "team", "tag.customer": "acme" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "workload", "tag.customer": "acme" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "day", "tag.customer": "(none)" })}`,
    `/api/v1/spend/series?${q({ ...d90, interval: "day", stackBy: "tag:customer", top: 8 })}`,
    `/api/v1/spend/series?${q({ ...year, interval: "week", stackBy: "tag:feature", top: 8 })}`,
    `/api/v1/spend/series?${q({ ...d90, interval: "day", stackBy: "workload", top: 8, "tag.customer": "acme" })}`,
    // A tag with the model (the roll-up keeps it since 2026-12-03): one customer's spend by model, customers on one tier.
    `/api/v1/spend?${q({ ...d90, groupBy: "model", "tag.customer": "acme" })}`,
    `/api/v1/spend?${q({ ...d90, groupBy: "tag:customer", tier: "frontier" })}`,
  ];
}

/** The date ranges the benches query: month to date, the last 90 days, the last year. */
export function benchRanges(today: string) {
  return { mtd: presetRange("mtd", today), d90: { from: addDays(today, -89), to: today }, year: { from: addDays(today, -364), to: today } };
}

/** A query string from plain values. */
export const q = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

/** The busiest workload's slug, from the roll-up. */
export const BIGGEST_WORKLOAD_SQL = `SELECT w.slug FROM usage_daily d JOIN workloads w ON w.id = d.workload_id GROUP BY w.slug ORDER BY sum(d.requests) DESC LIMIT 1`;

export function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/**
 * p50/p95/max (ms, one decimal) of `runs` calls of `once` (which returns its own elapsed ms), after two warm-up
 * calls: first-call compilation and plan caching are not the steady state.
 */
export async function timeRepeated(query: string, once: () => Promise<number>, runs: number) {
  await once();
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x * 10) / 10;
  return { query, p50: ms(quantile(times, 0.5)), p95: ms(quantile(times, 0.95)), max: ms(times[times.length - 1]) };
}
