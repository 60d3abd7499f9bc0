import "server-only";
import { pool } from "@/lib/db/pool";
import { storeMetrics } from "@/lib/metrics/store-metrics";
import type { MetricInput } from "@/lib/metrics/metric-schema";

/**
 * Demo business metrics, derived from the demo's own calls so unit costs are plausible: tickets resolved per day
 * by the support reply drafts (the sessions whose outcome tag is a success) and invoices processed per day (one
 * extraction call per invoice). Idempotent: re-loading replaces the same values.
 */
export async function seedDemoMetrics(): Promise<number> {
  const tickets = await pool().query<{ day: string; n: string }>(
    `SELECT (r.first_at AT TIME ZONE 'UTC')::date::text AS day, sum(r.success_outcomes)::text AS n
     FROM usage_runs r JOIN workloads w ON w.id = r.workload_id WHERE w.slug = 'support-reply-drafts' GROUP BY 1 HAVING sum(r.success_outcomes) > 0`,
  );
  const invoices = await pool().query<{ day: string; n: string }>(
    `SELECT d.day::text AS day, sum(d.requests)::text AS n FROM usage_daily d JOIN workloads w ON w.id = d.workload_id
     WHERE w.slug = 'invoice-extraction' GROUP BY 1 HAVING sum(d.requests) > 0`,
  );
  const metrics: MetricInput[] = [
    ...tickets.rows.map((r) => ({ date: r.day, name: "tickets_resolved", value: r.n, workload: "support-reply-drafts" })),
    ...invoices.rows.map((r) => ({ date: r.day, name: "invoices_processed", value: r.n, workload: "invoice-extraction" })),
  ];
  if (metrics.length === 0) return 0;
  return (await storeMetrics({ teamIds: null }, metrics)).stored;
}
