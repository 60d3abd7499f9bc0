import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../db";
import { ingest, request, usageEvent, userWithSession } from "../factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { GET as listBatches } from "@/app/api/v1/ingest-batches/route";
import { GET as getBatch } from "@/app/api/v1/ingest-batches/[id]/route";
import { GET as classification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { GET as spend } from "@/app/api/v1/spend/route";
import { GET as priceOverrides } from "@/app/api/v1/price-overrides/route";

// Issue 10 item 2: everything a caller reads is scoped.
useTestDatabase();

let lead: { cookie: string };
let viewer: { cookie: string };
let finance: { cookie: string };
let admin: { cookie: string };
let keyA: { key: string; prefix: string };
let keyB: { key: string };
let readKey: string;
let adminBatchId: number;

const yesterday = new Date(Date.now() - 86_400_000);

beforeAll(async () => {
  // Workload "shared-wl" is owned by alpha (first seen with team alpha); beta also calls it, with another model.
  await ingest([
    usageEvent({ externalId: "a-1", occurredAt: yesterday, team: "alpha", workload: "shared-wl", provider: "openai", model: "gpt-4o" }),
    usageEvent({ externalId: "b-1", occurredAt: yesterday, team: "beta", workload: "shared-wl", provider: "anthropic", model: "claude-sonnet-4-5" }),
  ]);
  lead = await userWithSession("lead@scope.test", "lead", ["alpha"]);
  viewer = await userWithSession("viewer@scope.test", "viewer");
  finance = await userWithSession("finance@scope.test", "finance");
  admin = await userWithSession("admin@scope.test", "admin");
  const a = await createApiKey({ name: "a", scopes: ["ingest"] });
  keyA = { key: a.key, prefix: a.record.prefix };
  keyB = { key: (await createApiKey({ name: "b", scopes: ["ingest"] })).key };
  readKey = (await createApiKey({ name: "r", scopes: ["read"] })).key;
  // One run by key A, one by an administrator (its actor is the admin's email, its errors quote a record).
  for (const [actor, id] of [[`key ${a.record.prefix}`, "k-1"], ["user:admin@scope.test", "u-1"]] as const) {
    const s = await IngestSession.open({ source: "file", format: "native-ndjson", actor });
    await s.add(usageEvent({ externalId: id, team: "alpha" }), 0);
    s.reject({ index: 1, field: "model", message: "secret-looking record text" });
    const summary = await s.finish();
    if (actor.startsWith("user:")) adminBatchId = summary.batchId;
  }
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("scoped reads", () => {
  it("an API key lists and opens only the ingest runs it made; an administrator sees all", async () => {
    const byA = await json(await listBatches(request("/api/v1/ingest-batches", { key: keyA.key })));
    expect(byA.body.batches.map((b: { actor: string }) => b.actor)).toEqual([`key ${keyA.prefix}`]);
    const byB = await json(await listBatches(request("/api/v1/ingest-batches", { key: keyB.key })));
    expect(byB.body.batches).toEqual([]);
    const other = await getBatch(request(`/api/v1/ingest-batches/${adminBatchId}`, { key: keyA.key }), { params: Promise.resolve({ id: String(adminBatchId) }) });
    expect(other.status).toBe(404);
    const byAdmin = await json(await listBatches(request("/api/v1/ingest-batches", { cookie: admin.cookie })));
    expect(byAdmin.body.batches).toHaveLength(3); // the seed run (actor "test"), key A's and the administrator's
  });

  it("a lead's workload classification counts only their teams' calls", async () => {
    const res = await json(await classification(request("/api/v1/workloads/shared-wl/classification", { cookie: lead.cookie }), { params: Promise.resolve({ slug: "shared-wl" }) }));
    expect(res.status).toBe(200);
    // alpha called only gpt-4o, so it is 100% of alpha's cost; beta's claude call is not shown.
    expect(res.body.models).toEqual([{ provider: "openai", model: "gpt-4o", tier: expect.anything(), costShare: 1 }]);
    expect(res.body.suggestion?.shape.calls ?? 1).toBe(1);
  });

  it("a filter error lists only models and providers in the caller's scope", async () => {
    const byLead = await json(await spend(request("/api/v1/spend?model=no-such-model", { cookie: lead.cookie })));
    expect(byLead.status).toBe(400);
    expect(byLead.body.error.message).toBe(`model: no model "no-such-model"; allowed: openai/gpt-4o`);
    const provider = await json(await spend(request("/api/v1/spend?provider=nope", { cookie: lead.cookie })));
    expect(provider.body.error.message).toBe(`provider: no provider "nope"; allowed: openai`);
    // A model used only by another team is unknown to the lead (naming it reveals nothing).
    const foreign = await json(await spend(request("/api/v1/spend?model=claude-sonnet-4-5", { cookie: lead.cookie })));
    expect(foreign.status).toBe(400);
    const byViewer = await json(await spend(request("/api/v1/spend?model=no-such-model", { cookie: viewer.cookie })));
    expect(byViewer.body.error.message).toBe(`model: no model "no-such-model"; allowed: anthropic/claude-sonnet-4-5, openai/gpt-4o`);
  });

  it("negotiated price overrides are readable by administrators and finance only", async () => {
    const status = async (init: { cookie?: string; key?: string }) => (await priceOverrides(request("/api/v1/price-overrides", init))).status;
    expect(await status({ cookie: viewer.cookie })).toBe(403);
    expect(await status({ cookie: lead.cookie })).toBe(403);
    expect(await status({ key: readKey })).toBe(403);
    expect(await status({ cookie: finance.cookie })).toBe(200);
    expect(await status({ cookie: admin.cookie })).toBe(200);
  });
});
