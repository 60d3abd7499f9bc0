/**
 * Which telemetry attributes may be stored as tags. A cost tool must never keep prompt or completion text, tool
 * arguments or outputs, so tags come from an ALLOW-LIST of attribute names that identify where spend came from
 * (service, environment, agent, workflow, session, user, model, the labels users attach for attribution), never from
 * "everything except known content keys": exporters invent new content keys all the time (gen_ai.prompt.0.content,
 * llm.input_messages.1.message.content, ai.prompt.messages, traceloop.entity.input, logfire.msg...), and a deny-list
 * would leak the next one. Values are stored only when short (MAX_TAG_VALUE) and not structured (JSON objects and
 * arrays are payloads, not labels). SECURITY.md ("Data we never store") points here.
 */

export const MAX_TAG_VALUE = 256;

/** Exact attribute names that are labels, not content. */
const EXACT = new Set([
  // OTel resource and general attributes
  "host.name", "server.address", "process.runtime.name", "user.id", "enduser.id", "session.id", "team", "workload", "project",
  "env", "environment", "tenant", "feature", "cost_center", "application", "app",
  // A call's business outcome (resolved, escalated...): cost per successful outcome (lib/runs/outcome.ts)
  "outcome",
  // OTel GenAI semantic conventions (identifiers only; gen_ai.input/output messages are content)
  "gen_ai.provider.name", "gen_ai.system", "gen_ai.operation.name", "gen_ai.request.model", "gen_ai.response.model",
  "gen_ai.agent.name", "gen_ai.agent.id", "gen_ai.conversation.id", "gen_ai.workflow.name", "gen_ai.data_source.id",
  "gen_ai.output.type", "gen_ai.response.id", "gen_ai.application_name", "gen_ai.environment",
  "openai.response.service_tier", "gen_ai.openai.response.service_tier", "openai.request.service_tier", "gen_ai.openai.request.service_tier",
  // OpenLLMetry (Traceloop)
  "traceloop.workflow.name", "traceloop.entity.name", "traceloop.span.kind", "llm.request.type",
  // OpenInference (Arize Phoenix)
  "openinference.span.kind", "llm.system", "llm.provider", "llm.model_name",
  // Vercel AI SDK
  "ai.operationId", "ai.model.id", "ai.model.provider", "ai.telemetry.functionId", "ai.response.model", "ai.response.id",
  // Pydantic AI / Logfire
  "agent_name", "model_name",
  // Langfuse OTel attributes
  "langfuse.session.id", "langfuse.user.id", "langfuse.trace.name", "langfuse.environment", "langfuse.release", "langfuse.version",
  "langfuse.observation.model.name",
]);

/** Prefixes whose members are labels by construction (resource identity, or labels users set for attribution). */
const PREFIXES = [
  "service.", "deployment.", "k8s.", "cloud.", "telemetry.sdk.", "rightsize.",
  "traceloop.association.properties.", "ai.telemetry.metadata.", "langfuse.trace.metadata.", "tag.",
];

/**
 * True when `key` = `value` may be stored as a tag (see the file comment). `promoted`: tag keys an admin promoted
 * to dimensions (lib/dimensions), labels by that decision, so allowed besides the list (value rules still apply).
 */
export function isStorableTag(key: string, value: string, promoted?: ReadonlySet<string>): boolean {
  if (key === "" || key === "__proto__" || value.length > MAX_TAG_VALUE) return false;
  if (!EXACT.has(key) && !PREFIXES.some((p) => key.startsWith(p)) && !promoted?.has(key)) return false;
  const first = value.trimStart()[0];
  return first !== "{" && first !== "[";
}
