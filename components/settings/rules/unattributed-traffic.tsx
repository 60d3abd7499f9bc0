"use client";
import type { RuleTargets } from "./rules-api";
import { count, usd } from "@/components/explorer/format";

/** Recent untagged traffic, biggest first, each with a one-click "create a rule for this". */
export function UnattributedTraffic({ rows, updating, onClaim }: { rows: RuleTargets["unattributed"]; updating: boolean; onClaim: (row: RuleTargets["unattributed"][number]) => void }) {
  return (
    <div className="card" data-testid="unattributed-traffic" aria-busy={updating}>
      <div className="card-head">
        <h2>Unattributed traffic, last 7 days</h2>
        {updating && <span className="hint">updating…</span>}
      </div>
      {rows.length === 0 ? (
        <p className="muted">Every call of the last 7 days has a team. Nothing to claim.</p>
      ) : (
        <table className="data suggestions">
          <thead>
            <tr>
              <th>service.name</th>
              <th>Key</th>
              <th>Provider</th>
              <th className="num">Calls</th>
              <th className="num">Spend</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className="mono">{r.serviceName ?? <span className="muted">—</span>}</td>
                <td className="mono">{r.apiKey ?? r.sourceKey ?? <span className="muted">—</span>}</td>
                <td>{r.provider}</td>
                <td className="num">{count(r.events)}</td>
                <td className="num">{usd(r.costUsd)}</td>
                <td>
                  {(r.serviceName || r.sourceKey || r.apiKey) && (
                    <button type="button" className="btn small" onClick={() => onClaim(r)}>
                      Create rule
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
