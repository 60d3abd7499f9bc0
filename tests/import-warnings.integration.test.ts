import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { useTestDatabase } from "./db";
import { importStream } from "@/lib/ingest/import/import-stream";
import { getIngestBatch } from "@/lib/ingest/queries/ingest-batches";
import { pool } from "@/lib/db/pool";

useTestDatabase();

/**
 * Issue 9.4: an export that cannot tell Batch / flex / priority calls apart is imported, priced at the standard rate,
 * and the import result and the Ingestion page's list (ingest_batches) say which group-by to add. A grouped one
 * prices priority at its own rate: GPT-4o mini priority $0.25 in / $1.00 out vs standard $0.15 / $0.60.
 */
const bucket = (results: unknown[]) => ({ object: "page", data: [{ object: "bucket", start_time: 1_790_812_800, end_time: 1_790_899_200, results }], has_more: false });
const result = (extra: Record<string, unknown>) => ({
  object: "organization.usage.completions.result",
  input_tokens: 1_000_000,
  output_tokens: 100_000,
  num_model_requests: 100,
  model: "gpt-4o-mini-2024-07-18",
  ...extra,
});
const run = (page: unknown, filename: string) =>
  importStream(Readable.from([Buffer.from(JSON.stringify(page))]), { actor: "test", filename, now: new Date("2026-11-01T00:00:00Z") });

describe("OpenAI usage export grouping", () => {
  it("warns when not grouped by batch and service_tier, naming the group-by, and prices at the standard rate", async () => {
    const answer = await run(bucket([result({ project_id: "p1" })]), "ungrouped.json");
    expect(answer.accepted).toBe(1);
    expect(answer.warnings).toEqual([{ kind: "openai_not_grouped", count: 1, message: expect.stringContaining("group_by=batch and group_by=service_tier") }]);
    expect((await getIngestBatch({ kind: "user", label: "test" }, answer.batchId)).warnings).toEqual(answer.warnings);
    // 1,000,000 * 150 + 100,000 * 600 = 150,000,000 + 60,000,000 nano-$ = $0.21
    const r = await pool().query(`SELECT cost_nanos::text AS cost FROM usage_events WHERE source_key = 'p1'`);
    expect(r.rows[0].cost).toBe("210000000");
  });

  it("prices a grouped priority result at its own rate, without a warning", async () => {
    const answer = await run(bucket([result({ project_id: "p2", batch: false, service_tier: "priority" })]), "grouped.json");
    expect(answer.warnings).toEqual([]);
    // 1,000,000 * 250 + 100,000 * 1,000 = 250,000,000 + 100,000,000 nano-$ = $0.35
    const r = await pool().query(`SELECT cost_nanos::text AS cost FROM usage_events WHERE source_key = 'p2'`);
    expect(r.rows[0].cost).toBe("350000000");
  });
});
