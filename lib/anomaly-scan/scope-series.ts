import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import type { ModelDaySpend } from "@/lib/anomaly";

/**
 * The daily series anomaly detection reads, from the roll-ups with the caller's team scope: per workload (split by
 * model, for model switches) and per team. Unattributed spend (team/workload 0) has no scope to blame and is left
 * out.
 */
export interface SeriesFilter {
  from: string;
  to: string;
  teamId?: number;
  workloadId?: number;
}

export interface WorkloadModelRow extends ModelDaySpend {
  workloadId: number;
}

export async function workloadModelSeries(principal: Pick<Principal, "teamIds">, f: SeriesFilter): Promise<WorkloadModelRow[]> {
  const where = [
    Prisma.sql`d.day BETWEEN ${f.from}::date AND ${f.to}::date`,
    Prisma.sql`d.workload_id <> 0`,
    teamScope(principal),
    ...(f.workloadId !== undefined ? [Prisma.sql`d.workload_id = ${f.workloadId}`] : []),
    ...(f.teamId !== undefined ? [Prisma.sql`w.team_id = ${f.teamId}`] : []),
  ];
  const rows = await prisma().$queryRaw<{ workload_id: number; day: string; provider: string; model: string; tier: string | null; cost: string; tokens: string }[]>`
    SELECT d.workload_id, d.day::text AS day, m.provider, m.name AS model, m.tier,
      COALESCE(sum(d.cost_nanos), 0)::text AS cost, COALESCE(sum(d.input_tokens + d.output_tokens), 0)::text AS tokens
    FROM usage_daily d JOIN models m ON m.id = d.model_id JOIN workloads w ON w.id = d.workload_id
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3, 4, 5`;
  return rows.map((r) => ({
    workloadId: r.workload_id,
    day: r.day,
    provider: r.provider,
    model: r.model,
    tier: r.tier,
    costNanos: BigInt(r.cost),
    tokens: Number(r.tokens),
  }));
}

export async function teamDailySeries(principal: Pick<Principal, "teamIds">, f: SeriesFilter): Promise<{ teamId: number; day: string; costNanos: bigint }[]> {
  const where = [
    Prisma.sql`d.day BETWEEN ${f.from}::date AND ${f.to}::date`,
    Prisma.sql`d.team_id <> 0`,
    teamScope(principal),
    ...(f.teamId !== undefined ? [Prisma.sql`d.team_id = ${f.teamId}`] : []),
  ];
  const rows = await prisma().$queryRaw<{ team_id: number; day: string; cost: string }[]>`
    SELECT d.team_id, d.day::text AS day, COALESCE(sum(d.cost_nanos), 0)::text AS cost
    FROM usage_daily d
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ teamId: r.team_id, day: r.day, costNanos: BigInt(r.cost) }));
}
