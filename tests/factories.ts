import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { IngestSession } from "@/lib/ingest/ingest-session";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { createUser } from "@/lib/users/create-user";
import type { RoleName } from "@/lib/auth/roles";

/** Test factories shared by integration tests (seeds are factories; each test creates what it needs). */
let counter = 0;

export function usageEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  counter++;
  return {
    source: "api",
    externalId: `test-${Date.now()}-${counter}`,
    occurredAt: new Date("2026-10-15T12:00:00Z"),
    provider: "openai",
    model: "gpt-4o",
    inputTokens: 1000,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 100,
    reasoningTokens: 0,
    requests: 1,
    team: "search",
    workload: "query-rewrite",
    user: null,
    sourceKey: null,
    batch: false,
    serviceTier: null,
    sourceCostNanos: null,
    latencyMs: null,
    status: null,
    tags: {},
    ...overrides,
  };
}

export async function ingest(events: UsageEvent[]) {
  const session = await IngestSession.open({ source: "test", format: "native", actor: "test" });
  for (const [i, e] of events.entries()) await session.add(e, i);
  return session.finish();
}

export async function userWithSession(email: string, role: RoleName, teams: string[] = []) {
  const user = await createUser({ email, password: "correct-horse-battery", role, teams, actor: "test" });
  const token = await encode({ token: { uid: user.id, email }, secret: process.env.NEXTAUTH_SECRET! });
  return { user, cookie: `next-auth.session-token=${token}` };
}

export function request(url: string, init: { cookie?: string; key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const body = init.body === undefined ? undefined : typeof init.body === "string" || init.body instanceof Uint8Array ? (init.body as BodyInit) : JSON.stringify(init.body);
  return new NextRequest(new URL(url, "http://localhost"), { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}
