"use client";
import "./explorer.css";
import { useState } from "react";
import { RANGE_LABELS, RANGE_PRESETS } from "@/lib/analytics/date-range";
import { useExplorerParams } from "./use-explorer-params";
import { longDate } from "./format";

/** Presets (month to date, last month, 7/30/90 days) or a custom from/to; UTC days; kept in the URL. */
export function DateRangePicker() {
  const { range, set } = useExplorerParams();
  const [custom, setCustom] = useState({ from: range.from, to: range.to });
  const choose = (value: string) => {
    if (value === "custom") {
      setCustom({ from: range.from, to: range.to });
      set({ range: null, from: range.from, to: range.to });
    } else {
      set({ range: value === "mtd" ? null : value, from: null, to: null });
    }
  };
  const apply = (next: { from: string; to: string }) => {
    setCustom(next);
    if (next.from && next.to && next.from <= next.to) set({ range: null, from: next.from, to: next.to });
  };
  return (
    <div className="range-picker" role="group" aria-label="Date range">
      <label className="field">
        Date range (UTC)
        <select value={range.preset} onChange={(e) => choose(e.target.value)} aria-label="Date range preset">
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {RANGE_LABELS[p]}
            </option>
          ))}
          <option value="custom">{RANGE_LABELS.custom}…</option>
        </select>
      </label>
      {range.preset === "custom" ? (
        <>
          <label className="field">
            From
            <input type="date" value={custom.from} max={custom.to} onChange={(e) => apply({ ...custom, from: e.target.value })} aria-label="From" />
          </label>
          <label className="field">
            To
            <input type="date" value={custom.to} min={custom.from} onChange={(e) => apply({ ...custom, to: e.target.value })} aria-label="To" />
          </label>
        </>
      ) : (
        <span className="range-dates muted">
          {longDate(range.from)} – {longDate(range.to)}
        </span>
      )}
    </div>
  );
}

