"use client";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";
import { useEffect } from "react";
import { useMutation } from "@tanstack/react-query";
import { rulesApi, type RuleChangeResult, type RuleOut } from "./rules-api";
import { PreviewPanel } from "./preview-panel";
import { useElapsed } from "./use-elapsed";

/** Deleting a rule: first what it would give back to "unattributed" (or to later rules), then confirm. */
export function DeleteRule({ rule, onDone, onCancel }: { rule: RuleOut; onDone: (r: RuleChangeResult, name: string) => void; onCancel: () => void }) {
  const preview = useMutation({ mutationFn: () => rulesApi.preview({ id: rule.id }) });
  const remove = useMutation({ mutationFn: () => rulesApi.remove(rule.id), onSuccess: (r) => onDone(r, rule.name) });
  const elapsed = useElapsed(remove.isPending);
  const { mutate } = preview;
  useEffect(() => mutate(), [mutate]);
  return (
    <div className="card rule-editor" data-testid="rule-delete">
      <h2>Delete “{rule.name}”?</h2>
      {preview.isPending && <Pending className="muted">Computing what it would move…</Pending>}
      {preview.data && <PreviewPanel preview={preview.data} action="delete" />}
      {(preview.error || remove.error) && <div className="error-box">{(remove.error ?? preview.error)!.message}</div>}
      {remove.isPending && (
        <div className="progress indeterminate" aria-label={`Deleting and re-attributing history, ${elapsed}s`}>
          <div />
        </div>
      )}
      <div className="toolbar">
        <PendingButton type="button" className="btn primary" pending={remove.isPending} pendingLabel={`Re-attributing… ${elapsed}s`} onClick={() => remove.mutate()}>
          Delete and re-attribute
        </PendingButton>
        <button type="button" className="btn" onClick={onCancel} disabled={remove.isPending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
