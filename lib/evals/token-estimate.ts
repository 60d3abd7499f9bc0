/**
 * Token count estimate from text: ~4 characters per token, the rule of thumb for English text with OpenAI's
 * tokenizers (their docs: "1 token ~= 4 chars in English"). Good to roughly +-20% on prose and maths word problems;
 * the exact count depends on each model's tokenizer (Mixtral's differs from GPT-4's), which we do not ship.
 * Used only where a data set has text but no token counts (RouteLLM responses), to give the what-if engine sizes.
 */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / CHARS_PER_TOKEN);
}
