/**
 * Which documentation each export follows (read with the docs search and the gateways' own source on 2026-12-02).
 * Shown in every export's header so an operator can tell when a gateway has moved on.
 */
export const DOCUMENTED = {
  litellm:
    "LiteLLM proxy config.yaml as documented at docs.litellm.ai/docs/proxy/configs (updated 2026-10-13), /docs/proxy/tag_routing (2026-10-14) and /docs/proxy/reliability (fallbacks); field names checked against litellm/types/router.py (RouterConfig, UpdateRouterConfig.fallbacks, ModelInfo extra=allow)",
  portkey:
    "Portkey gateway config as documented at portkey.ai/docs/product/ai-gateway/conditional-routing and /configs (strategy.mode conditional, conditions[].query/then, default, targets[].name/override_params); checked against Portkey-AI/gateway src/middlewares/requestValidator/schema/config.ts",
  openrouter:
    "OpenRouter presets as documented at openrouter.ai/docs/guides/features/presets (a preset stores model selection, provider routing and parameters; created from a chat-completions body), /docs/guides/routing/model-fallbacks (models: fallbacks in priority order) and provider routing (provider.order, allow_fallbacks)",
  json: "Rightsize routing table, version 1 (lib/routing-export/schemas/routing-table.schema.json): for custom gateways",
} as const;
