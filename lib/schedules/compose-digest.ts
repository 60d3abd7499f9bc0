import "server-only";
import { addDays } from "@/lib/analytics/dates";
import { formatMoney, formatUsd, usdToNanos } from "@/lib/money";
import { querySpendCubeOrUsd, type CubeCell } from "@/lib/analytics/cube";
import { breakdown, cubeTotals } from "@/lib/analytics/breakdown";
import { budgetsVsActual } from "@/lib/reports/budgets-vs-actual";
import { listOverSpecified } from "@/lib/recommendations/over-specified";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { localCurrency } from "@/lib/currency/local-cost-sql";
import { appLink, type ReportMessage } from "./report-message";

const CHANGES = 3;

/**
 * A team's weekly digest for its leads: the week's spend vs the week before, the workloads that changed most (in
 * dollars), over-specified workloads with the money at stake, and budget status. Read with the team's own scope.
 * With a reporting currency, spend, the week before and the workload changes are in it (each day at its rate); the
 * money at stake stays USD and says so. A week without a rate is sent in USD with a line naming the missing day,
 * rather than not at all.
 */
export async function composeDigest(team: { id: number; slug: string; name: string }, from: string, to: string, now = new Date()): Promise<ReportMessage> {
  const scope = { teamIds: [team.id] };
  const before = { from: addDays(from, -7), to: addDays(from, -1) };
  const [{ cells, code, currencyNote }, budgets, overSpecified] = await Promise.all([
    weekCells(scope, from, to, before),
    budgetsVsActual(scope, to, false),
    listOverSpecified(scope, { from: addDays(to, -29), to, team: team.slug, limit: 3 }).catch(() => null),
  ]);
  const totals = cubeTotals(cells);
  // Amounts in the reporting currency when both weeks converted (prev.localCostNanos is dropped when the week before
  // has a day without a rate), else USD, labelled as such when the organisation reports in another currency.
  const local = code !== null && totals.prev.localCostNanos !== undefined;
  const amountOf = (m: { costNanos: bigint; localCostNanos?: bigint }) => (local ? (m.localCostNanos ?? 0n) : m.costNanos);
  const fmt = (nanos: bigint) => (local ? formatMoney(nanos, code!) : code ? `${formatUsd(nanos)} USD` : formatUsd(nanos));
  const spend = amountOf(totals.cur);
  const prev = amountOf(totals.prev);
  const diff = spend - prev;
  const changeText = prev === 0n ? "no spend the week before" : `${diff >= 0n ? "+" : "-"}${fmt(diff < 0n ? -diff : diff)} (${diff >= 0n ? "+" : ""}${((Number(diff) / Number(prev)) * 100).toFixed(1)}%) vs the week before`;
  const changes = breakdown(cells, "workload")
    .map((g) => ({ label: g.label, delta: amountOf(g.cur) - amountOf(g.prev), cur: amountOf(g.cur) }))
    .filter((g) => g.delta !== 0n)
    .sort((a, b) => ((b.delta < 0n ? -b.delta : b.delta) > (a.delta < 0n ? -a.delta : a.delta) ? 1 : -1))
    .slice(0, CHANGES)
    .map((g) => `${g.label} ${g.delta > 0n ? "+" : "-"}${fmt(g.delta < 0n ? -g.delta : g.delta)} (now ${fmt(g.cur)})`);
  const atStake = (usd: string) => `${formatUsd(usdToNanos(usd))}${code ? " USD" : ""}`;
  const over = overSpecified?.workloads ?? [];
  const budgetLines = budgets.map((b) => `${b.label}: ${formatMoney(usdToNanos(b.actual), b.currency)} of ${formatMoney(usdToNanos(b.amount), b.currency)} (${b.status.replace("_", " ")})`);
  return {
    type: "report.weekly_digest",
    subject: `${team.name} weekly AI spend ${from} to ${to}: ${fmt(spend)}`,
    heading: `${team.name}: AI spend ${from} to ${to}`,
    lines: [
      `${team.name} spent ${fmt(spend)} on AI in the 7 days ${from} to ${to}, ${changeText}.`,
      ...(code && !local ? [`Amounts in USD: ${currencyNote ?? `the week before has a day without a ${code} rate`}.`] : []),
      changes.length ? `Biggest changes: ${changes.join("; ")}.` : "No workload changed its spend.",
      over.length
        ? `Over-specified workloads: ${over.map((w) => `${w.workloadName} on ${w.currentModel.model}${w.monthlyAtStakeUsd && w.candidate ? ` (${w.candidate.model} would save ~${atStake(w.monthlyAtStakeUsd)}/month)` : ""}`).join("; ")}.`
        : "No over-specified workloads.",
      budgetLines.length ? `Budgets: ${budgetLines.join("; ")}.` : "No budget is set for this team.",
    ],
    facts: [
      ["Spend", fmt(spend)],
      ["Week before", fmt(prev)],
      ["Budgets over or at risk", `${budgets.filter((b) => b.status !== "on_track").length} of ${budgets.length}`],
    ],
    link: appLink(`/teams/${team.slug}?from=${from}&to=${to}`),
    attachments: [],
  };
}

/** The two weeks' cells, in the reporting currency where one is set; a current week without a rate falls back to USD. */
async function weekCells(scope: { teamIds: number[] }, from: string, to: string, before: { from: string; to: string }): Promise<{ cells: CubeCell[]; code: string | null; currencyNote: string | null }> {
  const code = localCurrency(await reportingCurrency());
  const { cells, missingRate } = await querySpendCubeOrUsd(scope, { from, to, compare: before, ...(code ? { currency: code, previousRatesOptional: true } : {}) });
  return { cells, code, currencyNote: missingRate };
}
