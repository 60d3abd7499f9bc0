"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { createRollout } from "@/components/rollouts/api";
import { PendingButton } from "@/components/ui/pending-button";

/**
 * "Mark applied": records that the saved scenario went live from a day (POST /api/v1/rollouts), so the Rollouts
 * page measures what it really saves. The workloads are those the scenario routes (as in its export).
 */
export function MarkApplied({ scenarioId }: { scenarioId: number | null }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const [done, setDone] = useState<{ id: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function apply() {
    if (scenarioId === null) return;
    setError(null);
    setBusy(true);
    try {
      const r = await createRollout({ scenarioId, appliedFrom: day });
      await client.invalidateQueries({ queryKey: ["rollouts"] });
      setDone({ id: r.id, text: `Applied from ${r.appliedFrom} to ${r.workloads.join(", ")}.` });
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  if (done) {
    return (
      <span className="notice wi-applied" data-testid="applied-note">
        {done.text} <a href={`/rollouts?rollout=${done.id}`}>See its savings</a>
      </span>
    );
  }
  return (
    <span className="wi-apply">
      {open ? (
        <>
          <label className="field">
            Applied from (UTC)
            <input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label="Applied from" />
          </label>
          <PendingButton type="button" className="btn primary" onClick={apply} disabled={!day} pending={busy} pendingLabel="Recording…" data-testid="confirm-applied">
            Record rollout
          </PendingButton>
        </>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={scenarioId === null}
          title={scenarioId === null ? "Save the scenario first" : "Record the day this scenario went live, to measure its realised savings"}
          onClick={() => setOpen(true)}
          data-testid="mark-applied"
        >
          Mark applied
        </button>
      )}
      {error && <span className="error-box">{error}</span>}
    </span>
  );
}
