import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { useTestDatabase } from "../db";
import { ingest, request, usageEvent } from "../factories";
import { NO_DRIFT, rollupDrift } from "../rollup-check";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as importFile } from "@/app/api/v1/imports/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

// Issue 10 item 1: a team-bound ingest key touches only its own team's data.
useTestDatabase();

const fixture = readFileSync(path.join(process.cwd(), "lib/ingest/sources/fixtures/openai-usage-completions.json"));
let orgKey: string; // an unbound ingest key (may write for every team)
let betaKey: string; // bound to team "beta"

beforeAll(async () => {
  // Team alpha owns workload "alpha-chat"; team beta exists with its own key.
  await ingest([usageEvent({ externalId: "seed-alpha", team: "alpha", workload: "alpha-chat" })]);
  const beta = await prisma().team.create({ data: { slug: "beta", name: "Beta" } });
  orgKey = (await createApiKey({ name: "org", scopes: ["ingest"] })).key;
  betaKey = (await createApiKey({ name: "beta-gw", scopes: ["ingest"], teamId: beta.id })).key;
});

async function upload(body: string | Buffer, key: string) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  const res = await importFile(request("/api/v1/imports", { key, body: bytes, headers: { "content-type": "application/octet-stream" } }));
  return { status: res.status, body: await res.json() };
}

async function post(events: unknown[], key: string) {
  const res = await postEvents(request("/api/v1/events", { key, body: events }));
  return { status: res.status, body: await res.json() };
}

const openAiTotals = async () =>
  (await pool().query(`SELECT count(*)::int AS events, sum(input_tokens)::int AS input FROM usage_events WHERE source = 3`)).rows[0];

describe("team-bound ingest key", () => {
  it("(a) cannot replace usage-export buckets another key stored; an unbound key still can", async () => {
    const first = await upload(fixture, orgKey);
    expect(first.body).toMatchObject({ accepted: 2, replaced: 0 });
    // The fixture's two good buckets hold 21000 input tokens in all (see imports.integration.test.ts).
    expect(await openAiTotals()).toEqual({ events: 2, input: 21000 });

    const page = JSON.parse(fixture.toString("utf8"));
    page.data[0].results[0].input_tokens += 500; // the same bucket re-exported with 500 more input tokens
    const grown = JSON.stringify(page);

    const byBeta = await upload(grown, betaKey);
    // Both buckets are already stored by another key: duplicates, nothing replaced, totals untouched.
    expect(byBeta.body).toMatchObject({ accepted: 0, replaced: 0, duplicates: 2 });
    expect(await openAiTotals()).toEqual({ events: 2, input: 21000 });

    const byOrg = await upload(grown, orgKey);
    expect(byOrg.body).toMatchObject({ accepted: 0, replaced: 1, duplicates: 1 });
    expect(await openAiTotals()).toEqual({ events: 2, input: 21500 }); // 21000 + 500
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("(b) refuses an event naming another team's workload, with a per-row error", async () => {
    const res = await post([{ id: "b-1", timestamp: "2026-10-15T12:00:00Z", provider: "openai", model: "gpt-4o", input_tokens: 10, output_tokens: 1, workload: "alpha-chat" }], betaKey);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(res.body.errors).toEqual([{ index: 0, field: "workload", message: expect.stringContaining("belongs to another team") }]);
    const stored = await pool().query(`SELECT count(*)::int AS n FROM usage_events e JOIN workloads w ON w.id = e.workload_id WHERE w.slug = 'alpha-chat'`);
    expect(stored.rows[0].n).toBe(1); // only the seed event
  });

  it("(c) a rejected row creates no team, workload or model", async () => {
    const res = await post(
      [{ id: "c-1", timestamp: "2026-10-15T12:00:00Z", provider: "openai", model: "never-seen-model-x", input_tokens: 10, output_tokens: 1, team: "gamma", workload: "gamma-bot" }],
      betaKey,
    );
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1, errors: [{ index: 0, field: "team" }] });
    const created = await pool().query(
      `SELECT (SELECT count(*)::int FROM teams WHERE slug = 'gamma') AS teams, (SELECT count(*)::int FROM workloads WHERE slug = 'gamma-bot') AS workloads,
              (SELECT count(*)::int FROM models WHERE name = 'never-seen-model-x') AS models`,
    );
    expect(created.rows[0]).toEqual({ teams: 0, workloads: 0, models: 0 });
  });

  it("still stores its own team's events, on a new workload it then owns", async () => {
    const res = await post([{ id: "d-1", timestamp: "2026-10-15T12:00:00Z", provider: "openai", model: "gpt-4o", input_tokens: 10, output_tokens: 1, team: "beta", workload: "beta-bot" }], betaKey);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 0 });
    const w = await pool().query(`SELECT t.slug FROM workloads w JOIN teams t ON t.id = w.team_id WHERE w.slug = 'beta-bot'`);
    expect(w.rows[0].slug).toBe("beta");
  });
});
