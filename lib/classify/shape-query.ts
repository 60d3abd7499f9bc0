import "server-only";
import { pool } from "@/lib/db/pool";
import { daysInclusive } from "@/lib/forecast/utc-days";
import type { UsageShape } from "./suggest";

/** Calls sampled for percentiles: enough for stable medians and p90s, bounded whatever the volume. */
export const SHAPE_SAMPLE = 5_000;

export interface MeasuredShape extends UsageShape {
  from: string;
  to: string;
  sampledCalls: number;
}

/**
 * A workload's usage shape over the window (both ends inclusive): totals and shares from the usage_shape_daily
 * roll-up (exact), token percentiles from a bounded sample of its latest calls (at most SHAPE_SAMPLE, read from
 * the window's last days first, so a busy workload costs a few days' scan and a quiet one at most the window).
 * Per-call figures divide aggregated records (usage-export rows) by their request count; output percentiles are of
 * the visible answer (reasoning excluded, see suggest.ts). Null without traffic.
 */
export async function measureShape(workloadId: number, window: { from: string; to: string }, teamIds: number[] | null = null): Promise<MeasuredShape | null> {
  // Team scope: a lead measures only their teams' calls of the workload (another team may call it too).
  const totals = await pool().query<{ events: string; input: string; cached: string; output: string; reasoning: string; first_day: string | null; last_day: string | null }>(
    `SELECT COALESCE(sum(requests), 0)::text AS events, COALESCE(sum(input_tokens), 0)::text AS input,
       COALESCE(sum(cached_input_tokens), 0)::text AS cached, COALESCE(sum(output_tokens), 0)::text AS output,
       COALESCE(sum(reasoning_tokens), 0)::text AS reasoning, min(day)::text AS first_day, max(day)::text AS last_day
     FROM usage_shape_daily WHERE workload_id = $1 AND day BETWEEN $2::date AND $3::date AND ($4::int[] IS NULL OR team_id = ANY($4::int[]))`,
    [workloadId, window.from, window.to, teamIds],
  );
  const t = totals.rows[0];
  const calls = Number(t.events);
  if (calls === 0 || !t.last_day || !t.first_day) return null;
  // The sample reads the latest days holding SHAPE_SAMPLE records: a busy workload scans a day or two.
  const days = await pool().query<{ day: string; cum: string }>(
    `SELECT day::text AS day, sum(events) OVER (ORDER BY day DESC)::text AS cum
     FROM (SELECT day, sum(events) AS events FROM usage_shape_daily WHERE workload_id = $1 AND day BETWEEN $2::date AND $3::date
             AND ($4::int[] IS NULL OR team_id = ANY($4::int[])) GROUP BY day) d
     ORDER BY day DESC`,
    [workloadId, window.from, window.to, teamIds],
  );
  const start = (days.rows.find((d) => Number(d.cum) >= SHAPE_SAMPLE) ?? days.rows.at(-1)!).day;
  const sample = await pool().query<{ n: number; in_p: number[] | null; out_p: number[] | null }>(
    `WITH s AS (
       SELECT e.input_tokens::float8 / greatest(e.requests, 1) AS input,
         greatest(e.output_tokens - e.reasoning_tokens, 0)::float8 / greatest(e.requests, 1) AS output
       FROM usage_events e
       WHERE e.workload_id = $1 AND e.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
         AND e.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE 'UTC')
         AND ($4::int[] IS NULL OR e.team_id = ANY($4::int[]))
       LIMIT ${SHAPE_SAMPLE}
     )
     SELECT count(*)::int AS n,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY input) AS in_p,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY output) AS out_p
     FROM s`,
    [workloadId, start, t.last_day, teamIds],
  );
  const s = sample.rows[0];
  const input = Number(t.input);
  const output = Number(t.output);
  const visible = Math.max(0, output - Number(t.reasoning));
  return {
    from: window.from,
    to: window.to,
    sampledCalls: s.n,
    calls,
    callsPerDay: calls / daysInclusive(t.first_day, t.last_day),
    avgInputTokens: input / calls,
    avgOutputTokens: visible / calls,
    p50InputTokens: s.in_p?.[0] ?? input / calls,
    p90InputTokens: s.in_p?.[1] ?? input / calls,
    p50OutputTokens: s.out_p?.[0] ?? visible / calls,
    p90OutputTokens: s.out_p?.[1] ?? visible / calls,
    reasoningShare: output > 0 ? Number(t.reasoning) / output : 0,
    cachedShare: input > 0 ? Number(t.cached) / input : 0,
  };
}
