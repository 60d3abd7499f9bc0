/** How FOCUS names a provider (ProviderName / PublisherName / InvoiceIssuerName) and its service (ServiceName). */
const NAMES: Record<string, { name: string; service: string }> = {
  openai: { name: "OpenAI", service: "OpenAI API" },
  anthropic: { name: "Anthropic", service: "Claude API" },
  google: { name: "Google", service: "Gemini API" },
  "google-vertex": { name: "Google Cloud", service: "Vertex AI" },
  vertex: { name: "Google Cloud", service: "Vertex AI" },
  aws: { name: "Amazon Web Services", service: "Amazon Bedrock" },
  bedrock: { name: "Amazon Web Services", service: "Amazon Bedrock" },
  azure: { name: "Microsoft", service: "Azure OpenAI" },
  mistral: { name: "Mistral AI", service: "Mistral API" },
  deepseek: { name: "DeepSeek", service: "DeepSeek API" },
  groq: { name: "Groq", service: "GroqCloud" },
  cohere: { name: "Cohere", service: "Cohere API" },
  xai: { name: "xAI", service: "Grok API" },
  "x-ai": { name: "xAI", service: "Grok API" },
  perplexity: { name: "Perplexity", service: "Sonar API" },
};

export function providerName(provider: string): string {
  return NAMES[provider]?.name ?? titleCase(provider);
}

export function serviceName(provider: string): string {
  return NAMES[provider]?.service ?? `${titleCase(provider)} API`;
}

function titleCase(s: string): string {
  return s
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ") || "Unknown";
}
