import { readFileSync } from "node:fs";
import { findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { MAIN_PROVIDERS } from "@/lib/pricing/catalogue";
import { INPUT_BUCKET_EDGES, INPUT_BUCKET_SQL, TIER_STARTS, bucketRange } from "./shape-rollup";

/** Postgres width_bucket(x, edges) for a sorted array, in JS. */
const bucketOf = (x: number) => INPUT_BUCKET_EDGES.filter((e) => e <= x).length;

describe("usage_shape_daily input buckets", () => {
  it("has an edge just above every context-length tier threshold of the bundled catalogue", () => {
    const starts = new Set<number>();
    for (const providerId of [...MAIN_PROVIDERS, "openrouter", "vertex"]) {
      for (const m of findProvider({ providerId })?.models ?? []) {
        const list = Array.isArray(m.prices) ? m.prices.map((p) => p.prices) : [m.prices];
        for (const prices of list) {
          for (const v of Object.values(prices ?? {})) {
            if (v && typeof v === "object" && "tiers" in v) for (const t of (v as { tiers: { start: number }[] }).tiers) starts.add(t.start);
          }
        }
      }
    }
    expect([...starts].sort((a, b) => a - b)).toEqual(TIER_STARTS);
    for (const start of starts) expect(bucketOf(start + 1), `tier at ${start}`).not.toBe(bucketOf(start));
  });

  it("is half-octaves elsewhere, and the latest migration rebuilds with the very same expression", () => {
    expect([bucketOf(0), bucketOf(1), bucketOf(2), bucketOf(3), bucketOf(4), bucketOf(5), bucketOf(6)]).toEqual([0, 1, 2, 3, 4, 4, 5]);
    expect(bucketRange(bucketOf(1_500))).toEqual({ from: 1_024, to: 1_536 });
    expect(bucketRange(bucketOf(200_000))).toEqual({ from: 200_000, to: 200_001 });
    const migration = readFileSync("prisma/migrations/20261202010001_shape_per_call/migration.sql", "utf8");
    expect(migration).toContain(INPUT_BUCKET_SQL);
  });
});
