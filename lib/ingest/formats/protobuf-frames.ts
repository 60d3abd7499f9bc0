/**
 * Streams an OTLP protobuf file (a serialized ExportTraceServiceRequest) one ResourceSpans at a time.
 *
 * Protobuf has no record framing, but the request's top level is just a sequence of fields, and its only
 * field is `repeated ResourceSpans resource_spans = 1`. Each such field's bytes (tag + length + payload) is on
 * its own a valid ExportTraceServiceRequest holding one ResourceSpans, so it can be decoded alone. Memory is
 * bounded by the largest ResourceSpans instead of the whole file. Concatenated requests (protobuf merges
 * repeated fields on concatenation) are therefore read too. Unknown top-level fields are skipped.
 */
import { MAX_RECORD_CHARS } from "./unreadable";

export interface ProtobufFrame {
  /** 1-based position of this ResourceSpans in the file (stands in for a line number). */
  ordinal: number;
  bytes: Uint8Array;
  error?: string;
}

interface Header {
  field: number;
  wireType: number;
  /** Offset of the payload (after tag and, for length-delimited fields, the length). */
  payloadStart: number;
  /** End offset of the whole field. */
  end: number;
}

/** Reads a varint at pos; null when the buffer ends first. Values above 2^53 are refused (not OTLP). */
function varint(buf: Uint8Array, pos: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = pos; i < buf.length && i < pos + 10; i++) {
    const b = buf[i];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return { value, next: i + 1 };
    scale *= 128;
  }
  if (buf.length - pos >= 10) throw new Error("malformed varint");
  return null;
}

function header(buf: Uint8Array, pos: number): Header | null {
  const tag = varint(buf, pos);
  if (!tag) return null;
  const field = Math.floor(tag.value / 8);
  const wireType = tag.value & 7;
  switch (wireType) {
    case 0: {
      const v = varint(buf, tag.next);
      return v ? { field, wireType, payloadStart: tag.next, end: v.next } : null;
    }
    case 1:
      return { field, wireType, payloadStart: tag.next, end: tag.next + 8 };
    case 5:
      return { field, wireType, payloadStart: tag.next, end: tag.next + 4 };
    case 2: {
      const len = varint(buf, tag.next);
      return len ? { field, wireType, payloadStart: len.next, end: len.next + len.value } : null;
    }
    default:
      throw new Error(`unsupported protobuf wire type ${wireType}`);
  }
}

export async function* readProtobufFrames(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<ProtobufFrame> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let need = 0; // bytes the next complete field needs; parsing waits until that many are buffered
  let ordinal = 0;
  let failure: string | null = null;

  // Yields every complete field in the buffered bytes and keeps the incomplete tail.
  function* drain(): Generator<ProtobufFrame> {
    let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    let pos = 0;
    try {
      for (;;) {
        if (pos === buf.length) {
          need = 0;
          break;
        }
        const h = header(buf, pos);
        if (!h || h.end > buf.length) {
          // Incomplete: wait for the whole field (or, mid-header, for a few more bytes).
          need = h ? h.end - pos : buf.length - pos + 1;
          break;
        }
        if (h.field === 1 && h.wireType === 2) yield { ordinal: ++ordinal, bytes: buf.subarray(pos, h.end) };
        pos = h.end;
      }
    } catch (error) {
      failure = `not an OTLP protobuf file: ${(error as Error).message}`;
    }
    buf = buf.subarray(pos);
    parts = [buf];
    size = buf.length;
  }

  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    parts.push(bytes);
    size += bytes.length;
    if (size < need) continue; // a large field is still arriving: do not re-concatenate yet
    yield* drain();
    if (failure) break;
    if (need > MAX_RECORD_CHARS * 4) {
      failure = `a ResourceSpans block of ${need} bytes is too large to import`;
      break;
    }
  }
  if (!failure && size > 0) yield* drain();
  if (!failure && size > 0) failure = "the file ends inside a protobuf field (truncated upload?)";
  if (failure) yield { ordinal: ordinal + 1, bytes: new Uint8Array(), error: failure };
}
