"use client";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BudgetOut } from "@/lib/budgets/budget-schema";
import { money as moneyIn, moneyAxis, niceMax, shortDate } from "./format";
import { chartGrid, axisTick, axisLine, chartColors } from "@/lib/ui/chart-theme";

const ACTUAL = chartColors.accent;
const FORECAST = chartColors.band;
const BUDGET = chartColors.bad;

/**
 * Burn-down of one budget: cumulative spend so far (solid), the forecast to the period's end (dashed) inside its
 * likely range (band), against the budget amount (red line). Today is marked.
 */
export function BurnDownChart({ budget, height = 220 }: { budget: BudgetOut; height?: number }) {
  // Plotted in the budget's currency (the points' actual/forecast fields); numbers only for the chart's geometry.
  const c = budget.currency;
  const usd = (d: string) => moneyIn(d, c);
  const usdAxis = (v: number) => moneyAxis(v, c);
  const amount = Number(budget.amount);
  const rows = (budget.series ?? []).map((p) => ({
    day: p.day,
    actual: p.actual === null ? null : Number(p.actual),
    forecast: p.forecast === null ? null : Number(p.forecast),
    range: p.forecastLow === null || p.forecastHigh === null ? null : [Number(p.forecastLow), Number(p.forecastHigh)],
  }));
  const peak = Math.max(amount, ...rows.map((r) => Math.max(r.actual ?? 0, r.range?.[1] ?? 0)));
  return (
    <div className="bg-chart" role="img" aria-label={`Burn-down of ${budget.label}: ${usd(budget.spent)} spent of ${usd(budget.amount)}, forecast ${usd(budget.forecast)}`} data-testid="burn-down-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 18, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="day" tickFormatter={shortDate} tick={axisTick} minTickGap={28} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={usdAxis} tick={axisTick} width={52} tickLine={false} axisLine={false} domain={[0, niceMax(peak * 1.05)]} />
          <Tooltip content={({ active, payload, label }) => (active && payload?.length ? <ChartTooltip row={payload[0].payload as (typeof rows)[number]} day={String(label)} amount={budget.amount} currency={c} /> : null)} />
          <Area dataKey="range" stroke="none" fill={FORECAST} fillOpacity={0.14} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine y={amount} stroke={BUDGET} strokeDasharray="5 4" strokeWidth={1.5} label={{ value: `Budget ${usdAxis(amount)}`, position: "insideTopLeft", fontSize: 11, fill: BUDGET }} />
          <ReferenceLine x={budget.today} stroke={chartColors.reference} strokeDasharray="2 3" label={{ value: "today", position: "top", fontSize: 10, fill: chartColors.tick }} />
          <Line dataKey="actual" stroke={ACTUAL} strokeWidth={2.2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="forecast" stroke={FORECAST} strokeWidth={1.8} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <div className="bg-legend">
        <span><i className="bg-swatch" style={{ background: ACTUAL }} /> Spent (cumulative)</span>
        <span style={{ color: FORECAST }}><i className="bg-swatch dashed" /> Forecast</span>
        <span><i className="bg-swatch band" style={{ background: FORECAST }} /> Likely range</span>
        <span style={{ color: BUDGET }}><i className="bg-swatch dashed" /> Budget</span>
      </div>
    </div>
  );
}

function ChartTooltip({ row, day, amount, currency }: { row: { actual: number | null; forecast: number | null; range: number[] | null }; day: string; amount: string; currency: string }) {
  // Display only: the point's figure (a 2-decimal string from the API) back to text.
  const money = (v: number) => moneyIn(v.toFixed(2), currency);
  const usd = (d: string) => moneyIn(d, currency);
  return (
    <div className="bg-tooltip">
      <b>{shortDate(day)}</b>
      {row.actual !== null && <div className="bg-tt-row"><span>Spent so far</span><span>{money(row.actual)}</span></div>}
      {row.forecast !== null && row.actual === null && <div className="bg-tt-row"><span>Forecast</span><span>{money(row.forecast)}</span></div>}
      {row.range && row.actual === null && <div className="bg-tt-row"><span>Likely range</span><span>{money(row.range[0])} – {money(row.range[1])}</span></div>}
      <div className="bg-tt-row muted"><span>Budget</span><span>{usd(amount)}</span></div>
    </div>
  );
}
