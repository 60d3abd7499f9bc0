/**
 * Recognises an uploaded file from its first bytes (and name, when there is one), so users can drop any
 * supported export without saying what it is. Order of evidence:
 * 1. gzip magic bytes (1f 8b): decompress the head and look again (".gz" is dropped from the name);
 * 2. binary content starting like a protobuf field 1 -> OTLP protobuf; a ".pb"/".binpb"/".protobuf" name too;
 * 3. JSON: a marker only one format has (resourceSpans, "organization.usage.completions.result",
 *    uncached_input_tokens, request_created_at, "type": "GENERATION"...) makes it "certain"; otherwise the format
 *    with the most of its member names wins ("likely"); Rightsize's own events need timestamp and model. When
 *    nothing fits, the error lists every format Rightsize knows and the fields it looked for;
 * 4. CSV with LiteLLM spend-log columns in its header (request_id, startTime and a LiteLLM-only column).
 * Pass at least the first 64 KiB: a head that is too short may miss the deciding keys.
 */
import { ANTHROPIC_COSTS_MESSAGE, OPENAI_COSTS_MESSAGE } from "../cost-export-message";
import { constants, gunzipSync } from "node:zlib";
import { FORMAT_DESCRIPTIONS, type DetectedFormat, type FormatId } from "./format-ids";

export class FormatDetectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatDetectionError";
  }
}

const PROTOBUF_NAMES = /\.(pb|binpb|protobuf|proto\.bin)$/i;
const NDJSON_NAMES = /\.(ndjson|jsonl)$/i;
const LITELLM_COLUMNS = ["request_id", "startTime", "endTime", "model", "prompt_tokens", "completion_tokens", "spend", "call_type", "api_key", "model_group"];
const LITELLM_ONLY = ["spend", "call_type", "api_key", "model_group"];

export function detectFormat(firstBytes: Buffer | Uint8Array, filename?: string): DetectedFormat {
  let head = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength);
  let name = filename ?? "";
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (gzip) {
    try {
      // Z_SYNC_FLUSH lets a truncated head (the first bytes of a large file) decompress without error.
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      throw new FormatDetectionError(`the file looks gzip-compressed but cannot be decompressed: ${(error as Error).message}`);
    }
    name = name.replace(/\.gz$/i, "");
  }
  const result = (format: FormatId, note = ""): DetectedFormat => ({
    format,
    gzip,
    description: `${FORMAT_DESCRIPTIONS[format]}${note}${gzip ? ", gzip-compressed" : ""}`,
  });

  if (head.length === 0) throw new FormatDetectionError("the file is empty");
  const text = decodeText(head);
  if (text === null) {
    if (PROTOBUF_NAMES.test(name) || head[0] === 0x0a) return result("otlp-protobuf");
    throw new FormatDetectionError("the file is binary but not an OTLP protobuf trace export (it should start with resource spans)");
  }
  if (PROTOBUF_NAMES.test(name)) return result("otlp-protobuf");

  const body = text.replace(/^\uFEFF/, "").trimStart();
  const firstChar = body[0];
  if (firstChar === "{" || firstChar === "[") {
    if (/"organization\.costs\.result"/.test(body) && !/"organization\.usage\./.test(body)) {
      throw new FormatDetectionError(OPENAI_COSTS_MESSAGE);
    }
    if (/"starting_at"\s*:/.test(body) && /"amount"\s*:/.test(body) && !/"uncached_input_tokens"\s*:/.test(body)) {
      throw new FormatDetectionError(ANTHROPIC_COSTS_MESSAGE);
    }
    const match = matchJsonFormat(body);
    if (match === null) throw new FormatDetectionError(unknownJsonMessage(body));
    const why = { confidence: match.confidence, evidence: match.evidence };
    const seen = `, ${match.confidence} (${match.evidence.slice(0, 3).join(", ")})`;
    if (match.format !== "native") return { ...result(match.format, seen), ...why };
    if (firstChar === "[") return { ...result("native-json", seen), ...why };
    if (NDJSON_NAMES.test(name) || firstLineIsJson(body)) return { ...result("native-ndjson", seen), ...why };
    return { ...result("native-json", ` (one JSON document)${seen}`), ...why };
  }

  const header = body.slice(0, body.search(/\r?\n|$/));
  const columns = header.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  const known = columns.filter((c) => LITELLM_COLUMNS.includes(c));
  // request_id and startTime are in every LiteLLM spend-log export, and at least one column no generic CSV has.
  if (known.includes("request_id") && known.includes("startTime") && known.some((c) => LITELLM_ONLY.includes(c))) {
    return { ...result("litellm-csv", `, likely (${known.slice(0, 3).join(", ")})`), confidence: "likely", evidence: known };
  }
  throw new FormatDetectionError(
    `${/\.csv$/i.test(name) || columns.length > 2 ? "this CSV does not look like a LiteLLM spend-log export, the one CSV format Rightsize reads (its header needs request_id and startTime, plus spend, call_type, api_key or model_group)" : "unrecognised file"}; header was: ${header.slice(0, 200)}. ${KNOWN_FORMATS}`,
  );
}

/**
 * The JSON formats, by the member names only they use. `certain` markers belong to one format alone; otherwise a
 * format needs `need` of its `keys`, and the format with the most matching keys wins (Helicone rows and LiteLLM
 * rows both have request_id and completion_tokens; only Helicone has request_created_at).
 */
const JSON_SIGNATURES: { format: FormatId | "native"; label: string; certain: RegExp[]; keys: string[]; need: number; required?: string[] }[] = [
  { format: "otlp-json", label: "OpenTelemetry traces (OTLP/JSON)", certain: [/"(resourceSpans|resource_spans)"\s*:/], keys: ["resourceSpans", "scopeSpans", "traceId", "spanId"], need: 2, required: ["scopeSpans"] },
  {
    format: "openai-usage",
    label: "OpenAI usage export",
    certain: [/"organization\.usage\.[a-z_.]+\.result"/],
    keys: ["start_time", "end_time", "num_model_requests", "input_tokens", "input_cached_tokens", "results", "result"],
    need: 3,
    required: ["start_time"],
  },
  {
    format: "anthropic-usage",
    label: "Anthropic usage report",
    certain: [/"uncached_input_tokens"\s*:/],
    keys: ["starting_at", "ending_at", "results", "cache_creation", "cache_read_input_tokens", "output_tokens"],
    need: 2,
    required: ["starting_at"],
  },
  {
    format: "litellm-json",
    label: "LiteLLM spend logs (JSON)",
    certain: [],
    keys: ["request_id", "startTime", "endTime", "spend", "call_type", "api_key", "model_group", "custom_llm_provider", "prompt_tokens", "completion_tokens"],
    need: 2,
    required: ["request_id"],
  },
  {
    format: "helicone-json",
    label: "Helicone requests (JSON)",
    certain: [/"(request_created_at|prompt_cache_read_tokens|helicone_user)"\s*:/],
    keys: ["request_id", "request_created_at", "response_created_at", "request_model", "response_model", "prompt_tokens", "completion_tokens", "request_properties", "response_status"],
    need: 3,
    required: ["request_id"],
  },
  {
    format: "langfuse-json",
    label: "Langfuse observations (JSON/JSONL)",
    certain: [/"type"\s*:\s*"GENERATION"/, /"(usageDetails|calculatedTotalCost|parentObservationId|completionStartTime)"\s*:/],
    keys: ["id", "traceId", "type", "startTime", "model", "usageDetails", "costDetails", "usage", "calculatedTotalCost"],
    need: 3,
    required: ["traceId"],
  },
  {
    format: "native",
    label: "Rightsize events (NDJSON/JSON)",
    certain: [],
    keys: ["timestamp", "model", "input_tokens", "output_tokens", "cached_input_tokens", "team", "workload"],
    need: 2,
    required: ["timestamp", "model"],
  },
];

/** Every format Rightsize imports and the fields detection looks for: the answer when nothing fits. */
const KNOWN_FORMATS =
  "Rightsize imports: " +
  JSON_SIGNATURES.map((s) => `${s.label} (${(s.required ?? s.keys.slice(0, 3)).concat(s.keys.filter((k) => !(s.required ?? []).includes(k)).slice(0, 3)).join(", ")})`).join("; ") +
  "; LiteLLM spend logs (CSV with request_id, startTime, spend); OpenTelemetry traces (OTLP protobuf, .pb).";

function matchJsonFormat(body: string): { format: FormatId | "native"; confidence: "certain" | "likely"; evidence: string[] } | null {
  const present = memberNames(body);
  let best: { format: FormatId | "native"; confidence: "certain" | "likely"; evidence: string[] } | null = null;
  for (const sig of JSON_SIGNATURES) {
    const marker = sig.certain.find((re) => re.test(body));
    const evidence = sig.keys.filter((k) => present.has(k));
    if (marker) {
      if (sig.certain.length > 1 && !sig.certain.every((re) => re.test(body)) && evidence.length < sig.need) continue;
      const found = marker.exec(body)?.[0].replace(/[\s:]+$/, "") ?? "";
      return { format: sig.format, confidence: "certain", evidence: [found.replace(/"/g, ""), ...evidence.filter((k) => !found.includes(k))] };
    }
    if ((sig.required ?? []).some((k) => !present.has(k)) || evidence.length < sig.need) continue;
    if (best === null || evidence.length > best.evidence.length) best = { format: sig.format, confidence: "likely", evidence };
  }
  return best;
}

/** Member names ("key": ) that occur in the head of a JSON file. */
function memberNames(body: string): Set<string> {
  const names = new Set<string>();
  for (const m of body.matchAll(/"([A-Za-z_][A-Za-z0-9_.]{0,63})"\s*:/g)) names.add(m[1]);
  return names;
}

function unknownJsonMessage(body: string): string {
  const seen = [...memberNames(body)].slice(0, 12);
  return `no known format fits this JSON file (fields seen: ${seen.length > 0 ? seen.join(", ") : "none"}). ${KNOWN_FORMATS}`;
}

/** UTF-8 text, or null for binary content (NUL bytes, invalid UTF-8 apart from a cut-off last character). */
function decodeText(head: Buffer): string | null {
  const sample = head.subarray(0, Math.min(head.length, 64 * 1024));
  if (sample.includes(0)) return null;
  // The head may end in the middle of a multi-byte character: drop up to 3 trailing bytes before checking.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, sample.length - cut));
    } catch {
      // try a shorter sample
    }
  }
  return null;
}

function firstLineIsJson(body: string): boolean {
  const end = body.indexOf("\n");
  if (end === -1) return false; // a single line could be NDJSON or JSON; JSON reading handles both
  try {
    JSON.parse(body.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

