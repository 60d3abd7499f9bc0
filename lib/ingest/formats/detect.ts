/**
 * Recognises an uploaded file from its first bytes (and name, when there is one), so users can drop any
 * supported export without saying what it is. Order of evidence:
 * 1. gzip magic bytes (1f 8b): decompress the head and look again (".gz" is dropped from the name);
 * 2. binary content starting like a protobuf field 1 -> OTLP protobuf; a ".pb"/".binpb"/".protobuf" name too;
 * 3. JSON: keys that only one format uses — resourceSpans (OTLP), organization.usage.*.result / "bucket"
 *    pages (OpenAI), starting_at + uncached_input_tokens (Anthropic), request_id + startTime/spend (LiteLLM);
 *    anything else is Rightsize's own events: NDJSON when the first line is a whole JSON value, else JSON;
 * 4. CSV with LiteLLM spend-log columns in its header.
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
const LITELLM_COLUMNS = ["request_id", "startTime", "prompt_tokens", "completion_tokens", "spend", "call_type", "api_key"];

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
    if (/"(resourceSpans|resource_spans)"\s*:/.test(body)) return result("otlp-json");
    if (/"organization\.costs\.result"/.test(body) && !/"organization\.usage\./.test(body)) {
      throw new FormatDetectionError(OPENAI_COSTS_MESSAGE);
    }
    if (/"starting_at"\s*:/.test(body) && /"amount"\s*:/.test(body) && !/"uncached_input_tokens"\s*:/.test(body)) {
      throw new FormatDetectionError(ANTHROPIC_COSTS_MESSAGE);
    }
    if (/"organization\.usage\.[a-z_.]+\.result"/.test(body) || (/"object"\s*:\s*"(page|bucket)"/.test(body) && /"start_time"\s*:/.test(body))) {
      return result("openai-usage");
    }
    // The cost report (/cost_report) also has starting_at + results, but with "amount": not usage.
    if (/"starting_at"\s*:/.test(body) && (/"(uncached_input_tokens|cache_read_input_tokens)"\s*:/.test(body) || (/"results"\s*:/.test(body) && !/"amount"\s*:/.test(body)))) {
      return result("anthropic-usage");
    }
    if (/"request_id"\s*:/.test(body) && /"(startTime|spend|call_type|completion_tokens)"\s*:/.test(body)) return result("litellm-json");
    if (firstChar === "[") return result("native-json");
    if (NDJSON_NAMES.test(name) || firstLineIsJson(body)) return result("native-ndjson");
    return result("native-json", " (one JSON document)");
  }

  const header = body.slice(0, body.search(/\r?\n|$/));
  const columns = header.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  const known = columns.filter((c) => LITELLM_COLUMNS.includes(c));
  if (known.includes("request_id") && known.length >= 3) return result("litellm-csv");
  if (/\.csv$/i.test(name)) {
    throw new FormatDetectionError(
      `this CSV does not look like a LiteLLM spend-log export (its header should include request_id, startTime, model, prompt_tokens, completion_tokens, spend); header was: ${header.slice(0, 200)}`,
    );
  }
  throw new FormatDetectionError(
    "unrecognised file: expected Rightsize events (NDJSON/JSON), OTLP traces (JSON or protobuf), an OpenAI or Anthropic usage export, or LiteLLM spend logs (CSV/JSON)",
  );
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

