import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { nanosToUsd } from "@/lib/money";
import { loadAllocationRules } from "./rule-store";
import { splitSharedCost, type TeamRef } from "./split-shared-cost";
import { assertRates, localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";
import { REMAINDER_RULE, type ChargebackResponse } from "./chargeback-schema";

/** Pools are organisation-wide, so shares are computed over every team and then cut to the caller's scope. */
const ALL_TEAMS = { teamIds: null } as const;

/**
 * Direct, allocated and total spend per team for a range of UTC days. Reads usage_daily only: allocation is a view
 * and never changes stored events or roll-ups. A lead sees their teams' rows (with their exact shares of the pools)
 * but not the pools themselves nor unallocated spend, which hold other teams' and unattributed spend.
 */
export async function computeChargeback(principal: Pick<Principal, "teamIds">, from: string, to: string, currency = "USD"): Promise<ChargebackResponse> {
  const local = localCurrency(currency);
  const [cells, rules, teams] = await Promise.all([
    prisma().$queryRaw<{ team_id: number; workload_id: number; cost: string; local_cost?: string; missing_rate_day?: string | null }[]>`
      SELECT d.team_id, d.workload_id, COALESCE(sum(d.cost_nanos), 0)::text AS cost ${localCostSum(local, "local_cost")} ${missingRateDay(local)}
      FROM usage_daily d ${rateJoin(local)} WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(ALL_TEAMS)}
      GROUP BY d.team_id, d.workload_id`,
    loadAllocationRules(),
    prisma().$queryRaw<TeamRef[]>(Prisma.sql`SELECT id, slug, name FROM teams`),
  ]);
  const allTeams = principal.teamIds === null;
  // One split per currency: the rules over the cells' cost, cut to the caller's teams, with the visible totals.
  const splitIn = (costOf: (c: (typeof cells)[number]) => bigint) => {
    const s = splitSharedCost(cells.map((c) => ({ teamId: c.team_id, workloadId: c.workload_id, costNanos: costOf(c) })), rules, teams);
    const visible = s.teams.filter((t) => allTeams || principal.teamIds!.includes(t.team.id));
    const sum = (f: (t: (typeof visible)[number]) => bigint) => visible.reduce((a, t) => a + f(t), 0n);
    return { ...s, visible, totals: { direct: sum((t) => t.directNanos), allocated: sum((t) => t.allocatedNanos), total: sum((t) => t.directNanos + t.allocatedNanos) } };
  };
  const split = splitIn((c) => BigInt(c.cost));
  // In the reporting currency: the same rules split the converted cells (each day at its rate), so the shares sum
  // exactly to each pool in that currency too. A day without a rate is a 400 naming it.
  let inCurrency: ChargebackResponse["inCurrency"];
  if (local) {
    assertRates(local, cells);
    const lsplit = splitIn((c) => BigInt(c.local_cost ?? "0"));
    inCurrency = {
      currency: local,
      teams: lsplit.visible.map((t) => ({
        key: t.team.slug,
        direct: nanosToUsd(t.directNanos),
        allocated: nanosToUsd(t.allocatedNanos),
        total: nanosToUsd(t.directNanos + t.allocatedNanos),
        allocations: t.allocations.map((a) => ({ ruleId: a.ruleId, amount: nanosToUsd(a.nanos) })),
      })),
      pools: allTeams ? lsplit.pools.map((p) => ({ ruleId: p.rule.id, cost: nanosToUsd(p.costNanos) })) : [],
      unallocated: allTeams ? nanosToUsd(lsplit.unallocatedNanos) : null,
      totals: { direct: nanosToUsd(lsplit.totals.direct), allocated: nanosToUsd(lsplit.totals.allocated), total: nanosToUsd(lsplit.totals.total) },
    };
  }
  return {
    from,
    to,
    remainderRule: REMAINDER_RULE,
    teams: split.visible.map((t) => ({
      key: t.team.slug,
      label: t.team.name,
      directUsd: nanosToUsd(t.directNanos),
      allocatedUsd: nanosToUsd(t.allocatedNanos),
      totalUsd: nanosToUsd(t.directNanos + t.allocatedNanos),
      allocations: t.allocations.map((a) => ({ ruleId: a.ruleId, rule: a.rule, usd: nanosToUsd(a.nanos) })),
    })),
    pools: allTeams
      ? split.pools.map((p) => ({ ruleId: p.rule.id, rule: p.rule.name, source: p.rule.sourceLabel, method: p.rule.method, costUsd: nanosToUsd(p.costNanos), basis: p.basis }))
      : [],
    unallocatedUsd: allTeams ? nanosToUsd(split.unallocatedNanos) : null,
    totals: {
      directUsd: nanosToUsd(split.totals.direct),
      allocatedUsd: nanosToUsd(split.totals.allocated),
      totalUsd: nanosToUsd(split.totals.total),
    },
    ...(inCurrency ? { inCurrency } : {}),
  };
}
