"use client";
import { Pending } from "@/components/ui/pending";
import "./evidence.css";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { workloadVerdictQuery } from "./api";
import { encodeDefinition, type Definition } from "./definition";
import { EvidenceDrawer } from "./evidence-drawer";
import { pct, shortDate, usd } from "./format";
import { ConfidenceBadge, TierBadge } from "./tier-badge";

/**
 * The workload page's verdict (the one decide() the recommendations use): over-specified or not and why, the
 * recommendation with its saving and confidence, a recent model switch, "Simulate" (What-if with the rule filled
 * in, ?def=) and the evidence drawer.
 */
export function WorkloadVerdictCard({ slug }: { slug: string }) {
  const q = useQuery(workloadVerdictQuery(slug));
  const [open, setOpen] = useState(false);
  if (q.isPending) return <section className="card wv-card"><Pending className="muted">Assessing this workload on every candidate model…</Pending></section>;
  if (q.isError) return <section className="card wv-card"><div className="error-box">{q.error.message}</div></section>;
  const v = q.data;
  const r = v.recommendation;
  const s = v.modelSwitch;
  const badge = v.verdict.status === "over-specified" ? "over" : v.verdict.status === "not-over-specified" ? "ok" : "";
  return (
    <section className="card wv-card" aria-label="Verdict" data-testid="workload-verdict">
      <div className="wv-head">
        <h2>Verdict</h2>
        <span className={`badge ${badge}`} data-testid="verdict-status">{v.verdict.headline}</span>
        <span className="muted small">
          on the last full days {shortDate(v.from)} – {shortDate(v.to)} (UTC), whatever the range below · quality floor {pct(v.workload.qualityFloor, 0)}
        </span>
      </div>
      <p className="wv-why" data-testid="verdict-why">{v.verdict.why}</p>
      {s && (
        <p className="notice" data-testid="verdict-switch">
          Switched from <b>{s.from.split("/")[1]}</b> to <b>{s.to.split("/")[1]}</b> on {shortDate(s.on)}: spend rate {usd(s.before.monthlyUsd)} / month in the 14 days before,{" "}
          <b>{usd(s.since.monthlyUsd)} / month since</b> ({s.since.days} days). Costs below are the rate since the switch. Revert: {s.revert.note}.
        </p>
      )}
      {r ? (
        <>
          <div className="wv-rec" data-testid="verdict-recommendation">
            <span>
              {r.revert ? "Revert to" : "Move to"} <b>{r.candidate.model}</b> <TierBadge tier={r.candidate.tier} /> from {r.currentModel.model}
            </span>
            <span className={`wv-saving ${Number(r.monthlySavingUsd) > 0 ? "delta-down" : ""}`} data-testid="verdict-saving">
              saves {usd(r.monthlySavingUsd)} / month
            </span>
            <span className="muted">{usd(r.annualSavingUsd)} / year · {usd(r.monthlyCostUsd)} → {usd(r.recommendedMonthlyCostUsd)} / month</span>
            <span>
              <ConfidenceBadge confidence={r.confidence} /> confidence
              {r.passRate && (
                <span className="muted small" data-testid="verdict-interval">
                  {" "}
                  · passes {pct(r.passRate.rate)} (95% CI {pct(r.passRate.low)}–{pct(r.passRate.high)}, {r.passRate.passes}/{r.passRate.tasks} tasks)
                </span>
              )}
            </span>
          </div>
          <p className="muted small">{r.evidence}</p>
          {r.unprovenReason && <p className="muted small">{r.unprovenReason}</p>}
        </>
      ) : (
        <p className="muted">No recommendation: nothing cheaper is shown to hold the floor.</p>
      )}
      <div className="wv-actions">
        {r && (
          <Link className="btn primary" href={`/whatif?tab=scenario&def=${encodeDefinition(r.scenario as Definition)}`} data-testid="verdict-simulate">
            Simulate in What-if
          </Link>
        )}
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="verdict-evidence">
          Evidence
        </button>
      </div>
      {open && <EvidenceDrawer slug={slug} onClose={() => setOpen(false)} />}
    </section>
  );
}
