import { hash } from "node:crypto";
import type { UsageEvent } from "../usage-event";
import type { ResolvedIds } from "./format-event";
import { SOURCE_CODES } from "./dedup-key";
import { EVENT_COLUMNS } from "./columns";
import { tagsBound, writeTags, writeUtf8 } from "./copy-binary-text";

/**
 * A batch of usage_events rows in PostgreSQL's COPY BINARY format (columns in EVENT_COLUMNS order), written
 * straight into large buffers. Measured against the text format (format-event.ts) on 25k-row batches: the
 * server spends ~35% less CPU in COPY (no parsing of timestamps, uuids and numbers), and the client builds no
 * per-row strings (no ISO timestamps, no hex uuids, no 27-entry arrays), which also cut garbage collection.
 *
 * Format (PostgreSQL docs, "COPY ... Binary Format"): an 11-byte signature, int32 flags, int32 header
 * extension length; per row an int16 field count then, per field, an int32 byte length (-1 = NULL) and the
 * value in the type's binary send format (big-endian); an int16 -1 trailer.
 */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
// One per EVENT_COLUMNS entry (columns.ts): a column added there needs its value written in add() below.
const FIELDS = EVENT_COLUMNS.length;
const CHUNK_BYTES = 1 << 20;
/** The first buffer is small: an API request often carries a handful of events. */
const FIRST_BYTES = 64 * 1024;
/** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
/** Bytes a row needs besides its strings: field count, 28 length words, fixed-size values (generous). */
const FIXED_BYTES = 2 + FIELDS * 4 + 128;
const TWO_32 = 4_294_967_296;

export class BinaryRows {
  readonly binary = true;
  count = 0;
  /** UTC months ("YYYY-MM") of the rows' occurred_at: their usage_events partitions must exist (event-partitions.ts). */
  readonly months = new Set<string>();
  // The month of the last row seen, as [start, end) in Unix ms: most rows share it, so one compare per row.
  private monthStart = 0;
  private monthEnd = 0;
  private trailer: Buffer[] | null = null;
  private done: Buffer[] = [];
  private buf: Buffer;
  /** The same memory as buf: DataView stores compile to plain big-endian writes, Buffer's writeInt32BE checks every call. */
  private view: DataView;
  private at = 0;

  constructor() {
    this.buf = Buffer.allocUnsafe(FIRST_BYTES);
    this.view = viewOf(this.buf);
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags: no OIDs
    this.buf.writeInt32BE(0, 15); // no header extension
    this.at = 19;
  }

  add(e: UsageEvent, ids: ResolvedIds): void {
    const tags = e.tags;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit; a JSON escape (\uXXXX) 6 bytes per unit.
    const strings = len(e.user) + len(e.team) + len(e.workload) + len(e.sourceKey) + len(e.serviceTier) + len(e.status) + len(e.run?.id ?? null) + 1;
    this.reserve(FIXED_BYTES + strings * 3 + tagsBound(tags));
    const b = this.buf;
    const v = this.view;
    let at = this.at;
    v.setInt16(at, FIELDS);
    // dedup_key uuid: the first 16 bytes of sha256("<namespace>:<externalId>") (dedup-key.ts, same key). The digest
    // as a "binary" (latin1) string, one char per byte, is the cheapest way out of crypto.hash: a hex string to parse back
    // measured 1.4 us, a Buffer 3.1 us, this 1.0 us.
    v.setInt32(at + 2, 16);
    const digest = hash("sha256", `${e.source === "file" ? "api" : e.source}:${e.externalId}`, "binary");
    for (let i = 0; i < 16; i++) b[at + 6 + i] = digest.charCodeAt(i);
    at += 22;
    // occurred_at timestamptz: int64 microseconds since 2000-01-01 (exact in a double for any real date).
    const ms = e.occurredAt.getTime();
    if (ms < this.monthStart || ms >= this.monthEnd) this.noteMonth(e.occurredAt);
    const micros = (ms - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    v.setInt32(at, 8);
    v.setInt32(at + 4, high);
    v.setUint32(at + 8, micros - high * TWO_32);
    at += 12;
    at = int16(v, at, SOURCE_CODES[e.source]);
    at = int32(v, at, ids.modelId);
    at = int32(v, at, ids.teamId);
    at = int32(v, at, ids.workloadId);
    at = int32(v, at, ids.apiKeyId);
    at = text(b, v, at, e.user);
    at = text(b, v, at, e.team);
    at = text(b, v, at, e.workload);
    at = text(b, v, at, e.sourceKey);
    at = int32(v, at, e.inputTokens);
    at = int32(v, at, e.cachedInputTokens);
    at = int32(v, at, e.cacheWriteTokens);
    at = int32(v, at, e.outputTokens);
    at = int32(v, at, e.reasoningTokens);
    at = int32(v, at, e.requests);
    v.setInt32(at, 1);
    b[at + 4] = e.batch ? 1 : 0;
    at += 5;
    at = text(b, v, at, e.serviceTier);
    at = int64(v, at, ids.price.costNanos);
    at = int64(v, at, e.sourceCostNanos);
    at = int16(v, at, ids.price.priceSource);
    at = int32(v, at, ids.price.overrideId);
    at = int32(v, at, e.latencyMs);
    at = text(b, v, at, e.status);
    at = writeTags(b, v, at, tags);
    at = int32(v, at, ids.batchId);
    at = int32(v, at, e.cacheWrite1hTokens ?? 0);
    at = int64(v, at, ids.price.toolCostNanos ?? null);
    at = text(b, v, at, e.run?.id ?? null);
    if (e.run) at = int16(v, at, e.run.kind);
    else {
      v.setInt32(at, -1);
      at += 4;
    }
    this.at = at;
    this.count++;
  }

  /** The COPY stream: every buffer written so far and the trailer. After the last add; the same on every call (a retry). */
  chunks(): Buffer[] {
    if (this.trailer) return this.trailer;
    this.reserve(2);
    this.view.setInt16(this.at, -1);
    this.at += 2;
    return (this.trailer = [...this.done, this.buf.subarray(0, this.at)]);
  }

  private noteMonth(at: Date): void {
    const y = at.getUTCFullYear();
    const m = at.getUTCMonth();
    this.monthStart = Date.UTC(y, m, 1);
    this.monthEnd = Date.UTC(y, m + 1, 1);
    this.months.add(at.toISOString().slice(0, 7));
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.view = viewOf(this.buf);
    this.at = 0;
  }
}

function viewOf(b: Buffer): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function len(s: string | null): number {
  return s === null ? 0 : s.length;
}

function int16(v: DataView, at: number, value: number): number {
  v.setInt32(at, 2);
  v.setInt16(at + 4, value);
  return at + 6;
}

function int32(v: DataView, at: number, value: number | null): number {
  if (value === null) {
    v.setInt32(at, -1);
    return at + 4;
  }
  v.setInt32(at, 4);
  v.setInt32(at + 4, value);
  return at + 8;
}

function int64(v: DataView, at: number, value: bigint | null): number {
  if (value === null) {
    v.setInt32(at, -1);
    return at + 4;
  }
  v.setInt32(at, 8);
  v.setBigInt64(at + 4, value);
  return at + 12;
}

function text(b: Buffer, v: DataView, at: number, s: string | null): number {
  if (s === null) {
    v.setInt32(at, -1);
    return at + 4;
  }
  const n = writeUtf8(b, at + 4, s);
  v.setInt32(at, n);
  return at + 4 + n;
}
