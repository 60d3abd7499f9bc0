import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { createApiKey } from "@/lib/auth/api-keys";
import { IngestSession } from "@/lib/ingest/ingest-session";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { GET as listRules, POST as createRule } from "@/app/api/v1/attribution-rules/route";
import { PUT as updateRule, DELETE as deleteRule } from "@/app/api/v1/attribution-rules/[id]/route";
import { PUT as reorder } from "@/app/api/v1/attribution-rules/order/route";
import { POST as preview } from "@/app/api/v1/attribution-rules/preview/route";
import { POST as reattribute } from "@/app/api/v1/attribution-rules/reattribute/route";
import { GET as targets } from "@/app/api/v1/attribution-rules/targets/route";
import { NO_DRIFT, rollupDrift } from "./rollup-check";

const assertRollupsMatchEvents = async () => expect(await rollupDrift()).toEqual(NO_DRIFT);

useTestDatabase();

let admin: { cookie: string };
let finance: { cookie: string };
let lead: { cookie: string };

const at = (day: number) => new Date(Date.UTC(2026, 9, day, 12));

/**
 * A history where every precedence case happens: events naming their own team and workload, a team but no
 * workload, a workload but no team, nothing at all (claimable by service.name, user, API key, model, tags), and
 * events sent with a team-bound API key.
 */
function history(): UsageEvent[] {
  const events: UsageEvent[] = [];
  for (let day = 1; day <= 20; day++) {
    events.push(usageEvent({ externalId: `own-${day}`, occurredAt: at(day), team: "search", workload: "query-rewrite" }));
    events.push(usageEvent({ externalId: `team-only-${day}`, occurredAt: at(day), team: "support", workload: null, tags: { "service.name": "zapier-bridge" } }));
    events.push(usageEvent({ externalId: `wl-only-${day}`, occurredAt: at(day), team: null, workload: "ticket-triage", tags: { "service.name": "zapier-bridge" } }));
    events.push(usageEvent({ externalId: `zap-${day}`, occurredAt: at(day), team: null, workload: null, tags: { "service.name": "zapier-bridge" }, user: `ann@acme.example` }));
    events.push(usageEvent({ externalId: `nb-${day}`, occurredAt: at(day), team: null, workload: null, tags: { "service.name": "jupyterhub", env: "sandbox" }, model: "gpt-4o-mini", user: "bob@acme.example" }));
    events.push(usageEvent({ externalId: `ci-${day}`, occurredAt: at(day), team: null, workload: null, sourceKey: "key_ci", provider: "anthropic", model: "claude-haiku-4-5" }));
  }
  return events;
}

async function ingestWithKey(events: UsageEvent[], apiKeyId: number, apiKeyTeamId: number) {
  const session = await IngestSession.open({ source: "test", format: "native", actor: "test", apiKeyId, apiKeyTeamId });
  for (const [i, e] of events.entries()) await session.add(e, i);
  return session.finish();
}

async function attribution(): Promise<Record<string, string>> {
  const rows = await pool().query<{ id: string; team: string | null; workload: string | null }>(
    `SELECT e.source_key, e.tags, t.slug AS team, w.slug AS workload, e.dedup_key::text AS id
     FROM usage_events e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN workloads w ON w.id = e.workload_id`,
  );
  return Object.fromEntries(rows.rows.map((r) => [r.id, `${r.team ?? "-"}/${r.workload ?? "-"}`]));
}

async function json(res: Response) {
  return { status: res.status, body: await res.json() };
}

const RULES = [
  { name: "Zapier belongs to marketing", match: { serviceName: "zapier-*" }, team: "marketing", workload: "campaign-copy" },
  { name: "Notebooks are data science", match: { serviceName: "jupyter*", tags: { env: "sand*" } }, team: "data-science" },
  { name: "CI runs on platform", match: { apiKey: "key_ci", provider: "anthropic" }, workload: "ci-tests" },
];

async function post(rule: object) {
  return json(await createRule(request("/api/v1/attribution-rules", { cookie: admin.cookie, body: rule })));
}

// Teams and workloads the rules point at (a workload's owner team fills a rule's missing team).
const seeds = () => [
  usageEvent({ externalId: "seed-1", occurredAt: at(25), team: "marketing", workload: "campaign-copy" }),
  usageEvent({ externalId: "seed-2", occurredAt: at(25), team: "data-science", workload: "sql-copilot" }),
  usageEvent({ externalId: "seed-3", occurredAt: at(25), team: "platform", workload: "ci-tests" }),
  usageEvent({ externalId: "seed-4", occurredAt: at(25), team: "support", workload: "ticket-triage" }),
];

beforeAll(async () => {
  await ingest(seeds());
  admin = await userWithSession("admin@rules.test", "admin");
  finance = await userWithSession("finance@rules.test", "finance");
  lead = await userWithSession("lead@rules.test", "lead", ["support"]);
});

describe("re-attribution equals attribution at ingestion", () => {
  it("gives history re-attributed after adding rules the same teams and workloads as ingesting with the rules", async () => {
    const platform = await prisma().team.findUniqueOrThrow({ where: { slug: "platform" } });
    const { record: key } = await createApiKey({ name: "platform-gateway", scopes: ["ingest"], teamId: platform.id });
    const keyed = () => [1, 2, 3].map((d) => usageEvent({ externalId: `keyed-${d}`, occurredAt: at(d), team: null, workload: null, sourceKey: "key_ci", provider: "anthropic", model: "claude-haiku-4-5" }));

    // 1) rules first, then ingestion applies them
    for (const rule of RULES) expect((await post(rule)).status).toBe(201);
    await ingest(history());
    await ingestWithKey(keyed(), key.id, platform.id);
    const atIngestion = await attribution();

    // 2) same events ingested without rules, then the rules are added: history must end up the same
    for (const r of await prisma().attributionRule.findMany()) await deleteRule(request(`/x`, { cookie: admin.cookie, method: "DELETE" }), { params: Promise.resolve({ id: String(r.id) }) });
    await pool().query("TRUNCATE usage_events, usage_daily, usage_15min, usage_daily_user, usage_shape_daily");
    await ingest([...seeds(), ...history()]);
    await ingestWithKey(keyed(), key.id, platform.id);
    const before = await attribution();
    expect(before).not.toEqual(atIngestion);
    for (const rule of RULES) expect((await post(rule)).status).toBe(201);
    expect(await attribution()).toEqual(atIngestion);
    await assertRollupsMatchEvents();
  });

  it("applies the precedence: own team/workload > key team > rules, first match wins, owner team fills", async () => {
    const rows = await pool().query<{ ext: string; team: string | null; workload: string | null }>(
      `SELECT COALESCE(e.tags->>'service.name', e.source_key, '-') || ':' ||
          COALESCE(e.source_team, '-') || ':' || COALESCE(e.source_workload, '-') || ':' || COALESCE(e.api_key_id::text, 'nokey') AS ext,
        t.slug AS team, w.slug AS workload
       FROM usage_events e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN workloads w ON w.id = e.workload_id
       GROUP BY 1, 2, 3 ORDER BY 1`,
    );
    const seen = Object.fromEntries(rows.rows.map((r) => [r.ext, `${r.team ?? "-"}/${r.workload ?? "-"}`]));
    expect(seen["-:search:query-rewrite:nokey"]).toBe("search/query-rewrite"); // own team + workload: rules never apply
    expect(seen["zapier-bridge:support:-:nokey"]).toBe("support/campaign-copy"); // own team kept, rule fills the workload
    expect(seen["zapier-bridge:-:ticket-triage:nokey"]).toBe("support/ticket-triage"); // workload's owner team, no rule
    expect(seen["zapier-bridge:-:-:nokey"]).toBe("marketing/campaign-copy");
    expect(seen["jupyterhub:-:-:nokey"]).toBe("data-science/-");
    expect(seen["key_ci:-:-:nokey"]).toBe("platform/ci-tests"); // rule names only a workload: its owner team fills
    const keyed = Object.entries(seen).find(([k]) => k.startsWith("key_ci:-:-:") && !k.endsWith("nokey"));
    expect(keyed?.[1]).toBe("platform/ci-tests"); // key team, then the rule's workload
  });
});

describe("rule changes", () => {
  it("re-attributes on update and delete, and the first matching rule wins after a reorder", async () => {
    const { body } = await json(await listRules(request("/api/v1/attribution-rules", { cookie: admin.cookie })));
    const [zap, notebooks, ci] = body.rules as { id: number; name: string }[];
    expect(body.rules.map((r: { position: number }) => r.position)).toEqual([1, 2, 3]);

    // A broad rule placed first takes Zapier's spend; moved last, the Zapier rule wins again.
    const greedy = await post({ name: "All GPT-4o to search", match: { provider: "openai", model: "gpt-4o*" }, team: "search", position: 1 });
    expect(greedy.body.reattribution.eventsMoved).toBeGreaterThan(0);
    expect(greedy.body.rules[0].name).toBe("All GPT-4o to search");
    const order = [zap.id, notebooks.id, ci.id, greedy.body.rule.id];
    const reordered = await json(await reorder(request("/x", { cookie: admin.cookie, method: "PUT", body: { ids: order } })));
    expect(reordered.status).toBe(200);
    expect(reordered.body.rules.map((r: { id: number }) => r.id)).toEqual(order);
    const zapierToSearch = await pool().query(
      `SELECT count(*)::int AS n FROM usage_events e JOIN teams t ON t.id = e.team_id WHERE t.slug = 'search' AND e.tags->>'service.name' = 'zapier-bridge'`,
    );
    expect(zapierToSearch.rows[0].n).toBe(0);
    await assertRollupsMatchEvents();

    // Update: notebooks go to a workload now; disabling a rule releases its events.
    const updated = await json(
      await updateRule(request("/x", { cookie: admin.cookie, method: "PUT", body: { name: notebooks.name, match: { serviceName: "jupyter*" }, workload: "sql-copilot" } }), { params: Promise.resolve({ id: String(notebooks.id) }) }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.reattribution.eventsMoved).toBe(20);
    const disabled = await json(
      await updateRule(request("/x", { cookie: admin.cookie, method: "PUT", body: { name: notebooks.name, match: { serviceName: "jupyter*" }, workload: "sql-copilot", enabled: false } }), { params: Promise.resolve({ id: String(notebooks.id) }) }),
    );
    expect(disabled.body.reattribution.eventsMoved).toBe(20);
    const deleted = await json(await deleteRule(request("/x", { cookie: admin.cookie, method: "DELETE" }), { params: Promise.resolve({ id: String(greedy.body.rule.id) }) }));
    expect(deleted.body.rules).toHaveLength(3);
    await assertRollupsMatchEvents();
  });

  it("previews exactly what a save then moves, and writes nothing", async () => {
    const draft = { name: "Notebooks back to data science", match: { serviceName: "jupyter*" }, team: "data-science" };
    const before = await attribution();
    const rulesBefore = await prisma().attributionRule.count();
    const p = await json(await preview(request("/x", { cookie: admin.cookie, body: { rule: draft } })));
    expect(p.status).toBe(200);
    expect(p.body.matchedEvents).toBe(20);
    expect(p.body.eventsMoved).toBe(20);
    expect(p.body.flows).toEqual([expect.objectContaining({ from: expect.objectContaining({ team: null }), to: expect.objectContaining({ team: "data-science" }), events: 20 })]);
    expect(await attribution()).toEqual(before);
    expect(await prisma().attributionRule.count()).toBe(rulesBefore);

    const saved = await post(draft);
    expect(saved.body.reattribution.eventsMoved).toBe(p.body.eventsMoved);
    expect(saved.body.reattribution.costMovedUsd).toBe(p.body.costMovedUsd);

    // Preview of deleting it: the same events would go back.
    const undo = await json(await preview(request("/x", { cookie: admin.cookie, body: { id: saved.body.rule.id } })));
    expect(undo.body.eventsMoved).toBe(20);
    expect(undo.body.flows[0].to.team).toBeNull();
  });

  it("recomputes all history on demand and finds nothing to move when it is consistent", async () => {
    const res = await json(await reattribute(request("/x", { cookie: admin.cookie, method: "POST" })));
    expect(res.status).toBe(200);
    expect(res.body.reattribution.eventsMoved).toBe(0);
    await assertRollupsMatchEvents();
  });

  it("lists assignable teams and workloads and the unattributed traffic", async () => {
    const res = await json(await targets(request("/x", { cookie: admin.cookie })));
    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: { slug: string }) => t.slug)).toContain("marketing");
    expect(res.body.workloads.find((w: { slug: string }) => w.slug === "ci-tests")?.team).toBe("platform");
  });
});

describe("invalid rules change nothing", () => {
  const cases: [string, object, RegExp][] = [
    ["a pattern matching everything", { name: "x", match: { model: "*" }, team: "sales" }, /match.model: .*matches everything/],
    ["an empty pattern", { name: "x", match: { serviceName: " " }, team: "sales" }, /match.serviceName: .*non-empty/],
    ["no condition", { name: "x", match: {}, team: "sales" }, /at least one condition/],
    ["an unknown condition", { name: "x", match: { colour: "red" }, team: "sales" }, /colour/],
    ["no target", { name: "x", match: { model: "gpt*" } }, /team: a rule must assign/],
    ["an unknown team", { name: "x", match: { model: "gpt*" }, team: "nope" }, /team: no team "nope"; teams: .*marketing/],
    ["an unknown workload", { name: "x", match: { model: "gpt*" }, workload: "nope" }, /workload: no workload "nope"/],
    ["no name", { match: { model: "gpt*" }, team: "sales" }, /name/],
  ];
  it.each(cases)("refuses %s with the reason (400) and re-attributes nothing", async (_, body, message) => {
    const before = await attribution();
    const rules = await prisma().attributionRule.count();
    const res = await json(await createRule(request("/api/v1/attribution-rules", { cookie: admin.cookie, body })));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await prisma().attributionRule.count()).toBe(rules);
    expect(await attribution()).toEqual(before);
  });

  it("refuses a bad preview, a bad order, unreadable JSON and an unknown rule id", async () => {
    expect((await preview(request("/x", { cookie: admin.cookie, body: { rule: { name: "x", match: { user: "**" }, team: "sales" } } }))).status).toBe(400);
    expect((await preview(request("/x", { cookie: admin.cookie, body: {} }))).status).toBe(400);
    expect((await reorder(request("/x", { cookie: admin.cookie, method: "PUT", body: { ids: [1] } }))).status).toBe(400);
    expect((await createRule(request("/x", { cookie: admin.cookie, body: "{not json" }))).status).toBe(400);
    expect((await deleteRule(request("/x", { cookie: admin.cookie, method: "DELETE" }), { params: Promise.resolve({ id: "999999" }) })).status).toBe(404);
    expect((await deleteRule(request("/x", { cookie: admin.cookie, method: "DELETE" }), { params: Promise.resolve({ id: "abc" }) })).status).toBe(400);
  });
});

describe("who may manage rules", () => {
  it("answers 401 without a session and 403 to finance, leads and API keys", async () => {
    expect((await listRules(request("/api/v1/attribution-rules"))).status).toBe(401);
    expect((await listRules(request("/api/v1/attribution-rules", { cookie: finance.cookie }))).status).toBe(403);
    expect((await createRule(request("/api/v1/attribution-rules", { cookie: lead.cookie, body: RULES[0] }))).status).toBe(403);
    const { key } = await createApiKey({ name: "reader", scopes: ["read", "ingest"] });
    expect((await preview(request("/x", { key, body: { rule: RULES[0] } }))).status).toBe(403);
  });
});
