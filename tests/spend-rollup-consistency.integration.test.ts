import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { pool } from "@/lib/db/pool";
import { Rng } from "@/lib/demo/rng";
import { GROUP_BYS, type GroupBy } from "@/lib/analytics/spend-query";
import { BREAKDOWN_BYS } from "@/lib/analytics/breakdown";
import { addDays } from "@/lib/analytics/dates";
import { usdToNanos } from "@/lib/money";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as getBreakdown } from "@/app/api/v1/spend/breakdown/route";
import { GET as getSeries } from "@/app/api/v1/spend/series/route";

useTestDatabase();

/**
 * The dashboards read roll-ups; these must say exactly what the raw events say. Random slices (date ranges,
 * filters, groupings; a fixed seed, so a failure reproduces) are answered by the API and by SQL straight over
 * usage_events, for an all-teams admin and for a lead, and compared to the nano-dollar.
 */
const rng = new Rng(20261123);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
const START = "2026-08-20";
const DAYS = 75;

const TEAMS: Record<string, string[]> = { support: ["ticket-triage", "reply-drafts"], search: ["query-rewrite"], legal: ["contract-review", "nda-triage"] };
const MODELS: [string, string][] = [["openai", "gpt-4o"], ["openai", "gpt-4o-mini"], ["anthropic", "claude-sonnet-4-5"], ["anthropic", "claude-haiku-4-5"], ["openai", "gpt-5-nano"], ["acme", "in-house-7b"]];
const USERS = ["ann@x.test", "bob@x.test", "cy@x.test", null];

function randomEvent(i: number): UsageEvent {
  const team = rng.next() < 0.15 ? null : pick(Object.keys(TEAMS));
  const workload = team && rng.next() < 0.9 ? pick(TEAMS[team]) : null;
  const [provider, model] = pick(MODELS);
  const input = 1 + Math.floor(rng.next() * 20_000);
  const at = Date.parse(`${START}T00:00:00Z`) + Math.floor(rng.next() * DAYS * 86_400_000);
  return usageEvent({
    externalId: `slice-${i}`,
    occurredAt: new Date(at),
    provider,
    model,
    team,
    workload,
    user: pick(USERS),
    inputTokens: input,
    cachedInputTokens: Math.floor(input * rng.next() * 0.5),
    outputTokens: Math.floor(rng.next() * 3000),
    requests: rng.next() < 0.05 ? 1 + Math.floor(rng.next() * 50) : 1,
    batch: rng.next() < 0.1,
  });
}

interface Sums {
  cost: bigint;
  input: number;
  cached: number;
  output: number;
  requests: number;
}

const RAW_KEY: Record<GroupBy, string> = {
  team: "COALESCE(t.slug, 'unattributed')",
  workload: "COALESCE(w.slug, 'unattributed')",
  model: "m.provider || '/' || m.name",
  provider: "m.provider",
  tier: "COALESCE(m.tier, 'unknown')",
  user: "e.user_name",
  day: "(e.occurred_at AT TIME ZONE 'UTC')::date::text",
  week: "date_trunc('week', (e.occurred_at AT TIME ZONE 'UTC')::date)::date::text",
  month: "to_char((e.occurred_at AT TIME ZONE 'UTC')::date, 'YYYY-MM')",
};

interface Slice {
  from: string;
  to: string;
  filter: Record<string, string>;
}

/** The same question asked of usage_events directly. */
async function raw(groupBy: GroupBy, slice: Slice, teamIds: number[] | null): Promise<Map<string, Sums>> {
  const params: unknown[] = [slice.from, slice.to];
  const where = ["(e.occurred_at AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date"];
  const bind = (v: unknown) => (params.push(v), `$${params.length}`);
  if (teamIds) where.push(`e.team_id = ANY(${bind(teamIds)}::int[])`);
  if (groupBy === "user") where.push("e.user_name IS NOT NULL");
  const f = slice.filter;
  if (f.team) where.push(f.team === "unattributed" ? "e.team_id IS NULL" : `t.slug = ${bind(f.team)}`);
  if (f.workload) where.push(f.workload === "unattributed" ? "e.workload_id IS NULL" : `w.slug = ${bind(f.workload)}`);
  if (f.model) where.push(`m.provider || '/' || m.name = ${bind(f.model)}`);
  if (f.provider) where.push(`m.provider = ${bind(f.provider)}`);
  if (f.tier) where.push(f.tier === "unknown" ? "m.tier IS NULL" : `m.tier = ${bind(f.tier)}`);
  const rows = await pool().query<{ key: string; cost: string; input: string; cached: string; output: string; requests: string }>(
    `SELECT ${RAW_KEY[groupBy]} AS key, COALESCE(sum(e.cost_nanos), 0)::text AS cost, sum(e.input_tokens)::text AS input,
       sum(e.cached_input_tokens)::text AS cached, sum(e.output_tokens)::text AS output, sum(e.requests)::text AS requests
     FROM usage_events e JOIN models m ON m.id = e.model_id LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN workloads w ON w.id = e.workload_id
     WHERE ${where.join(" AND ")} GROUP BY 1`,
    params,
  );
  return new Map(rows.rows.map((r) => [r.key, { cost: BigInt(r.cost), input: Number(r.input), cached: Number(r.cached), output: Number(r.output), requests: Number(r.requests) }]));
}

function randomSlice(groupBy: GroupBy | null): Slice {
  const a = addDays(START, Math.floor(rng.next() * (DAYS + 10)) - 5);
  const b = addDays(a, Math.floor(rng.next() * 40));
  const filters: Record<string, string>[] = [
    {},
    { team: pick([...Object.keys(TEAMS), "unattributed"]) },
    { workload: pick([...Object.values(TEAMS).flat(), "unattributed"]) },
    { model: pick(MODELS).join("/") },
    { provider: pick(MODELS)[0] },
    { tier: pick(["frontier", "mid", "small", "unknown"]) },
    { team: "support", tier: "frontier" },
  ];
  let filter = pick(filters);
  // Per-user roll-ups carry no model: the API refuses model filters with groupBy=user (tested elsewhere).
  if (groupBy === "user") filter = pick(filters.slice(0, 3));
  return { from: a, to: b, filter };
}

const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();
const nonZero = (r: { requests: number; costUsd: string }) => r.requests > 0 || usdToNanos(r.costUsd) !== 0n;

let admin: { cookie: string };
let lead: { cookie: string };
let supportId: number;

beforeAll(async () => {
  await ingest(Array.from({ length: 2500 }, (_, i) => randomEvent(i)));
  admin = await userWithSession("admin@slices.test", "admin");
  lead = await userWithSession("lead@slices.test", "lead", ["support"]);
  supportId = (await pool().query<{ id: number }>("SELECT id FROM teams WHERE slug = 'support'")).rows[0].id;
});

describe("roll-ups equal raw events on random slices", () => {
  for (const [who, teamIds] of [["admin", null], ["lead", "support"]] as const) {
    it(`GET /api/v1/spend, as ${who}`, async () => {
      for (let i = 0; i < 60; i++) {
        const groupBy = GROUP_BYS[i % GROUP_BYS.length];
        const slice = randomSlice(groupBy);
        const res = await getSpend(request(`/api/v1/spend?${qs({ from: slice.from, to: slice.to, groupBy, ...slice.filter })}`, { cookie: (who === "admin" ? admin : lead).cookie }));
        expect(res.status).toBe(200);
        const body = await res.json();
        const expected = await raw(groupBy, slice, teamIds ? [supportId] : null);
        const got = new Map<string, Sums>(
          body.rows.filter(nonZero).map((r: { key: string; costUsd: string; inputTokens: number; cachedInputTokens: number; outputTokens: number; requests: number }) => [
            r.key,
            { cost: usdToNanos(r.costUsd), input: r.inputTokens, cached: r.cachedInputTokens, output: r.outputTokens, requests: r.requests },
          ]),
        );
        expect(got, `${groupBy} ${JSON.stringify(slice)}`).toEqual(expected);
        const total = [...expected.values()].reduce((s, x) => s + x.cost, 0n);
        expect(usdToNanos(body.totals.costUsd)).toBe(total);
      }
    });
  }

  it("GET /api/v1/spend/breakdown and /series, as admin", async () => {
    for (let i = 0; i < 25; i++) {
      const by = BREAKDOWN_BYS[i % BREAKDOWN_BYS.length];
      const slice = randomSlice(by);
      const expected = await raw(by, slice, null);
      const res = await getBreakdown(request(`/api/v1/spend/breakdown?${qs({ from: slice.from, to: slice.to, by, ...slice.filter })}`, { cookie: admin.cookie }));
      const body = await res.json();
      const got = new Map(body.rows.filter(nonZero).map((r: { key: string; costUsd: string; requests: number }) => [r.key, { cost: usdToNanos(r.costUsd), requests: r.requests }]));
      expect(got, `${by} ${JSON.stringify(slice)}`).toEqual(new Map([...expected].map(([k, v]) => [k, { cost: v.cost, requests: v.requests }])));

      const series = await (await getSeries(request(`/api/v1/spend/series?${qs({ from: slice.from, to: slice.to, interval: "day", stackBy: "none", ...slice.filter })}`, { cookie: admin.cookie }))).json();
      const byDay = await raw("day", slice, null);
      for (const p of series.points) expect(usdToNanos(p.costUsd), p.bucket).toBe(byDay.get(p.bucket)?.cost ?? 0n);
    }
  });
});
