import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../db";
import { userWithSession } from "../factories";
import { concrete, routeMethods, type RouteMethod } from "./route-files";

// Issue 10 item 9: bad ids and malformed JSON on every route get 400 with a message, never a 500.
useTestDatabase();

let admin: string;
let routes: RouteMethod[];
beforeAll(async () => {
  routes = (await routeMethods()).filter((r) => !r.pattern.startsWith("/api/auth/")); // next-auth: needs Next's runtime
  admin = (await userWithSession("admin@bad-input.test", "admin")).cookie;
});

async function call(route: RouteMethod, values: Record<string, string>, body?: string, contentType = "application/json") {
  const { url, params } = concrete(route, values);
  const headers: Record<string, string> = { host: "localhost:3000", origin: "http://localhost:3000", cookie: admin };
  if (body !== undefined) headers["content-type"] = contentType;
  const res = await route.handler(new NextRequest(url, { method: route.method, headers, body }), { params: Promise.resolve(params) });
  const text = await res.text();
  let message: unknown;
  try {
    const json = JSON.parse(text);
    message = json?.error?.message ?? json?.message; // OTLP answers carry an OTLP Status {code, message}
  } catch {
    message = undefined;
  }
  return { status: res.status, message };
}

describe("bad input", () => {
  it("a malformed id in the path is a 400 naming it, on every route with an id", async () => {
    const wrong: string[] = [];
    const withId = routes.filter((r) => r.segments.includes("id"));
    expect(withId.length).toBeGreaterThan(10);
    for (const route of withId) {
      for (const id of ["abc", "1.5", "-1", "99999999999999999999", "1e3"]) {
        const res = await call(route, { id }, route.method === "GET" || route.method === "DELETE" ? undefined : "{}");
        if (res.status !== 400 || typeof res.message !== "string" || !/id/.test(res.message)) wrong.push(`${route.key} id=${id}: ${res.status} ${String(res.message)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  // Routes that read a JSON body answer 400 "the request body is not valid JSON: ..."; ingestion routes that
  // take files or event batches (events, imports, OTLP) answer per record or with their own 400, never a 500.
  it("a malformed JSON body gets a 4xx with a message (never a 500) on every write route", async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method !== "GET")) {
      for (const body of ["{", '{"a":', "[1,2", "\u0000", "null", "42"]) {
        const res = await call(route, {}, body);
        const ok = res.status >= 400 ? res.status < 500 && typeof res.message === "string" && res.message.length > 0 : res.status < 400;
        if (!ok) wrong.push(`${route.key} body=${JSON.stringify(body)}: ${res.status} ${String(res.message)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe("JSON routes", () => {
  it("answer 400 naming the JSON problem", async () => {
    const jsonRoutes = ["POST /api/v1/budgets", "POST /api/v1/users", "PATCH /api/v1/users/[id]", "POST /api/v1/keys", "POST /api/v1/account/password", "POST /api/v1/whatif"];
    for (const key of jsonRoutes) {
      const route = routes.find((r) => r.key === key)!;
      const res = await call(route, { id: "1" }, "{");
      expect([key, res.status, res.message]).toEqual([key, 400, expect.stringMatching(/^the request body is not valid JSON: /)]);
    }
  });
});
