"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { dimensionsQuery, seriesQuery, spendQuery } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { chartInterval } from "../chart-interval";
import { DateRangePicker } from "../date-range-picker";
import { ModelFilter, Segmented, SelectFilter, TeamFilter, TIER_OPTIONS } from "../controls";
import { DataTable } from "../data-table";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { StackedSpendChart } from "@/components/charts/stacked-spend-chart";
import { spendColumns, valueColumn } from "./dimension-columns";

/** Rows of the value table; values past it are one "(other)" row. */
const TABLE_TOP = 50;

/** What a picked value's spend is broken down by (URL `by`): the tag roll-up keeps both. */
const VALUE_BREAKDOWNS = [
  { value: "workload", label: "Workload" },
  { value: "model", label: "Model" },
];

/**
 * Spend by a promoted tag key (URL: key, value, team, tier, model, range): the spend per value over time (top 8 stacked,
 * the rest as Other, "(none)" always shown) and a table of values. Picking a value shows its spend by workload or
 * by model; the tier and model filters apply to both (tags combine with the model filters, issue 13 §1).
 */
export function DimensionsView() {
  const { range, get, set } = useExplorerParams();
  const dimensions = useQuery(dimensionsQuery());
  const keys = (dimensions.data?.dimensions ?? []).map((d) => d.tagKey);
  const key = keys.find((k) => k === get("key")) ?? keys[0];
  const value = get("value");
  const base = { from: range.from, to: range.to, team: get("team"), tier: get("tier"), model: get("model") };
  const breakdown = VALUE_BREAKDOWNS.find((b) => b.value === get("by")) ?? VALUE_BREAKDOWNS[0];
  const tagFilter = key && value ? { [`tag.${key}`]: value } : {};
  const enabled = key !== undefined;
  const interval = chartInterval(range.from, range.to);
  const series = useQuery({ ...seriesQuery({ ...base, ...tagFilter, interval, stackBy: value ? breakdown.value : `tag:${key}`, top: 8 }), enabled });
  const table = useQuery({ ...spendQuery({ ...base, ...tagFilter, ...(value ? { groupBy: breakdown.value } : { groupBy: `tag:${key}`, top: TABLE_TOP }) }), enabled });

  if (dimensions.error) return <ErrorBox error={dimensions.error} />;
  if (!dimensions.data) return <Loading height={360} />;
  if (!key) {
    return (
      <EmptyState title="No tag dimensions yet">
        <p>
          An administrator promotes tag keys your calls carry (for example <code>customer</code> or <code>feature</code>) in{" "}
          <Link href="/settings?tab=dimensions">Settings › Dimensions</Link>; their history is rolled up right away.
        </p>
      </EmptyState>
    );
  }
  const rows = table.data?.rows ?? [];
  const by = value ? breakdown.value : key;
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <TeamFilter />
        <SelectFilter name="tier" label="Tier" allLabel="All tiers" options={TIER_OPTIONS} />
        <ModelFilter />
        <label className="field">
          Dimension
          {/* A value belongs to its key: changing the key clears it. */}
          <select value={key} onChange={(e) => set({ key: e.target.value === keys[0] ? null : e.target.value, value: null })} aria-label="Dimension">
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {value && (
          <div className="field-inline">
            {key}
            <button type="button" className="btn" onClick={() => set({ value: null })} title={`Clear the ${key} filter`}>
              {value} ✕
            </button>
          </div>
        )}
        {value && <Segmented name="by" label="By" fallback="workload" options={VALUE_BREAKDOWNS} />}
      </div>
      {table.error ? (
        <ErrorBox error={table.error} />
      ) : !table.data ? (
        <Loading height={360} />
      ) : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <div className="card" style={{ marginBottom: 14 }}>
            <div className="card-head">
              <h2>
                {value ? `${key} = ${value}: spend by ${breakdown.label.toLowerCase()}` : `Spend by ${key}`} <span className="hint">per {interval}</span>
              </h2>
            </div>
            {series.error ? <ErrorBox error={series.error} /> : series.data ? <StackedSpendChart data={series.data} /> : <Loading height={300} label="Loading chart" />}
          </div>
          <DataTable
            id="dimension"
            title={<h2>{value ? `${breakdown.label}s of ${key} = ${value}` : `By ${key}`}</h2>}
            columns={[valueColumn(value ? breakdown.label : key, value ? null : (r) => set({ value: r.key })), ...spendColumns(rows, table.data.totals.costUsd)]}
            rows={rows}
            rowKey={(r) => r.key}
            defaultSort={{ column: "spend", desc: true }}
            csvName={`${by.replace(/[^A-Za-z0-9_.-]/g, "-")}-${value ? `${value.replace(/[^A-Za-z0-9_.-]/g, "-")}-` : ""}${range.from}-${range.to}.csv`}
          />
        </>
      )}
    </>
  );
}
