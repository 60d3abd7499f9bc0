"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { Pending } from "@/components/ui/pending";
import "./rollouts.css";
import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { RolloutOut } from "@/lib/rollouts/rollout-schema";
import { scenariosQuery } from "@/components/whatif/api";
import { savingClass, shortDate, usd } from "@/components/whatif/format";
import { monthSavingsQuery, patchRollout, rolloutsQuery } from "./api";
import { RolloutDetailCard } from "./rollout-detail";

const STATUS_LABEL: Record<RolloutOut["status"], string> = { applied: "applied", proposed: "proposed", dismissed: "dismissed" };

/**
 * The Rollouts view: this month's realised savings, changes Rightsize noticed in the traffic (confirm, link a
 * scenario, or dismiss), and every applied rollout with its realised savings against the counterfactual. The
 * rollout on screen is in the URL (?rollout=id).
 */
export function RolloutsView({ canEdit }: { canEdit: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const list = useQuery(rolloutsQuery());
  const month = useQuery(monthSavingsQuery());
  const rollouts = list.data ?? [];
  const proposals = rollouts.filter((r) => r.status === "proposed");
  const applied = rollouts.filter((r) => r.status === "applied");
  const selectedParam = Number(params.get("rollout"));
  const selected = rollouts.find((r) => r.id === selectedParam)?.id ?? applied[0]?.id ?? null;
  const select = (id: number) => router.replace(`${pathname}?rollout=${id}`, { scroll: false });

  return (
    <div className="ro-view">
      <div className="grid kpis">
        <div className="card kpi">
          <div className="label">Realised this month</div>
          <div className={`value ${month.data ? savingClass(month.data.realisedSavingUsd) : ""}`} data-testid="month-realised">{month.data ? usd(month.data.realisedSavingUsd) : "…"}</div>
          <div className="sub">
            {month.data?.predictedSavingUsd ? `predicted ${usd(month.data.predictedSavingUsd)} for the same traffic` : "applied rollouts, on this month's days"}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Applied rollouts</div>
          <div className="value">{applied.length}</div>
          <div className="sub">marked applied, or detected and confirmed</div>
        </div>
        <div className="card kpi">
          <div className="label">Waiting for review</div>
          <div className="value">{proposals.length}</div>
          <div className="sub">model-mix shifts Rightsize noticed in the traffic</div>
        </div>
      </div>
      {list.isError && <div className="error-box">{list.error.message}</div>}
      {proposals.length > 0 && <Proposals proposals={proposals} canEdit={canEdit} onSelect={select} />}
      <section className="card" aria-label="Rollouts">
        <h2>Rollouts</h2>
        {list.isPending && <Pending className="muted">Loading rollouts…</Pending>}
        {list.data && rollouts.length === 0 && (
          <p className="muted">
            No rollouts yet. On the What-if page, save a scenario, export it to your gateway and mark it applied; Rightsize also proposes one when a
            workload&apos;s calls move to another model.
          </p>
        )}
        {rollouts.length > 0 && (
          <table className="data" data-testid="rollouts-table">
            <thead>
              <tr>
                <th>Status</th>
                <th>Change</th>
                <th>Workloads</th>
                <th>From</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rollouts.map((r) => (
                <tr key={r.id} className={r.id === selected ? "ro-selected" : undefined}>
                  <td>
                    <span className={`badge ro-${r.status}`}>{STATUS_LABEL[r.status]}</span>
                    <div className="muted small">{r.source === "detected" ? "detected" : `by ${r.createdBy ?? "?"}`}</div>
                  </td>
                  <td>
                    <b>{r.scenarioName ?? (r.fromModel && r.toModel ? `${r.fromModel} → ${r.toModel}` : `Rollout ${r.id}`)}</b>
                    {r.note && <div className="muted small">{r.note}</div>}
                  </td>
                  <td>{r.workloads.join(", ")}</td>
                  <td>{shortDate(r.appliedFrom)}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => select(r.id)} data-testid={`show-rollout-${r.id}`}>
                      Savings
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected !== null && <RolloutDetailCard id={selected} />}
    </div>
  );
}

function Proposals({ proposals, canEdit, onSelect }: { proposals: RolloutOut[]; canEdit: boolean; onSelect: (id: number) => void }) {
  const client = useQueryClient();
  const scenarios = useQuery({ ...scenariosQuery(), enabled: canEdit });
  const [link, setLink] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  // The proposal and the decision being sent, so that button says so and the row's other one waits.
  const [deciding, setDeciding] = useState<{ id: number; status: "applied" | "dismissed" } | null>(null);
  async function decide(id: number, status: "applied" | "dismissed") {
    setError(null);
    setDeciding({ id, status });
    try {
      const scenarioId = link[id] ? Number(link[id]) : undefined;
      await patchRollout(id, { status, ...(status === "applied" && scenarioId ? { scenarioId } : {}) });
      await client.invalidateQueries({ queryKey: ["rollouts"] });
      if (status === "applied") onSelect(id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setDeciding(null);
    }
  }
  return (
    <section className="card ro-proposals" aria-label="Proposed rollouts" data-testid="proposals">
      <h2>Changes noticed in the traffic</h2>
      <p className="muted small">More than half of a workload&apos;s calls moved to another model. Confirm to track its savings (link the scenario it came from, if any), or dismiss.</p>
      <ul>
        {proposals.map((p) => (
          <li key={p.id}>
            <span className="ro-note">{p.note}</span>
            {canEdit ? (
              <span className="toolbar">
                <select aria-label={`Scenario for rollout ${p.id}`} value={link[p.id] ?? ""} onChange={(e) => setLink({ ...link, [p.id]: e.target.value })}>
                  <option value="">no scenario</option>
                  {(scenarios.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <PendingButton type="button" className="btn small primary" disabled={deciding?.id === p.id} pending={deciding?.id === p.id && deciding.status === "applied"} pendingLabel="Confirming…" onClick={() => decide(p.id, "applied")}>
                  Confirm
                </PendingButton>
                <PendingButton type="button" className="btn small" disabled={deciding?.id === p.id} pending={deciding?.id === p.id && deciding.status === "dismissed"} pendingLabel="Dismissing…" onClick={() => decide(p.id, "dismissed")}>
                  Dismiss
                </PendingButton>
              </span>
            ) : (
              <button type="button" className="btn small" onClick={() => onSelect(p.id)}>
                Savings
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <div className="error-box">{error}</div>}
    </section>
  );
}
