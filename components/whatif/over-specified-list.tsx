"use client";
import { Pending } from "@/components/ui/pending";
import "./whatif.css";
import { useQuery } from "@tanstack/react-query";
import { overSpecifiedQuery } from "./api";
import { pct } from "./format";
import { usdIn } from "@/lib/ui/money";
import { ConfidenceBadge, TierBadge } from "./tier-badge";
import { useTeamName } from "@/components/shell/team-names";

/**
 * Over-specified workloads with the monthly money at stake (the saving of their recommendation), largest first.
 * Ready to mount on the Overview and Workloads pages: <OverSpecifiedList team="support" limit={5} />. Team scope is
 * the API's: a lead sees their teams only. Its amounts are USD (what-if prices are the providers'): on a page whose
 * reporting `currency` is another, they say "USD".
 */
export function OverSpecifiedList({ team, limit, currency = "USD" }: { team?: string; limit?: number; currency?: string }) {
  const q = useQuery(overSpecifiedQuery({ team, limit }));
  const teamName = useTeamName();
  return (
    <section className="card wi-overspec" aria-label="Over-specified workloads" data-testid="over-specified-list">
      <div className="wi-card-head">
        <h2>Over-specified workloads{team ? ` · ${teamName(team)}` : ""}</h2>
        {q.data && Number(q.data.totalMonthlyAtStakeUsd) > 0 && (
          <span className="wi-at-stake">
            <b>{usdIn(q.data.totalMonthlyAtStakeUsd, currency)}</b> a month at stake
          </span>
        )}
      </div>
      <p className="muted small">Eval evidence that a cheaper model meets the quality floor, or routine work on a frontier model with a cheaper candidate: the same decision as the recommendations.</p>
      {q.isPending && <Pending className="muted">Loading…</Pending>}
      {q.isError && <div className="error-box">{q.error.message}</div>}
      {q.data && q.data.workloads.length === 0 && <p className="muted">None found: every workload runs on a tier its task class and evidence justify.</p>}
      {q.data && q.data.workloads.length > 0 && (
        <table className="data wi-overspec">
          <thead>
            <tr>
              <th>Workload</th>
              <th>Runs on</th>
              <th>Why</th>
              <th className="num">Cost / month</th>
              <th className="num">At stake / month</th>
            </tr>
          </thead>
          <tbody>
            {q.data.workloads.map((w) => (
              <tr key={w.workload}>
                <td>
                  <a href={`/workloads/${encodeURIComponent(w.workload)}`}>{w.workloadName}</a>
                  <div className="muted small">
                    {teamName(w.team)} · {w.taskClass?.replace(/_/g, " ") ?? "unclassified"}
                    {w.taskClass && !w.taskClassConfirmed && " (not confirmed)"}
                  </div>
                </td>
                <td>
                  {w.currentModel.model} <TierBadge tier={w.currentModel.tier} />
                </td>
                <td className="small">
                  {w.reason}
                  <div className="muted">
                    → {w.candidate.model} <ConfidenceBadge confidence={w.confidence} />
                    {w.passRate && ` ${pct(w.passRate.rate)} (95% CI ${pct(w.passRate.low)}–${pct(w.passRate.high)})`}
                  </div>
                </td>
                <td className="num">{usdIn(w.monthlyCostUsd, currency)}</td>
                <td className="num delta-down">
                  <b>{usdIn(w.monthlyAtStakeUsd, currency)}</b>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
