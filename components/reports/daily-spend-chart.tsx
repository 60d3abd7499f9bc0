"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { PartialShade } from "@/components/charts/partial-shade";
import { shortDate, money, moneyAxis } from "@/components/budgets/format";
import { chartGrid, axisTick, axisLine, barCursor, chartColors } from "@/lib/ui/chart-theme";

/** The month's spend per UTC day; days with an anomaly are red; today (still filling) is shaded. */
export function DailySpendChart({ daily, anomalyDays, partialDay = null, currency = "USD" }: { daily: { day: string; costUsd: string; cost?: string }[]; anomalyDays: Set<string>; partialDay?: string | null; currency?: string }) {
  // In the reporting currency when every day converted (the API sends `cost` then), else USD.
  const code = currency !== "USD" && daily.every((d) => d.cost !== undefined) ? currency : "USD";
  const amount = (d: { costUsd: string; cost?: string }) => (code === "USD" ? d.costUsd : d.cost!);
  const rows = daily.map((d) => ({ day: d.day, cost: Number(amount(d)), exact: amount(d) }));
  return (
    <div role="img" aria-label="Spend per day" data-testid="daily-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 0, bottom: 0 }} barCategoryGap="16%">
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="day" tickFormatter={shortDate} tick={axisTick} minTickGap={20} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={(v: number) => moneyAxis(v, code)} tick={axisTick} width={52} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={barCursor}
            content={({ active, payload }) => {
              const row = active && payload?.length ? (payload[0].payload as (typeof rows)[number]) : null;
              return row ? (
                <div className="bg-tooltip">
                  <b>{shortDate(row.day)}</b>
                  {money(row.exact, code)}{code === "USD" && currency !== "USD" ? " USD" : ""}
                  {anomalyDays.has(row.day) && <div className="delta-up">anomaly flagged</div>}
                  {row.day === partialDay && <div className="muted">today: still filling</div>}
                </div>
              ) : null;
            }}
          />
          {partialDay && <PartialShade bucket={partialDay} />}
          <Bar dataKey="cost" isAnimationActive={false} radius={[2, 2, 0, 0]}>
            {rows.map((r) => <Cell key={r.day} fill={anomalyDays.has(r.day) ? chartColors.bad : chartColors.accent} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
