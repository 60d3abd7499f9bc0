"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { rulesApi, targetsQuery, type RuleChangeResult, type RuleDraft, type RuleOut } from "./rules-api";
import { PreviewPanel } from "./preview-panel";
import { useElapsed } from "./use-elapsed";

const CONDITIONS: { key: keyof Omit<RuleDraft["match"], "tags">; label: string; placeholder: string }[] = [
  { key: "serviceName", label: "OTel service.name", placeholder: "e.g. zapier-*" },
  { key: "apiKey", label: "API key (name, prefix or source key)", placeholder: "e.g. key_ci" },
  { key: "user", label: "User", placeholder: "e.g. *@acme.example" },
  { key: "provider", label: "Provider", placeholder: "e.g. anthropic" },
  { key: "model", label: "Model", placeholder: "e.g. gpt-4o*" },
];

export function draftFromRule(rule: RuleOut | null, defaults: Partial<RuleDraft> = {}): RuleDraft {
  if (!rule) return { name: "", match: {}, team: null, workload: null, enabled: true, ...defaults };
  return { name: rule.name, match: rule.match, team: rule.team?.slug ?? null, workload: rule.workload?.slug ?? null, enabled: rule.enabled, position: rule.position };
}

/** Checks the browser can make before asking the server (which re-checks everything and gives the last word). */
function localProblems(d: RuleDraft): string[] {
  const out: string[] = [];
  if (!d.name.trim()) out.push("Give the rule a name.");
  const values = [...CONDITIONS.map((c) => d.match[c.key]), ...Object.values(d.match.tags ?? {})].filter((v) => v !== undefined);
  if (values.length === 0) out.push("Add at least one condition.");
  if (values.some((v) => /^\s*\**\s*$/.test(v ?? ""))) out.push("A condition of only * matches everything: remove it instead.");
  if (!d.team && !d.workload) out.push("Choose the team or the workload (or both) the spend goes to.");
  return out;
}

/**
 * Create or edit a rule: conditions (all must match, `*` wildcards, case-insensitive), the team and/or workload
 * it assigns, its position. "Preview" shows what saving would move; "Save" changes the rule and re-attributes
 * all history in one go, showing progress and then what moved.
 */
export function RuleEditor({ rule, initial, onDone, onCancel }: { rule: RuleOut | null; initial: RuleDraft; onDone: (r: RuleChangeResult, name: string) => void; onCancel: () => void }) {
  const targets = useQuery(targetsQuery());
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [tags, setTags] = useState<[string, string][]>(Object.entries(initial.match.tags ?? {}));
  const [touched, setTouched] = useState(false);
  const body = (): RuleDraft => {
    const match: RuleDraft["match"] = {};
    for (const c of CONDITIONS) if (draft.match[c.key]?.trim()) match[c.key] = draft.match[c.key]!.trim();
    const t = tags.filter(([k, v]) => k.trim() && v.trim());
    if (t.length) match.tags = Object.fromEntries(t.map(([k, v]) => [k.trim(), v.trim()]));
    return { ...draft, match };
  };
  const problems = localProblems(body());
  const preview = useMutation({ mutationFn: () => rulesApi.preview({ id: rule?.id, rule: body() }) });
  const save = useMutation({
    mutationFn: () => (rule ? rulesApi.update(rule.id, body()) : rulesApi.create(body())),
    onSuccess: (r) => onDone(r, body().name),
  });
  const elapsed = useElapsed(save.isPending);
  const set = (patch: Partial<RuleDraft>) => {
    setDraft({ ...draft, ...patch });
    preview.reset();
  };
  const setMatch = (key: string, value: string) => set({ match: { ...draft.match, [key]: value || undefined } });
  const workloads = (targets.data?.workloads ?? []).filter((w) => !draft.team || w.team === draft.team || w.slug === draft.workload);

  return (
    <form
      className="card rule-editor"
      data-testid="rule-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (problems.length === 0) save.mutate();
      }}
    >
      <h2>{rule ? `Edit rule #${rule.position}` : "New attribution rule"}</h2>
      <label className="field">
        Name
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Zapier automations belong to Marketing" maxLength={120} />
      </label>
      <div>
        <h3>When a call without its own team/workload matches all of</h3>
        <div className="conditions">
          {CONDITIONS.map((c) => (
            <label key={c.key} className="field">
              {c.label}
              <input value={draft.match[c.key] ?? ""} placeholder={c.placeholder} onChange={(e) => setMatch(c.key, e.target.value)} />
            </label>
          ))}
        </div>
        <div style={{ marginTop: 10, display: "grid", gap: 8 }}>
          {tags.map(([k, v], i) => (
            <div key={i} className="tag-row">
              <label className="field">
                Tag / attribute
                <input value={k} placeholder="e.g. deployment.environment" onChange={(e) => { setTags(tags.map((t, j) => (j === i ? [e.target.value, t[1]] : t))); preview.reset(); }} />
              </label>
              <label className="field">
                Value
                <input value={v} placeholder="e.g. prod*" onChange={(e) => { setTags(tags.map((t, j) => (j === i ? [t[0], e.target.value] : t))); preview.reset(); }} />
              </label>
              <button type="button" className="btn small" onClick={() => { setTags(tags.filter((_, j) => j !== i)); preview.reset(); }} aria-label="Remove tag condition">
                Remove
              </button>
            </div>
          ))}
          <div>
            <button type="button" className="btn small" onClick={() => setTags([...tags, ["", ""]])}>
              + Tag condition
            </button>
            <span className="muted" style={{ fontSize: 12, marginLeft: 8 }}>
              <code>*</code> matches anything; matching ignores case.
            </span>
          </div>
        </div>
      </div>
      <div>
        <h3>Then attribute it to</h3>
        <div className="targets">
          <label className="field">
            Team
            <select value={draft.team ?? ""} onChange={(e) => set({ team: e.target.value || null })}>
              <option value="">{draft.workload ? "the workload's owner team" : "— choose —"}</option>
              {targets.data?.teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Workload
            <select value={draft.workload ?? ""} onChange={(e) => set({ workload: e.target.value || null })}>
              <option value="">no workload</option>
              {workloads.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Position (1 = checked first)
            <input type="number" min={1} value={draft.position ?? ""} placeholder="last" onChange={(e) => set({ position: e.target.value ? Number(e.target.value) : undefined })} />
          </label>
          <label style={{ display: "flex", gap: 6, alignItems: "center", paddingBottom: 8 }}>
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
          </label>
        </div>
      </div>
      {touched && problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {(preview.error || save.error) && (
        <div className="error-box" role="alert">
          {(save.error ?? preview.error)!.message}
        </div>
      )}
      {preview.data && <PreviewPanel preview={preview.data} action="save" />}
      {save.isPending && (
        <div aria-live="polite">
          <div className="progress indeterminate">
            <div />
          </div>
          <p className="muted" style={{ fontSize: 12 }}>
            Saving and re-attributing history… {elapsed}s{preview.data ? ` (the preview took ${(preview.data.durationMs / 1000).toFixed(1)} s; saving takes about twice as long)` : ""}
          </p>
        </div>
      )}
      <div className="toolbar">
        <PendingButton type="button" className="btn" disabled={save.isPending} pending={preview.isPending} pendingLabel="Computing impact…" onClick={() => { setTouched(true); if (problems.length === 0) preview.mutate(); }}>
          Preview impact
        </PendingButton>
        <PendingButton type="submit" className="btn primary" pending={save.isPending} pendingLabel="Re-attributing…">
          {rule ? "Save and re-attribute" : "Add rule and re-attribute"}
        </PendingButton>
        <button type="button" className="btn" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
