import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { revokeApiKey } from "@/lib/users/api-key-admin";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as getUsers } from "@/app/api/v1/users/route";
import { checkCredentials } from "@/lib/auth/sign-in";
import { delayFor } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db/prisma";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
let finance: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  await ingest([
    usageEvent({ team: "search", workload: "query-rewrite" }),
    usageEvent({ team: "support", workload: "ticket-triage" }),
    usageEvent({ team: null, workload: null }),
  ]);
  admin = await userWithSession("admin@test.dev", "admin");
  lead = await userWithSession("lead@test.dev", "lead", ["support"]);
  finance = await userWithSession("finance@test.dev", "finance");
  viewer = await userWithSession("viewer@test.dev", "viewer");
});

const spendUrl = "/api/v1/spend?from=2026-10-01&to=2026-10-31&groupBy=team";

describe("authentication", () => {
  it("answers 401 JSON to a call without session or key", async () => {
    const res = await getSpend(request(spendUrl));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("answers 401 to a wrong key and to a revoked key, and accepts a valid read key", async () => {
    expect((await getSpend(request(spendUrl, { key: "rs_nothere_abc" }))).status).toBe(401);
    const { key, record } = await createApiKey({ name: "reader", scopes: ["read"] });
    expect((await getSpend(request(spendUrl, { key }))).status).toBe(200);
    await revokeApiKey(record.id, "test");
    expect((await getSpend(request(spendUrl, { key }))).status).toBe(401);
  });

  it("refuses an ingest-only key on read endpoints with 403", async () => {
    const { key } = await createApiKey({ name: "ingester", scopes: ["ingest"] });
    expect((await getSpend(request(spendUrl, { key }))).status).toBe(403);
  });
});

describe("roles and team scope", () => {
  it("shows admins, finance and viewers every team, unattributed spend included", async () => {
    for (const who of [admin, finance, viewer]) {
      const body = await (await getSpend(request(spendUrl, { cookie: who.cookie }))).json();
      expect(body.rows.map((r: { key: string }) => r.key).sort()).toEqual(["search", "support", "unattributed"]);
    }
  });

  it("shows a lead only their own team", async () => {
    const body = await (await getSpend(request(spendUrl, { cookie: lead.cookie }))).json();
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(["support"]);
  });

  it("gives a lead asking for another team's data nothing", async () => {
    const res = await getSpend(request(`${spendUrl}&team=search`, { cookie: lead.cookie }));
    const body = await res.json();
    expect(body.rows).toEqual([]);
    expect(body.totals.costUsd).toBe("0.00");
  });

  it("limits a team-bound read key to its team", async () => {
    const support = await prisma().team.findUniqueOrThrow({ where: { slug: "support" } });
    const { key } = await createApiKey({ name: "support-reader", scopes: ["read"], teamId: support.id });
    const body = await (await getSpend(request(spendUrl, { key }))).json();
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(["support"]);
  });

  it("lets only admins manage users", async () => {
    expect((await getUsers(request("/api/v1/users", { cookie: admin.cookie }))).status).toBe(200);
    expect((await getUsers(request("/api/v1/users", { cookie: finance.cookie }))).status).toBe(403);
    expect((await getUsers(request("/api/v1/users", { cookie: lead.cookie }))).status).toBe(403);
  });
});

describe("password sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    expect(await checkCredentials("viewer@test.dev", "correct-horse-battery", "10.0.0.1")).not.toBeNull();
    expect(await checkCredentials("viewer@test.dev", "wrong", "10.0.0.2")).toBeNull();
    expect(await checkCredentials("nobody@test.dev", "wrong", "10.0.0.3")).toBeNull();
  });

  it("slows down repeated failures for the same email and address", async () => {
    const waits: number[] = [];
    const record = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 5; i++) await checkCredentials("finance@test.dev", "wrong", "10.9.9.9", record);
    // Three free attempts, then 1 s and 2 s before the 4th and 5th (delayFor: 1000 * 2^(failures - 3)).
    expect(waits).toEqual([1000, 2000]);
    expect(delayFor(3)).toBe(1000);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, then the new one signs in and the old one does not", async () => {
    const { POST } = await import("@/app/api/v1/account/password/route");
    const wrong = await POST(request("/api/v1/account/password", { cookie: viewer.cookie, body: { currentPassword: "nope", newPassword: "new-password-123" } }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toContain("currentPassword");
    const ok = await POST(request("/api/v1/account/password", { cookie: viewer.cookie, body: { currentPassword: "correct-horse-battery", newPassword: "new-password-123" } }));
    expect(ok.status).toBe(200);
    expect(await checkCredentials("viewer@test.dev", "new-password-123", null)).not.toBeNull();
    expect(await checkCredentials("viewer@test.dev", "correct-horse-battery", "10.9.9.9")).toBeNull();
  });
});
