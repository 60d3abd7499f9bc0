/** Pure parsers: each turns one source's payload into UsageEvents (or RejectedRecords). No I/O here. */
export { parseNativeEvent, NativeEventSchema, type NativeEventInput } from "./native";
export { decodeOtlpJson, decodeOtlpProtobuf, otlpToEvents, OtlpDecodeError, type OtlpTraceRequest, type OtlpOptions } from "./otlp";
export { openAiUsageToEvents } from "./openai-usage";
export { anthropicUsageToEvents } from "./anthropic-usage";
export { parseLiteLlmSpendLog } from "./litellm";
export { stableKey, canonicalJson } from "./stable-key";
export { parseTimestamp } from "./timestamps";
export { MAX_COUNT } from "./values";
export type { SourceBatch } from "./outcome";
