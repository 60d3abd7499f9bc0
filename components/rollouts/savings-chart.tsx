"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RolloutDetail } from "@/lib/rollouts/rollout-schema";
import { usdAxis } from "@/components/charts/usd-axis";
import { shortDate, usd } from "@/components/whatif/format";
import { chartGrid, axisTick, axisLine, chartColors, legendText } from "@/lib/ui/chart-theme";

/** Per day: what the calls would have cost on the old mix (grey) vs what they cost (blue), and the predicted saving line. */
export function SavingsChart({ byDay, height = 260 }: { byDay: RolloutDetail["byDay"]; height?: number }) {
  const rows = byDay.map((d) => ({
    day: d.day,
    counterfactual: Number(d.counterfactualUsd),
    actual: Number(d.actualUsd),
    realised: Number(d.realisedSavingUsd),
    predicted: d.predictedSavingUsd === null ? null : Number(d.predictedSavingUsd),
    raw: d,
  }));
  return (
    <div role="img" aria-label="Daily cost: counterfactual vs actual, and realised vs predicted saving" data-testid="rollout-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="day" tickFormatter={shortDate} tick={axisTick} minTickGap={24} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={usdAxis} tick={axisTick} width={56} tickLine={false} axisLine={false} />
          <Tooltip
            content={({ active, payload, label }) => {
              if (!active || !payload?.length) return null;
              const d = (payload[0].payload as (typeof rows)[number]).raw;
              return (
                <div className="wi-tooltip">
                  <b>{shortDate(String(label))}</b> · {d.calls.toLocaleString("en-US")} calls
                  <div>On the old mix {usd(d.counterfactualUsd)}</div>
                  <div>Actual {usd(d.actualUsd)}</div>
                  <div>Realised saving {usd(d.realisedSavingUsd)}</div>
                  {d.predictedSavingUsd !== null && <div>Predicted saving {usd(d.predictedSavingUsd)}</div>}
                </div>
              );
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(v) => <span style={legendText}>{({ counterfactual: "Cost on the old model mix", actual: "Actual cost", realised: "Realised saving", predicted: "Predicted saving" })[v as string] ?? v}</span>}
          />
          <Bar dataKey="counterfactual" fill={chartColors.other} isAnimationActive={false} />
          <Bar dataKey="actual" fill={chartColors.accent} isAnimationActive={false} />
          <Line type="monotone" dataKey="realised" stroke={chartColors.good} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="predicted" stroke={chartColors.warn} strokeDasharray="5 4" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
