import { describe, expect, it } from "vitest";
import { normalizeProvider } from "./index";

describe("normalizeProvider", () => {
  it.each([
    // OpenTelemetry gen_ai.provider.name / gen_ai.system
    ["openai", "openai"],
    ["anthropic", "anthropic"],
    ["aws.bedrock", "aws"],
    ["azure.ai.openai", "azure"],
    ["azure.ai.inference", "azure"],
    ["az.ai.openai", "azure"],
    ["gcp.gemini", "google"],
    ["gcp.vertex_ai", "google"],
    ["gcp.gen_ai", "google"],
    ["mistral_ai", "mistral"],
    ["groq", "groq"],
    ["deepseek", "deepseek"],
    ["x_ai", "x-ai"],
    ["cohere", "cohere"],
    ["perplexity", "perplexity"],
    ["ibm.watsonx.ai", "ibm"],
    // LiteLLM custom_llm_provider
    ["azure", "azure"],
    ["azure_ai", "azure"],
    ["bedrock", "aws"],
    ["vertex_ai", "google"],
    ["gemini", "google"],
    ["mistral", "mistral"],
    ["together_ai", "together"],
    ["fireworks_ai", "fireworks"],
    ["xai", "x-ai"],
    ["text-completion-openai", "openai"],
    ["openrouter", "openrouter"],
    ["watsonx", "ibm"],
    // Case and whitespace
    ["  OpenAI ", "openai"],
    ["Anthropic", "anthropic"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeProvider(raw)).toBe(expected);
  });

  it("keeps unknown providers (lower-cased) so overrides can target them", () => {
    expect(normalizeProvider("Ollama", "llama3")).toBe("ollama");
    expect(normalizeProvider("my-vllm")).toBe("my-vllm");
  });

  it.each([
    ["gpt-4o", "openai"],
    ["gpt-5-mini-2025-08-07", "openai"],
    ["o1", "openai"],
    ["o3-mini", "openai"],
    ["o4-mini", "openai"],
    ["text-embedding-3-small", "openai"],
    ["claude-sonnet-4-20250514", "anthropic"],
    ["gemini-2.5-pro", "google"],
    ["models/gemini-2.5-flash", "google"],
    ["mistral-large-latest", "mistral"],
    ["codestral-latest", "mistral"],
    ["grok-4", "x-ai"],
    ["deepseek-chat", "deepseek"],
    ["command-r-plus", "cohere"],
    ["sonar-pro", "perplexity"],
    ["kimi-k2", "moonshotai"],
    ["glm-4.6", "zhipuai"],
    ["anthropic.claude-3-5-sonnet-20240620-v1:0", "aws"],
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "aws"],
    ["anthropic/claude-3-5-sonnet", "anthropic"],
    ["vertex_ai/gemini-2.5-pro", "google"],
    ["@cf/meta/llama-3.1-8b-instruct", "cloudflare"],
    ["accounts/fireworks/models/llama-v3p1-8b-instruct", "fireworks"],
    ["some-local-model", "unknown"],
  ])("infers %s -> %s when the provider is missing", (model, expected) => {
    expect(normalizeProvider(null, model)).toBe(expected);
    expect(normalizeProvider(undefined, model)).toBe(expected);
    expect(normalizeProvider("", model)).toBe(expected);
  });

  it("infers through gateways that do not name the provider", () => {
    expect(normalizeProvider("litellm", "claude-3-5-haiku-20241022")).toBe("anthropic");
    expect(normalizeProvider("litellm_proxy", "openai/gpt-4o")).toBe("openai");
  });

  it("an explicit provider wins over the model name", () => {
    expect(normalizeProvider("azure", "gpt-4o")).toBe("azure");
    expect(normalizeProvider("gcp.vertex_ai", "claude-sonnet-4@20250514")).toBe("google");
  });

  it("missing provider and model", () => {
    expect(normalizeProvider(null)).toBe("unknown");
  });
});
