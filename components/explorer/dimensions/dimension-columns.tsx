import type { SpendRow } from "@/lib/analytics/spend-query";
import { NONE_KEY, OTHER_KEY } from "@/lib/dimensions/dimension-schema";
import { BarCell, type Column } from "../data-table";
import { count, pct, usd, usdUnit } from "../format";
import { nanosToUsd, usdToNanos } from "@/lib/money";

/** Columns of the Dimensions table (rows of GET /api/v1/spend); CSV values are the API's exact values. */
type C = Column<SpendRow>;

export function valueColumn(header: string, onPick: ((row: SpendRow) => void) | null): C {
  return {
    id: "value",
    header,
    sort: (r) => r.label.toLowerCase(),
    // "(other)" folds many values: nothing to open. "(none)" opens the calls without the tag.
    render: (r) =>
      onPick && r.key !== OTHER_KEY ? (
        <button type="button" className="btn link" onClick={() => onPick(r)} title={`Show where ${r.label} spends`}>
          {r.key === NONE_KEY ? <i>{r.label}</i> : r.label}
        </button>
      ) : (
        <span className={r.key === OTHER_KEY || r.key === NONE_KEY ? "muted" : undefined}>{r.label}</span>
      ),
    csv: (r) => r.key,
  };
}

export function spendColumns(rows: SpendRow[], totalUsd: string): C[] {
  const max = Math.max(0, ...rows.map((r) => Number(r.costUsd)));
  const total = Number(totalUsd);
  // Exact: nano-dollars of priced calls over their count (rows of usage-report buckets without a count are left out
  // by the API's requests, as on the other explorer pages).
  const perCall = (r: SpendRow): string | null => {
    const calls = r.requests - r.unpricedRequests;
    return calls > 0 ? nanosToUsd(usdToNanos(r.costUsd) / BigInt(calls)) : null;
  };
  return [
    {
      id: "spend",
      header: "Spend",
      numeric: true,
      sort: (r) => Number(r.costUsd),
      render: (r) => <BarCell fraction={max ? Number(r.costUsd) / max : 0}>{usd(r.costUsd)}</BarCell>,
      csv: (r) => r.costUsd,
      csvHeader: "Spend (USD)",
    },
    { id: "share", header: "Share", title: "Share of the spend shown", numeric: true, sort: (r) => Number(r.costUsd), render: (r) => pct(total ? Number(r.costUsd) / total : null) },
    { id: "calls", header: "Calls", numeric: true, sort: (r) => r.requests, render: (r) => count(r.requests), csv: (r) => r.requests },
    {
      id: "per-call",
      header: "Cost per call",
      title: "Spend divided by the number of priced calls",
      numeric: true,
      sort: (r) => (perCall(r) === null ? null : Number(perCall(r))),
      render: (r) => usdUnit(perCall(r)),
      csv: (r) => perCall(r),
      csvHeader: "Cost per call (USD)",
    },
    { id: "input", header: "Input tokens", numeric: true, sort: (r) => r.inputTokens, render: (r) => count(r.inputTokens), csv: (r) => r.inputTokens },
    { id: "output", header: "Output tokens", numeric: true, sort: (r) => r.outputTokens, render: (r) => count(r.outputTokens), csv: (r) => r.outputTokens },
  ];
}
