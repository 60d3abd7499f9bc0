import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../db";
import { userWithSession } from "../factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/prisma";
import { EXPECTED, POLICIES, type Caller } from "./authorization-matrix.expected";
import { concrete, routeMethods, type RouteMethod } from "./route-files";

// Issue 10 item 3: every app/api/**/route.ts method, called as each kind of caller, against the expected table
// kept beside this file (authorization-matrix.expected.ts; its header says how to add a row).
useTestDatabase();

/**
 * next-auth's own handler reads cookies() from Next's request scope, which exists only inside a running Next
 * server: it keeps its row (public) but is exercised by the e2e sign-in instead of being called here.
 */
const NEEDS_NEXT_RUNTIME = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]);
const CALLERS: Caller[] = ["anonymous", "viewer", "lead", "finance", "admin", "ingestKey", "readKey", "teamKey"];
const credentials = {} as Record<Caller, { cookie?: string; key?: string }>;
let routes: RouteMethod[];

beforeAll(async () => {
  routes = await routeMethods();
  const teamA = await prisma().team.create({ data: { slug: "team-a", name: "Team A" } });
  credentials.anonymous = {};
  credentials.viewer = { cookie: (await userWithSession("viewer@matrix.test", "viewer")).cookie };
  credentials.lead = { cookie: (await userWithSession("lead@matrix.test", "lead", ["team-a"])).cookie };
  credentials.finance = { cookie: (await userWithSession("finance@matrix.test", "finance")).cookie };
  credentials.admin = { cookie: (await userWithSession("admin@matrix.test", "admin")).cookie };
  credentials.ingestKey = { key: (await createApiKey({ name: "ingest", scopes: ["ingest"] })).key };
  credentials.readKey = { key: (await createApiKey({ name: "read", scopes: ["read"] })).key };
  credentials.teamKey = { key: (await createApiKey({ name: "team", scopes: ["ingest", "read"], teamId: teamA.id })).key };
}, 120_000);

async function call(route: RouteMethod, caller: Caller): Promise<number> {
  const { url, params } = concrete(route);
  const c = credentials[caller];
  const headers: Record<string, string> = { host: "localhost:3000", origin: "http://localhost:3000" };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.key) headers.authorization = `Bearer ${c.key}`;
  const write = route.method !== "GET";
  if (write) headers["content-type"] = "application/json";
  const req = new NextRequest(url, { method: route.method, headers, body: write ? "{}" : undefined });
  const res = await route.handler(req, { params: Promise.resolve(params) });
  await res.body?.cancel().catch(() => {});
  return res.status;
}

describe("authorization matrix", () => {
  it("has a row for every route method, and no row for a route that is gone", () => {
    const found = routes.map((r) => r.key).sort();
    expect(found.filter((k) => !(k in EXPECTED)), "route methods missing from authorization-matrix.expected.ts").toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !found.includes(k)), "rows for routes that no longer exist").toEqual([]);
  });

  it("answers every caller as the table expects (401, 403 or allowed; never a 500)", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const policy = EXPECTED[route.key];
      if (!policy) continue; // reported by the test above
      if (NEEDS_NEXT_RUNTIME.has(route.key)) continue;
      for (const caller of CALLERS) {
        const status = await call(route, caller);
        const expected = POLICIES[policy][caller];
        const ok = expected === "allowed" ? status !== 401 && status !== 403 && status < 500 : status === expected;
        if (!ok) wrong.push(`${route.key} as ${caller}: ${status}, expected ${expected} (${policy})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
