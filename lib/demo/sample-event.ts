/** Draws one call of a stream: model, token counts, cache use, batch, user, latency, status. The generator's hot path. */
import type { UsageEvent } from "@/lib/ingest/usage-event";
import type { Rng } from "./rng";
import { addDemoDimensionTags } from "./dimension-tags";
import type { ModelMix, Stream } from "./streams";

/** Share of calls that fail (provider 5xx, timeouts): they keep their input tokens and have no output. */
export const ERROR_RATE = 0.004;
/** Providers only cache prompts from this length on (OpenAI and Anthropic: 1024 tokens). */
const MIN_CACHEABLE_INPUT = 1024;
/** Latency wobble: lognormal sd 0.25, mean 1. */
const LATENCY_SIGMA = 0.25;
const LATENCY_MU = -(LATENCY_SIGMA * LATENCY_SIGMA) / 2;

export function sampleEvent(st: Stream, mix: ModelMix, rng: Rng, occurredAtMs: number, externalId: string): UsageEvent {
  const cumulative = mix.cumulative;
  const pick = rng.next();
  let k = 0;
  while (k < cumulative.length - 1 && pick >= cumulative[k]) k++;
  const m = mix.models[k];

  let input = Math.round(rng.lognormal(st.inMu, st.inSigma));
  if (input < 1) input = 1;
  // Real calls cannot exceed the context window; keep room for the answer.
  const maxInput = Math.floor(m.contextWindow * 0.95);
  if (input > maxInput) input = maxInput;

  let output = Math.max(1, Math.round(rng.lognormal(st.outMu, st.outSigma)));
  let reasoning = 0;
  if (st.reasonMu === st.reasonMu && m.reasoning !== "none") {
    const thinking = Math.round(rng.lognormal(st.reasonMu, st.reasonSigma));
    output += thinking; // billed as output either way
    if (m.reasoning === "reported") reasoning = thinking;
  }

  let cached = 0;
  let cacheWrite = 0;
  if (st.cacheHitRate > 0 && input >= MIN_CACHEABLE_INPUT) {
    const share = Math.min(0.95, st.cacheShare * (0.8 + 0.4 * rng.next()));
    if (rng.next() < st.cacheHitRate) cached = Math.floor(input * share);
    else if (m.cacheWrites) cacheWrite = Math.floor(input * share);
  }

  const batch = st.batchShare > 0 && rng.next() < st.batchShare;
  let status = "ok";
  if (rng.next() < ERROR_RATE) {
    status = "error";
    output = 0;
    reasoning = 0;
  }

  const users = st.users;
  let user: string | null = null;
  if (users !== null) {
    // u^2 skews towards the start of the list: a few heavy users per team, as in real usage.
    const u = rng.next();
    user = users[Math.floor(users.length * u * u)];
  }

  // Batch jobs finish within hours: a per-call latency would be meaningless there.
  const latencyMs = batch
    ? null
    : Math.round(
        (m.ttftMs + ((input - cached) / 1000) * m.prefillMsPerKTok + (output * 1000) / m.outputTokPerSec) *
          rng.lognormal(LATENCY_MU, LATENCY_SIGMA),
      );

  return {
    source: "api",
    externalId,
    occurredAt: new Date(occurredAtMs),
    provider: m.provider,
    model: m.model,
    inputTokens: input,
    cachedInputTokens: cached,
    cacheWriteTokens: cacheWrite,
    outputTokens: output,
    reasoningTokens: reasoning,
    requests: 1,
    team: st.team,
    workload: st.workload,
    user,
    sourceKey: st.sourceKey,
    batch,
    serviceTier: batch ? "batch" : null,
    sourceCostNanos: null,
    latencyMs,
    status,
    tags: addDemoDimensionTags({ "service.name": st.serviceName, "deployment.environment": st.environment }, st.workload, externalId),
  };
}
