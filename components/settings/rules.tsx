"use client";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";
import "@/components/explorer/explorer.css";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { rulesApi, rulesQuery, targetsQuery, type RuleChangeResult, type RuleDraft, type RuleOut } from "./rules/rules-api";
import { RuleList } from "./rules/rule-list";
import { RuleEditor, draftFromRule } from "./rules/rule-editor";
import { DeleteRule } from "./rules/delete-rule";
import { UnattributedTraffic } from "./rules/unattributed-traffic";
import { useElapsed } from "./rules/use-elapsed";
import { count, usd } from "@/components/explorer/format";

type Panel = { kind: "none" } | { kind: "edit"; rule: RuleOut | null; initial: RuleDraft; key: number } | { kind: "delete"; rule: RuleOut };

/**
 * Settings › Attribution rules: who pays for calls that do not say. Rules are checked in order for calls that
 * lack their own team or workload (after the API key's team); the first match wins. Every change re-attributes
 * all history and says what moved.
 */
export default function RulesSection() {
  const qc = useQueryClient();
  const rules = useQuery(rulesQuery());
  const targets = useQuery(targetsQuery());
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const [result, setResult] = useState<{ text: string } | null>(null);

  const done = (r: RuleChangeResult, what: string) => {
    const m = r.reattribution;
    setResult({
      text: `${what}. Re-attributed ${count(m.eventsMoved)} calls (${usd(m.costMovedUsd)})${m.firstDay ? ` between ${m.firstDay} and ${m.lastDay}` : ""} in ${(m.durationMs / 1000).toFixed(1)} s.`,
    });
    setPanel({ kind: "none" });
    qc.setQueryData(rulesQuery().queryKey, { rules: r.rules });
    // Every number on every page may have moved.
    void qc.invalidateQueries();
  };
  const reorder = useMutation({ mutationFn: (ids: number[]) => rulesApi.reorder(ids), onSuccess: (r) => done(r, "Order saved") });
  const reattributeAll = useMutation({ mutationFn: () => rulesApi.reattributeAll(), onSuccess: (r) => done(r, "History recomputed") });
  const busy = reorder.isPending || reattributeAll.isPending;
  const elapsed = useElapsed(busy);
  const list = rules.data?.rules ?? [];

  const move = (id: number, delta: -1 | 1) => {
    const ids = list.map((r) => r.id);
    const i = ids.indexOf(id);
    [ids[i], ids[i + delta]] = [ids[i + delta], ids[i]];
    reorder.mutate(ids);
  };
  const edit = (rule: RuleOut | null, initial = draftFromRule(rule)) => {
    setResult(null);
    setPanel({ kind: "edit", rule, initial, key: Date.now() });
  };

  return (
    <div className="grid" data-testid="rules-section">
      <div className="notice">
        A call is attributed by what it carries first: its own team and workload, then its API key&apos;s team. Rules fill in what
        is still missing, checked top to bottom; the first match wins, and a workload brings its owner team. Saving a change
        re-attributes all history, so every chart and report follows.
      </div>
      {result && (
        <div className="notice success" role="status" data-testid="rule-result">
          {result.text}
        </div>
      )}
      <div className="card">
        <div className="card-head">
          <h2>Rules</h2>
          <button type="button" className="btn primary" onClick={() => edit(null)} disabled={busy}>
            + New rule
          </button>
        </div>
        {rules.error && <div className="error-box">{rules.error.message}</div>}
        {(reorder.error || reattributeAll.error) && <div className="error-box">{(reorder.error ?? reattributeAll.error)!.message}</div>}
        {rules.data ? <RuleList rules={list} busy={busy} onMove={move} onEdit={(r) => edit(r)} onDelete={(rule) => setPanel({ kind: "delete", rule })} /> : <Pending className="muted">Loading…</Pending>}
        {busy && (
          <div style={{ marginTop: 10 }} aria-live="polite">
            <div className="progress indeterminate">
              <div />
            </div>
            <p className="muted" style={{ fontSize: 12 }}>Re-attributing history… {elapsed}s</p>
          </div>
        )}
      </div>
      {panel.kind === "edit" && <RuleEditor key={panel.key} rule={panel.rule} initial={panel.initial} onDone={(r, name) => done(r, `Saved “${name}”`)} onCancel={() => setPanel({ kind: "none" })} />}
      {panel.kind === "delete" && <DeleteRule rule={panel.rule} onDone={(r, name) => done(r, `Deleted “${name}”`)} onCancel={() => setPanel({ kind: "none" })} />}
      {targets.data && (
        <UnattributedTraffic
          rows={targets.data.unattributed}
          updating={targets.isFetching}
          onClaim={(row) =>
            edit(null, {
              name: `${row.serviceName ?? row.apiKey ?? row.sourceKey} belongs to …`,
              match: row.serviceName ? { serviceName: row.serviceName } : row.apiKey ? { apiKey: row.apiKey } : { apiKey: row.sourceKey ?? undefined },
              team: null,
              workload: null,
              enabled: true,
            })
          }
        />
      )}
      <div className="card">
        <h2>Recompute all history</h2>
        <p className="muted">
          Rule changes re-attribute history by themselves. After renaming teams or moving workloads between teams, recompute every call
          against the current rules and rebuild the daily roll-ups from the calls.
        </p>
        <PendingButton type="button" className="btn" disabled={busy} pending={reattributeAll.isPending} pendingLabel={`Recomputing… ${elapsed}s`} onClick={() => reattributeAll.mutate()}>
          Recompute attribution
        </PendingButton>
      </div>
    </div>
  );
}
