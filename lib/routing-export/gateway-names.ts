/**
 * How each gateway spells a Rightsize (genai-prices) provider id. Only differences are listed; every other id is
 * used as is. Keys are never written: LiteLLM gets `os.environ/<VAR>` references, Portkey a Model Catalog provider
 * slug (`@<provider>`), OpenRouter holds the keys itself.
 */
const LITELLM_PREFIX: Record<string, string> = { google: "gemini", "x-ai": "xai" };
const LITELLM_KEY_VAR: Record<string, string> = { google: "GEMINI_API_KEY", "x-ai": "XAI_API_KEY" };
/** OpenRouter provider slugs for `provider.order` (openrouter.ai/docs/guides/routing/provider-selection). */
const OPENROUTER_PROVIDER: Record<string, string> = { google: "google-ai-studio", "x-ai": "xai" };
const OPENROUTER_MODEL_PREFIX: Record<string, string> = { "x-ai": "x-ai" };

const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const LITELLM_PREFIX_BACK = invert(LITELLM_PREFIX);

export function litellmModel(provider: string, model: string): string {
  return `${LITELLM_PREFIX[provider] ?? provider}/${model}`;
}

export function fromLitellmModel(value: string): { provider: string; model: string } {
  const i = value.indexOf("/");
  if (i <= 0) throw new Error(`litellm_params.model "${value}" has no provider prefix (provider/model)`);
  const prefix = value.slice(0, i);
  return { provider: LITELLM_PREFIX_BACK[prefix] ?? prefix, model: value.slice(i + 1) };
}

export function litellmKeyRef(provider: string): string {
  return `os.environ/${LITELLM_KEY_VAR[provider] ?? `${provider.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_API_KEY`}`;
}

/**
 * OpenRouter model ids are `<author>/<slug>`; Anthropic's slugs write versions with a dot (claude-sonnet-4.5)
 * where the provider's own API uses a dash (claude-sonnet-4-5). The mapping is reversible for these ids.
 */
export function openrouterModel(provider: string, model: string): string {
  const slug = provider === "anthropic" ? model.replace(/-(\d)-(\d)(?=$|-)/g, "-$1.$2") : model;
  return `${OPENROUTER_MODEL_PREFIX[provider] ?? provider}/${slug}`;
}

export function fromOpenrouterModel(value: string): { provider: string; model: string } {
  const i = value.indexOf("/");
  if (i <= 0) throw new Error(`OpenRouter model "${value}" is not author/slug`);
  const provider = value.slice(0, i);
  const slug = value.slice(i + 1);
  return { provider, model: provider === "anthropic" ? slug.replace(/-(\d)\.(\d)(?=$|-)/g, "-$1-$2") : slug };
}

export function openrouterProvider(provider: string): string {
  return OPENROUTER_PROVIDER[provider] ?? provider;
}

export function portkeyProvider(provider: string): string {
  return `@${provider}`;
}
