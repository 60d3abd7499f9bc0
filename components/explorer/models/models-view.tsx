"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { useQuery } from "@tanstack/react-query";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { breakdownQuery, modelsQuery } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { DateRangePicker } from "../date-range-picker";
import { Segmented, SelectFilter, TeamFilter, TIER_OPTIONS } from "../controls";
import { DataTable, type Column } from "../data-table";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { SpendChartCard } from "../spend-chart-card";
import { ProviderTierChart } from "@/components/charts/provider-tier-chart";
import * as col from "../breakdown-columns";

const BY_LABEL = { model: "Model", provider: "Provider", tier: "Tier" } as const;

/** Spend, calls, tokens, effective price per million tokens and cache hits by model, provider or tier. */
export function ModelsView() {
  const { range, get, set } = useExplorerParams();
  const by = (["provider", "tier"] as const).find((b) => b === get("by")) ?? "model";
  const filters = { from: range.from, to: range.to, team: get("team"), provider: get("provider"), tier: get("tier"), model: get("model") };
  const table = useQuery(breakdownQuery({ ...filters, by }));
  const models = useQuery(breakdownQuery({ ...filters, by: "model" }));
  const catalogue = useSharedQuery(modelsQuery());
  const providers = [...new Set((catalogue.data?.models ?? []).map((m) => m.provider))].sort();
  const rows = table.data?.rows ?? [];
  const columns: Column<BreakdownRow>[] = [
    col.keyColumn(`${BY_LABEL[by]} key`),
    by === "model"
      ? col.nameColumn("Model", null)
      : {
          id: "name",
          header: BY_LABEL[by],
          sort: (r) => r.label,
          // A provider or tier row narrows the view to its models.
          render: (r) => (
            <button type="button" className="btn link" onClick={() => set({ [by]: r.key, by: null })} title={`Show the models of ${r.label}`}>
              {r.label}
            </button>
          ),
          csv: (r) => r.label,
        },
    ...(by === "model"
      ? [col.providerColumn, col.tierColumn]
      : []),
    col.spendColumn(rows, table.data?.currency.code),
    col.changeColumn,
    col.callsColumn,
    ...col.tokensColumns.filter((c) => c.id !== "cached"),
    col.inUsd(col.pricePerMtokColumn, table.data?.currency.code),
    col.cacheColumn,
    col.inUsd(col.costPer1kColumn, table.data?.currency.code),
    ...(by === "model" ? [] : [col.modelsCountColumn]),
  ];
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <TeamFilter />
        <SelectFilter name="provider" label="Provider" allLabel="All providers" options={providers.map((p) => ({ value: p, label: p }))} />
        <SelectFilter name="tier" label="Tier" allLabel="All tiers" options={TIER_OPTIONS} />
        {get("model") && (
          <div className="field-inline">
            Model
            <button type="button" className="btn" onClick={() => set({ model: null })} title="Clear the model filter">
              {get("model")} ✕
            </button>
          </div>
        )}
      </div>
      {table.error ? (
        <ErrorBox error={table.error} />
      ) : !table.data ? (
        <Loading height={360} />
      ) : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <div className="grid two">
            <SpendChartCard title="Spend" filters={filters} stacks={["tier", "provider", "model"]} />
            <div className="card">
              <div className="card-head">
                <h2>By provider and tier</h2>
                <span className="hint">tiers are editable in Settings › Model tiers</span>
              </div>
              {models.data ? <ProviderTierChart models={models.data.rows} /> : <Loading height={200} />}
            </div>
          </div>
          <DataTable
            id="models"
            title={
              <div className="card-head" style={{ marginBottom: 0 }}>
                <h2>By {BY_LABEL[by].toLowerCase()}</h2>
                <Segmented name="by" label="Group by" fallback="model" options={[{ value: "model", label: "Model" }, { value: "provider", label: "Provider" }, { value: "tier", label: "Tier" }]} />
              </div>
            }
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            defaultSort={{ column: "spend", desc: true }}
            csvName={`${by}s-${range.from}-${range.to}.csv`}
          />
        </>
      )}
    </>
  );
}
