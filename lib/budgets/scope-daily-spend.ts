import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import type { DaySpend } from "@/lib/forecast/forecast-budget";
import type { BudgetScopeRef } from "./budget-record";

/**
 * Spend per UTC day of a budget's scope (organisation, team or workload) from the daily roll-ups, with the caller's
 * team scope composed in like every analytics query. Days without spend are absent (the forecast reads them as 0).
 */
export async function scopeDailySpend(
  principal: Pick<Principal, "teamIds">,
  scope: Pick<BudgetScopeRef, "type" | "teamId" | "workloadId">,
  from: string,
  to: string,
): Promise<DaySpend[]> {
  const rows = await prisma().$queryRaw<{ day: string; cost: string }[]>`
    SELECT d.day::text AS day, COALESCE(sum(d.cost_nanos), 0)::text AS cost
    FROM usage_daily d
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${scopeCondition(scope)} AND ${teamScope(principal)}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, costNanos: BigInt(r.cost) }));
}

/** The roll-up rows a scope covers: everything, one team's spend, or one workload's spend (whoever's team ran it). */
export function scopeCondition(scope: Pick<BudgetScopeRef, "type" | "teamId" | "workloadId">): Prisma.Sql {
  if (scope.type === "org") return Prisma.sql`TRUE`;
  if (scope.type === "team") return scope.teamId === null ? Prisma.sql`1=0` : Prisma.sql`d.team_id = ${scope.teamId}`;
  return scope.workloadId === null ? Prisma.sql`1=0` : Prisma.sql`d.workload_id = ${scope.workloadId}`;
}
