import "server-only";
import { addDays } from "@/lib/analytics/dates";
import { formatMoney, formatUsd, usdToNanos } from "@/lib/money";
import { querySpendCube } from "@/lib/analytics/cube";
import { breakdown, cubeTotals } from "@/lib/analytics/breakdown";
import { budgetsVsActual } from "@/lib/reports/budgets-vs-actual";
import { listOverSpecified } from "@/lib/recommendations/over-specified";
import { appLink, type ReportMessage } from "./report-message";

const CHANGES = 3;

/**
 * A team's weekly digest for its leads: the week's spend vs the week before, the workloads that changed most (in
 * dollars), over-specified workloads with the money at stake, and budget status. Read with the team's own scope.
 */
export async function composeDigest(team: { id: number; slug: string; name: string }, from: string, to: string, now = new Date()): Promise<ReportMessage> {
  const scope = { teamIds: [team.id] };
  const before = { from: addDays(from, -7), to: addDays(from, -1) };
  const [cells, budgets, overSpecified] = await Promise.all([
    querySpendCube(scope, { from, to, compare: before }),
    budgetsVsActual(scope, to, false),
    listOverSpecified(scope, { from: addDays(to, -29), to, team: team.slug, limit: 3 }).catch(() => null),
  ]);
  const totals = cubeTotals(cells);
  const spend = totals.cur.costNanos;
  const prev = totals.prev.costNanos;
  const diff = spend - prev;
  const changeText = prev === 0n ? "no spend the week before" : `${diff >= 0n ? "+" : "-"}${formatUsd(diff < 0n ? -diff : diff)} (${diff >= 0n ? "+" : ""}${((Number(diff) / Number(prev)) * 100).toFixed(1)}%) vs the week before`;
  const changes = breakdown(cells, "workload")
    .map((g) => ({ label: g.label, delta: g.cur.costNanos - g.prev.costNanos, cur: g.cur.costNanos }))
    .filter((g) => g.delta !== 0n)
    .sort((a, b) => ((b.delta < 0n ? -b.delta : b.delta) > (a.delta < 0n ? -a.delta : a.delta) ? 1 : -1))
    .slice(0, CHANGES)
    .map((g) => `${g.label} ${g.delta > 0n ? "+" : "-"}${formatUsd(g.delta < 0n ? -g.delta : g.delta)} (now ${formatUsd(g.cur)})`);
  const over = overSpecified?.workloads ?? [];
  const budgetLines = budgets.map((b) => `${b.label}: ${formatMoney(usdToNanos(b.actual), b.currency)} of ${formatMoney(usdToNanos(b.amount), b.currency)} (${b.status.replace("_", " ")})`);
  return {
    type: "report.weekly_digest",
    subject: `${team.name} weekly AI spend ${from} to ${to}: ${formatUsd(spend)}`,
    heading: `${team.name}: AI spend ${from} to ${to}`,
    lines: [
      `${team.name} spent ${formatUsd(spend)} on AI in the 7 days ${from} to ${to}, ${changeText}.`,
      changes.length ? `Biggest changes: ${changes.join("; ")}.` : "No workload changed its spend.",
      over.length
        ? `Over-specified workloads: ${over.map((w) => `${w.workloadName} on ${w.currentModel.model}${w.monthlyAtStakeUsd && w.candidate ? ` (${w.candidate.model} would save ~${formatUsd(usdToNanos(w.monthlyAtStakeUsd))}/month)` : ""}`).join("; ")}.`
        : "No over-specified workloads.",
      budgetLines.length ? `Budgets: ${budgetLines.join("; ")}.` : "No budget is set for this team.",
    ],
    facts: [
      ["Spend", formatUsd(spend)],
      ["Week before", formatUsd(prev)],
      ["Budgets over or at risk", `${budgets.filter((b) => b.status !== "on_track").length} of ${budgets.length}`],
    ],
    link: appLink(`/teams/${team.slug}?from=${from}&to=${to}`),
    attachments: [],
  };
}

