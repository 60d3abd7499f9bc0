import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { GET } from "@/app/api/v1/spend/change/route";

useTestDatabase();

let admin: { cookie: string };
let salesLead: { cookie: string };
const get = (query: string, who = admin) => GET(request(`/api/v1/spend/change?${query}`, { cookie: who.cookie }));
const MONTHS = "from=2026-11-01&to=2026-11-30&vsFrom=2026-10-01&vsTo=2026-10-31";
const price = (model: string, input: string, output: string, cached: string | null, validFrom: string, provider = "acme") =>
  createPriceOverride({ provider, model, inputPerMtok: input, outputPerMtok: output, cachedInputPerMtok: cached, cacheWritePerMtok: null, validFrom, note: null }, { label: "test", userId: null });
const calls = (n: number, day: string, e: Parameters<typeof usageEvent>[0]) => Array.from({ length: n }, () => usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), outputTokens: 0, ...e }));

beforeAll(async () => {
  // Prices per token: $1/Mtok = 1,000 nanos. acme-small $1 in, $0.10 cached; acme-large $10 in. gpt-4o's catalogue
  // $2.50 in; from 1 November a negotiated $1.25 (the provider price falls).
  await price("acme-small", "1", "2", "0.1", "2026-01-01");
  await price("acme-large", "10", "20", null, "2026-01-01");
  await price("gpt-4o", "1.25", "5", null, "2026-11-01", "openai");
  await ingest([
    // search / query-rewrite: volume rises, price falls.
    // Oct: 100 calls x 1,000 input at $2.50/M = $0.0025 each = $0.25. Nov: 150 x 1,000 at $1.25/M = $0.1875.
    ...calls(100, "2026-10-15", { team: "search", workload: "query-rewrite" }),
    ...calls(150, "2026-11-15", { team: "search", workload: "query-rewrite" }),
    // sales / call-summaries: 100 calls both months.
    // Oct: 80 acme-small x 1,000 in ($0.001) = $0.08 + 20 acme-large x 1,000 in ($0.01) = $0.20 -> $0.28.
    // Nov: 50 acme-small x 2,000 in of which 1,000 cached ($0.001 + $0.0001) = $0.055 + 50 acme-large = $0.50 -> $0.555.
    ...calls(80, "2026-10-15", { team: "sales", workload: "call-summaries", provider: "acme", model: "acme-small", inputTokens: 1000 }),
    ...calls(20, "2026-10-15", { team: "sales", workload: "call-summaries", provider: "acme", model: "acme-large", inputTokens: 1000 }),
    ...calls(50, "2026-11-15", { team: "sales", workload: "call-summaries", provider: "acme", model: "acme-small", inputTokens: 2000, cachedInputTokens: 1000 }),
    ...calls(50, "2026-11-15", { team: "sales", workload: "call-summaries", provider: "acme", model: "acme-large", inputTokens: 1000 }),
  ]);
  admin = await userWithSession("admin@change.test", "admin");
  salesLead = await userWithSession("lead@change.test", "lead", ["sales"]);
});

describe("GET /api/v1/spend/change", () => {
  it("explains each team's change in parts that add up exactly (volume up, price down; mix, tokens, cache)", async () => {
    const res = await get(`${MONTHS}&groupBy=team`);
    expect(res.status).toBe(200);
    const body = await res.json();
    // search: change -0.0625. volume = 0.25 x 150/100 - 0.25 = +0.125; price = 0.1875 - 150 x 0.0025 = -0.1875.
    // sales: change +0.275. calls 100 -> 100: volume 0. Mix: 50 x 0.001 + 50 x 0.01 = 0.55 vs 0.28 -> +0.27.
    //   Tokens: small input 80,000 -> 100,000 at $1/M with the base split (all uncached) = 0.10; + large 0.50 = 0.60 -> +0.05.
    //   Cache: small 50,000 uncached x $1/M + 50,000 cached x $0.10/M = 0.055; + 0.50 = 0.555 -> -0.045. Price 0.
    expect(body.rows).toEqual([
      {
        key: "sales", label: "sales", baseUsd: "0.28", currentUsd: "0.555", changeUsd: "0.275",
        parts: { volumeUsd: "0.00", mixUsd: "0.27", priceUsd: "0.00", tokensUsd: "0.05", cacheUsd: "-0.045" },
        explanation: "+$0.28: +$0.27 switch to a pricier model, +$0.05 more tokens per call, -$0.05 more cached input",
      },
      {
        key: "search", label: "search", baseUsd: "0.25", currentUsd: "0.1875", changeUsd: "-0.0625",
        parts: { volumeUsd: "0.125", mixUsd: "0.00", priceUsd: "-0.1875", tokensUsd: "0.00", cacheUsd: "0.00" },
        explanation: "-$0.06: -$0.19 lower unit prices, +$0.13 volume",
      },
    ]);
    // totals = the rows' sums: 0.53 -> 0.7425.
    expect(body.totals).toMatchObject({
      baseUsd: "0.53", currentUsd: "0.7425", changeUsd: "0.2125",
      parts: { volumeUsd: "0.125", mixUsd: "0.27", priceUsd: "-0.1875", tokensUsd: "0.05", cacheUsd: "-0.045" },
    });
  });

  it("decomposes the organisation as one group (calls move between teams' models too)", async () => {
    const body = await (await get(MONTHS)).json();
    // Calls 200 -> 250. S0 0.53; S1 = 0.53 x 250/200 = 0.6625 (volume +0.1325).
    // S2 = 150 x 0.0025 + 50 x 0.001 + 50 x 0.01 = 0.925 (mix +0.2625). S3 = 0.375 + 0.10 + 0.50 = 0.975 (tokens +0.05).
    // S4 = 0.375 + 0.055 + 0.50 = 0.93 (cache -0.045). Price = 0.7425 - 0.93 = -0.1875. Sum = +0.2125.
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({
      key: "organisation", baseUsd: "0.53", currentUsd: "0.7425", changeUsd: "0.2125",
      parts: { volumeUsd: "0.1325", mixUsd: "0.2625", priceUsd: "-0.1875", tokensUsd: "0.05", cacheUsd: "-0.045" },
    });
  });

  it("defaults the base to the same days a month earlier, and filters by workload", async () => {
    const body = await (await get("from=2026-11-01&to=2026-11-30&groupBy=workload&workload=query-rewrite")).json();
    expect([body.vsFrom, body.vsTo]).toEqual(["2026-10-01", "2026-10-31"]);
    expect(body.rows.map((r: { key: string; changeUsd: string }) => [r.key, r.changeUsd])).toEqual([["query-rewrite", "-0.0625"]]);
  });

  it("shows a lead only their teams", async () => {
    const body = await (await get(`${MONTHS}&groupBy=team`, salesLead)).json();
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(["sales"]);
    expect(body.totals.changeUsd).toBe("0.275");
  });

  it("refuses overlapping periods, bad dates and unknown parameters", async () => {
    const cases: [string, RegExp][] = [
      ["from=2026-11-01&to=2026-11-30&vsFrom=2026-10-15&vsTo=2026-11-05", /overlaps/],
      ["from=2026-11-01&to=2026-11-30&vsFrom=2026-10-31&vsTo=2026-10-01", /vsFrom \(2026-10-31\) is after vsTo/],
      ["groupBy=model", /groupBy/],
      ["workload=nope", /workload: no workload "nope"/],
      ["month=2026-11", /unknown parameter "month"/],
    ];
    for (const [q, message] of cases) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toMatch(message);
    }
    expect((await GET(request(`/api/v1/spend/change?${MONTHS}`))).status).toBe(401);
  });
});
