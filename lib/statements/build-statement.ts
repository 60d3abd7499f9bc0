import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { canSeeTeam } from "@/lib/auth/principal";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/errors";
import { nanosToUsd, usdToNanos } from "@/lib/money";
import { share } from "@/lib/analytics/measures";
import { querySpendCube } from "@/lib/analytics/cube";
import { breakdown, cubeTotals } from "@/lib/analytics/breakdown";
import { computeChargeback } from "@/lib/chargeback/compute-chargeback";
import { loadAllocationRules } from "@/lib/chargeback/rule-store";
import { reportMonth, monthName } from "@/lib/reports/report-month";
import { hasActivity, reportRow } from "@/lib/reports/report-rows";
import { budgetsVsActual } from "@/lib/reports/budgets-vs-actual";
import { monthSavings } from "@/lib/rollouts/server/month-savings";
import { monthSavingsOut } from "@/lib/rollouts/server/rollout-out";
import type { TeamRef } from "@/lib/chargeback/split-shared-cost";
import type { TeamStatement } from "./statement-schema";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { localCurrency } from "@/lib/currency/local-cost-sql";

const TOP = 5;

export type { TeamRef };

/** The team a statement is for; a lead asking for another team's gets the same 404 as a team that does not exist. */
export async function statementTeam(principal: Principal, slug: string): Promise<TeamRef> {
  const row = await pool().query<TeamRef>("SELECT id, slug, name FROM teams WHERE slug = $1", [slug]);
  const team = row.rows[0];
  if (!team || !canSeeTeam(principal, team.id)) throw notFound(`team "${slug}"`);
  return team;
}

/**
 * One team's month for its statement: what it is charged (direct + allocated share of shared spend, as in the
 * chargeback), change vs the previous month, its budgets, top workloads and models, and savings delivered: the
 * realised savings of applied rollouts (lib/rollouts/server/month-savings.ts, the one definition the monthly report
 * and the Overview use). Everything is read with the team's own scope, so numbers match what its lead sees.
 */
export async function buildTeamStatement(team: TeamRef, month: string, now = new Date()): Promise<TeamStatement> {
  const m = reportMonth(month, now);
  const scope = { teamIds: [team.id] };
  const currency = await reportingCurrency();
  const local = localCurrency(currency);
  const [cells, charge, previousCharge, previousLocal, budgets, rules, savings, workloadNames] = await Promise.all([
    querySpendCube(scope, { from: m.from, to: m.to, compare: { from: m.previous.from, to: m.previous.to }, currency, previousRatesOptional: true }),
    // Pools are organisation-wide: read them whole to name each share's pool and basis, then keep this team's row.
    computeChargeback({ teamIds: null }, m.from, m.to, currency),
    computeChargeback({ teamIds: null }, m.previous.from, m.previous.to),
    // The previous month in the currency: null when one of its days has no rate (the statement then says so).
    local ? computeChargeback({ teamIds: null }, m.previous.from, m.previous.to, currency).catch(() => null) : Promise.resolve(null),
    budgetsVsActual(scope, m.to, m.complete),
    loadAllocationRules(),
    monthSavings(scope, m.month, { now }),
    pool().query<{ id: number; name: string }>("SELECT id, name FROM workloads"),
  ]);
  const total = cubeTotals(cells).cur.costNanos;
  const mine = charge.teams.find((t) => t.key === team.slug);
  const before = previousCharge.teams.find((t) => t.key === team.slug);
  const totalNanos = mine ? usdToNanos(mine.totalUsd) : 0n;
  const previousNanos = before ? usdToNanos(before.totalUsd) : 0n;
  const pooled = new Set(rules.filter((r) => r.sourceType === "workload").map((r) => r.sourceKey));
  const pools = new Map(charge.pools.map((p) => [p.ruleId, p]));
  const names = new Map(workloadNames.rows.map((w) => [w.id, w.name]));
  const top = (by: "workload" | "model") => breakdown(cells, by).filter(hasActivity).slice(0, TOP);
  const totals = cubeTotals(cells);
  const mineLocal = charge.inCurrency?.teams.find((t) => t.key === team.slug);
  const localTotal = mineLocal ? usdToNanos(mineLocal.total) : 0n;
  const beforeLocal = previousLocal?.inCurrency ? usdToNanos(previousLocal.inCurrency.teams.find((t) => t.key === team.slug)?.total ?? "0") : null;
  const inCurrency = local
    ? {
        currency: local,
        rateRule: `Amounts in ${local}: each day's USD spend converted at the last ${local} exchange rate on or before that day (ECB reference or entered rates), rounded once, then summed; shared pools split in ${local} by the same rules.`,
        attributed: nanosToUsd(totals.cur.localCostNanos ?? 0n),
        direct: mineLocal?.direct ?? "0.00",
        allocated: mineLocal?.allocated ?? "0.00",
        total: nanosToUsd(localTotal),
        allocations: (mineLocal?.allocations ?? []).map((a) => a.amount),
        previousTotal: beforeLocal === null ? null : nanosToUsd(beforeLocal),
        change: beforeLocal === null ? null : nanosToUsd(localTotal - beforeLocal),
      }
    : null;

  return {
    team: { key: team.slug, label: team.name },
    month: m.month,
    monthName: monthName(m.month),
    from: m.from,
    to: m.to,
    complete: m.complete,
    generatedAt: now.toISOString(),
    charges: {
      attributedUsd: nanosToUsd(total),
      directUsd: mine?.directUsd ?? "0.00",
      allocatedUsd: mine?.allocatedUsd ?? "0.00",
      totalUsd: nanosToUsd(totalNanos),
      allocations: (mine?.allocations ?? []).map((a) => ({ rule: a.rule, source: pools.get(a.ruleId)?.source ?? "", basis: pools.get(a.ruleId)?.basis ?? "", usd: a.usd })),
    },
    currency,
    inCurrency,
    previous: {
      ...m.previous,
      totalUsd: nanosToUsd(previousNanos),
      changeUsd: nanosToUsd(totalNanos - previousNanos),
      changeShare: previousNanos === 0n ? null : share(totalNanos - previousNanos, previousNanos),
    },
    budgets,
    topWorkloads: top("workload").map((g) => ({ ...reportRow(g, total, g.topModel?.label ?? null), sharedPool: pooled.has(g.key) })),
    topModels: top("model").map((g) => reportRow(g, total, g.tier)),
    savings: {
      ...monthSavingsOut(savings),
      note: savings.rollouts.length
        ? "Realised savings of applied rollouts on this month's days: the same calls at the mix before each rollout, less what they cost."
        : "No applied rollout saved money this month. Savings are measured for rollouts (applied scenarios and detected model switches).",
    },
  };
}
