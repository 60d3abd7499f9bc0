"use client";
import { namesFrom } from "./names";
import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ScenarioOut } from "@/lib/scenarios/scenario-schema";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import { runQuery, saveScenario } from "./api";
import { draftProblems, emptyRule, type Definition } from "./definition";
import { ExportMenu } from "./export-menu";
import { MarkApplied } from "./mark-applied";
import { PresetsPanel, type PresetNote } from "./presets-panel";
import { RuleEditor } from "./rule-editor";
import { ruleSummary } from "./rule-summary";
import { ScenarioResult } from "./scenario-result";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";

/**
 * Build, run, save and share a scenario. The last run definition lives in the URL (the parent owns it), so the
 * address bar always reproduces what is on screen; the draft being edited is local until "Run".
 */
export function ScenarioTab({
  options,
  committed,
  saved,
  onRun,
  onSaved,
}: {
  options: WhatIfOptions;
  committed: Definition | null;
  saved: ScenarioOut | null;
  onRun: (def: Definition) => void;
  onSaved: (s: ScenarioOut) => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Definition>(() => committed ?? { ...options.window, rules: [emptyRule()] });
  const [note, setNote] = useState<PresetNote | null>(null);
  const [name, setName] = useState(saved?.name ?? "");
  const [saveMsg, setSaveMsg] = useState<string | null>(null);
  // Which save is in flight ("update" or "new"): that button says "Saving…", and both stay disabled until it ends.
  const [saving, setSaving] = useState<"update" | "new" | null>(null);
  // With a result on screen the rules fold into one line each, so the answer sits right under the question.
  const [editing, setEditing] = useState(committed === null);
  useEffect(() => {
    if (committed) setDraft(committed);
  }, [committed]);
  // "Run" starts at once: the URL (which owns the committed definition) takes a server round trip to follow, and
  // until then the page would still show its old empty state. The requested definition runs meanwhile.
  const [requested, setRequested] = useState<Definition | null>(null);
  const committedKey = JSON.stringify(committed);
  useEffect(() => setRequested(null), [committedKey]);
  const active = requested ?? committed;
  const start = (def: Definition) => {
    setRequested(def);
    onRun(def);
  };
  useEffect(() => setName(saved?.name ?? ""), [saved?.id, saved?.name]);

  const run = useQuery(runQuery(active));
  const problems = draftProblems(draft);
  const setRule = (i: number, rule: Definition["rules"][number]) => setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? rule : r)) });
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= draft.rules.length) return;
    const rules = [...draft.rules];
    [rules[i], rules[j]] = [rules[j], rules[i]];
    setDraft({ ...draft, rules });
  };

  async function save(asNew: boolean) {
    setSaveMsg(null);
    setSaving(asNew ? "new" : "update");
    try {
      const s = await saveScenario({ id: asNew ? undefined : saved?.id, name: name.trim(), definition: draft });
      await client.invalidateQueries({ queryKey: ["scenarios"] });
      onSaved(s);
      setSaveMsg(`Saved as "${s.name}". The page address now opens it; share it.`);
    } catch (e) {
      setSaveMsg((e as Error).message);
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="wi-scenario">
      <PresetsPanel
        options={options}
        window={{ from: draft.from, to: draft.to }}
        onApply={(def, n) => {
          setDraft(def);
          setNote(n);
          setEditing(false);
          start(def);
        }}
      />
      <section className="card wi-builder" aria-label="Scenario rules">
        <div className="wi-builder-head">
          <h2>Rules {saved && <span className="muted">· saved scenario &quot;{saved.name}&quot;</span>}</h2>
          <div className="toolbar">
            <label className="field">
              From (UTC)
              <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            </label>
            <label className="field">
              To (inclusive)
              <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            </label>
          </div>
        </div>
        {!editing && (
          <ol className="wi-rule-summary" data-testid="rule-summary">
            {draft.rules.map((rule, i) => {
              const t = ruleSummary(rule, namesFrom(options));
              return (
                <li key={i}>
                  <b>{t.selects}</b>: {t.changes}
                </li>
              );
            })}
          </ol>
        )}
        {editing &&
          draft.rules.map((rule, i) => (
            <RuleEditor
              key={i}
              index={i}
              rule={rule}
              options={options}
              onChange={(r) => setRule(i, r)}
              onRemove={draft.rules.length > 1 ? () => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) }) : undefined}
              onMove={draft.rules.length > 1 ? (d) => move(i, d) : undefined}
            />
          ))}
        <div className="toolbar wi-builder-actions">
          {editing ? (
            <button type="button" className="btn" onClick={() => setDraft({ ...draft, rules: [...draft.rules, emptyRule()] })}>
              + Add rule
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="edit-rules">
              Edit rules
            </button>
          )}
          <PendingButton
            type="button"
            className="btn primary"
            disabled={problems.length > 0}
            onClick={() => {
              setNote(null);
              setEditing(false);
              start(draft);
            }}
            data-testid="run-scenario"
            pending={active !== null && run.isFetching}
            pendingLabel="Running…"
          >
            Run scenario
          </PendingButton>
          <span className="wi-spacer" />
          <label className="field">
            Scenario name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Support on mini" aria-label="Scenario name" />
          </label>
          {saved?.canEdit && (
            <PendingButton type="button" className="btn" disabled={!name.trim() || problems.length > 0 || saving !== null} onClick={() => save(false)} pending={saving === "update"} pendingLabel="Saving…">
              Update saved
            </PendingButton>
          )}
          <PendingButton type="button" className="btn" disabled={!name.trim() || problems.length > 0 || saving !== null} onClick={() => save(true)} data-testid="save-scenario" pending={saving === "new"} pendingLabel="Saving…">
            Save as new
          </PendingButton>
          <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(window.location.href)} title="Copy a link that opens exactly this scenario">
            Copy link
          </button>
          <ExportMenu scenarioId={saved?.id ?? null} />
          <MarkApplied key={saved?.id ?? "unsaved"} scenarioId={saved?.id ?? null} />
        </div>
        {problems.length > 0 && <div className="error-box">{problems.join("; ")}</div>}
        {saveMsg && <div className="notice">{saveMsg}</div>}
      </section>

      {note && (
        <div className="notice wi-note" data-testid="preset-note">
          <b>{note.title}.</b> {note.text}
          {note.items && note.items.length > 0 && (
            <ul className="wi-unproven" data-testid="preset-unproven">
              {note.items.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!active && <div className="card empty">Build rules or start from a preset, then run the scenario to see the money and quality effect.</div>}
      {active && run.isPending && (
        <Pending testId="whatif-running">Re-pricing the window&apos;s traffic…</Pending>
      )}
      {active && run.isError && (
        <div className="error-box" role="alert" data-testid="whatif-error">
          {run.error.message}
        </div>
      )}
      {active && run.data && <ScenarioResult r={run.data} definition={active} options={options} />}
    </div>
  );
}
