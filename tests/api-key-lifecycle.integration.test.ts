import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request, userWithSession } from "./factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as listKeys, POST as postKey } from "@/app/api/v1/keys/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { prisma } from "@/lib/db/prisma";

useTestDatabase();

const spendUrl = "/api/v1/spend?from=2026-10-01&to=2026-10-31&groupBy=team";
let admin: { cookie: string };
beforeAll(async () => {
  admin = await userWithSession("admin@keys.test", "admin");
});

function rightsize(...args: string[]) {
  const r = spawnSync(process.execPath, ["cli/bin.mjs", ...args], { encoding: "utf8", env: { ...process.env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe("API key expiry", () => {
  it("a key works until its expiry, then gets 401 saying it expired (reads, ingestion)", async () => {
    const { key, record } = await createApiKey({ name: "temp", scopes: ["read", "ingest"], expiresAt: new Date(Date.now() + 24 * 3600_000) });
    expect((await getSpend(request(spendUrl, { key }))).status).toBe(200);

    // The expiry instant passes (moved into the past rather than waiting).
    await prisma().apiKey.update({ where: { id: record.id }, data: { expiresAt: new Date("2026-11-30T00:00:00Z") } });
    const res = await getSpend(request(spendUrl, { key }));
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("unauthenticated");
    expect(body.error.message).toBe(`API key ${record.prefix} expired on 2026-11-30T00:00:00.000Z; create a new key (Settings > API keys or rightsize keys create)`);

    const ingest = await postEvents(request("/api/v1/events", { key, body: { events: [] } }));
    expect(ingest.status).toBe(401);
    expect((await ingest.json()).error.message).toContain("expired on 2026-11-30");
  });

  it("POST /api/v1/keys takes expiresAt as a date (start of that UTC day) and refuses one in the past, naming the field", async () => {
    const created = await postKey(request("/api/v1/keys", { cookie: admin.cookie, body: { name: "quarterly", scopes: ["read"], expiresAt: "2099-03-31" } }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id } })).expiresAt?.toISOString()).toBe("2099-03-31T00:00:00.000Z");

    const past = await postKey(request("/api/v1/keys", { cookie: admin.cookie, body: { name: "old", scopes: ["read"], expiresAt: "2020-01-01" } }));
    expect(past.status).toBe(400);
    expect((await past.json()).error.message).toBe("expiresAt: 2020-01-01T00:00:00.000Z is not in the future");

    const garbled = await postKey(request("/api/v1/keys", { cookie: admin.cookie, body: { name: "bad", scopes: ["read"], expiresAt: "31/03/2099" } }));
    expect(garbled.status).toBe(400);
    expect(JSON.stringify(await garbled.json())).toContain("expiresAt");
  });
});

describe("API key last use", () => {
  it("is recorded on use, to the minute, and listed with expiry and status", async () => {
    const { key, record } = await createApiKey({ name: "reader", scopes: ["read"] });
    expect(record.lastUsedAt).toBeNull();
    const before = Date.now();
    await getSpend(request(spendUrl, { key }));
    const first = (await prisma().apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt!;
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 5); // set by this call (timestamps are kept to the ms)

    // A second call within the minute does not write the row again...
    await getSpend(request(spendUrl, { key }));
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(first);
    // ...one after a use more than a minute ago does (2026-12-01 10:00 is long past).
    await prisma().apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date("2026-12-01T10:00:00Z") } });
    await getSpend(request(spendUrl, { key }));
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before);

    const listed = (await (await listKeys(request("/api/v1/keys", { cookie: admin.cookie }))).json()).keys as { prefix: string; lastUsedAt: string | null; expiresAt: string | null; status: string }[];
    const row = listed.find((k) => k.prefix === record.prefix)!;
    expect(row.lastUsedAt).not.toBeNull();
    expect(row).toMatchObject({ expiresAt: null, status: "active" });
    expect(listed.find((k) => k.expiresAt === "2026-11-30T00:00:00.000Z")?.status).toBe("expired"); // the key expired above
  });
});

describe("rightsize keys create --expires / list / revoke", () => {
  it("creates an expiring key, lists its expiry and last use, revokes it by prefix", async () => {
    const created = rightsize("keys", "create", "--name", "ci-runner", "--scope", "read", "--expires", "2099-06-30");
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout;
    expect(created.stderr).toContain("expires 2099-06-30T00:00:00.000Z");
    const prefix = key.split("_").slice(0, 2).join("_");
    await prisma().apiKey.update({ where: { prefix }, data: { lastUsedAt: new Date("2026-12-01T09:41:27Z") } });

    const list = rightsize("keys", "list");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.split("\n")[0]).toMatch(/^PREFIX\s+NAME\s+SCOPES\s+TEAM\s+STATUS\s+EXPIRES\s+LAST USED$/);
    const line = list.stdout.split("\n").find((l) => l.startsWith(prefix))!;
    // expiry and last use printed to the minute, in UTC
    expect(line).toMatch(new RegExp(`^${prefix}\\s+ci-runner\\s+read\\s+all\\s+active\\s+2099-06-30 00:00 UTC\\s+2026-12-01 09:41 UTC$`));

    const revoked = rightsize("keys", "revoke", prefix);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe(`Revoked ${prefix} "ci-runner".`);
    const res = await getSpend(request(spendUrl, { key }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(new RegExp(`^API key ${prefix} was revoked on `));
    expect(rightsize("keys", "list").stdout.split("\n").find((l) => l.startsWith(prefix))).toMatch(/\srevoked\s/);

    const unknown = rightsize("keys", "revoke", "rs_00000000");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("rightsize: API key rs_00000000 not found");
  }, 300_000); // five CLI processes, each compiling the CLI with tsx: slow on a busy machine
});
