import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { useTestDatabase } from "../db";
import { request } from "../factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { pool } from "@/lib/db/pool";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as importFile } from "@/app/api/v1/imports/route";

// Issue 10 item 11 (through the routes): random and mutated request bodies never give a 500, a refused request
// stores nothing, and an accepted one stores exactly its accepted events (none of its rejected rows).
useTestDatabase();

const RUNS = { seed: 20261202, numRuns: 40 };
let key: string;
beforeAll(async () => {
  key = (await createApiKey({ name: "fuzz", scopes: ["ingest"] })).key;
});
const stored = async () => (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events`)).rows[0].n;

let n = 0;
const event = fc.record(
  {
    id: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 10 }).map((s) => `fz-${n++}-${s}`)),
    timestamp: fc.oneof(fc.constant("2026-10-15T12:00:00Z"), fc.string({ maxLength: 12 }), fc.integer()),
    provider: fc.oneof(fc.constant("openai"), fc.string({ maxLength: 6 })),
    model: fc.oneof(fc.constant("gpt-4o"), fc.string({ maxLength: 8 })),
    input_tokens: fc.oneof(fc.nat({ max: 100_000 }), fc.integer(), fc.double(), fc.string({ maxLength: 4 })),
    output_tokens: fc.oneof(fc.nat({ max: 10_000 }), fc.integer()),
    team: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 6 })),
  },
  { requiredKeys: [] },
);

describe("ingestion route fuzzing", () => {
  it("POST /api/v1/events: never 500; 4xx stores nothing; 200 stores exactly `accepted`", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(event, { maxLength: 8 }).map((a) => JSON.stringify(a)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 60 })), async (body) => {
        const before = await stored();
        const res = await postEvents(request("/api/v1/events", { key, body, headers: { "content-type": "application/json" } }));
        const answer = await res.json();
        expect(res.status).toBeLessThan(500);
        const added = (await stored()) - before;
        if (res.status >= 400) {
          expect(added).toBe(0);
          expect(answer.error.message.length).toBeGreaterThan(0);
        } else {
          expect(added).toBe(answer.accepted);
          for (const e of answer.errors) expect(e.field.length > 0 && e.message.length > 0).toBe(true);
        }
      }),
      RUNS,
    );
  }, 120_000);

  it("POST /api/v1/imports: random bytes never give a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const res = await importFile(request("/api/v1/imports", { key, body: bytes, headers: { "content-type": "application/octet-stream" } }));
        expect(res.status).toBeLessThan(500);
        await res.body?.cancel().catch(() => {});
      }),
      { ...RUNS, numRuns: 25 },
    );
  }, 120_000);
});
