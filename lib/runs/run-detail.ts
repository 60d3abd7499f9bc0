import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { notFound } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { runOut, type RawRun } from "./run-summary";
import type { RunDetail } from "./run-schemas";

const MAX_CALLS = 500;

/**
 * One run and its call breakdown: the run's roll-up rows the caller may see (a run that crossed teams shows only
 * the caller's part), its calls by model and each call in time order, read from usage_events between the run's
 * first and last call (the BRIN time index bounds the scan; there is no index on run_id, see ARCHITECTURE.md).
 */
export async function queryRunDetail(principal: Principal, runId: string): Promise<RunDetail> {
  const scope = teamScope(principal);
  const rows = await prisma().$queryRaw<(RawRun & { first_ms: string; last_ms: string })[]>`
    SELECT d.run_id, min(d.run_kind)::int AS run_kind,
      COALESCE((array_agg(t.slug ORDER BY d.cost_nanos DESC))[1], 'unattributed') AS team,
      COALESCE((array_agg(w.slug ORDER BY d.cost_nanos DESC))[1], 'unattributed') AS workload,
      COALESCE((array_agg(w.name ORDER BY d.cost_nanos DESC))[1], 'Unattributed') AS workload_label,
      min(d.first_at) AS first_at, max(d.last_at) AS last_at, sum(d.calls)::text AS calls, sum(d.cost_nanos)::text AS cost,
      sum(d.unpriced_calls)::text AS unpriced, sum(d.error_calls)::text AS errors, FALSE AS runaway,
      ARRAY(SELECT m.provider || '/' || m.name FROM models m WHERE m.id IN (SELECT unnest(x.model_ids) FROM usage_runs x WHERE x.run_id = d.run_id) ORDER BY 1) AS models
    FROM usage_runs d LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    WHERE d.run_id = ${runId} AND ${scope}
    GROUP BY d.run_id`;
  if (rows.length === 0) throw notFound(`Run "${runId}"`);
  const raw = rows[0];
  const { runaway: _, ...run } = runOut(raw);
  const eventScope = teamScope(principal, Prisma.raw("e.team_id"));
  const window = Prisma.sql`e.run_id = ${runId} AND e.occurred_at BETWEEN ${raw.first_at} AND ${raw.last_at} AND ${eventScope}`;
  const [byModel, calls] = await Promise.all([
    prisma().$queryRaw<{ model: string; calls: number; input: string; output: string; cost: string }[]>`
      SELECT m.provider || '/' || m.name AS model, count(*)::int AS calls, sum(e.input_tokens)::text AS input, sum(e.output_tokens)::text AS output,
        COALESCE(sum(e.cost_nanos), 0)::text AS cost
      FROM usage_events e JOIN models m ON m.id = e.model_id WHERE ${window} GROUP BY 1 ORDER BY sum(e.cost_nanos) DESC NULLS LAST, 1`,
    prisma().$queryRaw<{ at: Date; model: string; input: number; output: number; cost: string | null; status: string | null; outcome: string | null; latency: number | null }[]>`
      SELECT e.occurred_at AS at, m.provider || '/' || m.name AS model, e.input_tokens AS input, e.output_tokens AS output, e.cost_nanos::text AS cost,
        e.status, COALESCE(e.tags->>'outcome', e.tags->>'rightsize.outcome') AS outcome, e.latency_ms AS latency
      FROM usage_events e JOIN models m ON m.id = e.model_id WHERE ${window} ORDER BY e.occurred_at, e.dedup_key LIMIT ${MAX_CALLS + 1}`,
  ]);
  return {
    run,
    byModel: byModel.map((b) => ({ model: b.model, calls: b.calls, inputTokens: Number(b.input), outputTokens: Number(b.output), costUsd: nanosToUsd(b.cost) })),
    calls: calls.slice(0, MAX_CALLS).map((c) => ({
      at: c.at.toISOString(),
      model: c.model,
      inputTokens: c.input,
      outputTokens: c.output,
      costUsd: c.cost === null ? null : nanosToUsd(c.cost),
      status: c.status,
      outcome: c.outcome,
      latencyMs: c.latency,
    })),
    truncated: calls.length > MAX_CALLS,
  };
}
