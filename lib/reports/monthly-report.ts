import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { share } from "@/lib/analytics/measures";
import { querySpendCube } from "@/lib/analytics/cube";
import { breakdown, cubeTotals } from "@/lib/analytics/breakdown";
import { sumsOut } from "@/lib/analytics/format-measures";
import { querySpend } from "@/lib/analytics/spend";
import { scanAnomalies } from "@/lib/anomaly-scan/scan-anomalies";
import { anomalyOut } from "@/lib/anomaly-scan/list-anomalies";
import { pool } from "@/lib/db/pool";
import { reportMonth, monthName } from "./report-month";
import { assertMonthHasUsage } from "./month-has-usage";
import { hasActivity, reportRow } from "./report-rows";
import { budgetsVsActual } from "./budgets-vs-actual";
import { topRecommendations } from "./recommendations-source";
import { computeChargeback } from "@/lib/chargeback/compute-chargeback";
import type { MonthlyReport } from "./report-schema";
import { changeBetween, changeOut } from "@/lib/change/spend-change";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { localCurrency } from "@/lib/currency/local-cost-sql";
import { explainAnomalies } from "@/lib/change/explain-anomalies";
import { monthSavings } from "@/lib/rollouts/server/month-savings";
import { monthSavingsOut } from "@/lib/rollouts/server/rollout-out";
import { spendInCurrency } from "@/lib/currency/spend-in-currency";
import { monthNonTokenCharges } from "./non-token-charges";
import { dataAsOf, restatementForReport } from "./close/restatement";
import { closedMonth } from "./close/close-month";
import { unitCostsForMonth } from "@/lib/metrics/unit-cost";

const TOP_ANOMALIES = 20;

/**
 * The month's report for finance, within the caller's team scope: totals (the same roll-ups and scope as the
 * explorer, so they agree to the cent), change vs the previous month, spend by team, workload, model, tier and
 * provider, budget vs actual, allocation coverage, unpriced usage, the month's anomalies and the top rightsizing
 * opportunities. A month with no usage is a 404 (assertMonthHasUsage).
 */
export async function buildMonthlyReport(principal: Principal, month: string, now = new Date(), seenAs: "view" | "export" | "none" = "none"): Promise<MonthlyReport> {
  const m = reportMonth(month, now);
  await assertMonthHasUsage(principal, m);
  // Freshness and restatement first: the snapshot this report may leave must not see its own figures as a change.
  const [asOf, closed] = await Promise.all([dataAsOf(), closedMonth(m.month)]);
  const { restatement } = await restatementForReport(principal, m, seenAs);
  // The reporting currency: every money figure also in it (each day at its rate); *Usd fields stay USD.
  const currency = await reportingCurrency();
  const local = localCurrency(currency);
  const [cells, daily, budgets, anomalies, recommendations, teams, orgChange, teamChange, chargeback, delivered, inCurrency, prevInCurrency, nonToken, unitCosts] = await Promise.all([
    querySpendCube(principal, { from: m.from, to: m.to, compare: { from: m.previous.from, to: m.previous.to, ...(m.previous.until ? { until: m.previous.until } : {}) }, currency, previousRatesOptional: true }),
    querySpend(principal, { groupBy: "day", from: m.from, to: m.to }, now, currency),
    budgetsVsActual(principal, m.to, m.complete),
    scanAnomalies(principal, { from: m.from, to: m.to }),
    topRecommendations(principal, m, now),
    principal.teamIds === null ? Promise.resolve([]) : teamSlugs(principal.teamIds),
    changeBetween(principal, m, m.previous, "org", {}, currency),
    changeBetween(principal, m, m.previous, "team", {}, currency),
    computeChargeback(principal, m.from, m.to, currency),
    monthSavings(principal, m.month, { now }),
    spendInCurrency(principal, m.from, m.to),
    spendInCurrency(principal, m.previous.from, m.previous.to).catch(() => null),
    monthNonTokenCharges(principal, m.from, m.to),
    unitCostsForMonth(principal, m.month, currency),
  ]);
  const toolsByModel = new Map<string, bigint>();
  for (const r of nonToken.rows) toolsByModel.set(`${r.provider}/${r.model}`, (toolsByModel.get(`${r.provider}/${r.model}`) ?? 0n) + r.costNanos);

  const totals = cubeTotals(cells);
  const total = totals.cur.costNanos;
  const rows = (by: Parameters<typeof breakdown>[1], detail: (g: ReturnType<typeof breakdown>[number]) => string | null = () => null) =>
    breakdown(cells, by).filter(hasActivity).map((g) => reportRow(g, total, detail(g)));
  let noTeam = 0n;
  let noWorkload = 0n;
  let noTeamLocal = 0n;
  let noWorkloadLocal = 0n;
  for (const c of cells) {
    if (c.team.key === "unattributed") noTeam += c.cur.costNanos;
    if (c.workload.key === "unattributed") noWorkload += c.cur.costNanos;
    if (c.team.key === "unattributed") noTeamLocal += c.cur.localCostNanos ?? 0n;
    if (c.workload.key === "unattributed") noWorkloadLocal += c.cur.localCostNanos ?? 0n;
  }
  const orgOut = changeOut(orgChange);
  const teamOut = changeOut(teamChange);
  const localTotal = totals.cur.localCostNanos;
  const localPrev = totals.prev.localCostNanos;
  const models = breakdown(cells, "model");
  // Unpriced usage counts rows too: a usage-report row without a request count is unpriced usage all the same.
  const unpricedModels = models.filter((g) => g.cur.unpricedRequests > 0 || g.cur.unpricedEvents > 0).map((g) => ({ key: g.key, requests: g.cur.unpricedRequests }));

  return {
    month: m.month,
    monthName: monthName(m.month),
    from: m.from,
    to: m.to,
    complete: m.complete,
    generatedAt: now.toISOString(),
    dataAsOf: asOf ?? now.toISOString(),
    closed,
    restatement,
    scope: { allTeams: principal.teamIds === null, teams },
    currency,
    rateRule: local
      ? `Amounts in ${local}: each day's USD spend converted at the last ${local} exchange rate on or before that day (ECB reference or entered rates, Settings > Currency), rounded once to the nano-unit, then summed. Figures marked USD are not converted.`
      : "Amounts in USD, the providers' pricing currency.",
    totals: { ...sumsOut(totals.cur), ...(localTotal !== undefined ? { cost: nanosToUsd(localTotal) } : {}) },
    nonToken: {
      tokensCostUsd: nanosToUsd(total - nonToken.totalNanos),
      serverToolsCostUsd: nanosToUsd(nonToken.totalNanos),
      byModel: [...toolsByModel].map(([key, cost]) => ({ key, costUsd: nanosToUsd(cost) })),
    },
    previous: {
      ...m.previous,
      costUsd: nanosToUsd(totals.prev.costNanos),
      changeUsd: nanosToUsd(total - totals.prev.costNanos),
      changeShare: totals.prev.costNanos === 0n ? null : share(total - totals.prev.costNanos, totals.prev.costNanos),
      ...(localTotal !== undefined
        ? { cost: localPrev === undefined ? null : nanosToUsd(localPrev), change: localPrev === undefined ? null : nanosToUsd(localTotal - localPrev) }
        : {}),
    },
    daily: daily.rows.map((r) => ({ day: r.key, costUsd: r.costUsd, ...(r.cost !== undefined ? { cost: r.cost } : {}) })),
    reportingCurrency: { currency: inCurrency.currency, cost: inCurrency.total, previousCost: prevInCurrency?.total ?? "n/a", byTeam: inCurrency.byTeam },
    change: { currency: orgOut.currency, ...(orgOut.currencyNote ? { currencyNote: orgOut.currencyNote } : {}), totals: orgOut.totals, byTeam: teamOut.rows },
    byTeam: rows("team"),
    byWorkload: rows("workload", (g) => g.owner?.label ?? null),
    byModel: rows("model", (g) => g.tier),
    byTier: rows("tier"),
    byProvider: rows("provider"),
    budgets,
    chargeback,
    coverage: {
      teamShare: share(total - noTeam, total),
      workloadShare: share(total - noWorkload, total),
      unattributedCostUsd: nanosToUsd(noTeam),
      noWorkloadCostUsd: nanosToUsd(noWorkload),
      ...(local ? { unattributedCost: nanosToUsd(noTeamLocal), noWorkloadCost: nanosToUsd(noWorkloadLocal) } : {}),
    },
    unpriced: {
      requests: totals.cur.unpricedRequests,
      events: totals.cur.unpricedEvents,
      requestShare: share(totals.cur.unpricedRequests, totals.cur.requests),
      models: unpricedModels,
    },
    anomalies: (await explainAnomalies(principal, anomalies.slice(0, TOP_ANOMALIES), m.to)).map(anomalyOut),
    recommendations,
    savingsDelivered: monthSavingsOut(delivered),
    unitCosts,
  };
}

async function teamSlugs(ids: number[]): Promise<string[]> {
  const rows = await pool().query<{ slug: string }>("SELECT slug FROM teams WHERE id = ANY($1::int[]) ORDER BY slug", [ids]);
  return rows.rows.map((r) => r.slug);
}
