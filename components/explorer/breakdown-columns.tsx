import Link from "next/link";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { BarCell, type Column } from "./data-table";
import { TierBadge } from "./tier-badge";
import { ShareBar } from "@/components/charts/share-bar";
import { compact, count, pct, signedPct, spendText, usdUnit } from "./format";

/**
 * Columns shared by the teams, workloads and models tables (rows of GET /api/v1/spend/breakdown). Each table
 * picks the ones it needs and adds its own; CSV values are the API's exact values (decimal USD, fractions).
 */
type C = Column<BreakdownRow>;
const num = (s: string | null) => (s === null ? null : Number(s));

export function nameColumn(header: string, href: ((r: BreakdownRow) => string) | null): C {
  return {
    id: "name",
    header,
    sort: (r) => r.label.toLowerCase(),
    render: (r) => <span className="name-cell">{r.key === "unattributed" || !href ? r.label : <Link href={href(r)}>{r.label}</Link>}</span>,
    csv: (r) => r.label,
  };
}

export const keyColumn = (header: string): C => ({ id: "key", header, csvOnly: true, render: () => null, csv: (r) => r.key });

/**
 * Spend: in the reporting currency when one is set (`currency`, the response's currency.code; rows then carry
 * `cost`), else USD. The bar and the sort use the USD figure (the same order: one rate per day for all rows).
 */
export function spendColumn(rows: BreakdownRow[], currency = "USD"): C {
  const max = Math.max(0, ...rows.map((r) => Number(r.costUsd)));
  const local = currency !== "USD";
  return {
    id: "spend",
    header: local ? `Spend (${currency})` : "Spend",
    title: local ? `In ${currency}: each day's spend at that day's exchange rate` : undefined,
    numeric: true,
    sort: (r) => Number(r.costUsd),
    render: (r) => <BarCell fraction={max ? Number(r.costUsd) / max : 0}>{spendText(r, currency)}</BarCell>,
    csv: (r) => (local ? (r.cost ?? null) : r.costUsd),
    csvHeader: `Spend (${currency})`,
  };
}

export const changeColumn: C = {
  id: "change",
  header: "Change",
  title: "Change by Rightsize's one comparison rule: a whole month vs the month before, month to date vs last month to the same day and time, other ranges vs the same number of days before (to the same time of day while the range is still filling)",
  numeric: true,
  sort: (r) => r.changeShare,
  render: (r) => (r.changeShare === null ? <span className="muted">new</span> : <span className={r.changeShare > 0.0005 ? "delta-up" : r.changeShare < -0.0005 ? "delta-down" : "muted"}>{signedPct(r.changeShare)}</span>),
  csv: (r) => r.previousCostUsd,
  csvHeader: "Previous period spend (USD)",
};

export const shareColumn: C = { id: "share", header: "Share", numeric: true, sort: (r) => r.spendShare, render: (r) => pct(r.spendShare), csv: (r) => r.spendShare };
export const callsColumn: C = { id: "calls", header: "Calls", numeric: true, sort: (r) => r.requests, render: (r) => count(r.requests), csv: (r) => r.requests };
export const costPer1kColumn: C = {
  id: "per1k",
  header: "Cost / 1k calls",
  numeric: true,
  sort: (r) => num(r.costPer1kCallsUsd),
  render: (r) => usdUnit(r.costPer1kCallsUsd),
  csv: (r) => r.costPer1kCallsUsd,
  csvHeader: "Cost per 1k calls (USD)",
};
export const costPerCallColumn: C = {
  id: "perCall",
  header: "Cost / call",
  numeric: true,
  sort: (r) => num(r.costPer1kCallsUsd),
  render: (r) => (r.costPer1kCallsUsd === null ? "—" : usdUnit(Number(r.costPer1kCallsUsd) / 1000)),
  csv: (r) => (r.costPer1kCallsUsd === null ? null : (Number(r.costPer1kCallsUsd) / 1000).toFixed(9)),
  csvHeader: "Cost per call (USD)",
};
export const pricePerMtokColumn: C = {
  id: "perMtok",
  header: "$ / M tokens",
  title: "Effective price per million tokens (input + output), after caching and batch discounts",
  numeric: true,
  sort: (r) => num(r.pricePerMtokUsd),
  render: (r) => usdUnit(r.pricePerMtokUsd),
  csv: (r) => r.pricePerMtokUsd,
  csvHeader: "Effective price per million tokens (USD)",
};
export const cacheColumn: C = {
  id: "cache",
  header: "Cache hits",
  title: "Cached input tokens as a share of input tokens",
  numeric: true,
  sort: (r) => r.cacheHitShare,
  render: (r) => pct(r.cacheHitShare),
  csv: (r) => r.cacheHitShare,
  csvHeader: "Cached input share",
};
export const frontierColumn: C = {
  id: "frontier",
  header: "Frontier",
  title: "Share of spend on frontier-tier models; the bar shows the tier mix",
  numeric: true,
  sort: (r) => r.frontierSpendShare,
  render: (r) => (
    <div className="bar-cell" style={{ minWidth: 100 }}>
      <span>{pct(r.frontierSpendShare, 0)}</span>
      <ShareBar compact segments={Object.entries(r.tierCostUsd).map(([tier, c]) => ({ key: tier, label: tier, value: Number(c) }))} />
    </div>
  ),
  csv: (r) => r.frontierSpendShare,
  csvHeader: "Frontier spend share",
};
export const tokensColumns: C[] = [
  { id: "input", header: "Input tokens", numeric: true, sort: (r) => r.inputTokens, render: (r) => compact(r.inputTokens), csv: (r) => r.inputTokens },
  { id: "cached", header: "Cached", numeric: true, sort: (r) => r.cachedInputTokens, render: (r) => compact(r.cachedInputTokens), csv: (r) => r.cachedInputTokens },
  { id: "output", header: "Output tokens", numeric: true, sort: (r) => r.outputTokens, render: (r) => compact(r.outputTokens), csv: (r) => r.outputTokens },
];
export const tokensPerCallColumn: C = {
  id: "tokensPerCall",
  header: "Tokens / call",
  title: "Average input → output tokens per call",
  numeric: true,
  sort: (r) => (r.requests ? (r.inputTokens + r.outputTokens) / r.requests : null),
  render: (r) => (r.requests ? `${compact(r.inputTokens / r.requests)} → ${compact(r.outputTokens / r.requests)}` : "—"),
  csv: (r) => (r.requests ? Math.round((r.inputTokens + r.outputTokens) / r.requests) : null),
  csvHeader: "Tokens per call",
};
export const topModelColumn: C = {
  id: "topModel",
  header: "Top model",
  sort: (r) => r.topModel?.label ?? null,
  render: (r) =>
    r.topModel ? (
      // The badge may drop under the name (the cell wraps only there) and a long name ends in an ellipsis (the full
      // name in the tooltip), so the table fits 1280 px without scrolling.
      <span title={`${r.topModel.label}: ${pct(r.topModel.share)} of this row's spend`} style={{ whiteSpace: "normal" }}>
        <span className="model-label">{r.topModel.label}</span> <TierBadge tier={r.topModel.tier} />
      </span>
    ) : (
      "—"
    ),
  csv: (r) => r.topModel?.key ?? null,
};
export const tierColumn: C = {
  id: "tier",
  header: "Tier",
  title: "The model tier; for workloads, the tier with most of the spend",
  sort: (r) => r.tier,
  render: (r) => <TierBadge tier={r.tier} manual={r.tierSource === "manual"} />,
  csv: (r) => r.tier,
};
export const providerColumn: C = { id: "provider", header: "Provider", sort: (r) => r.provider, render: (r) => r.provider, csv: (r) => r.provider };
export const workloadsCountColumn: C = { id: "workloads", header: "Workloads", numeric: true, sort: (r) => r.workloads, render: (r) => count(r.workloads), csv: (r) => r.workloads };
export const modelsCountColumn: C = { id: "models", header: "Models", numeric: true, sort: (r) => r.models, render: (r) => count(r.models), csv: (r) => r.models };

export const unattributedRow = (r: BreakdownRow) => (r.key === "unattributed" ? "unattributed" : undefined);

/** A column still in USD (unit costs) on a page whose reporting currency is another: its header says "(USD)". */
export function inUsd(c: C, currency: string | undefined): C {
  return currency && currency !== "USD" ? { ...c, header: `${c.header} (USD)` } : c;
}
