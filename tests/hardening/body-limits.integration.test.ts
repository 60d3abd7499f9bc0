import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../db";
import { request, userWithSession } from "../factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { pool } from "@/lib/db/pool";
import { POST as importFile } from "@/app/api/v1/imports/route";
import { POST as postBill } from "@/app/api/v1/bills/route";
import { POST as postEvals } from "@/app/api/v1/evals/route";
import { POST as postBudget } from "@/app/api/v1/budgets/route";
import { POST as postOtlp } from "@/app/api/otlp/v1/traces/route";
import { MAX_OTLP_SPANS } from "@/lib/ingest/otlp/otlp-caps";
import { MAX_JSON_BYTES } from "@/lib/api/read-json";
import { MAX_BILL_BYTES } from "@/lib/reconcile/read-bill-upload";

// Issue 10 item 7: every body streams through one byte limit (chunked too), OTLP caps spans, gzip has a decompressed cap.
useTestDatabase();

let admin: string;
let key: string;
beforeAll(async () => {
  admin = (await userWithSession("admin@limits.test", "admin")).cookie;
  key = (await createApiKey({ name: "k", scopes: ["ingest"] })).key;
});
afterEach(() => {
  delete process.env.RIGHTSIZE_MAX_IMPORT_MB;
});

/** A chunked body (no Content-Length) of `total` bytes, produced lazily; counts how much was pulled. */
function chunked(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

const send = (handler: (req: NextRequest) => Promise<Response>, url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  handler(new NextRequest(`http://localhost:3000${url}`, { method: "POST", body, headers: { host: "localhost:3000", cookie: admin, ...headers }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]));

describe("one streaming byte limit", () => {
  it.each([
    ["JSON (budgets)", postBudget, "/api/v1/budgets", MAX_JSON_BYTES, "application/json"],
    ["bill upload", postBill, "/api/v1/bills?provider=openai", MAX_BILL_BYTES, "application/json"],
    ["eval upload", postEvals, "/api/v1/evals?set=s", 50 * 1024 * 1024, "text/csv"],
  ] as const)("a chunked %s body past its limit gets 413 without being read whole", async (_name, handler, url, limit, type) => {
    const body = chunked(limit * 4);
    const res = await send(handler as never, url, body.stream, { "content-type": type });
    expect(res.status).toBe(413);
    // Reading stops at the limit (plus what is already queued), far short of the 4x body.
    expect(body.state.pulled).toBeLessThan(limit * 2);
  });

  it("a gzip import that decompresses past RIGHTSIZE_MAX_IMPORT_MB is refused with 413 naming it", async () => {
    process.env.RIGHTSIZE_MAX_IMPORT_MB = "0.05"; // floor(0.05 * 1,048,576) = 52,428 bytes, shown as 51 KB
    // 200,000 bytes of NDJSON whitespace lines compress to well under 1 KB, so only the decompressed size is over.
    const bomb = gzipSync(Buffer.from("\n".repeat(200_000)));
    expect(bomb.length).toBeLessThan(52_428);
    const res = await importFile(request("/api/v1/imports?format=native-ndjson", { key, body: new Uint8Array(bomb), headers: { "content-type": "application/octet-stream" } }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/decompresses to more than 51 KB/);
  });
});

describe("OTLP caps", () => {
  it(`refuses a request with more than ${MAX_OTLP_SPANS} spans (413), storing nothing`, async () => {
    const span = (i: number) => ({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: i.toString(16).padStart(16, "0"), name: "x", startTimeUnixNano: "1760529600000000000" });
    const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: Array.from({ length: MAX_OTLP_SPANS + 1 }, (_, i) => span(i + 1)) }] }] });
    const res = await postOtlp(request("/api/otlp/v1/traces", { key, body, headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(413);
    expect((await res.json()).message).toMatch(/20001 spans; at most 20000/);
    const stored = await pool().query(`SELECT count(*)::int AS n FROM usage_events`);
    expect(stored.rows[0].n).toBe(0);
  });
});
