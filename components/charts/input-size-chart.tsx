"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TokensResponse } from "@/lib/analytics/tokens-query";
import { compact, count, pct } from "@/components/explorer/format";
import { chartGrid, axisTick, axisLine, chartColors, categorical, legendText } from "@/lib/ui/chart-theme";

/** Below this share of calls an input-size bucket is a stray outlier: trimmed from the ends of the chart. */
const MIN_EDGE_SHARE = 0.002;

/** Calls by input size (bars, left axis) with the average output tokens of each size (line, right axis). */
export function InputSizeChart({ data, height = 260 }: { data: TokensResponse; height?: number }) {
  const all = data.byInputSize.map((b) => ({ ...b, label: b.to === null ? `${compact(b.from)}+` : `${compact(b.from)}–${compact(b.to)}` }));
  let start = 0;
  let end = all.length;
  while (start < end && all[start].share < MIN_EDGE_SHARE) start++;
  while (end > start && all[end - 1].share < MIN_EDGE_SHARE) end--;
  const rows = all.slice(start, end);
  const trimmed = all.length - rows.length;
  return (
    <div className="chart" data-testid="input-size-chart" role="img" aria-label="Calls by input size, with average output tokens">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 4, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} {...chartGrid} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} interval="preserveStartEnd" />
          <YAxis yAxisId="calls" tickFormatter={(v) => `${Number((Number(v) * 100).toFixed(1))}%`} tick={axisTick} width={44} tickLine={false} axisLine={false} />
          <YAxis yAxisId="tokens" orientation="right" tickFormatter={(v) => compact(Number(v))} tick={axisTick} width={44} tickLine={false} axisLine={false} />
          <Tooltip
            content={({ active, payload }) => {
              if (!active || !payload?.length) return null;
              const b = payload[0].payload as (typeof rows)[number];
              return (
                <div className="chart-tooltip">
                  <b>{b.label} input tokens</b>
                  <div>
                    {count(b.calls)} calls ({pct(b.share)})
                  </div>
                  <div>
                    avg input {count(b.avgInput)} ({count(b.avgCachedInput)} cached) → output {count(b.avgOutput)}
                  </div>
                </div>
              );
            }}
          />
          <Legend formatter={(v) => <span style={legendText}>{v}</span>} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="calls" dataKey="share" name="Share of calls" fill={chartColors.accent} isAnimationActive={false} radius={[3, 3, 0, 0]} />
          <Line yAxisId="tokens" dataKey="avgOutput" name="Avg output tokens (right)" stroke={categorical(3)} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      {trimmed > 0 && <p className="muted" style={{ fontSize: 11, margin: "2px 0 0" }}>{trimmed} sparse size bucket{trimmed === 1 ? "" : "s"} at the edges (under 0.2% of calls each) not drawn.</p>}
    </div>
  );
}
