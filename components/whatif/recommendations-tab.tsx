"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { recommendationNotesQuery, recommendationsQuery } from "./api";
import type { Definition } from "./definition";
import { pct, savingClass, usd } from "./format";
import { ConfidenceBadge, TierBadge } from "./tier-badge";
import { OverSpecifiedList } from "./over-specified-list";
import { EvidenceDrawer } from "./evidence-drawer";
import { Pending } from "@/components/ui/pending";

/**
 * Rightsizing recommendations: per workload the cheapest model meeting its floor on the evidence, largest saving
 * first. "Open as scenario" re-prices exactly that change on the real traffic in the Scenario tab.
 */
export function RecommendationsTab({ window, onOpen }: { window: { from: string; to: string }; onOpen: (def: Definition) => void }) {
  const q = useQuery(recommendationsQuery(window));
  const notes = useQuery(recommendationNotesQuery());
  const [showNone, setShowNone] = useState(false);
  const [evidence, setEvidence] = useState<string | null>(null);
  if (q.isPending) return <Pending>Pricing every workload on every candidate…</Pending>;
  if (q.isError) return <div className="error-box">{q.error.message}</div>;
  const d = q.data;
  return (
    <div className="wi-recs">
      {notes.data && notes.data.length > 0 && (
        <div className="notice" data-testid="recommendation-notes">
          <b>Prices changed, recommendations recomputed.</b>
          <ul className="wi-notes">
            {notes.data.slice(0, 3).map((n) => (
              <li key={n.id}>
                {n.message} <span className="muted small">({n.createdAt.slice(0, 10)}{n.cause === "catalogue" ? ", catalogue release" : ", price override"})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid kpis">
        <div className="card kpi">
          <div className="label">Recommended saving</div>
          <div className={`value ${savingClass(d.totalMonthlySavingUsd)}`} data-testid="recs-total-saving">{usd(d.totalMonthlySavingUsd)}<span className="wi-unit"> / month</span></div>
          <div className="sub">if every recommendation below is taken</div>
        </div>
        <div className="card kpi">
          <div className="label">Current spend</div>
          <div className="value">{usd(d.totalMonthlyCostUsd)}<span className="wi-unit"> / month</span></div>
          <div className="sub">
            recorded {d.from} – {d.to} ({d.windowDays} days), scaled to a 30.4375-day month
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Workloads</div>
          <div className="value">{d.recommendations.length}</div>
          <div className="sub">with a recommendation, {d.withoutRecommendation.length} without (reasons below)</div>
        </div>
      </div>
      <section className="card" aria-label="Recommendations">
        <h2>Recommendations, largest saving first</h2>
        <div className="wi-table-scroll">
          <table className="data" data-testid="recommendations-table">
            <thead>
              <tr>
                <th>Workload</th>
                <th>Current model</th>
                <th className="num">Cost / month</th>
                <th>Recommended</th>
                <th className="num">Then / month</th>
                <th className="num">Saving / month</th>
                <th>Confidence</th>
                <th>Evidence</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.recommendations.map((r) => (
                <tr key={r.workload}>
                  <td>
                    <b>{r.workloadName}</b>
                    <div className="muted small">
                      {r.team ?? "no team"} · {r.taskClass?.replace(/_/g, " ") ?? "unclassified"} · floor {Math.round(r.qualityFloor * 100)}%
                      {r.overSpecified && <> · <span className="badge over">over-specified</span></>}
                    </div>
                  </td>
                  <td>
                    {r.currentModel.model} <TierBadge tier={r.currentModel.tier} />
                  </td>
                  <td className="num">{usd(r.monthlyCostUsd)}</td>
                  <td>
                    {r.revert && <span className="muted small">revert to </span>}
                    <b>{r.candidate.model}</b> <TierBadge tier={r.candidate.tier} />
                  </td>
                  <td className="num">{usd(r.recommendedMonthlyCostUsd)}</td>
                  <td className={`num ${savingClass(r.monthlySavingUsd)}`}>
                    <b>{usd(r.monthlySavingUsd)}</b>
                    <div className="muted small">{usd(r.annualSavingUsd)} / year</div>
                  </td>
                  <td>
                    <ConfidenceBadge confidence={r.confidence} />
                    {r.passRate && (
                      <div className="muted small wi-interval" data-testid={`interval-${r.workload}`} title="pass rate on the linked eval set, with its 95% Wilson interval">
                        {pct(r.passRate.rate)}
                        <br />
                        95% CI {pct(r.passRate.low)}–{pct(r.passRate.high)}
                        <br />
                        {r.passRate.passes}/{r.passRate.tasks} tasks
                      </div>
                    )}
                    {!r.proven && <div className="muted small">not in 80/20: unproven</div>}
                  </td>
                  <td className="small wi-evidence">{r.evidence}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => onOpen(r.scenario as Definition)} data-testid={`open-rec-${r.workload}`}>
                      Open as scenario
                    </button>{" "}
                    <button type="button" className="btn small" onClick={() => setEvidence(r.workload)} data-testid={`evidence-${r.workload}`}>
                      Evidence
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.recommendations.length === 0 && <p className="muted">No workload has a cheaper model that meets its floor on the evidence.</p>}
        {d.withoutRecommendation.length > 0 && (
          <button type="button" className="btn small wi-more" onClick={() => setShowNone(!showNone)}>
            {showNone ? "Hide" : "Show"} {d.withoutRecommendation.length} workload{d.withoutRecommendation.length === 1 ? "" : "s"} without a recommendation, and why
          </button>
        )}
        {showNone && (
          <table className="data wi-none" data-testid="no-recommendation-table">
            <thead>
              <tr>
                <th>Workload</th>
                <th>Current model</th>
                <th className="num">Cost / month</th>
                <th>Why no recommendation</th>
              </tr>
            </thead>
            <tbody>
              {d.withoutRecommendation.map((w) => (
                <tr key={w.workload}>
                  <td>
                    {w.workloadName}
                    <div className="muted small">{w.team ?? "no team"} · {w.taskClass?.replace(/_/g, " ") ?? "unclassified"}</div>
                  </td>
                  <td>
                    {w.currentModel.model} <TierBadge tier={w.currentModel.tier} />
                  </td>
                  <td className="num">{usd(w.monthlyCostUsd)}</td>
                  <td className="small">{w.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <OverSpecifiedList limit={10} />
      {evidence && <EvidenceDrawer slug={evidence} window={window} onClose={() => setEvidence(null)} />}
    </div>
  );
}
