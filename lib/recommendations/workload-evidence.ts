import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { addDays } from "@/lib/forecast/utc-days";

/**
 * A workload's traffic facts for its evidence drawer, from the daily roll-ups in the caller's scope: per model in the
 * window (calls, cost, tokens per call, reasoning share) and calls per model per week over the window and the 8
 * weeks before it (the model history). Per-call figures leave out rows without a request count (usage-report rows).
 */
export async function modelFacts(principal: Pick<Principal, "teamIds">, workloadId: number, window: { from: string; to: string }) {
  const rows = await prisma().$queryRaw<{ provider: string; model: string; tier: string | null; calls: string; counted: string | null; cost: string; input: string | null; output: string | null; reasoning: string | null }[]>`
    SELECT m.provider, m.name AS model, m.tier, sum(d.requests)::text AS calls, sum(d.cost_nanos)::text AS cost,
      sum(d.requests) FILTER (WHERE d.uncounted_events = 0)::text AS counted,
      sum(d.input_tokens) FILTER (WHERE d.uncounted_events = 0)::text AS input,
      sum(d.output_tokens) FILTER (WHERE d.uncounted_events = 0)::text AS output,
      sum(d.reasoning_tokens) FILTER (WHERE d.uncounted_events = 0)::text AS reasoning
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    WHERE d.workload_id = ${workloadId} AND d.day BETWEEN ${window.from}::date AND ${window.to}::date AND ${teamScope(principal)}
    GROUP BY 1, 2, 3 ORDER BY sum(d.requests) DESC, 1, 2`;
  return rows.map((r) => {
    const calls = Number(r.calls);
    const counted = Number(r.counted ?? 0);
    const output = r.output === null ? null : Number(r.output);
    return {
      provider: r.provider,
      model: r.model,
      tier: r.tier,
      calls,
      costNanos: BigInt(r.cost),
      inputTokensPerCall: counted > 0 && r.input !== null ? Math.round(Number(r.input) / counted) : null,
      outputTokensPerCall: counted > 0 && output !== null ? Math.round(output / counted) : null,
      reasoningShare: output ? Number(r.reasoning ?? 0) / output : null,
    };
  });
}

export async function modelHistory(principal: Pick<Principal, "teamIds">, workloadId: number, window: { from: string; to: string }) {
  const rows = await prisma().$queryRaw<{ week: string; model: string; calls: string; cost: string }[]>`
    SELECT to_char(date_trunc('week', d.day), 'YYYY-MM-DD') AS week, m.name AS model, sum(d.requests)::text AS calls, sum(d.cost_nanos)::text AS cost
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    WHERE d.workload_id = ${workloadId} AND d.day BETWEEN ${addDays(window.from, -56)}::date AND ${window.to}::date AND ${teamScope(principal)}
    GROUP BY 1, 2 ORDER BY 1, sum(d.requests) DESC`;
  return rows.map((r) => ({ week: r.week, model: r.model, calls: Number(r.calls), costNanos: BigInt(r.cost) }));
}

/** Recorded cost of the workload over [from, to] (caller's scope): the spend rate before and since a switch. */
export async function workloadCost(principal: Pick<Principal, "teamIds">, workloadId: number, from: string, to: string): Promise<bigint> {
  const [row] = await prisma().$queryRaw<{ cost: string }[]>`
    SELECT COALESCE(sum(d.cost_nanos), 0)::text AS cost FROM usage_daily d
    WHERE d.workload_id = ${workloadId} AND d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(principal)}`;
  return BigInt(row.cost);
}

