import { findProvider } from "@pydantic/genai-prices";

/**
 * Maps the many spellings of "who served this call" onto genai-prices provider ids (openai, anthropic,
 * google, aws, azure, mistral, x-ai, ...). Sources: OpenTelemetry gen_ai.provider.name and the older
 * gen_ai.system attribute, LiteLLM's custom_llm_provider, and plain names typed by users.
 * Unknown providers are kept (lower-cased) so a price override can still price them.
 */

/** Returned when neither the provider nor the model name tells who served the call. */
export const UNKNOWN_PROVIDER = "unknown";

const ALIASES: Record<string, string> = {
  // OpenAI
  openai: "openai",
  "text-completion-openai": "openai", // LiteLLM
  chatgpt: "openai",
  // Anthropic
  anthropic: "anthropic",
  // AWS Bedrock (catalogue id "aws")
  aws: "aws",
  "aws.bedrock": "aws", // OTel
  bedrock: "aws", // LiteLLM
  bedrock_converse: "aws",
  "amazon-bedrock": "aws",
  amazon_bedrock: "aws",
  amazon: "aws",
  // Azure (catalogue falls back to OpenAI/Anthropic/... prices for models it does not list itself)
  azure: "azure",
  "azure.ai.openai": "azure", // OTel
  "azure.ai.inference": "azure", // OTel
  "az.ai.openai": "azure", // OTel, older gen_ai.system
  "az.ai.inference": "azure",
  azure_ai: "azure", // LiteLLM
  azure_text: "azure",
  azure_openai: "azure",
  // Google: Gemini API and Vertex AI share the catalogue id "google" (which also prices Claude on Vertex)
  google: "google",
  "gcp.gemini": "google", // OTel
  "gcp.vertex_ai": "google",
  "gcp.gen_ai": "google",
  gemini: "google", // LiteLLM / older OTel
  vertex_ai: "google",
  vertex_ai_beta: "google",
  vertexai: "google",
  vertex: "google",
  google_genai: "google",
  google_vertex: "google",
  // Mistral
  mistral: "mistral",
  mistral_ai: "mistral", // OTel
  mistralai: "mistral",
  codestral: "mistral", // LiteLLM
  // xAI
  "x-ai": "x-ai",
  x_ai: "x-ai", // OTel
  xai: "x-ai", // LiteLLM
  // Others, as catalogue ids
  groq: "groq",
  deepseek: "deepseek",
  cohere: "cohere",
  cohere_chat: "cohere", // LiteLLM
  perplexity: "perplexity",
  perplexityai: "perplexity",
  together: "together",
  together_ai: "together", // LiteLLM
  "together-ai": "together",
  togetherai: "together",
  fireworks: "fireworks",
  fireworks_ai: "fireworks", // LiteLLM
  "fireworks-ai": "fireworks",
  cerebras: "cerebras",
  openrouter: "openrouter",
  moonshot: "moonshotai",
  moonshotai: "moonshotai",
  zhipuai: "zhipuai",
  zhipu: "zhipuai",
  zai: "zai",
  "z.ai": "zai",
  z_ai: "zai",
  minimax: "minimax",
  cloudflare: "cloudflare",
  workers_ai: "cloudflare",
  voyage: "voyageai",
  voyageai: "voyageai",
  novita: "novita",
  baseten: "baseten",
  github_copilot: "github-copilot",
  "github-copilot": "github-copilot",
  ovhcloud: "ovhcloud",
  // Not in the catalogue: a stable id so overrides can target it.
  "ibm.watsonx.ai": "ibm", // OTel
  watsonx: "ibm", // LiteLLM
  watsonx_text: "ibm",
};

/** Values that name a gateway or nothing at all rather than the serving provider: decide from the model. */
const GENERIC = new Set(["", "litellm", "litellm_proxy", "unknown", "other", "_otel", "custom", "openai_compatible"]);

/** Bedrock model ids: optional cross-region prefix, then "vendor.model" ("us.anthropic.claude-...", "meta.llama3..."). */
const BEDROCK_ID =
  /^(?:arn:aws:bedrock:|(?:us|eu|apac|ap|ca|jp|au|us-gov|global)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|twelvelabs|stability|moonshot|minimax)\.[a-z0-9]/;

/** Name prefixes of first-party models, checked in order. */
const MODEL_PREFIXES: [RegExp, string][] = [
  [/^(?:gpt-|chatgpt-|o[134](?:-|$)|text-embedding-|whisper-|dall-e|tts-1|omni-moderation|codex-mini|davinci|babbage)/, "openai"],
  [/^claude/, "anthropic"],
  [/^(?:gemini|gemma|imagen|veo-|text-bison|chat-bison)/, "google"],
  [/^(?:(?:mi|code|dev|magi|mini|pix|vox)stral|mixtral|open-mistral|open-mixtral|mistral)/, "mistral"],
  [/^grok/, "x-ai"],
  [/^deepseek/, "deepseek"],
  [/^(?:command|c4ai-)/, "cohere"],
  [/^sonar/, "perplexity"],
  [/^(?:kimi|moonshot)/, "moonshotai"],
  [/^glm-/, "zhipuai"],
  [/^voyage-/, "voyageai"],
  [/^@cf\//, "cloudflare"],
  [/^accounts\/fireworks\//, "fireworks"],
  [/^minimax/, "minimax"],
];

// normalizeProvider runs once per ingested record; inference from model names is regex work, so cache it.
const MAX_INFERRED = 10_000;
const inferred = new Map<string, string>();

export function normalizeProvider(raw: string | null | undefined, model?: string): string {
  const key = (raw ?? "").trim().toLowerCase();
  const alias = ALIASES[key];
  if (alias !== undefined) return alias;
  if (!GENERIC.has(key)) return key;
  return model ? inferFromModel(model) : UNKNOWN_PROVIDER;
}

function inferFromModel(model: string): string {
  const hit = inferred.get(model);
  if (hit !== undefined) return hit;
  const result = infer(model.trim().toLowerCase());
  if (inferred.size >= MAX_INFERRED) inferred.clear();
  inferred.set(model, result);
  return result;
}

function infer(name: string): string {
  if (BEDROCK_ID.test(name)) return "aws";
  // "anthropic/claude-...", "vertex_ai/gemini-...", "openrouter/...": LiteLLM-style provider prefix.
  const slash = name.indexOf("/");
  if (slash > 0) {
    const prefixed = ALIASES[name.slice(0, slash)];
    if (prefixed !== undefined) return prefixed;
  }
  const bare = name.startsWith("models/") ? name.slice("models/".length) : name;
  for (const [pattern, provider] of MODEL_PREFIXES) if (pattern.test(bare)) return provider;
  // Last resort: the catalogue's own model_match rules (covers providers added in newer package versions).
  return findProvider({ modelId: bare })?.id ?? UNKNOWN_PROVIDER;
}
