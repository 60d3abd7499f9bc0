import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { prisma } from "@/lib/db/prisma";
import { createApiKey } from "@/lib/auth/api-keys";
import { todayUtc, addDays, monthStart } from "@/lib/analytics/dates";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as getBreakdown } from "@/app/api/v1/spend/breakdown/route";
import { GET as getSeries } from "@/app/api/v1/spend/series/route";
import { GET as getOverview } from "@/app/api/v1/spend/overview/route";
import { GET as getTokens } from "@/app/api/v1/spend/tokens-per-call/route";
import { GET as getModels } from "@/app/api/v1/models/route";
import { PATCH as patchModel } from "@/app/api/v1/models/[id]/route";

useTestDatabase();

const today = todayUtc();
const thisMonth = monthStart(today);
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

let admin: { cookie: string };
let finance: { cookie: string };
let lead: { cookie: string };

beforeAll(async () => {
  const events = [];
  for (let d = 0; d < 40; d++) {
    const day = addDays(today, -d);
    events.push(usageEvent({ externalId: `sup-${d}`, occurredAt: at(day), team: "support", workload: "ticket-triage", model: "gpt-4o", user: "ann@x.test", inputTokens: 2000, cachedInputTokens: 500, outputTokens: 300 }));
    events.push(usageEvent({ externalId: `sup-mini-${d}`, occurredAt: at(day, 11), team: "support", workload: "ticket-triage", model: "gpt-4o-mini", inputTokens: 900, outputTokens: 50 }));
    events.push(usageEvent({ externalId: `sea-${d}`, occurredAt: at(day), team: "search", workload: "query-rewrite", model: "gpt-4o", user: "bob@x.test" }));
    events.push(usageEvent({ externalId: `none-${d}`, occurredAt: at(day), team: null, workload: null, model: "gpt-4o" }));
  }
  await ingest(events);
  admin = await userWithSession("admin@explorer.test", "admin");
  finance = await userWithSession("finance@explorer.test", "finance");
  lead = await userWithSession("lead@explorer.test", "lead", ["support"]);
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const range = `from=${addDays(today, -29)}&to=${today}`;

const READ_ENDPOINTS: [string, typeof getSpend, string][] = [
  ["spend", getSpend, `/api/v1/spend?${range}&groupBy=team`],
  ["breakdown", getBreakdown, `/api/v1/spend/breakdown?${range}&by=team`],
  ["series", getSeries, `/api/v1/spend/series?${range}&stackBy=team`],
  ["overview", getOverview, `/api/v1/spend/overview?${range}`],
  ["tokens", getTokens, `/api/v1/spend/tokens-per-call?${range}&workload=ticket-triage`],
  ["models", getModels, `/api/v1/models`],
];

describe("authentication and API keys", () => {
  it.each(READ_ENDPOINTS)("%s answers 401 without a session or key", async (_, handler, url) => {
    const res = await json(await handler(request(url)));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it.each(READ_ENDPOINTS)("%s accepts a read key and refuses an ingest-only key (403)", async (_, handler, url) => {
    const { key: reader } = await createApiKey({ name: `reader-${url}`, scopes: ["read"] });
    const { key: ingester } = await createApiKey({ name: `ingester-${url}`, scopes: ["ingest"] });
    expect((await handler(request(url, { key: reader }))).status).toBe(200);
    expect((await handler(request(url, { key: ingester }))).status).toBe(403);
  });
});

describe("team scope: a lead never gets another team's data", () => {
  const keysOf = (rows: { key: string }[]) => rows.map((r) => r.key).sort();

  it("limits every breakdown and series to the lead's teams, unattributed spend included", async () => {
    for (const by of ["team", "workload", "model", "provider", "tier"]) {
      const mine = await json(await getBreakdown(request(`/api/v1/spend/breakdown?${range}&by=${by}`, { cookie: lead.cookie })));
      const filtered = await json(await getBreakdown(request(`/api/v1/spend/breakdown?${range}&by=${by}&team=support`, { cookie: admin.cookie })));
      expect(mine.body.rows, by).toEqual(filtered.body.rows.map((r: object) => ({ ...r, spendShare: expect.any(Number) })));
      expect(mine.body.totals).toEqual(filtered.body.totals);
    }
    const teams = await json(await getBreakdown(request(`/api/v1/spend/breakdown?${range}&by=team`, { cookie: lead.cookie })));
    expect(keysOf(teams.body.rows)).toEqual(["support"]);
    const series = await json(await getSeries(request(`/api/v1/spend/series?${range}&stackBy=team`, { cookie: lead.cookie })));
    expect(series.body.series.map((s: { key: string }) => s.key)).toEqual(["support"]);
    const users = await json(await getSpend(request(`/api/v1/spend?${range}&groupBy=user`, { cookie: lead.cookie })));
    expect(keysOf(users.body.rows)).toEqual(["ann@x.test"]);
  });

  it("answers a lead asking for another team, or for unattributed spend, with nothing", async () => {
    for (const filter of ["team=search", "team=unattributed", "workload=query-rewrite"]) {
      for (const [, handler, url] of READ_ENDPOINTS.slice(0, 4)) {
        const res = await json(await handler(request(`${url}&${filter}`, { cookie: lead.cookie })));
        expect(res.status, `${url} ${filter}`).toBe(200);
        if ("rows" in res.body) expect(res.body.rows.filter((r: { requests: number }) => r.requests > 0)).toEqual([]);
        if ("range" in res.body) expect(res.body.range.costUsd).toBe("0.00");
        if ("points" in res.body) expect(res.body.series).toEqual([]);
      }
    }
    const tokens = await json(await getTokens(request(`/api/v1/spend/tokens-per-call?${range}&workload=query-rewrite`, { cookie: lead.cookie })));
    expect(tokens.body.calls).toBe(0);
    expect(tokens.body.sample).toBeNull();
  });

  it("limits a team-bound read key to its team", async () => {
    const search = await prisma().team.findUniqueOrThrow({ where: { slug: "search" } });
    const { key } = await createApiKey({ name: "search-reader", scopes: ["read"], teamId: search.id });
    const body = (await json(await getBreakdown(request(`/api/v1/spend/breakdown?${range}&by=team`, { key })))).body;
    expect(keysOf(body.rows)).toEqual(["search"]);
  });

  it("never names teams a lead cannot see in an error message", async () => {
    const res = await json(await getSpend(request(`/api/v1/spend?${range}&team=nope`, { cookie: lead.cookie })));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('team: no team "nope"; allowed: support');
  });
});

describe("bad input is a 400 that says what is allowed", () => {
  const cases: [string, string, RegExp][] = [
    ["unknown groupBy", "/api/v1/spend?groupBy=colour", /groupBy: must be one of team, workload, model, provider, tier, user, day, week, month/],
    ["unknown parameter", "/api/v1/spend?groupBy=team&teams=search", /unknown parameter "teams"; allowed: from, to, groupBy, team, workload, model, provider, tier/],
    ["unknown team", "/api/v1/spend?team=nope", /team: no team "nope"; allowed: search, support, unattributed/],
    ["unknown workload", "/api/v1/spend?workload=nope", /workload: no workload "nope"; allowed: query-rewrite, ticket-triage, unattributed/],
    ["unknown model", "/api/v1/spend?model=gpt-9", /model: no model "gpt-9"; allowed: openai\/gpt-4o, openai\/gpt-4o-mini/],
    ["unknown provider", "/api/v1/spend?provider=nope", /provider: no provider "nope"; allowed: openai/],
    ["unknown tier", "/api/v1/spend?tier=huge", /tier: must be one of frontier, mid, small, unknown/],
    ["inverted range", "/api/v1/spend?from=2026-10-31&to=2026-10-01", /from \(2026-10-31\) is after to \(2026-10-01\)/],
    ["not a date", "/api/v1/spend?from=2026-02-30&to=2026-03-01", /from: "2026-02-30" is not a date/],
    ["malformed date", "/api/v1/spend?from=yesterday", /from: must be a date YYYY-MM-DD/],
    ["too long a range", "/api/v1/spend?from=2001-01-01&to=2026-10-01", /longer than 3660 days/],
    ["a range before 2000", "/api/v1/spend?from=1999-12-01&to=2000-01-02", /before 2000-01-01/],
    ["a range far in the future", "/api/v1/spend?from=2030-01-01&to=2030-02-01", /more than a year in the future/],
    ["a repeated parameter", "/api/v1/spend?team=search&team=support", /team: give it once/],
    ["a user grouping with a model filter", "/api/v1/spend?groupBy=user&model=gpt-4o", /groupBy=user can be filtered by team and workload only/],
  ];
  it.each(cases)("%s", async (_, url, message) => {
    const res = await json(await getSpend(request(url, { cookie: admin.cookie })));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it("applies the same checks to the other read endpoints", async () => {
    const bad = [
      [getBreakdown, "/api/v1/spend/breakdown?by=user"],
      [getSeries, "/api/v1/spend/series?interval=hour"],
      [getSeries, "/api/v1/spend/series?top=0"],
      [getSeries, "/api/v1/spend/series?stackBy=team&team=nope"],
      [getOverview, "/api/v1/spend/overview?from=2026-10-10&to=2026-10-01"],
      [getTokens, "/api/v1/spend/tokens-per-call"],
      [getTokens, "/api/v1/spend/tokens-per-call?workload=nope"],
    ] as const;
    for (const [handler, url] of bad) expect((await handler(request(url, { cookie: admin.cookie }))).status, url).toBe(400);
  });
});

describe("explorer numbers", () => {
  it("computes the overview KPIs: coverage, tier shares, month to date vs last month, run-rate", async () => {
    const { body } = await json(await getOverview(request(`/api/v1/spend/overview?${range}`, { cookie: admin.cookie })));
    const byTeam = (await json(await getSpend(request(`/api/v1/spend?${range}&groupBy=team`, { cookie: admin.cookie })))).body;
    const unattributed = byTeam.rows.find((r: { key: string }) => r.key === "unattributed").costUsd;
    expect(body.range.costUsd).toBe(byTeam.totals.costUsd);
    expect(body.coverage.unattributedCostUsd).toBe(unattributed);
    expect(body.coverage.teamShare).toBeCloseTo(1 - Number(unattributed) / Number(byTeam.totals.costUsd), 5);
    expect(body.range.requests).toBe(30 * 4);
    expect(body.range.cacheHitShare).toBeCloseTo((30 * 500) / (30 * (2000 + 900 + 1000 + 1000)), 6);
    const frontier = body.tiers.find((t: { tier: string }) => t.tier === "frontier");
    expect(frontier.callShare).toBeCloseTo(3 / 4, 6);

    const mtd = (await json(await getSpend(request(`/api/v1/spend?from=${thisMonth}&to=${today}&groupBy=month`, { cookie: admin.cookie })))).body;
    expect(body.month.monthToDateUsd).toBe(mtd.totals.costUsd);
    // Last month runs to the same day and time of day (comparison.ts; exact values in comparison-agreement test):
    // at least the whole days before that day, at most those days plus the whole of it.
    const spendTo = async (to: string) => Number((await json(await getSpend(request(`/api/v1/spend?from=${body.month.lastMonthFrom}&to=${to}&groupBy=month`, { cookie: admin.cookie })))).body.totals.costUsd);
    const sameDay = Number(body.month.lastMonthToSameDayUsd);
    const wholeDaysBefore = body.month.lastMonthTo === body.month.lastMonthFrom ? 0 : await spendTo(addDays(body.month.lastMonthTo, -1));
    expect(sameDay).toBeGreaterThanOrEqual(wholeDaysBefore);
    expect(sameDay).toBeLessThanOrEqual(await spendTo(body.month.lastMonthTo));
    // Every day costs the same here, so the run-rate lands at month-to-date + a full day's spend per day left.
    const perDay = Number(mtd.totals.costUsd) / (Number(today.slice(8)));
    expect(Number(body.month.projectedUsd)).toBeCloseTo(Number(mtd.totals.costUsd) + perDay * body.month.daysLeft, 4);
  });

  it("zero-fills series buckets and keeps unattributed spend as its own series", async () => {
    const { body } = await json(await getSeries(request(`/api/v1/spend/series?from=${addDays(today, -99)}&to=${today}&stackBy=team&top=1`, { cookie: admin.cookie })));
    expect(body.points).toHaveLength(100);
    expect(body.points[0].costUsd).toBe("0.00");
    expect(body.series.map((s: { key: string }) => s.key)).toEqual([expect.any(String), "unattributed", "(other)"]);
  });

  it("describes tokens per call from the shape roll-up and a bounded sample of calls", async () => {
    const { body } = await json(await getTokens(request(`/api/v1/spend/tokens-per-call?${range}&workload=ticket-triage`, { cookie: admin.cookie })));
    expect(body.calls).toBe(60);
    expect(body.mean).toEqual({ input: 1450, cachedInput: 250, output: 175 });
    expect(body.byInputSize.map((b: { calls: number }) => b.calls)).toEqual([30, 30]);
    expect(body.sample.calls).toBeGreaterThan(0);
    expect(body.sample.output.p50).toBeGreaterThanOrEqual(50);
  });
});

describe("model tiers", () => {
  it("lets an admin pin a tier (every view follows) and go back to the price-derived default", async () => {
    const { body } = await json(await getModels(request("/api/v1/models", { cookie: finance.cookie })));
    const mini = body.models.find((m: { name: string }) => m.name === "gpt-4o-mini");
    expect(mini).toMatchObject({ tier: "small", tierSource: "default", defaultTier: "small" });
    const params = { params: Promise.resolve({ id: String(mini.id) }) };

    expect((await patchModel(request("/x", { cookie: finance.cookie, method: "PATCH", body: { tier: "mid" } }), params)).status).toBe(403);
    expect((await patchModel(request("/x", { cookie: admin.cookie, method: "PATCH", body: { tier: "huge" } }), params)).status).toBe(400);
    expect((await patchModel(request("/x", { cookie: admin.cookie, method: "PATCH", body: { tier: "mid" } }), { params: Promise.resolve({ id: "999999" }) })).status).toBe(404);

    const pinned = await json(await patchModel(request("/x", { cookie: admin.cookie, method: "PATCH", body: { tier: "mid" } }), params));
    expect(pinned.body).toMatchObject({ tier: "mid", tierSource: "manual", defaultTier: "small" });
    const tiers = (await json(await getSpend(request(`/api/v1/spend?${range}&groupBy=tier`, { cookie: admin.cookie })))).body;
    expect(tiers.rows.map((r: { key: string }) => r.key).sort()).toEqual(["frontier", "mid"]);

    const back = await json(await patchModel(request("/x", { cookie: admin.cookie, method: "PATCH", body: { tier: "default" } }), params));
    expect(back.body).toMatchObject({ tier: "small", tierSource: "default" });
  });
});
