import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findProvider } from "@pydantic/genai-prices";
import { catalogueModels, catalogueVersion, defaultTier, isKnownModel, type PriceOverrideInput } from "./index";
import { catalogueNumberToNanos, nanosToDecimal, plainDecimal } from "./decimal";
import { compilePeriods } from "./periods";

// Every provider id in @pydantic/genai-prices 0.1.8 (the package does not export the list).
const ALL_PROVIDER_IDS = [
  "anthropic", "arcee", "avian", "aws", "azure", "baseten", "cerebras", "cloudflare", "cohere", "cursor", "deepseek",
  "doubleword", "fireworks", "github-copilot", "google", "groq", "huggingface_cerebras", "huggingface_fireworks-ai",
  "huggingface_groq", "huggingface_hyperbolic", "huggingface_nebius", "huggingface_novita", "huggingface_nscale",
  "huggingface_ovhcloud", "huggingface_publicai", "huggingface_sambanova", "huggingface_together", "minimax", "mistral",
  "modal", "moonshotai", "novita", "openai", "openrouter", "ovhcloud", "perplexity", "quicksilverpro", "together",
  "typesafe", "voyageai", "x-ai", "zai", "zhipuai",
];

describe("catalogue data", () => {
  it("catalogueVersion matches the installed package (bump GENAI_PRICES_VERSION on upgrade)", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../node_modules/@pydantic/genai-prices/package.json"), "utf8"));
    expect(catalogueVersion()).toBe(`@pydantic/genai-prices@${pkg.version}`);
  });

  it("every published price converts to nano-dollars exactly, and every model compiles", () => {
    let checked = 0;
    const rounded: string[] = [];
    for (const id of ALL_PROVIDER_IDS) {
      const provider = findProvider({ providerId: id });
      expect(provider?.id, id).toBe(id);
      for (const model of provider!.models) {
        expect(() => compilePeriods(model.prices), `${id}/${model.id}`).not.toThrow();
        const entries = Array.isArray(model.prices) ? model.prices.map((c) => c.prices) : [model.prices];
        for (const prices of entries) {
          for (const value of Object.values(prices)) {
            const numbers = typeof value === "number" ? [value] : value ? [value.base, ...value.tiers.map((t) => t.price)] : [];
            for (const n of numbers) {
              // Round trip through the exact integer gives the very same number: no price lost precision...
              const back = Number(nanosToDecimal(catalogueNumberToNanos(n)));
              if (back !== n) {
                // ...except a handful of float artefacts in the data (0.18000000000000002, 1/12 = 0.0833...),
                // which land on the nearest nano-dollar per MILLION tokens.
                expect(Math.abs(back - n), `${id}/${model.id}: ${n}`).toBeLessThanOrEqual(5e-10);
                rounded.push(`${id}/${model.id}: ${n}`);
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(3_000);
    expect(rounded.length).toBeLessThan(10);
  });

  it("converts through the decimal string, never float arithmetic", () => {
    expect(catalogueNumberToNanos(0.0375)).toBe(37_500_000n);
    expect(catalogueNumberToNanos(0.1 + 0.2)).toBe(300_000_000n); // 0.30000000000000004 rounds at 9 decimals
    expect(catalogueNumberToNanos(3.4375)).toBe(3_437_500_000n);
    expect(plainDecimal(1.5e-7)).toBe("0.00000015");
    expect(catalogueNumberToNanos(1.5e-7)).toBe(150n);
    expect(catalogueNumberToNanos(4e-10)).toBe(0n); // below a nano-dollar per million tokens
    expect(catalogueNumberToNanos(0.08333333333333334)).toBe(83_333_333n);
    expect(plainDecimal(1e21)).toBe("1000000000000000000000");
  });
});

describe("isKnownModel / catalogueModels", () => {
  it("knows catalogue models under any alias", () => {
    expect(isKnownModel("openai", "gpt-4o-2024-08-06")).toBe(true);
    expect(isKnownModel("gcp.vertex_ai", "gemini-2.5-pro")).toBe(true);
    expect(isKnownModel("bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0")).toBe(true);
    expect(isKnownModel("openai", "my-finetune-xyz")).toBe(false);
    expect(isKnownModel("ollama", "llama3")).toBe(false);
  });

  it("lists current prices as exact decimal strings, one entry per provider/model", () => {
    const models = catalogueModels(new Date("2025-09-01T00:00:00Z"));
    const keys = models.map((m) => `${m.provider}/${m.model}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(models.find((m) => m.provider === "openai" && m.model === "gpt-4o")).toMatchObject({ inputPerMtok: "2.5", outputPerMtok: "10" });
    expect(models.find((m) => m.provider === "openai" && m.model === "o3")).toMatchObject({ inputPerMtok: "2", outputPerMtok: "8" });
    // Base (<= 200k) tier of a tiered model.
    expect(models.find((m) => m.provider === "google" && m.model === "gemini-2.5-pro")).toMatchObject({ inputPerMtok: "1.25", outputPerMtok: "10" });
    expect(models.some((m) => m.model.includes("embedding"))).toBe(false);
    expect(new Set(models.map((m) => m.provider))).toContain("anthropic");
  });
});

describe("defaultTier (output $/Mtok: >= 10 frontier, >= 1.5 mid, else small)", () => {
  it("classifies by current output price", () => {
    expect(defaultTier("openai", "gpt-5")).toBe("frontier"); // $10
    expect(defaultTier("anthropic", "claude-sonnet-4-20250514")).toBe("frontier"); // $15
    expect(defaultTier("openai", "gpt-5-mini")).toBe("mid"); // $2
    expect(defaultTier("google", "gemini-2.5-flash")).toBe("mid"); // $2.50
    expect(defaultTier("openai", "gpt-5-nano")).toBe("small"); // $0.40
    expect(defaultTier("openai", "gpt-4o-mini")).toBe("small"); // $0.60
    expect(defaultTier("openai", "text-embedding-3-small")).toBe("small"); // input price only
    expect(defaultTier("openai", "no-such-model")).toBeNull();
  });

  it("uses the override in force when given", () => {
    const cheap: PriceOverrideInput = {
      id: 1, provider: "openai", model: "gpt-5", inputPerMtok: "0.5", cachedInputPerMtok: null, cacheWritePerMtok: null,
      outputPerMtok: "1.5", validFrom: new Date("2020-01-01T00:00:00Z"),
    };
    expect(defaultTier("openai", "gpt-5", [cheap])).toBe("mid");
    expect(defaultTier("ibm", "granite", [{ ...cheap, provider: "ibm", model: "granite", outputPerMtok: "0.2" }])).toBe("small");
    expect(defaultTier("openai", "gpt-5", [{ ...cheap, validFrom: new Date("2999-01-01T00:00:00Z") }])).toBe("frontier");
  });
});
