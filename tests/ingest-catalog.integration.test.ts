import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request } from "./factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST } from "@/app/api/v1/events/route";
import { pool } from "@/lib/db/pool";
import { ingestCatalog } from "@/lib/ingest/store/ingest-catalog";

/**
 * Ingestion keeps models, teams, workloads, rules, price overrides and promoted keys per process and reads them
 * again only when their fingerprint changes (lib/ingest/store/ingest-catalog.ts). What an admin changes between two
 * requests must reach the second one, however it was changed.
 */
useTestDatabase();

let key: string;
beforeAll(async () => {
  key = (await createApiKey({ name: "gateway", scopes: ["ingest"] })).key;
});

let sent = 0;
async function send(events: Record<string, unknown>[]) {
  const body = events.map((e) => JSON.stringify({ id: `catalog-${++sent}`, user: `caller-${sent}`, timestamp: "2026-10-15T12:00:00Z", provider: "openai", model: "gpt-4o", input_tokens: 1000, output_tokens: 100, ...e })).join("\n");
  const res = await POST(request("/api/v1/events", { key, body, headers: { "content-type": "application/x-ndjson" } }));
  expect(res.status).toBe(200);
  return res.json();
}

/** The team of the last call sent (each call is sent as its own user). */
async function teamOfLastEvent(): Promise<string | null> {
  const row = await pool().query<{ slug: string | null }>(`SELECT t.slug FROM usage_events e LEFT JOIN teams t ON t.id = e.team_id WHERE e.user_name = $1`, [`caller-${sent}`]);
  return row.rows[0].slug;
}

describe("the ingestion catalog kept between requests", () => {
  it("is read once while nothing changes, and again after any change to its tables", async () => {
    const first = await ingestCatalog(pool());
    expect(await ingestCatalog(pool())).toBe(first);
    await pool().query(`INSERT INTO teams (slug, name) VALUES ('catalog-new', 'New')`);
    const second = await ingestCatalog(pool());
    expect(second).not.toBe(first);
    expect(second.dims.cachedTeam("catalog-new")).toEqual(expect.any(Number));
    await pool().query(`UPDATE price_overrides SET model = model`); // no rows: nothing changed, nothing read
    expect(await ingestCatalog(pool())).toBe(second);
  });

  it("a workload moved to another team: the next request's calls of that workload go to the new team", async () => {
    await send([{ team: "search", workload: "triage" }]); // creates the workload, owned by search
    await send([{ workload: "triage" }]);
    expect(await teamOfLastEvent()).toBe("search");
    await pool().query(`INSERT INTO teams (slug, name) VALUES ('support', 'Support') ON CONFLICT DO NOTHING`);
    await pool().query(`UPDATE workloads SET team_id = (SELECT id FROM teams WHERE slug = 'support') WHERE slug = 'triage'`);
    await send([{ workload: "triage" }]);
    expect(await teamOfLastEvent()).toBe("support");
  });

  it("an attribution rule saved between two requests attributes the second request's calls", async () => {
    await send([{ tags: { "service.name": "billing-bot" } }]);
    expect(await teamOfLastEvent()).toBeNull();
    await pool().query(`INSERT INTO teams (slug, name) VALUES ('billing', 'Billing') ON CONFLICT DO NOTHING`);
    await pool().query(
      `INSERT INTO attribution_rules (position, name, match, team_id) VALUES (1, 'billing bot', '{"serviceName":"billing-bot"}', (SELECT id FROM teams WHERE slug = 'billing'))`,
    );
    await send([{ tags: { "service.name": "billing-bot" } }]);
    expect(await teamOfLastEvent()).toBe("billing");
  });

  it("concurrent requests of one key share its hourly row in the Ingestion list, with every call counted once", async () => {
    await pool().query(`DELETE FROM ingest_batches WHERE stream_key IS NOT NULL`);
    const answers = await Promise.all(Array.from({ length: 8 }, () => send([{}, {}, {}])));
    expect(answers.map((a) => a.accepted)).toEqual(Array(8).fill(3));
    const rows = await pool().query<{ accepted: number }>(`SELECT accepted FROM ingest_batches WHERE stream_key IS NOT NULL`);
    expect(rows.rows).toEqual([{ accepted: 24 }]);
  });
});
