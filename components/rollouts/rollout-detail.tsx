"use client";
import { Pending } from "@/components/ui/pending";
import { useQuery } from "@tanstack/react-query";
import { pct, savingClass, shortDate, usd } from "@/components/whatif/format";
import { rolloutQuery } from "./api";
import { SavingsChart } from "./savings-chart";

const rate = (x: number | null) => (x === null ? "–" : pct(x));
const tokens = (x: number | null) => (x === null ? "–" : x.toLocaleString("en-US", { maximumFractionDigits: 1 }));

/** One rollout's realised savings: verdict, totals, the daily chart and the quality signals seen in traffic. */
export function RolloutDetailCard({ id }: { id: number }) {
  const q = useQuery(rolloutQuery(id));
  if (q.isPending) return <Pending>Re-pricing the calls since the change on the previous model mix…</Pending>;
  if (q.isError) return <div className="error-box">{q.error.message}</div>;
  const d = q.data;
  const delivered = d.deliveredShare;
  return (
    <section className="card ro-detail" aria-label="Rollout savings" data-testid="rollout-detail">
      <div className="ro-detail-head">
        <h2>{d.scenarioName ?? d.note ?? `Rollout ${d.id}`}</h2>
        <span className="muted">
          {d.workloads.join(", ")} · from {shortDate(d.appliedFrom)}
          {d.to ? ` to ${shortDate(d.to)} (${d.days} day${d.days === 1 ? "" : "s"})` : ""}
        </span>
      </div>
      <div className={`notice ro-verdict ${delivered !== null && delivered < 0.7 ? "ro-bad" : ""}`} data-testid="rollout-verdict">
        <b>Verdict:</b> {d.verdict}
      </div>
      <div className="grid kpis">
        <div className="card kpi">
          <div className="label">Realised saving</div>
          <div className={`value ${savingClass(d.realisedSavingUsd)}`} data-testid="rollout-realised">{usd(d.realisedSavingUsd)}</div>
          <div className="sub">cost on the old model mix − actual cost</div>
        </div>
        <div className="card kpi">
          <div className="label">Predicted saving</div>
          <div className="value">{d.predictedSavingUsd === null ? "–" : usd(d.predictedSavingUsd)}</div>
          <div className="sub">{d.predictedSavingUsd === null ? "link a scenario to compare with its prediction" : `the scenario's rate on this traffic · ${delivered === null ? "" : `${Math.round(delivered * 100)}% delivered`}`}</div>
        </div>
        <div className="card kpi">
          <div className="label">Actual cost</div>
          <div className="value">{usd(d.actualUsd)}</div>
          <div className="sub">recorded cost of the workloads&apos; calls since the change</div>
        </div>
        <div className="card kpi">
          <div className="label">On the old mix</div>
          <div className="value">{usd(d.counterfactualUsd)}</div>
          <div className="sub">the same calls priced on the 14 days before&apos;s model mix</div>
        </div>
      </div>
      {d.byDay.length > 0 ? <SavingsChart byDay={d.byDay} /> : <p className="muted">The change starts in the future: nothing to measure yet.</p>}
      <h3>Quality signals seen in traffic</h3>
      <table className="data ro-quality" data-testid="rollout-quality">
        <thead>
          <tr>
            <th>Signal</th>
            <th className="num">Before</th>
            <th className="num">After</th>
            <th className="num">Scenario assumed</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Escalations{d.escalation.model ? ` (to ${d.escalation.model})` : ""}, per routed call</td>
            <td className="num">–</td>
            <td className="num">{rate(d.escalation.observedRate)}</td>
            <td className="num">{rate(d.escalation.assumedRate)}</td>
          </tr>
          <tr>
            <td>Calls with an error status</td>
            <td className="num">{rate(d.quality.errorShareBefore)}</td>
            <td className="num">{rate(d.quality.errorShareAfter)}</td>
            <td className="num">–</td>
          </tr>
          <tr>
            <td>Output tokens per call</td>
            <td className="num">{tokens(d.quality.outputTokensPerCallBefore)}</td>
            <td className="num">{tokens(d.quality.outputTokensPerCallAfter)}</td>
            <td className="num">{d.quality.outputFactorAssumed === null ? "–" : `×${d.quality.outputFactorAssumed}`}</td>
          </tr>
        </tbody>
      </table>
      {d.warnings.length > 0 && (
        <ul className="muted small ro-warnings">
          {d.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
