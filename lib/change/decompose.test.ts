import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TOKEN_TYPES, type TokenType } from "@/lib/reports/token-cost-split";
import { decomposeChange, sumRows, type ChangeCell } from "./decompose";
import { describeChange } from "./describe";

type Types = Partial<Record<TokenType, bigint>>;
const full = (t: Types) => Object.fromEntries(TOKEN_TYPES.map((k) => [k, t[k] ?? 0n])) as Record<TokenType, bigint>;
const cell = (period: "base" | "current", item: string, requests: bigint, tokens: Types, cost: Types, key = "org"): ChangeCell => ({
  key, label: key, item, period, requests, tokens: full(tokens), cost: full(cost),
});

describe("decomposeChange", () => {
  it("splits volume up and price down (one model)", () => {
    // Base: 100 calls x 1,000 input tokens at $2/Mtok (2,000 nanos/token) = 200,000,000 nanos ($0.20).
    // Current: 150 calls x 1,000 tokens at $1/Mtok = 150,000,000 ($0.15). Change -50,000,000.
    // S1 = 200M x 150/100 = 300M -> volume +100M. S2 = 150 x 200M/100 = 300M -> mix 0.
    // S3 = S4 = 150,000 tokens x 2,000 = 300M -> tokens 0, cache 0. price = 150M - 300M = -150M.
    const [row] = decomposeChange([
      cell("base", "openai/gpt-4o", 100n, { input: 100_000n }, { input: 200_000_000n }),
      cell("current", "openai/gpt-4o", 150n, { input: 150_000n }, { input: 150_000_000n }),
    ]);
    expect(row).toEqual({
      key: "org", label: "org", baseNanos: 200_000_000n, currentNanos: 150_000_000n, changeNanos: -50_000_000n,
      parts: { volume: 100_000_000n, mix: 0n, tokens: 0n, cache: 0n, price: -150_000_000n },
    });
  });

  it("puts a shift of calls to a pricier model in mix", () => {
    // A costs 1,000,000 nanos a call, B 10,000,000. Base A 90 + B 10 = 90M + 100M = 190M.
    // Current A 60 + B 40 = 60M + 400M = 460M; calls unchanged (100) so volume 0; S2 = 460M: mix +270M.
    const [row] = decomposeChange([
      cell("base", "a", 90n, { input: 90_000n }, { input: 90_000_000n }),
      cell("base", "b", 10n, { input: 10_000n }, { input: 100_000_000n }),
      cell("current", "a", 60n, { input: 60_000n }, { input: 60_000_000n }),
      cell("current", "b", 40n, { input: 40_000n }, { input: 400_000_000n }),
    ]);
    expect(row.parts).toEqual({ volume: 0n, mix: 270_000_000n, tokens: 0n, cache: 0n, price: 0n });
    expect(row.changeNanos).toBe(270_000_000n);
  });

  it("separates longer prompts from a higher cache share", () => {
    // 10 calls both months. Base: 1,000 uncached input tokens a call at 2,000 nanos = 20,000,000.
    // Current: 2,000 input a call, half cache reads at 200 nanos: 10 x (1,000 x 2,000 + 1,000 x 200) = 22,000,000.
    // S3: input doubles with the base split (all uncached): 20,000 x 2,000 = 40M -> tokens +20M.
    // S4: current split at base prices (cache reads unseen in base -> their current 200): 20M + 2M = 22M -> cache -18M.
    // price = 22M - 22M = 0. Sum +20M - 18M = +2M = 22M - 20M.
    const [row] = decomposeChange([
      cell("base", "m", 10n, { input: 10_000n }, { input: 20_000_000n }),
      cell("current", "m", 10n, { input: 10_000n, cached_input: 10_000n }, { input: 20_000_000n, cached_input: 2_000_000n }),
    ]);
    expect(row.parts).toEqual({ volume: 0n, mix: 0n, tokens: 20_000_000n, cache: -18_000_000n, price: 0n });
  });

  it("calls a new group's whole spend volume and a new model's spend mix", () => {
    // New team: base 0, current 5M -> volume 5M. Old team adds a new model costing 3M beside an unchanged 7M one.
    const rows = decomposeChange([
      cell("current", "m", 5n, { input: 5n }, { input: 5_000_000n }, "new-team"),
      cell("base", "m", 7n, { input: 7n }, { input: 7_000_000n }, "old-team"),
      cell("current", "m", 7n, { input: 7n }, { input: 7_000_000n }, "old-team"),
      cell("current", "n", 3n, { input: 3n }, { input: 3_000_000n }, "old-team"),
    ]);
    // old-team: calls 7 -> 10, S1 = 7M x 10/7 = 10M (volume +3M); S2 = 7M + 3M (new item at its own cost) = 10M: mix 0.
    expect(rows.map((r) => [r.key, r.parts.volume, r.parts.mix, r.changeNanos])).toEqual([
      ["new-team", 5_000_000n, 0n, 5_000_000n],
      ["old-team", 3_000_000n, 0n, 3_000_000n],
    ]);
    expect(sumRows(rows).changeNanos).toBe(8_000_000n);
  });

  it("compares one day with the mean of several base days (baseDivisor)", () => {
    // 4 usual days: 400 calls, 400M nanos (mean 100 calls, 100M a day). The day: 200 calls, 200M.
    // S0 = 400M / 4 = 100M; S1 = 400M x 200/400 = 200M -> volume +100M, nothing else.
    const [row] = decomposeChange([
      cell("base", "m", 400n, { input: 400n }, { input: 400_000_000n }),
      cell("current", "m", 200n, { input: 200n }, { input: 200_000_000n }),
    ], 4n);
    expect(row.baseNanos).toBe(100_000_000n);
    expect(row.parts).toEqual({ volume: 100_000_000n, mix: 0n, tokens: 0n, cache: 0n, price: 0n });
  });

  it("always sums exactly to the change, whatever the rounding", () => {
    const arbCell = fc.record({
      period: fc.constantFrom("base" as const, "current" as const),
      item: fc.constantFrom("a", "b", "c"),
      requests: fc.bigInt({ min: 0n, max: 1000n }),
      input: fc.bigInt({ min: 0n, max: 100_000n }),
      cached: fc.bigInt({ min: 0n, max: 100_000n }),
      output: fc.bigInt({ min: 0n, max: 100_000n }),
      costIn: fc.bigInt({ min: 0n, max: 10n ** 10n }),
      costCached: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      costOut: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    });
    fc.assert(
      fc.property(fc.array(arbCell, { maxLength: 12 }), fc.bigInt({ min: 1n, max: 9n }), (cs, divisor) => {
        const cells = cs.map((c) => cell(c.period, c.item, c.requests, { input: c.input, cached_input: c.cached, output: c.output }, { input: c.costIn, cached_input: c.costCached, output: c.costOut }));
        for (const r of decomposeChange(cells, divisor)) {
          const sum = r.parts.volume + r.parts.mix + r.parts.tokens + r.parts.cache + r.parts.price;
          expect(sum).toBe(r.changeNanos);
          expect(r.currentNanos - r.baseNanos).toBe(r.changeNanos);
        }
      }),
    );
  });
});

describe("describeChange", () => {
  it("gives shares when the parts pull the same way", () => {
    // $329.60 of $412.00 is 80%, $82.40 is 20%.
    expect(describeChange(412_000_000_000n, { volume: 329_600_000_000n, mix: 82_400_000_000n, tokens: 0n, cache: 0n, price: 0n })).toBe(
      "+$412.00: 80% volume, 20% switch to a pricier model",
    );
  });

  it("gives dollars when they pull against each other", () => {
    expect(describeChange(-50_000_000n, { volume: 100_000_000n, mix: 0n, tokens: 0n, cache: 0n, price: -150_000_000n })).toBe(
      "-$0.05: -$0.15 lower unit prices, +$0.10 volume",
    );
  });
});
