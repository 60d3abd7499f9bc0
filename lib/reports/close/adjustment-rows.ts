import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { measuresFromRaw, type RawMeasures } from "@/lib/analytics/measures";
import type { ReportMonth } from "../report-month";
import type { AdjustmentRow } from "./split-adjustments";

/**
 * The month's late calls (ingest batches that ran after `since`) at the usage CSV's grain, each with the UTC day it
 * arrived: the CSV lists them as adjustment rows instead of inside the ordinary rows (split-adjustments.ts). Sums
 * follow the daily roll-up's definitions (lib/ingest/store/columns.ts) so the two subtract exactly.
 */
export async function adjustmentRows(principal: Pick<Principal, "teamIds">, m: Pick<ReportMonth, "from" | "end">, since: Date): Promise<AdjustmentRow[]> {
  const start = new Date(`${m.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${m.end}T00:00:00Z`) + 86_400_000);
  const rows = await prisma().$queryRaw<(RawMeasures & { day: string; added_on: string; team: string; team_name: string; workload: string; workload_name: string; provider: string; model: string; tier: string; batch: boolean; tool_cost: string })[]>`
    WITH late AS (SELECT id, (COALESCE(finished_at, started_at) AT TIME ZONE 'UTC')::date AS added_on FROM ingest_batches WHERE COALESCE(finished_at, started_at) >= ${since})
    SELECT (e.occurred_at AT TIME ZONE 'UTC')::date::text AS day, l.added_on::text AS added_on,
      COALESCE(t.slug, 'unattributed') AS team, COALESCE(t.name, 'Unattributed') AS team_name,
      COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS workload_name,
      m.provider, m.name AS model, COALESCE(m.tier, 'unknown') AS tier, e.batch,
      sum(e.requests)::text AS requests, sum(e.input_tokens)::text AS input, sum(e.cached_input_tokens)::text AS cached,
      sum(e.cache_write_tokens)::text AS cache_write, sum(e.output_tokens)::text AS output, sum(e.reasoning_tokens)::text AS reasoning,
      COALESCE(sum(e.cost_nanos), 0)::text AS cost, COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0)::text AS unpriced,
      count(*) FILTER (WHERE e.cost_nanos IS NULL)::text AS unpriced_events, count(*) FILTER (WHERE e.requests = 0)::text AS uncounted,
      COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0)::text AS uncounted_cost, COALESCE(sum(e.tool_cost_nanos), 0)::text AS tool_cost
    FROM usage_events e JOIN late l ON l.id = e.ingest_batch_id JOIN models m ON m.id = e.model_id
    LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN workloads w ON w.id = e.workload_id
    WHERE e.occurred_at >= ${start} AND e.occurred_at < ${end} AND ${teamScope(principal, Prisma.raw("e.team_id"))}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ORDER BY 1, 3, 5, 7, 8, 10, 2`;
  return rows.map((r) => ({
    day: r.day,
    addedOn: r.added_on,
    team: r.team,
    teamName: r.team_name,
    workload: r.workload,
    workloadName: r.workload_name,
    provider: r.provider,
    model: r.model,
    tier: r.tier,
    batch: r.batch,
    toolCostNanos: BigInt(r.tool_cost),
    ...measuresFromRaw(r),
  }));
}
