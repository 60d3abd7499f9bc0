/**
 * The exporters and formats Rightsize imports, and what each maps to. One list for the Ingestion page and the README
 * table (supported-exporters.test.ts fails when the README's table and this list disagree).
 * "rules" means the value is kept as a tag that attribution rules (Settings → Attribution) can map to a team or workload.
 */
export interface SupportedExporter {
  name: string;
  /** How it gets in: an API route, OTLP/HTTP, or a file import (Ingestion page, POST /api/v1/imports, `rightsize ingest`). */
  via: string;
  tokens: string;
  cache: string;
  team: string;
  workload: string;
  user: string;
}

export const SUPPORTED_EXPORTERS: SupportedExporter[] = [
  {
    name: "Rightsize events (JSON, NDJSON)",
    via: "POST /api/v1/events, file",
    tokens: "input_tokens, output_tokens, reasoning_tokens",
    cache: "cached_input_tokens, cache_write_tokens, cache_write_1h_tokens",
    team: "team",
    workload: "workload",
    user: "user",
  },
  {
    name: "OpenTelemetry GenAI semantic conventions (any OTel SDK)",
    via: "OTLP/HTTP /api/otlp/v1/traces (protobuf or JSON), file",
    tokens: "gen_ai.usage.input_tokens, output_tokens, reasoning.output_tokens",
    cache: "gen_ai.usage.cache_read.input_tokens, cache_creation.input_tokens",
    team: "rightsize.team, team",
    workload: "rightsize.workload; rules on service.name, gen_ai.agent.name",
    user: "user.id, enduser.id",
  },
  {
    name: "OpenLLMetry (Traceloop)",
    via: "OTLP/HTTP, file",
    tokens: "gen_ai.usage.input_tokens or prompt_tokens, output_tokens or completion_tokens, reasoning_tokens",
    cache: "gen_ai.usage.cache_read_input_tokens, cache_creation_input_tokens, cache_creation.ephemeral_1h_input_tokens",
    team: "rightsize.team; rules on traceloop.association.properties.*",
    workload: "rules on traceloop.workflow.name",
    user: "user.id",
  },
  {
    name: "OpenInference (Arize Phoenix)",
    via: "OTLP/HTTP, file",
    tokens: "llm.token_count.prompt, completion, completion_details.reasoning",
    cache: "llm.token_count.prompt_details.cache_read, cache_write",
    team: "rightsize.team",
    workload: "rules on service.name, session.id",
    user: "user.id",
  },
  {
    name: "Vercel AI SDK telemetry",
    via: "OTLP/HTTP, file",
    tokens: "ai.usage.inputTokens or promptTokens, outputTokens or completionTokens, reasoningTokens (doGenerate/doStream spans)",
    cache: "ai.usage.cachedInputTokens; providerMetadata openai.cachedPromptTokens, anthropic.cacheReadInputTokens, cacheCreationInputTokens",
    team: "rules on ai.telemetry.metadata.*",
    workload: "rules on ai.telemetry.functionId",
    user: "user.id",
  },
  {
    name: "Pydantic AI (Logfire)",
    via: "OTLP/HTTP, file",
    tokens: "chat spans' gen_ai.usage.* (agent-run totals are skipped); operation.cost kept as the source's cost",
    cache: "as OpenTelemetry GenAI",
    team: "rightsize.team",
    workload: "rules on agent_name, gen_ai.agent.name",
    user: "user.id",
  },
  {
    name: "OpenLIT",
    via: "OTLP/HTTP, file",
    tokens: "gen_ai.usage.input_tokens, output_tokens; gen_ai.usage.cost kept as the source's cost",
    cache: "as OpenTelemetry GenAI",
    team: "rightsize.team",
    workload: "rules on gen_ai.application_name, deployment.environment",
    user: "user.id",
  },
  {
    name: "OpenAI Usage API pages",
    via: "file",
    tokens: "input_tokens, output_tokens, num_model_requests",
    cache: "input_cached_tokens, input_cache_write_tokens",
    team: "rules on openai.project_id, openai.api_key_id",
    workload: "rules on openai.project_id",
    user: "user_id",
  },
  {
    name: "Anthropic usage report",
    via: "file",
    tokens: "uncached_input_tokens (+ cache counts), output_tokens",
    cache: "cache_read_input_tokens, cache_creation.ephemeral_5m_input_tokens, ephemeral_1h_input_tokens",
    team: "rules on anthropic.workspace_id, anthropic.api_key_id",
    workload: "rules on anthropic.workspace_id",
    user: "—",
  },
  {
    name: "LiteLLM spend logs (CSV, JSON, /spend/logs, /spend/logs/ui pages)",
    via: "file; or its OTel callback over OTLP/HTTP",
    tokens: "prompt_tokens (meaning decided per row), completion_tokens",
    cache: "cache_read_input_tokens, cache_creation_input_tokens, cache_creation_token_details.ephemeral_1h_input_tokens",
    team: "metadata.user_api_key_team_alias, team_id",
    workload: "rules on request_tags, litellm.key_alias",
    user: "user, end_user",
  },
  {
    name: "Langfuse observations (JSON, JSONL, GET /api/public/observations)",
    via: "file",
    tokens: "GENERATION usageDetails input, output (+ total)",
    cache: "usageDetails cache_read_input_tokens, input_cached_tokens, cache_creation_input_tokens",
    team: "rules on langfuse.environment",
    workload: "rules on langfuse.observation.name, langfuse.prompt_name",
    user: "userId",
  },
  {
    name: "Langfuse SDK v4/v5 (its OTel span processor)",
    via: "OTLP/HTTP, file",
    tokens: "langfuse.observation.usage_details input, output (+ total) on generation spans",
    cache: "usage_details input_cached_tokens, cache_read_input_tokens, cache_creation_input_tokens",
    team: "rules on langfuse.trace.metadata.*",
    workload: "rules on service.name, langfuse.trace.name",
    user: "user.id",
  },
  {
    name: "Helicone requests (JSON)",
    via: "file",
    tokens: "prompt_tokens, completion_tokens",
    cache: "prompt_cache_read_tokens, prompt_cache_write_tokens",
    team: "property Team",
    workload: "property Workload",
    user: "request_user_id",
  },
];
