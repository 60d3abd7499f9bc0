"use client";
import { useState } from "react";
import { PendingButton } from "@/components/ui/pending-button";
import { useQueryClient } from "@tanstack/react-query";
import { presetWorkerAdvisor } from "@/lib/whatif/presets";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import { preset8020Query } from "./api";
import type { Definition } from "./definition";
import { pct, usd } from "./format";
import { DetectorFields } from "./detector-fields";
import { ModelPicker } from "./model-picker";
import { MultiPick } from "./multi-pick";
import { PercentInput } from "./percent-input";

export interface PresetNote {
  title: string;
  text: string;
  /** Lines listed under the text (the 80/20 preset's unproven workloads). */
  items?: string[];
}

/**
 * Presets are ordinary scenarios: applying one fills the rule builder (to be run, edited, saved, shared).
 * "80/20" comes from the server (it needs the recommendations); "worker + advisor" is built here.
 */
export function PresetsPanel({
  options,
  window,
  onApply,
}: {
  options: WhatIfOptions;
  window: { from: string; to: string };
  onApply: (def: Definition, note: PresetNote) => void;
}) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** 80/20 with nothing proven: the unproven workloads, listed under the message. */
  const [unprovenOnly, setUnprovenOnly] = useState<string[]>([]);
  const [info, setInfo] = useState<string | null>(null);
  const frontier = options.targets.find((t) => t.model === "gpt-5") ?? options.targets.find((t) => t.tier === "frontier") ?? options.targets[0];
  const worker0 = options.targets.find((t) => t.model === "gpt-5-mini") ?? options.targets.find((t) => t.tier === "mid") ?? options.targets[0];
  const [wa, setWa] = useState({
    workloads: undefined as string[] | undefined,
    taskClasses: undefined as string[] | undefined,
    worker: worker0 ? { provider: worker0.provider, model: worker0.model } : undefined,
    advisor: frontier ? { provider: frontier.provider, model: frontier.model } : undefined,
    rate: 0.1 as number | null,
    replay: false,
    detector: { recall: 0.8, falseEscalationRate: 0.1 } as { recall: number; falseEscalationRate: number } | { fromJudge: true } | undefined,
  });

  async function apply8020() {
    setBusy(true);
    setError(null);
    setInfo(null);
    setUnprovenOnly([]);
    try {
      const p = await client.fetchQuery(preset8020Query(window));
      const s = p.summary;
      const unproven = s.unproven.map(
        (u) =>
          `${u.workload}: ${u.currentModel.model} → ${u.candidate.model} would save ${usd(u.monthlySavingUsd)} / month; ${u.reason.replace(/^unproven: /, "")}` +
          (u.passRate ? ` (${pct(u.passRate.rate)}, 95% CI ${pct(u.passRate.low)}–${pct(u.passRate.high)})` : ""),
      );
      const unprovenText =
        unproven.length === 0
          ? ""
          : ` Left out, unproven (${usd(s.unprovenMonthlySavingUsd)} a month if their recommendations hold): run an eval to prove them.`;
      if (!p.request) {
        setUnprovenOnly(unproven);
        setInfo(`80/20: no workload has eval evidence that a cheaper model meets its floor (95% lower bound) in this window, so nothing moves.${unprovenText}`);
        return;
      }
      onApply(p.request, {
        title: "80/20 preset",
        text:
          `Moves ${s.movedWorkloads} of ${s.totalWorkloads} workloads (${pct(s.spendShare)} of spend, ${usd(s.movedMonthlyCostUsd)} of ` +
          `${usd(s.totalMonthlyCostUsd)} a month) whose eval evidence meets the quality floor at the 95% lower bound; recommendations ` +
          `estimate ${usd(s.monthlySavingUsd)} a month. The result below re-prices the real traffic.${unprovenText}`,
        items: unproven,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function applyWorkerAdvisor() {
    setError(null);
    if (!wa.worker || !wa.advisor) return setError("pick a worker and an advisor model");
    try {
      const def = presetWorkerAdvisor({
        ...window,
        select: { workloads: wa.workloads, taskClasses: wa.taskClasses },
        worker: wa.worker,
        advisor: wa.advisor,
        rate: wa.rate ?? undefined,
        replay: wa.replay,
        detector: wa.detector,
      });
      onApply(def, {
        title: "Worker + advisor preset",
        text: wa.replay
          ? `${wa.worker.model} answers; calls the detector flags escalate to ${wa.advisor.model}, replayed on each workload's linked eval set ` +
            (!wa.detector
              ? "with a perfect detector: an upper bound."
              : "fromJudge" in wa.detector
                ? "with the detector measured from the eval file's judge column; the perfect detector is shown as the upper bound."
                : `with a detector catching ${pct(wa.detector.recall)} of failures and escalating ${pct(wa.detector.falseEscalationRate)} of passes; the perfect detector is shown as the upper bound.`)
          : `${wa.worker.model} answers every call; ${pct(wa.rate ?? 0)} of calls also go to ${wa.advisor.model}.`,
      });
    } catch (e) {
      setError((e as Error).message.includes("rate") ? "the escalation rate must be between 0% and 100%" : (e as Error).message);
    }
  }

  const used = new Set(options.models.map((m) => `${m.provider}/${m.model}`));
  return (
    <section className="card wi-presets" aria-label="Presets">
      <h2>Start from a preset</h2>
      <div className="wi-presets-grid">
      <div className="wi-preset wi-preset-8020">
        <div>
          <b>80/20</b>
          <p className="muted">Every workload whose eval evidence shows a cheaper model meets its quality floor, even at the 95% lower bound, moves to that model. The rest are listed as unproven, with what they would save.</p>
        </div>
        <PendingButton type="button" className="btn primary" onClick={apply8020} pending={busy} pendingLabel="Building…" data-testid="preset-8020">
          Apply 80/20
        </PendingButton>
      </div>
      <div className="wi-preset wi-preset-wa">
        <div>
          <b>Worker + advisor</b>
          <p className="muted">A cheaper worker model answers; a frontier advisor takes a share of calls (or, with replay, the worker&apos;s failures on the linked eval set).</p>
        </div>
        <div className="wi-wa-form">
          <MultiPick label="Workloads" values={wa.workloads} anyLabel="all" options={options.workloads.map((w) => ({ value: w.slug, label: w.name }))} onChange={(v) => setWa({ ...wa, workloads: v })} />
          <MultiPick label="Task classes" values={wa.taskClasses} anyLabel="all" options={options.taskClasses.map((c) => ({ value: c, label: c.replace(/_/g, " ") }))} onChange={(v) => setWa({ ...wa, taskClasses: v })} />
          <div className="form-grid">
            <ModelPicker label="Worker" value={wa.worker} targets={options.targets} used={used} allowNone={false} onChange={(r) => setWa({ ...wa, worker: r })} />
            <ModelPicker label="Advisor (escalation)" value={wa.advisor} targets={options.targets} used={used} allowNone={false} onChange={(r) => setWa({ ...wa, advisor: r })} />
            <PercentInput label={wa.replay ? "Fallback rate (no eval set, %)" : "Escalated calls (%)"} value={wa.rate} allowEmpty={wa.replay} onChange={(v) => setWa({ ...wa, rate: v })} />
            <label className="field wi-check-field">
              <span>
                <input type="checkbox" checked={wa.replay} onChange={(e) => setWa({ ...wa, replay: e.target.checked })} /> replay eval sets
              </span>
            </label>
            {wa.replay && <DetectorFields detector={wa.detector} onChange={(d) => setWa({ ...wa, detector: d })} />}
          </div>
          <button type="button" className="btn primary" onClick={applyWorkerAdvisor} data-testid="preset-worker-advisor">
            Apply worker + advisor
          </button>
        </div>
      </div>
      </div>
      {error && <div className="error-box">{error}</div>}
      {info && (
        <div className="notice" data-testid="preset-8020-info">
          {info}
          {unprovenOnly.length > 0 && (
            <ul className="wi-unproven" data-testid="preset-unproven">
              {unprovenOnly.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
