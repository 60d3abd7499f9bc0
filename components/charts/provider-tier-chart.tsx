"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { TIER_COLORS } from "./palette";
import { usd, usdCompact } from "@/components/explorer/format";
import { chartGrid, axisTick, categoryTick, axisLine, barCursor, defaultTooltipStyle, legendText } from "@/lib/ui/chart-theme";

const TIERS = ["frontier", "mid", "small", "unknown"];

/** Spend per provider, split by model tier (horizontal stacked bars), from model rows of the breakdown. */
export function ProviderTierChart({ models }: { models: BreakdownRow[] }) {
  const byProvider = new Map<string, Record<string, number>>();
  for (const m of models) {
    const p = m.provider ?? "unknown";
    const row = byProvider.get(p) ?? {};
    row[m.tier ?? "unknown"] = (row[m.tier ?? "unknown"] ?? 0) + Number(m.costUsd);
    byProvider.set(p, row);
  }
  const rows = [...byProvider.entries()]
    .map(([provider, tiers]) => ({ provider, total: TIERS.reduce((s, t) => s + (tiers[t] ?? 0), 0), ...tiers }))
    .sort((a, b) => b.total - a.total);
  const used = TIERS.filter((t) => rows.some((r) => (r as Record<string, number | string>)[t]));
  return (
    <div className="chart" data-testid="provider-tier-chart" role="img" aria-label="Spend per provider by model tier">
      <ResponsiveContainer width="100%" height={Math.max(140, 48 * rows.length + 50)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid horizontal={false} {...chartGrid} />
          <XAxis type="number" tickFormatter={usdCompact} tick={axisTick} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="provider" tick={categoryTick} width={90} tickLine={false} axisLine={false} />
          <Tooltip {...defaultTooltipStyle} formatter={(v, name) => [usd(Number(v)), String(name)]} cursor={barCursor} />
          <Legend formatter={(v) => <span style={legendText}>{v}</span>} iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => TIERS.indexOf(String(item.dataKey))} />
          {used.map((t) => (
            <Bar key={t} dataKey={t} name={t} stackId="tier" fill={TIER_COLORS[t]} isAnimationActive={false} barSize={22} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
