import type { PreviewResult } from "./rules-api";
import { count, usd } from "@/components/explorer/format";

const side = (s: PreviewResult["flows"][number]["from"]) =>
  s.team === null && s.workload === null ? <span className="muted">unattributed</span> : <>{s.teamName ?? <span className="muted">no team</span>} / {s.workloadName ?? <span className="muted">no workload</span>}</>;

/** What a draft would do: calls and dollars it matches and moves, from which team/workload to which. */
export function PreviewPanel({ preview, action }: { preview: PreviewResult; action: "save" | "delete" }) {
  return (
    <div className="preview-box" data-testid="rule-preview" aria-live="polite">
      <div className="big">
        {action === "delete" ? "Deleting it" : "Saving"} moves {count(preview.eventsMoved)} calls · {usd(preview.costMovedUsd)}
      </div>
      <div className="muted" style={{ fontSize: 12, marginTop: 2 }}>
        {action === "save" && (
          <>The conditions match {count(preview.matchedEvents)} calls ({usd(preview.matchedCostUsd)}) that do not carry both their own team and workload; calls that do are never moved by rules. </>
        )}
        Computed over all history in {(preview.durationMs / 1000).toFixed(1)} s.
      </div>
      {preview.flows.length > 0 && (
        <table className="data" style={{ marginTop: 8 }}>
          <thead>
            <tr>
              <th>From (today)</th>
              <th>To</th>
              <th className="num">Calls</th>
              <th className="num">Spend</th>
            </tr>
          </thead>
          <tbody>
            {preview.flows.map((f, i) => (
              <tr key={i}>
                <td>{side(f.from)}</td>
                <td>{side(f.to)}</td>
                <td className="num">{count(f.events)}</td>
                <td className="num">{usd(f.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
