/**
 * A usage-export bucket imported again with new totals replaces the stored one (lib/ingest/store/replace-changed.ts:
 * the old version found by key, deleted, and taken out of every roll-up): on Citus exactly as on plain PostgreSQL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { importStream } from "@/lib/ingest/import/import-stream";
import { closeDatabases, onBoth } from "./databases";
import { NO_DRIFT, rollupDrift } from "../rollup-check";

afterAll(closeDatabases);

const fixture = () => readFileSync(path.join(import.meta.dirname, "..", "..", "lib/ingest/sources/fixtures/openai-usage-completions.json"), "utf8");
const now = new Date("2026-12-01T00:00:00Z");

async function totals() {
  const r = await pool().query(
    `SELECT count(*)::int AS events, sum(input_tokens)::int AS input, sum(output_tokens)::int AS output, sum(requests)::int AS requests, sum(cost_nanos)::text AS cost
     FROM usage_events`,
  );
  const daily = await pool().query(`SELECT sum(events)::int AS events, sum(cost_nanos)::text AS cost FROM usage_daily`);
  return { events: r.rows[0], daily: daily.rows[0] };
}

describe("a changed usage-export bucket on Citus", () => {
  it("replaces the stored bucket and its roll-ups as plain PostgreSQL does", async () => {
    const results = await onBoth(async () => {
      const first = await importStream(Readable.from([fixture()]), { filename: "usage.json", actor: "test", now });
      const page = JSON.parse(fixture());
      const r = page.data[0].results[0];
      r.input_tokens += 500;
      r.output_tokens += 100;
      r.num_model_requests += 2;
      const second = await importStream(Readable.from([JSON.stringify(page)]), { filename: "usage.json", actor: "test", now });
      return { first: [first.accepted, first.replaced], second: [second.accepted, second.replaced, second.duplicates], after: await totals(), drift: await rollupDrift() };
    });
    // The fixture's two priced buckets: 21,000 input, 4,500 output tokens, 45 requests; the first one grows by 500/100/2.
    expect(results.citus).toMatchObject({
      first: [2, 0],
      second: [0, 1, 1],
      after: { events: { events: 2, input: 21_500, output: 4_600, requests: 47 }, daily: { events: 2 } },
      drift: NO_DRIFT,
    });
    expect(results.citus).toEqual(results.plain);
  });
});
