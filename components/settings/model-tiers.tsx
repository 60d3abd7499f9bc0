"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";
import "@/components/explorer/explorer.css";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, modelsQuery } from "@/components/explorer/api-client";
import { TierBadge } from "@/components/explorer/tier-badge";
import type { ModelOut } from "@/lib/analytics/model-tiers-schema";

const TIERS = ["frontier", "mid", "small"] as const;

/**
 * Settings › Model tiers: frontier / mid / small per model. New models get a tier from their list price (output
 * tokens: $10+/M frontier, $1.50+/M mid, less small); pin another one here, or go back to the default. Every
 * view splits by tier at query time, so a change shows everywhere at once.
 */
export default function ModelTiersSection() {
  const qc = useQueryClient();
  const models = useSharedQuery(modelsQuery());
  const [filter, setFilter] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: ({ id, tier }: { id: number; tier: string }) => fetchJson<ModelOut>(`/api/v1/models/${id}`, { method: "PATCH", body: { tier } }),
    onSuccess: (m) => {
      setSaved(`${m.key} is now ${m.tier ?? "without a tier"}${m.tierSource === "default" ? " (default from its price)" : ""}.`);
      void qc.invalidateQueries();
    },
  });
  const rows = (models.data?.models ?? []).filter((m) => m.key.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="grid" data-testid="model-tiers">
      <div className="notice">
        Tiers group models by price class so every view can split spend into frontier, mid and small. A new model gets its tier from its
        list price per million output tokens (frontier from $10, mid from $1.50, small below); models without a known price have no tier
        until you set one.
      </div>
      {saved && <div className="notice success" role="status">{saved}</div>}
      {change.error && <div className="error-box">{change.error.message}</div>}
      <div className="card">
        <div className="card-head">
          <h2>Models</h2>
          <input type="search" placeholder="Filter models…" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter models" />
        </div>
        {models.error && <div className="error-box">{models.error.message}</div>}
        {!models.data ? (
          <Pending className="muted">Loading…</Pending>
        ) : models.data.models.length === 0 ? (
          <p className="muted">No models yet: they appear with the first usage that names them.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Model</th>
                <th>Tier</th>
                <th>Set by</th>
                <th>Default from price</th>
                <th>First seen</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{m.provider}</td>
                  <td className="mono">
                    {m.name} {m.unpriced && <span className="badge risk" title="No catalogue price and no price override: its calls have no cost">unpriced</span>}
                  </td>
                  <td>
                    <select
                      aria-label={`Tier of ${m.key}`}
                      value={m.tier ?? ""}
                      disabled={change.isPending}
                      aria-busy={change.isPending && change.variables?.id === m.id}
                      onChange={(e) => e.target.value && change.mutate({ id: m.id, tier: e.target.value })}
                    >
                      {m.tier === null && <option value="">— none —</option>}
                      {TIERS.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{m.tierSource === "manual" ? <span className="badge">admin</span> : <span className="muted">price</span>}</td>
                  <td>
                    <TierBadge tier={m.defaultTier} />
                  </td>
                  <td className="muted">{m.firstSeen.slice(0, 10)}</td>
                  <td>
                    {m.tierSource === "manual" && (
                      <PendingButton type="button" className="btn small" disabled={change.isPending} pending={change.isPending && change.variables?.id === m.id} pendingLabel="Saving…" onClick={() => change.mutate({ id: m.id, tier: "default" })}>
                        Use default
                      </PendingButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
