"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLine, axisTick, categoryTick, chartColors, chartGrid } from "@/lib/ui/chart-theme";
import type { CommitmentPlan } from "@/lib/commitments/commitment-schema";
import { compact } from "@/components/explorer/format";

const LOAD = chartColors.accent;
const AFTER = chartColors.good;
const CAPACITY = chartColors.bad;
const BREAK_EVEN = chartColors.warn;

/** The model's load per UTC hour against the reserved capacity (and the break-even load), before and after the scenario. */
export function LoadCurveChart({ plan, height = 260 }: { plan: CommitmentPlan; height?: number }) {
  const rows = plan.hourly.map((h) => ({ hour: h.hour.slice(5, 13).replace("T", " "), load: h.tokensPerMinute, after: h.afterTokensPerMinute }));
  const cap = plan.offer.capacityTokensPerMinute;
  // The axis reaches the capacity and the break-even load, so both lines show even when the load stays far below.
  const peak = Math.max(cap, plan.breakEven.tokensPerMinute ?? 0, ...plan.hourly.map((h) => Math.max(h.tokensPerMinute, h.afterTokensPerMinute ?? 0)));
  return (
    <div role="img" aria-label={`Hourly load of ${plan.model} against a capacity of ${cap} tokens per minute`} data-testid="load-curve-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 10, right: 16, left: 4, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="hour" tick={axisTick} minTickGap={40} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={(v: number) => compact(v)} tick={axisTick} width={52} tickLine={false} axisLine={false} domain={[0, Math.ceil(peak * 1.08)]} />
          <Tooltip formatter={(v) => `${compact(Number(v))} tokens/min`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line name="Load now" dataKey="load" stroke={LOAD} strokeWidth={1.4} dot={false} isAnimationActive={false} />
          {plan.afterScenario ? <Line name="After scenario" dataKey="after" stroke={AFTER} strokeWidth={1.4} dot={false} isAnimationActive={false} /> : null}
          <ReferenceLine y={cap} stroke={CAPACITY} strokeDasharray="5 4" strokeWidth={1.5} label={{ value: `Capacity ${compact(cap)}/min`, position: "insideTopLeft", fontSize: 11, fill: CAPACITY }} />
          {plan.breakEven.tokensPerMinute !== null ? (
            <ReferenceLine y={plan.breakEven.tokensPerMinute} stroke={BREAK_EVEN} strokeDasharray="2 3" label={{ value: `Break-even ${compact(plan.breakEven.tokensPerMinute)}/min`, position: "insideBottomRight", fontSize: 11, fill: BREAK_EVEN }} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Cost over the term of both options (estimates): pay-as-you-go vs the commitment (price + overflow), now and after the scenario. */
export function OptionCostChart({ plan, height = 220 }: { plan: CommitmentPlan; height?: number }) {
  const rows = [
    { option: "Now", payg: Number(plan.current.term.paygUsd), commit: Number(plan.current.term.commitUsd) },
    ...(plan.afterScenario ? [{ option: "After scenario", payg: Number(plan.afterScenario.term.paygUsd), commit: Number(plan.afterScenario.term.commitUsd) }] : []),
  ];
  const money = (v: number) => `$${compact(v)}`;
  return (
    <div role="img" aria-label="Cost over the term of pay-as-you-go and the commitment (estimates)" data-testid="option-cost-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 10, right: 16, left: 4, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="option" tick={categoryTick} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={money} tick={axisTick} width={56} tickLine={false} axisLine={false} />
          <Tooltip formatter={(v) => `$${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} (estimate)`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar name="Pay-as-you-go" dataKey="payg" fill={LOAD} isAnimationActive={false} />
          <Bar name="Commitment (price + overflow)" dataKey="commit" fill={CAPACITY} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
