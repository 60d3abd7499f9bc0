"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CommitmentOption, CommitmentPlan } from "@/lib/commitments/commitment-schema";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import { apiJson, scenariosQuery } from "./api";
import { LoadCurveChart, OptionCostChart } from "./commitment-charts";
import { compact, usdUnit } from "@/components/explorer/format";
import { PendingButton } from "@/components/ui/pending-button";

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/**
 * Commitments and provisioned throughput: weigh an offer (capacity, price, term) against pay-as-you-go on the
 * model's observed hourly load, optionally after a saved scenario has rerouted traffic. POST /api/v1/plans/commitment.
 */
export function CommitmentTab({ options }: { options: WhatIfOptions }) {
  const scenarios = useQuery(scenariosQuery());
  const [model, setModel] = useState(() => (options.models[0] ? `${options.models[0].provider}/${options.models[0].model}` : ""));
  const [capacity, setCapacity] = useState("20000");
  const [priceMode, setPriceMode] = useState<"hour" | "total">("hour");
  const [price, setPrice] = useState("2.50");
  const [term, setTerm] = useState("12");
  const [scenarioId, setScenarioId] = useState("");
  const plan = useMutation({
    mutationFn: () => {
      const [provider, ...rest] = model.split("/");
      return apiJson<CommitmentPlan>("/api/v1/plans/commitment", {
        body: {
          provider,
          model: rest.join("/"),
          capacityTokensPerMinute: Number(capacity),
          termMonths: Number(term),
          ...(priceMode === "hour" ? { pricePerHourUsd: price } : { priceUsd: price }),
          ...(scenarioId ? { scenarioId: Number(scenarioId) } : {}),
        },
      });
    },
  });
  return (
    <>
      <section className="card wi-builder" aria-label="Commitment offer">
        <h2>Commitment or provisioned throughput</h2>
        <p className="muted small">
          Reserved capacity serves up to its tokens per minute each hour; load above it is paid as you go. Observed over the last 28 days of the
          model&apos;s non-batch calls. With a scenario: reroute first, then commit to what remains.
        </p>
        <form className="wi-commit-form" onSubmit={(e) => { e.preventDefault(); plan.mutate(); }}>
          <label className="field">Model
            <select value={model} onChange={(e) => setModel(e.target.value)} aria-label="Model">
              {options.models.map((m) => <option key={`${m.provider}/${m.model}`} value={`${m.provider}/${m.model}`}>{m.provider}/{m.model}</option>)}
            </select>
          </label>
          <label className="field">Capacity (tokens/min)<input type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} aria-label="Capacity in tokens per minute" /></label>
          <label className="field">Price
            <span className="wi-price">
              <select value={priceMode} onChange={(e) => setPriceMode(e.target.value as "hour" | "total")} aria-label="Price basis">
                <option value="hour">USD per hour</option>
                <option value="total">USD for the term</option>
              </select>
              <input value={price} onChange={(e) => setPrice(e.target.value)} aria-label="Price in USD" inputMode="decimal" />
            </span>
          </label>
          <label className="field">Term (months)<input type="number" min={1} max={60} value={term} onChange={(e) => setTerm(e.target.value)} aria-label="Term in months" /></label>
          <label className="field">Scenario first
            <select value={scenarioId} onChange={(e) => setScenarioId(e.target.value)} aria-label="Scenario">
              <option value="">None</option>
              {(scenarios.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <PendingButton className="btn primary" type="submit" disabled={!model} pending={plan.isPending} pendingLabel="Computing…">Weigh the offer</PendingButton>
        </form>
        {plan.error ? <p role="alert" className="field-error">{(plan.error as Error).message}</p> : null}
      </section>
      {plan.data ? <PlanResult plan={plan.data} /> : null}
    </>
  );
}

function PlanResult({ plan }: { plan: CommitmentPlan }) {
  const main = plan.afterScenario ?? plan.current;
  const saving = Number(main.term.savingUsd);
  return (
    <div data-testid="commitment-result">
      <div className={`wi-headline ${saving >= 0 ? "good" : "bad"}`}>
        <div>
          <div className="wi-headline-label">{saving >= 0 ? "Estimated saving" : "Estimated loss"} over {plan.term.months} months{plan.afterScenario ? " (after the scenario)" : ""}</div>
          <div className="wi-headline-value">{usdUnit(main.term.savingUsd.replace("-", ""))}</div>
          <div className="small">Estimate; range over the observed weeks: {usdUnit(main.term.savingLowUsd)} to {usdUnit(main.term.savingHighUsd)}</div>
        </div>
        <div className="small">
          Break-even load: <b>{plan.breakEven.tokensPerMinute === null ? "n/a" : `${compact(plan.breakEven.tokensPerMinute)} tokens/min`}</b> ({pct(plan.breakEven.utilisation)} of capacity
          {plan.breakEven.utilisation !== null && plan.breakEven.utilisation > 1 ? ": the commitment cannot pay off" : ""})
        </div>
      </div>
      <div className="grid wi-two">
        <section className="card">
          <h2>Load against capacity</h2>
          <LoadCurveChart plan={plan} />
        </section>
        <section className="card">
          <h2>Cost of both options over the term (estimate)</h2>
          <OptionCostChart plan={plan} />
        </section>
      </div>
      <section className="card">
        <h2>The numbers</h2>
        <table className="wi-commit-table">
          <thead>
            <tr><th /><th className="num">Mean load</th><th className="num">p50 / p95 / max (tokens/min)</th><th className="num">Utilisation</th><th className="num">Observed: pay-as-you-go</th><th className="num">Observed: commitment</th><th className="num">Term: saving (estimate)</th></tr>
          </thead>
          <tbody>
            <OptionRow name="Now" o={plan.current} />
            {plan.afterScenario ? <OptionRow name={`After “${plan.scenario?.name}”`} o={plan.afterScenario} /> : null}
          </tbody>
        </table>
        <ul className="small muted">
          <li>Window {plan.window.from} to {plan.window.to} ({plan.window.hours} hours); offer {compact(plan.offer.capacityTokensPerMinute)} tokens/min at {usdUnit(plan.offer.pricePerHourUsd)}/hour = {usdUnit(plan.offer.termPriceUsd)} for the term.</li>
          {[...plan.notes, ...(plan.scenario?.notes ?? [])].map((n) => <li key={n}>{n}</li>)}
        </ul>
      </section>
    </div>
  );
}

function OptionRow({ name, o }: { name: string; o: CommitmentOption }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{compact(o.meanTokensPerMinute)}</td>
      <td className="num">{compact(o.percentiles.p50)} / {compact(o.percentiles.p95)} / {compact(o.percentiles.max)}</td>
      <td className="num">{pct(o.utilisation)}</td>
      <td className="num">{usdUnit(o.observed.paygUsd)}</td>
      <td className="num">{usdUnit(o.observed.commitUsd)}</td>
      <td className="num">{usdUnit(o.term.savingUsd)} <span className="small muted">({usdUnit(o.term.savingLowUsd)} to {usdUnit(o.term.savingHighUsd)})</span></td>
    </tr>
  );
}
