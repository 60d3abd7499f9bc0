/**
 * The models the demo company calls, with the behaviour the generator needs to make their usage look real.
 * Prices are NOT here: the app prices demo events with @pydantic/genai-prices like any other event, so ids and
 * provider ids are spelled exactly as that package knows them (company.test.ts checks each one prices).
 */
export type DemoTier = "frontier" | "mid" | "small";

/**
 * How a model reports reasoning ("thinking") tokens:
 * - reported: counted in output and reported separately (OpenAI reasoning_tokens, Gemini thoughts_token_count);
 * - hidden: billed as output but not broken out (Anthropic extended thinking);
 * - none: the model does not reason before answering.
 */
export type ReasoningReport = "reported" | "hidden" | "none";

export interface DemoModel {
  provider: string;
  model: string;
  tier: DemoTier;
  reasoning: ReasoningReport;
  /** Anthropic charges explicit cache writes; OpenAI/Google cache implicitly (reads only). */
  cacheWrites: boolean;
  contextWindow: number;
  /** Latency model: time to first token + input processing + output generation. Rough public figures. */
  ttftMs: number;
  prefillMsPerKTok: number;
  outputTokPerSec: number;
}

const model = (
  provider: string,
  id: string,
  tier: DemoTier,
  reasoning: ReasoningReport,
  contextWindow: number,
  ttftMs: number,
  outputTokPerSec: number,
): DemoModel => ({
  provider,
  model: id,
  tier,
  reasoning,
  cacheWrites: provider === "anthropic",
  contextWindow,
  ttftMs,
  prefillMsPerKTok: tier === "frontier" ? 12 : tier === "mid" ? 8 : 4,
  outputTokPerSec,
});

export const DEMO_MODELS: readonly DemoModel[] = [
  model("openai", "gpt-5", "frontier", "reported", 400_000, 900, 60),
  model("openai", "gpt-5.1", "frontier", "reported", 400_000, 700, 70),
  model("openai", "o3", "frontier", "reported", 200_000, 1500, 55),
  model("openai", "gpt-4.1", "frontier", "none", 1_047_576, 500, 80),
  model("openai", "gpt-4o", "mid", "none", 128_000, 450, 90),
  model("openai", "gpt-5-mini", "mid", "reported", 400_000, 600, 110),
  model("openai", "gpt-4.1-mini", "mid", "none", 1_047_576, 350, 120),
  model("openai", "gpt-5-nano", "small", "reported", 400_000, 400, 180),
  model("openai", "gpt-4.1-nano", "small", "none", 1_047_576, 250, 200),
  model("anthropic", "claude-opus-4-1", "frontier", "hidden", 200_000, 1400, 40),
  model("anthropic", "claude-opus-4-5", "frontier", "hidden", 200_000, 1100, 50),
  // 1M context (beta): long-context calls past 200k input hit the higher tier price.
  model("anthropic", "claude-sonnet-4-5", "frontier", "hidden", 1_000_000, 800, 70),
  model("anthropic", "claude-haiku-4-5", "small", "hidden", 200_000, 400, 150),
  model("google", "gemini-2.5-pro", "frontier", "reported", 1_048_576, 1200, 80),
  model("google", "gemini-2.5-flash", "mid", "reported", 1_048_576, 450, 180),
  model("google", "gemini-2.5-flash-lite", "small", "none", 1_048_576, 300, 250),
  model("mistral", "mistral-large-2512", "mid", "none", 256_000, 500, 70),
  model("mistral", "mistral-small-latest", "small", "none", 128_000, 250, 150),
  model("deepseek", "deepseek-chat", "mid", "none", 64_000, 800, 40),
];

const BY_ID = new Map(DEMO_MODELS.map((m) => [m.model, m]));

/** Looks a demo model up by id; throws on a typo so company.ts cannot name a model the generator does not know. */
export function demoModel(id: string): DemoModel {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`demo model "${id}" is not in DEMO_MODELS`);
  return found;
}
