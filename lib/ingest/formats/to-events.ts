/**
 * Turns one record from readRecords into usage events, dispatching on the format. Page-shaped formats
 * (usage exports, OTLP requests) expand one record into many events. Every rejection carries
 * index = the record's line, and a field that says where inside the record the problem is
 * ("data[0].results[3].output_tokens", "span[2].gen_ai.usage.input_tokens").
 *
 * Events from Rightsize's own format get source "file"; the others keep their source's name, so a file
 * import and a live feed of the same data (e.g. OTLP) share idempotency keys and are counted once.
 */
import { anthropicUsageToEvents } from "../sources/anthropic-usage";
import { heliconeToEvents } from "../sources/helicone";
import { langfuseToEvents } from "../sources/langfuse";
import { parseLiteLlmSpendLog } from "../sources/litellm";
import { parseNativeEvent } from "../sources/native";
import { openAiUsageToEvents } from "../sources/openai-usage";
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpDecodeError, otlpToEvents, type OtlpTraceRequest } from "../sources/otlp";
import { addSkip, emptyBatch, reject, SKIP, type SourceBatch } from "../sources/outcome";
import type { ParseOutcome } from "../usage-event";
import type { FormatId } from "./format-ids";
import { UnreadableRecord } from "./unreadable";
import { isPlainObject } from "../sources/values";

export type { SourceBatch } from "../sources/outcome";

/** `dimensionKeys`: promoted tag keys, kept by the OTLP parser beside its allow-list (sources/otlp.ts). */
export function toEvents(format: FormatId, value: unknown, index: number, now: Date, dimensionKeys?: ReadonlySet<string>): SourceBatch {
  if (value instanceof UnreadableRecord) return single(index, { ok: false, error: reject(index, "record", value.message) });
  switch (format) {
    case "native-ndjson":
    case "native-json":
      return single(index, parseNativeEvent(value, index, now, "file"));
    case "litellm-csv":
    case "litellm-json":
      return liteLlmRecord(value, index, now);
    case "langfuse-json":
      return atLine(index, langfuseToEvents(value, now));
    case "helicone-json":
      return atLine(index, heliconeToEvents(value, now));
    case "openai-usage":
      return atLine(index, openAiUsageToEvents(value, now));
    case "anthropic-usage":
      return atLine(index, anthropicUsageToEvents(value, now));
    case "otlp-json":
    case "otlp-protobuf": {
      let request: OtlpTraceRequest;
      try {
        request = format === "otlp-json" ? decodeOtlpJson(value) : decodeOtlpProtobuf(asBytes(value));
      } catch (error) {
        if (!(error instanceof OtlpDecodeError)) throw error;
        return single(index, { ok: false, error: reject(index, "resourceSpans", error.message) });
      }
      const batch = otlpToEvents(request, now, { dimensionKeys });
      batch.rejected = batch.rejected.map((r) => reject(index, `span[${r.index}].${r.field}`, r.message));
      return batch;
    }
  }
}

/**
 * One LiteLLM spend-log row, or a page of the proxy's /spend/logs/ui answer ({ data: [rows], total, page,
 * page_size, total_pages }), whose rows are reported as "data[3].prompt_tokens" on the page's line.
 */
function liteLlmRecord(value: unknown, index: number, now: Date): SourceBatch {
  if (isPlainObject(value) && Array.isArray(value.data) && value.request_id === undefined) {
    const batch = emptyBatch();
    value.data.forEach((row, i) => {
      const part = liteLlmRecord(row, index, now);
      batch.events.push(...part.events);
      batch.rejected.push(...part.rejected.map((r) => reject(index, `data[${i}].${r.field}`, r.message)));
      for (const [reason, count] of Object.entries(part.skipReasons)) addSkip(batch, reason, count);
    });
    return batch;
  }
  const outcome = parseLiteLlmSpendLog(value, index, now);
  if (outcome !== null) return single(index, outcome);
  const batch = emptyBatch();
  addSkip(batch, SKIP.refusedCall);
  return batch;
}

function single(index: number, outcome: ParseOutcome): SourceBatch {
  const batch = emptyBatch();
  if (outcome.ok) batch.events.push(outcome.event);
  else batch.rejected.push({ ...outcome.error, index });
  return batch;
}

/** Page parsers number rejections by result ordinal; in a file, the record's line is what users need. */
function atLine(index: number, batch: SourceBatch): SourceBatch {
  batch.rejected = batch.rejected.map((r) => reject(index, r.field, r.message));
  return batch;
}

function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new OtlpDecodeError("an OTLP protobuf record must be bytes");
}
