"use client";
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLine, axisTick, chartColors, chartGrid } from "@/lib/ui/chart-theme";
import type { UnitCostResponse } from "@/lib/metrics/unit-cost-schema";
import { currencyPrefix } from "@/lib/money";
import { moneyUnit } from "@/lib/ui/money";

const PER_UNIT = chartColors.accent;
const UNITS = chartColors.band;

/** Cost per unit over time (line, left axis) over the metric's units (bars, right axis). Periods without a value leave a gap. */
export function UnitCostChart({ data, height = 260 }: { data: UnitCostResponse; height?: number }) {
  // In the reporting currency when the API converted (each day at its rate), else USD.
  const code = data.currency ?? "USD";
  const perOf = (p: (typeof data.points)[number]) => (code === "USD" ? p.costPerUnitUsd : (p.costPerUnit ?? null));
  const spendOf = (p: (typeof data.points)[number]) => (code === "USD" ? p.costUsd : p.cost!);
  const usdUnit = (v: string | null) => moneyUnit(v, code);
  const rows = data.points.map((p) => ({ period: p.period, perUnit: perOf(p) === null ? null : Number(perOf(p)), units: p.units === null ? 0 : Number(p.units), raw: p }));
  const sym = currencyPrefix(code);
  const money = (v: number) => (v === 0 ? `${sym}0` : `${sym}${v >= 100 ? v.toFixed(0) : Number(v.toPrecision(2))}`);
  return (
    <div role="img" aria-label={`Cost per ${data.name}: ${usdUnit(code === "USD" ? data.total.costPerUnitUsd : (data.total.costPerUnit ?? null))} over the range`} data-testid="unit-cost-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="period" tick={axisTick} minTickGap={28} tickLine={false} axisLine={axisLine} />
          <YAxis yAxisId="usd" tickFormatter={money} tick={axisTick} width={56} tickLine={false} axisLine={false} />
          <YAxis yAxisId="units" orientation="right" tick={axisTick} width={48} tickLine={false} axisLine={false} />
          <Tooltip
            content={({ active, payload }) => {
              if (!active || !payload?.length) return null;
              const p = (payload[0].payload as (typeof rows)[number]).raw;
              return (
                <div className="chart-tooltip">
                  <b>{p.period}</b>
                  <div>Per unit: {perOf(p) === null ? "no value sent" : usdUnit(perOf(p))}</div>
                  <div>Spend: {usdUnit(spendOf(p))}</div>
                  <div>Units: {p.units ?? "—"}</div>
                </div>
              );
            }}
          />
          <Bar yAxisId="units" dataKey="units" fill={UNITS} fillOpacity={0.45} isAnimationActive={false} />
          <Line yAxisId="usd" dataKey="perUnit" stroke={PER_UNIT} strokeWidth={2.2} dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <div className="uc-legend">
        <span><i style={{ background: PER_UNIT }} /> Cost per unit (left)</span>
        <span><i style={{ background: UNITS, opacity: 0.45 }} /> Units sent (right)</span>
      </div>
    </div>
  );
}
