import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { useTestDatabase } from "./db";
import { ingest, usageEvent } from "./factories";
import { pool } from "@/lib/db/pool";
import { EVENT_COLUMNS } from "@/lib/ingest/store/columns";
import { BinaryRows } from "@/lib/ingest/store/copy-binary";
import { formatEventRow, type ResolvedIds } from "@/lib/ingest/store/format-event";
import type { UsageEvent } from "@/lib/ingest/usage-event";

useTestDatabase();

/** Awkward values of every column: unicode, escapes, NULLs, old and future-ish dates, the largest counts. */
const cases: [UsageEvent, ResolvedIds][] = [
  [usageEvent({ externalId: "b-1", user: "zoë ✓ 😀", team: "tab\there", workload: "new\nline", sourceKey: "back\\slash", tags: { "service.name": "svc", "ünï": "ç😀", quote: '"q"', ctl: "tab\tnew\nline\u0001", back: "a\\b", long: "y".repeat(100), "2": "integer-like key" } }), { modelId: 1, teamId: 2, workloadId: 3, apiKeyId: 4, price: { costNanos: 123_456_789_012n, priceSource: 1, overrideId: null }, batchId: 9 }],
  [usageEvent({ externalId: "b-2", source: "otlp", occurredAt: new Date("1999-12-31T23:59:59.999Z"), user: null, team: null, workload: null, tags: {}, batch: true, serviceTier: "flex", status: "error", latencyMs: 2_147_483_647, sourceCostNanos: 9_000_000_000_000_000_000n }), { modelId: 7, teamId: null, workloadId: null, apiKeyId: null, price: { costNanos: null, priceSource: 0, overrideId: null }, batchId: 1 }],
  [usageEvent({ externalId: "b-3", source: "file", occurredAt: new Date("2026-11-23T10:15:00.123Z"), inputTokens: 2_147_483_647, cachedInputTokens: 0, outputTokens: 2_147_483_647, reasoningTokens: 5, requests: 0 }), { modelId: 2, teamId: 1, workloadId: null, apiKeyId: 3, price: { costNanos: 0n, priceSource: 2, overrideId: 17 }, batchId: 2 }],
  [usageEvent({ externalId: "b-4", source: "anthropic", occurredAt: new Date("2100-02-28T00:00:00Z") }), { modelId: 3, teamId: 5, workloadId: 6, apiKeyId: null, price: { costNanos: 1n, priceSource: 1, overrideId: null }, batchId: 3 }],
];

async function copyInto(table: string, source: Iterable<Buffer | string>, binary: boolean) {
  const client = await pool().connect();
  try {
    await pipeline(Readable.from(source), client.query(copyFrom(`COPY ${table} (${EVENT_COLUMNS.join(", ")}) FROM STDIN${binary ? " (FORMAT binary)" : ""}`)));
  } finally {
    client.release();
  }
}

describe("COPY BINARY rows", () => {
  it("store exactly what the text rows store, for every column", async () => {
    await pool().query("CREATE TABLE copy_text (LIKE usage_events)");
    await pool().query("CREATE TABLE copy_binary (LIKE usage_events)");
    await copyInto("copy_text", [cases.map(([e, ids]) => formatEventRow(e, ids)).join("\n") + "\n"], false);
    const binary = new BinaryRows();
    for (const [e, ids] of cases) binary.add(e, ids);
    await copyInto("copy_binary", binary.chunks(), true);
    const diff = await pool().query("(SELECT * FROM copy_text EXCEPT SELECT * FROM copy_binary) UNION ALL (SELECT * FROM copy_binary EXCEPT SELECT * FROM copy_text)");
    expect(diff.rows).toEqual([]);
    expect((await pool().query("SELECT count(*)::int AS n FROM copy_binary")).rows[0].n).toBe(cases.length);
    await pool().query("DROP TABLE copy_text, copy_binary");
  });

  it("spans many buffers for a large batch", async () => {
    await pool().query("CREATE TABLE copy_many (LIKE usage_events)");
    const rows = new BinaryRows();
    for (let i = 0; i < 20_000; i++) {
      const e = usageEvent({ externalId: `many-${i}`, user: "x".repeat(i % 300), tags: { k: "v".repeat(i % 50) } });
      rows.add(e, cases[0][1]);
    }
    const chunks = rows.chunks();
    expect(chunks.length).toBeGreaterThan(3);
    await copyInto("copy_many", chunks, true);
    expect((await pool().query("SELECT count(*)::int AS n, sum(length(user_name))::int AS chars FROM copy_many")).rows[0]).toEqual({ n: 20_000, chars: Array.from({ length: 20_000 }, (_, i) => i % 300).reduce((a, b) => a + b, 0) });
    await pool().query("DROP TABLE copy_many");
  });

  it("refuses an event with a NUL character, naming the field, and keeps the others", async () => {
    const summary = await ingest([usageEvent({ externalId: "nul-1", user: "a\0b" }), usageEvent({ externalId: "nul-2", tags: { k: "v\0" } }), usageEvent({ externalId: "nul-3" })]);
    expect(summary).toMatchObject({ accepted: 1, rejected: 2, errors: [{ index: 0, field: "user" }, { index: 1, field: "tags" }] });
  });
});
