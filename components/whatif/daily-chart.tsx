"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WhatIfResponse } from "@/lib/whatif/response";
import { shortDate, usd, usdCompact } from "./format";
import { chartGrid, axisTick, axisLine, chartColors, legendText } from "@/lib/ui/chart-theme";

/** Daily cost, recorded (baseline) vs under the scenario (point estimate). */
export function DailyChart({ daily, height = 260 }: { daily: WhatIfResponse["daily"]; height?: number }) {
  const rows = daily.map((d) => ({ day: d.day, baseline: Number(d.baselineUsd), scenario: Number(d.scenarioUsd), b: d.baselineUsd, s: d.scenarioUsd }));
  return (
    <div role="img" aria-label="Daily cost: baseline vs scenario" data-testid="whatif-daily-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="day" tickFormatter={shortDate} tick={axisTick} minTickGap={24} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={usdCompact} tick={axisTick} width={56} tickLine={false} axisLine={false} />
          <Tooltip
            content={({ active, payload, label }) =>
              active && payload?.length ? (
                <div className="wi-tooltip">
                  <b>{shortDate(String(label))}</b>
                  <div>Baseline {usd((payload[0].payload as { b: string }).b)}</div>
                  <div>Scenario {usd((payload[0].payload as { s: string }).s)}</div>
                </div>
              ) : null
            }
          />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} formatter={(v) => <span style={legendText}>{v === "baseline" ? "Baseline (recorded)" : "Scenario"}</span>} />
          <Line type="monotone" dataKey="baseline" stroke={chartColors.baseline} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="scenario" stroke={chartColors.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
