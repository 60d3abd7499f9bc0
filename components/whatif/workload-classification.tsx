"use client";
import { Pending } from "@/components/ui/pending";
import "./whatif.css";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ClassificationPatch } from "@/lib/classify/classification-schema";
import { TASK_CLASSES } from "@/lib/classify/task-class";
import { classificationQuery, saveClassification } from "./api";
import { EvalLink } from "./eval-link";
import { FloorInput } from "./floor-input";
import { pct } from "./format";
import { TierBadge } from "./tier-badge";
import { Spinner } from "@/components/ui/spinner";

const label = (c: string) => c.replace(/_/g, " ");

/**
 * A workload's classification, ready to mount on the workload page: <WorkloadClassification workload="ticket-triage" />.
 * Shows the stored class and the class its usage shape suggests (with the reasons), and lets the owner (a lead of
 * its team, or an admin) confirm or change it, set the quality floor and latency tolerance, link an eval set and
 * say which eval model stands for which real model. Read-only for everyone else.
 */
export function WorkloadClassification({ workload }: { workload: string }) {
  const client = useQueryClient();
  const q = useQuery(classificationQuery(workload));
  const mutation = useMutation({
    mutationFn: (patch: ClassificationPatch) => saveClassification(workload, patch),
    onSuccess: (data) => {
      client.setQueryData(classificationQuery(workload).queryKey, data);
      void client.invalidateQueries({ queryKey: ["recommendations"] });
      void client.invalidateQueries({ queryKey: ["whatif", "options"] });
      void client.invalidateQueries({ queryKey: ["evals"] });
    },
  });
  if (q.isPending) return <section className="card wi-classification"><Pending className="muted">Loading classification…</Pending></section>;
  if (q.isError) return <section className="card wi-classification"><div className="error-box">{q.error.message}</div></section>;
  const c = q.data;
  const edit = c.canEdit;
  const s = c.suggestion;
  return (
    <section className="card wi-classification" aria-label="Classification" data-testid="workload-classification">
      <div className="wi-card-head">
        <h2>Classification: {c.workload.name}</h2>
        {mutation.isPending && (
          <span className="muted" role="status" aria-busy="true">
            <Spinner />
            Saving…
          </span>
        )}
      </div>
      {mutation.isError && <div className="error-box">{mutation.error.message}</div>}
      <div className="wi-class-grid">
        <div>
          <h3>Task class</h3>
          <div className="wi-class-now">
            {c.taskClass ? <b>{label(c.taskClass)}</b> : <span className="muted">not classified</span>}{" "}
            {c.taskClass && (c.taskClassConfirmed ? <span className="badge ok">confirmed by owner</span> : <span className="badge risk">not confirmed</span>)}
          </div>
          {edit && (
            <label className="field">
              Change to
              <select aria-label="task class" value={c.taskClass ?? ""} onChange={(e) => e.target.value && mutation.mutate({ taskClass: e.target.value as ClassificationPatch["taskClass"] })}>
                <option value="" disabled>
                  choose…
                </option>
                {TASK_CLASSES.map((t) => (
                  <option key={t} value={t}>
                    {label(t)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div>
          <h3>Suggested from usage</h3>
          {s ? (
            <>
              <div>
                <b>{label(s.taskClass)}</b> <span className="badge">{s.confidence} confidence</span>
                {edit && (s.taskClass !== c.taskClass || !c.taskClassConfirmed) && (
                  <button type="button" className="btn small" onClick={() => mutation.mutate({ taskClass: s.taskClass })} data-testid="confirm-suggestion">
                    {s.taskClass === c.taskClass ? "Confirm" : "Use this class"}
                  </button>
                )}
              </div>
              <ul className="wi-reasons">
                {s.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <p className="muted small">
                From {s.shape.calls.toLocaleString("en-US")} calls ({s.shape.from} – {s.shape.to}); percentiles from {s.shape.sampledCalls.toLocaleString("en-US")} sampled:
                input median {s.shape.p50InputTokens.toLocaleString("en-US")} / p90 {s.shape.p90InputTokens.toLocaleString("en-US")} tokens, output median{" "}
                {s.shape.p50OutputTokens.toLocaleString("en-US")} / p90 {s.shape.p90OutputTokens.toLocaleString("en-US")}, reasoning {pct(s.shape.reasoningShare, 0)} of output,
                cached {pct(s.shape.cachedShare, 0)} of input. Shape cannot see content: the owner decides.
              </p>
            </>
          ) : (
            <p className="muted">No traffic in the last 30 days to suggest from.</p>
          )}
        </div>
        <div>
          <h3>Quality floor and latency</h3>
          <FloorInput value={c.qualityFloor} disabled={!edit} onSave={(v) => mutation.mutate({ qualityFloor: v })} />
          <label className="wi-inline">
            <input type="checkbox" checked={c.latencyTolerant} disabled={!edit} onChange={(e) => mutation.mutate({ latencyTolerant: e.target.checked })} /> latency-tolerant
            (may wait for the Batch API)
          </label>
          <div className="muted small wi-models">
            Calls:{" "}
            {c.models.map((m) => (
              <span key={`${m.provider}/${m.model}`}>
                {m.model} <TierBadge tier={m.tier} /> {pct(m.costShare, 0)}{" "}
              </span>
            ))}
          </div>
        </div>
      </div>
      <EvalLink c={c} edit={edit} onPatch={(p) => mutation.mutate(p)} />
    </section>
  );
}
