"use client";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesResponse } from "@/lib/analytics/series-query";
import { seriesColor } from "./palette";
import { shortDate } from "@/components/explorer/format";
import { money, moneyAxis } from "@/lib/ui/money";
import { chartGrid, axisTick, axisLine, barCursor, chartColors, legendText } from "@/lib/ui/chart-theme";

/** Spend per day (week, month) as stacked bars, one colour per series, with a tooltip listing every series. */
export function StackedSpendChart({ data, height = 300 }: { data: SeriesResponse; height?: number }) {
  // In the reporting currency when the API converted every bucket (each day at its rate), else USD.
  const code = data.currency && data.points.length > 0 && data.points.every((p) => p.valuesInCurrency) ? data.currency : "USD";
  const rows = data.points.map((p) => ({
    bucket: p.bucket,
    total: code === "USD" ? p.costUsd : p.cost!,
    ...Object.fromEntries(Object.entries(code === "USD" ? p.values : p.valuesInCurrency!).map(([k, v]) => [k, Number(v)])),
  }));
  const usd = (v: string) => money(v, code);
  const usdCompact = (v: number) => moneyAxis(v, code);
  const labels = Object.fromEntries(data.series.map((s) => [s.key, s.label]));
  // Legend in series order (biggest first, "Other" last), not alphabetical.
  const order = new Map(data.series.map((s, i) => [s.key, i]));
  return (
    <div className="chart" data-testid="spend-chart" role="img" aria-label={`Spend per ${data.interval} stacked by ${data.stackBy}, in ${code}`} data-currency={code}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 900, height }}>
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 0, bottom: 0 }} barCategoryGap={rows.length > 60 ? 1 : "18%"}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="bucket" tickFormatter={shortDate} tick={axisTick} minTickGap={24} tickLine={false} axisLine={axisLine} />
          <YAxis tickFormatter={usdCompact} tick={axisTick} width={56} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={barCursor}
            content={({ active, payload, label }) =>
              active && payload?.length ? (
                <div className="chart-tooltip">
                  <b>
                    {data.interval === "week" ? "Week of " : ""}
                    {shortDate(String(label))}
                  </b>
                  <div className="tt-total">{usd(String((payload[0].payload as { total: string }).total))}</div>
                  {label === data.partialBucket && <div className="muted">still filling: not a complete {data.interval}</div>}
                  {[...payload].reverse().filter((p) => Number(p.value) > 0).map((p) => (
                    <div key={String(p.dataKey)} className="tt-row">
                      <span className="swatch" style={{ background: p.color }} />
                      <span>{labels[String(p.dataKey)] ?? String(p.dataKey)}</span>
                      <span className="num">{usdCompact(Number(p.value))}</span>
                    </div>
                  ))}
                </div>
              ) : null
            }
          />
          {data.series.length > 1 && <Legend formatter={(key) => <span style={legendText}>{labels[String(key)] ?? key}</span>} itemSorter={(item) => order.get(String(item.dataKey)) ?? 99} iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />}
          {data.partialBucket && <PartialShade bucket={data.partialBucket} last={rows[rows.length - 1]?.bucket} />}
          {data.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.key} stackId="spend" fill={seriesColor(s.key, i, data.stackBy)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Shades the bucket still filling (today, this week, this month) so nobody reads it as a complete one. */
export function PartialShade({ bucket, last }: { bucket: string; last?: string }) {
  return <ReferenceArea x1={bucket} x2={last ?? bucket} fill={chartColors.partial} fillOpacity={0.14} stroke="none" ifOverflow="extendDomain" label={{ value: "partial", position: "insideTop", fontSize: 10, fill: chartColors.tick }} />;
}
