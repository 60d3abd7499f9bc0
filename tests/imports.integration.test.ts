import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { useTestDatabase } from "./db";
import { request } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as importFile } from "@/app/api/v1/imports/route";
import { POST as detect } from "@/app/api/v1/imports/detect/route";
import { GET as listBatches } from "@/app/api/v1/ingest-batches/route";
import { GET as getBatch } from "@/app/api/v1/ingest-batches/[id]/route";
import { GET as unpriced } from "@/app/api/v1/unpriced-models/route";
import { pool } from "@/lib/db/pool";

useTestDatabase();

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "lib/ingest/sources/fixtures", name));
let key: string;

beforeAll(async () => {
  key = (await createApiKey({ name: "importer", scopes: ["ingest", "read"] })).key;
});
afterEach(() => {
  delete process.env.RIGHTSIZE_MAX_IMPORT_MB;
});

async function upload(body: Uint8Array | string, query = "") {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const res = await importFile(request(`/api/v1/imports${query}`, { key, body: bytes, headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) } }));
  return { status: res.status, body: await res.json() };
}

async function totals(source: number) {
  const r = await pool().query(
    `SELECT count(*)::int AS events, sum(input_tokens)::int AS input, sum(output_tokens)::int AS output, sum(requests)::int AS requests, sum(cost_nanos)::text AS cost
     FROM usage_events WHERE source = $1`,
    [source],
  );
  return r.rows[0];
}

/** A usage page with its first result's totals grown, as a later export of a still-filling bucket has them. */
function grown(json: Buffer, mutate: (page: Record<string, any>) => void): string {
  const page = JSON.parse(json.toString("utf8"));
  mutate(page);
  return JSON.stringify(page);
}

describe("POST /api/v1/imports", () => {
  it("imports Rightsize NDJSON, naming the line of every rejected record; the same file again adds nothing", async () => {
    const first = await upload(fixture("native-events.ndjson"), "?filename=events.ndjson");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ format: "native-ndjson", gzip: false, accepted: 2, duplicates: 0, rejected: 3 });
    expect(first.body.errors).toEqual([
      { index: 4, field: "input_tokens", message: "must be a non-negative integer, got -5" },
      { index: 5, field: "record", message: expect.stringContaining("not valid JSON") },
      { index: 6, field: "cached_input_tokens", message: expect.stringContaining("exceed input_tokens") },
    ]);
    const again = await upload(gzipSync(fixture("native-events.ndjson")), "?filename=events.ndjson.gz");
    expect(again.body).toMatchObject({ format: "native-ndjson", gzip: true, accepted: 0, duplicates: 2, rejected: 3 });
  });

  it("replaces an OpenAI usage bucket re-exported with new totals, and keeps every roll-up equal to a recomputation", async () => {
    const first = await upload(fixture("openai-usage-completions.json"));
    expect(first.body).toMatchObject({ format: "openai-usage", accepted: 2, rejected: 1, replaced: 0 });
    expect(first.body.errors[0]).toMatchObject({ field: "data[1].results[0].model" });
    const before = await totals(3);
    expect(before).toMatchObject({ events: 2, input: 21000, output: 4500, requests: 45 });

    const later = grown(fixture("openai-usage-completions.json"), (p) => {
      const r = p.data[0].results[0];
      r.input_tokens += 500;
      r.output_tokens += 100;
      r.num_model_requests += 2;
    });
    const second = await upload(later);
    expect(second.body).toMatchObject({ accepted: 0, replaced: 1, duplicates: 1, rejected: 1 });
    const after = await totals(3);
    expect(after).toMatchObject({ events: 2, input: 21500, output: 4600, requests: 47 });
    expect(BigInt(after.cost)).toBeGreaterThan(BigInt(before.cost));
    expect(await rollupDrift()).toEqual(NO_DRIFT);

    // The same export once more: identical rows are duplicates, nothing is replaced.
    expect((await upload(later)).body).toMatchObject({ accepted: 0, replaced: 0, duplicates: 2 });
    expect(await totals(3)).toEqual(after);
  });

  it("replaces a changed Anthropic usage bucket the same way", async () => {
    const first = await upload(fixture("anthropic-usage-messages.json"));
    expect(first.body).toMatchObject({ format: "anthropic-usage", accepted: 2, rejected: 0 });
    const later = grown(fixture("anthropic-usage-messages.json"), (p) => {
      p.data[0].results[1].uncached_input_tokens += 10_000;
    });
    expect((await upload(later)).body).toMatchObject({ accepted: 0, replaced: 1, duplicates: 1 });
    expect((await totals(4)).input).toBe(3200 + 100_000);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("imports LiteLLM spend logs (CSV), skipping calls that carry no usage", async () => {
    const res = await upload(fixture("litellm-spend-logs.csv"), "?filename=spend.csv");
    expect(res.body.format).toBe("litellm-csv");
    expect(res.body.accepted).toBeGreaterThan(0);
    expect(res.body.accepted + res.body.rejected + res.body.skipped).toBeGreaterThan(res.body.accepted - 1);
    expect((await upload(fixture("litellm-spend-logs.csv"), "?filename=spend.csv")).body).toMatchObject({ accepted: 0, duplicates: res.body.accepted });
  });

  it("honours ?format= and refuses a file it cannot read with a plain reason", async () => {
    const res = await upload("request_id,foo\n1,2\n", "?filename=other.csv");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("does not look like a LiteLLM spend-log export");
    const forced = await upload('{"timestamp":"2026-01-01T00:00:00Z","model":"gpt-4o","input_tokens":1,"id":"forced-1"}', "?format=native-json");
    expect(forced.body).toMatchObject({ format: "native-json", accepted: 1 });
  });

  it("answers 413 before reading a file over the import limit", async () => {
    process.env.RIGHTSIZE_MAX_IMPORT_MB = "0.001";
    const res = await upload(fixture("openai-usage-completions.json"));
    expect(res.status).toBe(413);
  });

  it("detects a file's format from its first bytes", async () => {
    const res = await detect(request("/api/v1/imports/detect?filename=usage.json.gz", { key, body: gzipSync(fixture("anthropic-usage-messages.json")), headers: { "content-type": "application/octet-stream" } }));
    // Detection says how sure it is and which fields decided (issue 15 item 7).
    expect(await res.json()).toEqual({
      detected: {
        format: "anthropic-usage",
        gzip: true,
        description: "Anthropic usage report (Admin API pages), certain (uncached_input_tokens, starting_at, ending_at), gzip-compressed",
        confidence: "certain",
        evidence: ["uncached_input_tokens", "starting_at", "ending_at", "results", "cache_creation", "cache_read_input_tokens", "output_tokens"],
      },
      error: null,
    });
    const bad = await detect(request("/api/v1/imports/detect?filename=x.txt", { key, body: "hello", headers: { "content-type": "text/plain" } }));
    expect(await bad.json()).toMatchObject({ detected: null, error: expect.stringMatching(/unrecognised file.*Rightsize imports: OpenTelemetry traces/) });
  });

  it("lists the imports with their counts, and one import with its rejected lines", async () => {
    const list = await (await listBatches(request("/api/v1/ingest-batches?kind=files&limit=50", { key }))).json();
    const ndjson = list.batches.find((b: { filename: string }) => b.filename === "events.ndjson");
    expect(ndjson).toMatchObject({ source: "file", format: "native-ndjson", status: "done", accepted: 2, rejected: 3, stream: false });
    const detail = await (await getBatch(request(`/api/v1/ingest-batches/${ndjson.id}`, { key }), { params: Promise.resolve({ id: String(ndjson.id) }) })).json();
    expect(detail.errors.map((e: { index: number }) => e.index)).toEqual([4, 5, 6]);
  });

  it("lists unpriced models with their calls and tokens", async () => {
    await upload('{"id":"u-1","timestamp":"2026-01-01T00:00:00Z","provider":"acme","model":"acme-large","input_tokens":100,"output_tokens":10}\n{"id":"u-2","timestamp":"2026-01-02T00:00:00Z","provider":"acme","model":"acme-large","input_tokens":50,"output_tokens":5}\n');
    const res = await (await unpriced(request("/api/v1/unpriced-models", { key }))).json();
    expect(res.models).toContainEqual({ modelId: expect.any(Number), provider: "acme", model: "acme-large", events: 2, requests: 2, inputTokens: 150, outputTokens: 15, firstDay: "2026-01-01", lastDay: "2026-01-02" });
  });
});
