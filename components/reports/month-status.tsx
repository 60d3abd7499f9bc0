"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { apiJson } from "@/components/budgets/api";
import { usd } from "@/components/budgets/format";

const at = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const since = { close: "the close", export: "the last export", viewed: "it was first viewed as complete" } as const;

/**
 * Above the report: how fresh its data is, whether the month is closed (finance and admins close and reopen it),
 * and what changed since the month was exported, first viewed as complete, or closed (lib/reports/close).
 */
export function MonthStatus({ r, canClose }: { r: MonthlyReport; canClose: boolean }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => apiJson(`/api/v1/reports/closed-months/${r.month}`, { method: r.closed ? "DELETE" : "PUT" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["report", { month: r.month }] }),
  });
  const s = r.restatement;
  return (
    <div className="rp-status" data-testid="report-status">
      <p className="rp-asof">
        Data as of <b data-testid="report-data-as-of">{at(r.dataAsOf)}</b>
        {r.closed ? (
          <>
            {" "}· <span className="badge" data-testid="report-closed">closed {r.closed.closedAt.slice(0, 10)}</span> by {r.closed.closedBy.replace(/^user:/, "")}
          </>
        ) : null}
        {canClose && r.complete && (
          <PendingButton type="button" className="btn small" onClick={() => toggle.mutate()} pending={toggle.isPending} pendingLabel="Saving…" data-testid="close-month">
            {r.closed ? "Reopen month" : "Close month"}
          </PendingButton>
        )}
      </p>
      {toggle.isError && <div className="error-box" role="alert">{toggle.error.message}</div>}
      {s && (
        <div className="notice" role="status" data-testid="report-restatement">
          <b>{s.text[0].toUpperCase() + s.text.slice(1)}</b> since {since[s.basis]} ({at(s.since)}): {usd(s.snapshotCostUsd)} then, {usd(s.costUsd)} now.
          {r.closed && s.adjustments.length > 0 && (
            <ul className="rp-adjustments" aria-label="Adjustments">
              {s.adjustments.map((a) => (
                <li key={a.addedOn ?? "none"}>
                  Adjustment: {a.requests.toLocaleString("en-US")} call{a.requests === 1 ? "" : "s"}, {usd(a.costUsd)}, added {a.addedOn ?? "without a batch"}
                </li>
              ))}
            </ul>
          )}
          {r.closed && <span className="muted small"> The month is closed: the figures below include these adjustments; the CSV lists them as rows of their own.</span>}
        </div>
      )}
    </div>
  );
}
