"use client";
import "@/components/explorer/explorer.css";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { money, moneyAxis, signedMoney } from "@/lib/ui/money";
import { signedUsd, waterfallSteps, type ChangeFields, type WaterfallStep } from "@/lib/change/waterfall-steps";
import { chartGrid, axisTick, categoryTick, axisLine, barCursor, chartColors, tierColors } from "@/lib/ui/chart-theme";

const COLORS: Record<WaterfallStep["kind"], string> = { total: chartColors.accent, up: tierColors.frontier, down: tierColors.small, zero: chartColors.other };


/**
 * From the base period's spend to the current one: a bar per part of the change (red raises spend, green lowers
 * it), each floating from where the previous one ended, amounts written on the bars.
 */
export function WaterfallChart({ change, labels, height = 280, currency = "USD" }: { change: ChangeFields; labels: { base: string; current: string }; height?: number; currency?: string }) {
  // `currency`: the amounts of `change` are in it (the *Usd field names are the chart's shape, see report-display.ts).
  const steps = waterfallSteps(change, labels);
  const usd = (v: string) => money(v, currency);
  const usdAxis = (v: number) => moneyAxis(v, currency);
  const signed = (s: WaterfallStep) => (currency === "USD" ? signedUsd(s) : s.kind === "total" ? money(s.amountUsd, currency) : signedMoney(s.amountUsd, currency));
  return (
    <div className="chart" data-testid="waterfall-chart" role="img" aria-label={`Change of spend from ${labels.base} (${usd(change.baseUsd)}) to ${labels.current} (${usd(change.currentUsd)})`}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 900, height }}>
        <BarChart data={steps} margin={{ top: 22, right: 8, left: 0, bottom: 0 }} barCategoryGap="22%">
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="name" tick={categoryTick} interval={0} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={usdAxis} tick={axisTick} width={60} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={barCursor}
            content={({ active, payload }) => {
              const s = active && payload?.length ? (payload[0].payload as WaterfallStep) : null;
              return s ? (
                <div className="chart-tooltip">
                  <b>{s.name}</b>
                  <div className="tt-total">{signed(s)}</div>
                </div>
              ) : null;
            }}
          />
          <Bar dataKey="offset" stackId="w" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="height" stackId="w" isAnimationActive={false} minPointSize={2}>
            {steps.map((s) => (
              <Cell key={s.name} fill={COLORS[s.kind]} />
            ))}
            <LabelList dataKey="amountUsd" position="top" content={({ x, y, width, index }) => (
              <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={12} fontWeight={600} fill={steps[index ?? 0].kind === "total" ? chartColors.ink : COLORS[steps[index ?? 0].kind]}>
                {signed(steps[index ?? 0])}
              </text>
            )} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
