/** The file formats Rightsize imports, as detected by detectFormat and understood by readRecords/toEvents. */
export const FORMAT_IDS = [
  "native-ndjson",
  "native-json",
  "otlp-json",
  "otlp-protobuf",
  "openai-usage",
  "anthropic-usage",
  "litellm-csv",
  "litellm-json",
  "langfuse-json",
  "helicone-json",
] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

export interface DetectedFormat {
  format: FormatId;
  /**
   * How sure detection is: "certain" when a marker only this format has was seen (resourceSpans,
   * "organization.usage.completions.result"), "likely" when enough of its field names were, "chosen" when the
   * caller named the format.
   */
  confidence?: "certain" | "likely" | "chosen";
  /** The field names that decided, for the import screen ("request_id, startTime, spend"). */
  evidence?: string[];
  /** The file is gzip-compressed (readRecords decompresses it while streaming). */
  gzip: boolean;
  /** What was recognised, in words for the import screen, e.g. "OpenAI usage export (gzip)". */
  description: string;
}

export const FORMAT_DESCRIPTIONS: Record<FormatId, string> = {
  "native-ndjson": "Rightsize events, one JSON object per line",
  "native-json": "Rightsize events, JSON array",
  "otlp-json": "OpenTelemetry traces (OTLP/JSON)",
  "otlp-protobuf": "OpenTelemetry traces (OTLP protobuf)",
  "openai-usage": "OpenAI usage export (Usage API pages)",
  "anthropic-usage": "Anthropic usage report (Admin API pages)",
  "litellm-csv": "LiteLLM spend logs (CSV)",
  "litellm-json": "LiteLLM spend logs (JSON)",
  "langfuse-json": "Langfuse observations (JSON/JSONL)",
  "helicone-json": "Helicone requests (JSON)",
};

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === "string" && (FORMAT_IDS as readonly string[]).includes(value);
}
