"use client";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import type { Rule } from "./definition";
import { DetectorFields } from "./detector-fields";
import { ModelPicker } from "./model-picker";
import { MultiPick } from "./multi-pick";
import { PercentInput } from "./percent-input";

/**
 * One rule: which traffic (every list given must match; an empty rule selects everything) and what changes for
 * it. Shares are edited in percent and stored as 0-1 fractions, as the API takes them.
 */
export function RuleEditor({
  index,
  rule,
  options,
  onChange,
  onRemove,
  onMove,
}: {
  index: number;
  rule: Rule;
  options: WhatIfOptions;
  onChange: (rule: Rule) => void;
  onRemove?: () => void;
  onMove?: (delta: -1 | 1) => void;
}) {
  const set = (patch: Partial<Rule>) => onChange({ ...rule, ...patch });
  const select = (patch: Partial<Rule["select"]>) => set({ select: { ...rule.select, ...patch } });
  const used = new Set(options.models.map((m) => `${m.provider}/${m.model}`));
  const esc = rule.escalation;
  const escMode = esc ? (esc.mode ?? "rate") : "none";
  return (
    <fieldset className="wi-rule" aria-label={`Rule ${index + 1}`}>
      <legend>
        Rule {index + 1}
        <span className="wi-rule-actions">
          {onMove && (
            <>
              <button type="button" className="btn small" onClick={() => onMove(-1)} aria-label="move up">↑</button>
              <button type="button" className="btn small" onClick={() => onMove(1)} aria-label="move down">↓</button>
            </>
          )}
          {onRemove && <button type="button" className="btn small" onClick={onRemove}>Remove</button>}
        </span>
      </legend>
      <div className="wi-rule-select">
        <h3>Select traffic</h3>
        <MultiPick
          label="Workloads"
          values={rule.select.workloads}
          options={options.workloads.map((w) => ({ value: w.slug, label: `${w.name} (${w.slug})` }))}
          onChange={(v) => select({ workloads: v })}
        />
        <MultiPick label="Teams" values={rule.select.teams} options={options.teams.map((t) => ({ value: t.slug, label: t.name }))} onChange={(v) => select({ teams: v })} />
        <MultiPick
          label="Task classes"
          values={rule.select.taskClasses}
          options={options.taskClasses.map((c) => ({ value: c, label: c.replace(/_/g, " ") }))}
          onChange={(v) => select({ taskClasses: v })}
        />
        <MultiPick
          label="Current models"
          values={rule.select.models}
          options={options.models.map((m) => ({ value: `${m.provider}/${m.model}`, label: `${m.model} (${m.provider})` }))}
          onChange={(v) => select({ models: v })}
        />
        <p className="muted wi-hint">Every list you fill must match (a workload AND a team ...); empty lists mean any. The first rule matching a call wins.</p>
      </div>
      <div className="wi-rule-levers">
        <h3>Levers</h3>
        <div className="form-grid">
          <ModelPicker label="Reroute to" value={rule.reroute} targets={options.targets} used={used} onChange={(ref) => set({ reroute: ref })} />
          <label className="field">
            Output length on the target (× current)
            <input
              type="number" min={0.1} max={10} step={0.05} value={rule.outputFactor ?? 1}
              onChange={(e) => set({ outputFactor: e.target.value === "" ? 1 : Number(e.target.value) })}
            />
          </label>
          <PercentInput label="Send through batch (% of calls)" value={rule.batchShare ?? 0} onChange={(v) => set({ batchShare: v ?? 0 })} />
          <PercentInput label="Cached share of input (target %)" value={rule.cachedShare ?? null} allowEmpty onChange={(v) => set({ cachedShare: v })} />
        </div>
        <div className="form-grid wi-escalation">
          <label className="field">
            Escalation to a stronger model
            <select
              value={escMode}
              onChange={(e) => {
                const mode = e.target.value;
                if (mode === "none") return set({ escalation: undefined });
                const fallback = options.targets.find((t) => t.tier === "frontier") ?? options.targets[0];
                set({
                  escalation: {
                    provider: esc?.provider ?? fallback.provider,
                    model: esc?.model ?? fallback.model,
                    mode: mode as "rate" | "replay",
                    rate: mode === "rate" ? (esc?.rate ?? 0.1) : esc?.rate,
                    tokenShare: esc?.tokenShare ?? 1,
                    // A replay starts with a modelled detector: a perfect one is only the upper bound.
                    detector: mode === "replay" ? (esc?.detector ?? { recall: 0.8, falseEscalationRate: 0.1 }) : undefined,
                  },
                });
              }}
            >
              <option value="none">none</option>
              <option value="rate">a share of calls (rate)</option>
              <option value="replay">replay the linked eval set</option>
            </select>
          </label>
          {esc && (
            <>
              <ModelPicker
                label="Escalation model"
                value={esc}
                targets={options.targets}
                used={used}
                allowNone={false}
                onChange={(ref) => ref && set({ escalation: { ...esc, ...ref } })}
              />
              <PercentInput
                label={escMode === "replay" ? "Fallback rate (workloads without evals, %)" : "Escalated calls (%)"}
                value={esc.rate ?? null}
                allowEmpty={escMode === "replay"}
                onChange={(v) => set({ escalation: { ...esc, rate: v ?? undefined } })}
              />
              <PercentInput label="Tokens re-sent on escalation (%)" value={esc.tokenShare ?? 1} onChange={(v) => set({ escalation: { ...esc, tokenShare: v ?? 1 } })} />
              {escMode === "replay" && <DetectorFields detector={esc.detector} onChange={(d) => set({ escalation: { ...esc, detector: d } })} />}
            </>
          )}
        </div>
      </div>
    </fieldset>
  );
}
