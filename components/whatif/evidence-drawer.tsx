"use client";
import { Pending } from "@/components/ui/pending";
import "./evidence.css";
import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { workloadVerdictQuery } from "./api";
import { pct, shortDate, usd } from "./format";
import { TierBadge } from "./tier-badge";

const FLOOR_TEXT = { "lower-bound": "meets the floor (95% lower bound)", rate: "meets it at the measured rate only", no: "below the floor" } as const;

/**
 * The evidence behind a workload's recommendation, in a modal dialog (<dialog>.showModal(): it takes focus, keeps
 * it inside, and Escape closes it): eval pass rates with their 95% intervals, tokens per call and reasoning share
 * per model, the model history by week, and a recent model switch.
 */
export function EvidenceDrawer({ slug, window, onClose }: { slug: string; window?: { from: string; to: string }; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const q = useQuery(workloadVerdictQuery(slug, window));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const v = q.data;
  return (
    <dialog ref={ref} className="ev-drawer" aria-labelledby="ev-title" onClose={onClose} data-testid="evidence-drawer">
      <div className="ev-head">
        <h2 id="ev-title">Evidence: {v?.workload.name ?? slug}</h2>
        <button type="button" className="btn small" onClick={() => ref.current?.close()} autoFocus aria-label="Close evidence">
          Close
        </button>
      </div>
      {q.isPending && <Pending className="muted">Loading the evidence…</Pending>}
      {q.isError && <div className="error-box">{q.error.message}</div>}
      {v && (
        <>
          <p className="muted small">
            {shortDate(v.from)} – {shortDate(v.to)} (UTC) · quality floor {pct(v.workload.qualityFloor)}
            {v.recommendation && <> · recommended: <b>{v.recommendation.candidate.model}</b>, {v.recommendation.confidence} confidence</>}
          </p>
          <section aria-label="Eval pass rates">
            <h3>Eval pass rates{v.evidence.evalSet ? ` (${v.evidence.evalSet})` : ""}</h3>
            {v.evidence.passRates.length === 0 ? (
              <p className="muted">No eval set linked, or it has no results: the verdict rests on the task class. Link one under What-if › Evals.</p>
            ) : (
              <table className="data" data-testid="evidence-pass-rates">
                <thead>
                  <tr>
                    <th>Eval model</th>
                    <th className="num">Pass rate</th>
                    <th className="num">95% interval</th>
                    <th className="num">Tasks</th>
                    <th>Against the floor</th>
                  </tr>
                </thead>
                <tbody>
                  {v.evidence.passRates.map((p) => (
                    <tr key={p.model}>
                      <td>
                        {p.model}
                        {p.standsFor.length > 0 && <div className="muted small">stands for {p.standsFor.join(", ")}</div>}
                      </td>
                      <td className="num">{pct(p.rate)}</td>
                      <td className="num">
                        {pct(p.low)}–{pct(p.high)}
                      </td>
                      <td className="num">
                        {p.passes}/{p.tasks}
                      </td>
                      <td>
                        <span className={`badge ${p.meetsFloor === "lower-bound" ? "ok" : p.meetsFloor === "rate" ? "risk" : "bad"}`}>{FLOOR_TEXT[p.meetsFloor]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-label="Tokens per call">
            <h3>Tokens per call and reasoning share</h3>
            <table className="data" data-testid="evidence-models">
              <thead>
                <tr>
                  <th>Model</th>
                  <th className="num">Calls</th>
                  <th className="num">Input / call</th>
                  <th className="num">Output / call</th>
                  <th className="num">Reasoning share</th>
                  <th className="num">Cost</th>
                </tr>
              </thead>
              <tbody>
                {v.evidence.models.map((m) => (
                  <tr key={`${m.provider}/${m.model}`}>
                    <td>
                      {m.model} <TierBadge tier={m.tier} />
                    </td>
                    <td className="num">{m.calls.toLocaleString("en-US")}</td>
                    <td className="num">{m.inputTokensPerCall?.toLocaleString("en-US") ?? "—"}</td>
                    <td className="num">{m.outputTokensPerCall?.toLocaleString("en-US") ?? "—"}</td>
                    <td className="num">{pct(m.reasoningShare)}</td>
                    <td className="num">{usd(m.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">Reasoning share: reasoning tokens out of output tokens. Rows without a request count are left out of per-call figures.</p>
          </section>
          {v.modelSwitch && (
            <section aria-label="Model switch">
              <h3>Model switch</h3>
              <p data-testid="evidence-switch">
                Moved from <b>{v.modelSwitch.from.split("/")[1]}</b> to <b>{v.modelSwitch.to.split("/")[1]}</b> on {shortDate(v.modelSwitch.on)}: {usd(v.modelSwitch.before.monthlyUsd)} / month
                before, {usd(v.modelSwitch.since.monthlyUsd)} / month since. Revert: {v.modelSwitch.revert.note}.
              </p>
            </section>
          )}
          <section aria-label="Model history">
            <h3>Model history (calls per week)</h3>
            <ModelHistory history={v.evidence.history} />
          </section>
        </>
      )}
    </dialog>
  );
}

function ModelHistory({ history }: { history: { week: string; model: string; calls: number }[] }) {
  if (history.length === 0) return <p className="muted">No calls in these weeks.</p>;
  const models = [...new Set(history.map((h) => h.model))];
  const weeks = [...new Set(history.map((h) => h.week))];
  const calls = new Map(history.map((h) => [`${h.week}|${h.model}`, h.calls]));
  return (
    <div className="ev-scroll">
      <table className="data" data-testid="evidence-history">
        <thead>
          <tr>
            <th>Week of</th>
            {models.map((m) => (
              <th key={m} className="num">
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w}>
              <td>{shortDate(w)}</td>
              {models.map((m) => (
                <td key={m} className="num">
                  {(calls.get(`${w}|${m}`) ?? 0).toLocaleString("en-US")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
