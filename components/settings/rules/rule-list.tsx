"use client";
import type { RuleOut } from "./rules-api";
import { MatchChips } from "./match-chips";

/** The rules in evaluation order, with move up/down, edit and delete. */
export function RuleList({ rules, busy, onMove, onEdit, onDelete }: { rules: RuleOut[]; busy: boolean; onMove: (id: number, delta: -1 | 1) => void; onEdit: (r: RuleOut) => void; onDelete: (r: RuleOut) => void }) {
  if (rules.length === 0) {
    return <p className="muted">No rules yet. Untagged spend stays unattributed until a rule claims it: start from the unattributed traffic below.</p>;
  }
  return (
    <ol className="rule-list" data-testid="rule-list">
      {rules.map((r, i) => (
        <li key={r.id} className={r.enabled ? "rule-item" : "rule-item disabled"}>
          <span className="rule-pos" title="Evaluation order: the first matching rule wins">
            {r.position}
          </span>
          <div>
            <b>{r.name}</b> {!r.enabled && <span className="badge">disabled</span>}
            <div>
              <MatchChips match={r.match} /> <span className="muted">→</span>{" "}
              <b>{r.team?.name ?? (r.workload ? `${r.workload.team ?? "no team"} (owner)` : "—")}</b>
              {r.workload && <span className="muted"> / {r.workload.name}</span>}
            </div>
          </div>
          <div className="rule-actions">
            <button type="button" className="btn small" disabled={busy || i === 0} onClick={() => onMove(r.id, -1)} aria-label={`Move ${r.name} up`}>
              ↑
            </button>
            <button type="button" className="btn small" disabled={busy || i === rules.length - 1} onClick={() => onMove(r.id, 1)} aria-label={`Move ${r.name} down`}>
              ↓
            </button>
            <button type="button" className="btn small" disabled={busy} onClick={() => onEdit(r)}>
              Edit
            </button>
            <button type="button" className="btn small danger" disabled={busy} onClick={() => onDelete(r)}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
