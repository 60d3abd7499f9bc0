import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";

/**
 * The month's non-token charges: server-side tool calls (web search, file search; lib/pricing/server-tools.ts),
 * which are inside every cost total but are not model tokens. One row per day x provider x model x team x
 * workload with a charge, in the caller's team scope, from usage_daily.tool_cost_nanos. The monthly report shows
 * the total as its own line; a FOCUS export can turn each row into a non-token charge (ChargeCategory "Usage",
 * a tool SKU) and take it off the row's token charges (UsageRow.toolCostNanos is the same figure per usage row).
 */
export interface NonTokenCharge {
  day: string;
  provider: string;
  model: string;
  team: string;
  workload: string;
  kind: "server_tools";
  costNanos: bigint;
}

export async function monthNonTokenCharges(principal: Pick<Principal, "teamIds">, from: string, to: string): Promise<{ totalNanos: bigint; rows: NonTokenCharge[] }> {
  const rows = await prisma().$queryRaw<{ day: string; provider: string; model: string; team: string; workload: string; cost: string }[]>`
    SELECT d.day::text AS day, m.provider, m.name AS model, COALESCE(t.slug, 'unattributed') AS team, COALESCE(w.slug, 'unattributed') AS workload,
      sum(d.tool_cost_nanos)::text AS cost
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND d.tool_cost_nanos <> 0 AND ${teamScope(principal)}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
  let totalNanos = 0n;
  const out = rows.map((r) => {
    const costNanos = BigInt(r.cost);
    totalNanos += costNanos;
    return { day: r.day, provider: r.provider, model: r.model, team: r.team, workload: r.workload, kind: "server_tools" as const, costNanos };
  });
  return { totalNanos, rows: out };
}
