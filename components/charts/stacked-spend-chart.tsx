"use client";
import { useState } from "react";
import type { SeriesResponse } from "@/lib/analytics/series-query";
import { seriesColor } from "./palette";
import { niceTicks, tickEvery } from "./scale";
import { shortDate } from "@/components/explorer/format";
import { money, moneyAxis } from "@/lib/ui/money";
import { chartColors, legendText } from "@/lib/ui/chart-theme";

const Y_AXIS = 56;
const TOP = 8;
const X_AXIS = 24;

/**
 * Spend per day (week, month) as stacked bars, one colour per series, with a tooltip listing every series.
 * Plain SVG (no Recharts): it needs no measurement, so the server renders it with the page and the bars are on
 * screen at first paint, before any JavaScript runs (issue 17.2: Recharts 3 draws nothing on the server, and its
 * first draw waited for hydration and several layout passes). Horizontal positions are percentages of the plot's
 * width, so it fits any width without a resize observer; only the tooltip needs JavaScript.
 */
export function StackedSpendChart({ data, height = 300 }: { data: SeriesResponse; height?: number }) {
  const [hover, setHover] = useState<{ index: number; left: number; flip: boolean } | null>(null);
  // In the reporting currency when the API converted every bucket (each day at its rate), else USD.
  const code = data.currency && data.points.length > 0 && data.points.every((p) => p.valuesInCurrency) ? data.currency : "USD";
  const rows = data.points.map((p) => ({
    bucket: p.bucket,
    total: code === "USD" ? p.costUsd : p.cost!,
    values: Object.fromEntries(Object.entries(code === "USD" ? p.values : p.valuesInCurrency!).map(([k, v]) => [k, Number(v)])),
  }));
  const usd = (v: string) => money(v, code);
  const usdCompact = (v: number) => moneyAxis(v, code);
  const labels = Object.fromEntries(data.series.map((s) => [s.key, s.label]));
  const colors = Object.fromEntries(data.series.map((s, i) => [s.key, seriesColor(s.key, i, data.stackBy)]));
  const legend = data.series.length > 1;
  const plotHeight = height - TOP - X_AXIS - (legend ? 24 : 0);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => data.series.reduce((s, x) => s + Math.max(0, r.values[x.key] ?? 0), 0))));
  const top = ticks[ticks.length - 1];
  const y = (v: number) => TOP + plotHeight - (top > 0 ? (v / top) * plotHeight : 0);
  const n = rows.length;
  const band = n > 0 ? 100 / n : 100;
  // The gap between bars: 18% of a bucket on each side, a sliver when there are many buckets.
  const gap = n > 60 ? band * 0.08 : band * 0.18;
  const pctX = (x: number) => `${x}%`;
  const every = tickEvery(n);
  const partialIndex = data.partialBucket ? rows.findIndex((r) => r.bucket === data.partialBucket) : -1;
  const hovered = hover ? rows[hover.index] : null;

  const onMove = (e: React.MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (n === 0 || box.width === 0) return;
    const index = Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * n)));
    const left = Y_AXIS + e.clientX - box.left;
    setHover({ index, left, flip: e.clientX - box.left > box.width * 0.6 });
  };

  return (
    <div
      className="chart stacked-chart"
      data-testid="spend-chart"
      role="img"
      aria-label={`Spend per ${data.interval} stacked by ${data.stackBy}, in ${code}`}
      data-currency={code}
      style={{ position: "relative" }}
    >
      <div style={{ display: "flex", paddingRight: 8 }}>
        <svg width={Y_AXIS} height={TOP + plotHeight + X_AXIS} style={{ flex: "none", overflow: "visible" }} aria-hidden="true">
          {ticks.map((t) => (
            <text key={t} x={Y_AXIS - 8} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill={chartColors.tick}>
              {usdCompact(t)}
            </text>
          ))}
        </svg>
        <svg
          width="100%"
          height={TOP + plotHeight + X_AXIS}
          style={{ flex: "1 1 auto", minWidth: 0, overflow: "visible" }}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
          aria-hidden="true"
        >
          {ticks.map((t) => (
            <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke={chartColors.grid} />
          ))}
          {partialIndex >= 0 && (
            <g>
              <rect x={pctX(partialIndex * band)} width={pctX((n - partialIndex) * band)} y={TOP} height={plotHeight} fill={chartColors.partial} fillOpacity={0.14} />
              <text x={pctX((partialIndex + (n - partialIndex) / 2) * band)} y={TOP + 12} textAnchor="middle" fontSize={10} fill={chartColors.tick}>
                partial
              </text>
            </g>
          )}
          {hover && <rect x={pctX(hover.index * band)} width={pctX(band)} y={TOP} height={plotHeight} fill={chartColors.cursor} />}
          {rows.map((r, i) => {
            let base = 0;
            return (
              <g key={r.bucket}>
                {data.series.map((s) => {
                  const v = Math.max(0, r.values[s.key] ?? 0);
                  if (v === 0) return null;
                  const y0 = y(base);
                  base += v;
                  const y1 = y(base);
                  return <rect key={s.key} className="spend-bar" x={pctX(i * band + gap)} width={pctX(band - 2 * gap)} y={y1} height={Math.max(0, y0 - y1)} fill={colors[s.key]} />;
                })}
              </g>
            );
          })}
          <line x1="0" x2="100%" y1={TOP + plotHeight} y2={TOP + plotHeight} stroke={chartColors.axis} />
          {rows.map((r, i) =>
            i % every === 0 ? (
              <text key={r.bucket} x={pctX((i + 0.5) * band)} y={TOP + plotHeight + 16} textAnchor="middle" fontSize={11} fill={chartColors.tick}>
                {shortDate(r.bucket)}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      {legend && (
        <div className="chart-legend" style={{ display: "flex", flexWrap: "wrap", justifyContent: "center", gap: "2px 12px", fontSize: 12 }}>
          {/* Series order (biggest first, "Other" last), not alphabetical. */}
          {data.series.map((s) => (
            <span key={s.key} style={legendText}>
              <span className="swatch" style={{ background: colors[s.key] }} />
              {s.label}
            </span>
          ))}
        </div>
      )}
      {hover && hovered && (
        <div
          className="chart-tooltip"
          style={{ position: "absolute", top: TOP, pointerEvents: "none", zIndex: 2, ...(hover.flip ? { right: `calc(100% - ${hover.left - 12}px)` } : { left: hover.left + 12 }) }}
        >
          <b>
            {data.interval === "week" ? "Week of " : ""}
            {shortDate(hovered.bucket)}
          </b>
          <div className="tt-total">{usd(String(hovered.total))}</div>
          {hovered.bucket === data.partialBucket && <div className="muted">still filling: not a complete {data.interval}</div>}
          {[...data.series]
            .reverse()
            .filter((s) => (hovered.values[s.key] ?? 0) > 0)
            .map((s) => (
              <div key={s.key} className="tt-row">
                <span className="swatch" style={{ background: colors[s.key] }} />
                <span>{labels[s.key] ?? s.key}</span>
                <span className="num">{usdCompact(hovered.values[s.key])}</span>
              </div>
            ))}
        </div>
      )}
    </div>
  );
}
