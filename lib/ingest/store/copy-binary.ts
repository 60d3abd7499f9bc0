import { hash } from "node:crypto";
import type { UsageEvent } from "../usage-event";
import type { ResolvedIds } from "./format-event";
import { SOURCE_CODES } from "./dedup-key";
import { EVENT_COLUMNS } from "./columns";

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
  private at = 0;

  constructor() {
    this.buf = Buffer.allocUnsafe(FIRST_BYTES);
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags: no OIDs
    this.buf.writeInt32BE(0, 15); // no header extension
    this.at = 19;
  }

  /** `tags`: the event's tags as JSON (tagsJson in unstorable-text.ts), or null for none. */
  add(e: UsageEvent, ids: ResolvedIds, tags: string | null): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const strings = len(e.user) + len(e.team) + len(e.workload) + len(e.sourceKey) + len(e.serviceTier) + len(e.status) + len(tags) + 1;
    this.reserve(FIXED_BYTES + strings * 3);
    const b = this.buf;
    let at = this.at;
    b.writeInt16BE(FIELDS, at);
    at += 2;
    // dedup_key uuid: the first 16 bytes of sha256("<namespace>:<externalId>") (dedup-key.ts, same key).
    b.writeInt32BE(16, at);
    b.write(hash("sha256", `${e.source === "file" ? "api" : e.source}:${e.externalId}`, "hex").slice(0, 32), at + 4, "hex");
    at += 20;
    // occurred_at timestamptz: int64 microseconds since 2000-01-01 (exact in a double for any real date).
    const ms = e.occurredAt.getTime();
    if (ms < this.monthStart || ms >= this.monthEnd) this.noteMonth(e.occurredAt);
    const micros = (ms - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    b.writeInt32BE(8, at);
    b.writeInt32BE(high, at + 4);
    b.writeUInt32BE(micros - high * TWO_32, at + 8);
    at += 12;
    at = int16(b, at, SOURCE_CODES[e.source]);
    at = int32(b, at, ids.modelId);
    at = int32(b, at, ids.teamId);
    at = int32(b, at, ids.workloadId);
    at = int32(b, at, ids.apiKeyId);
    at = text(b, at, e.user);
    at = text(b, at, e.team);
    at = text(b, at, e.workload);
    at = text(b, at, e.sourceKey);
    at = int32(b, at, e.inputTokens);
    at = int32(b, at, e.cachedInputTokens);
    at = int32(b, at, e.cacheWriteTokens);
    at = int32(b, at, e.outputTokens);
    at = int32(b, at, e.reasoningTokens);
    at = int32(b, at, e.requests);
    b.writeInt32BE(1, at);
    b[at + 4] = e.batch ? 1 : 0;
    at += 5;
    at = text(b, at, e.serviceTier);
    at = int64(b, at, ids.price.costNanos);
    at = int64(b, at, e.sourceCostNanos);
    at = int16(b, at, ids.price.priceSource);
    at = int32(b, at, ids.price.overrideId);
    at = int32(b, at, e.latencyMs);
    at = text(b, at, e.status);
    if (tags === null) {
      b.writeInt32BE(-1, at);
      at += 4;
    } else {
      // jsonb binary format: a version byte (1), then the JSON text.
      b[at + 4] = 1;
      const n = b.write(tags, at + 5, "utf8");
      b.writeInt32BE(n + 1, at);
      at += 5 + n;
    }
    at = int32(b, at, ids.batchId);
    at = int32(b, at, e.cacheWrite1hTokens ?? 0);
    at = int64(b, at, ids.price.toolCostNanos ?? null);
    this.at = at;
    this.count++;
  }

  /** The COPY stream: every buffer written so far and the trailer. After the last add; the same on every call (a retry). */
  chunks(): Buffer[] {
    if (this.trailer) return this.trailer;
    this.reserve(2);
    this.buf.writeInt16BE(-1, this.at);
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
    this.at = 0;
  }
}

function len(s: string | null): number {
  return s === null ? 0 : s.length;
}

function int16(b: Buffer, at: number, v: number): number {
  b.writeInt32BE(2, at);
  b.writeInt16BE(v, at + 4);
  return at + 6;
}

function int32(b: Buffer, at: number, v: number | null): number {
  if (v === null) {
    b.writeInt32BE(-1, at);
    return at + 4;
  }
  b.writeInt32BE(4, at);
  b.writeInt32BE(v, at + 4);
  return at + 8;
}

function int64(b: Buffer, at: number, v: bigint | null): number {
  if (v === null) {
    b.writeInt32BE(-1, at);
    return at + 4;
  }
  b.writeInt32BE(8, at);
  b.writeBigInt64BE(v, at + 4);
  return at + 12;
}

function text(b: Buffer, at: number, s: string | null): number {
  if (s === null) {
    b.writeInt32BE(-1, at);
    return at + 4;
  }
  const n = b.write(s, at + 4, "utf8");
  b.writeInt32BE(n, at);
  return at + 4 + n;
}
