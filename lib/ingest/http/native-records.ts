import type { Readable } from "node:stream";
import { badRequest } from "@/lib/errors";
import { readJsonValues } from "../formats/json-values";
import { readLineBatches } from "../formats/ndjson";
import { UnreadableRecord } from "../formats/unreadable";

/**
 * The records of a POST /api/v1/events body, streamed: a JSON object, a JSON array of objects, or NDJSON (one
 * object per line). NDJSON is taken from the Content-Type (application/x-ndjson, application/jsonl) or sniffed:
 * a body whose first line is a whole JSON value with more after it. NDJSON is split by lines, so one broken
 * line is reported alone and does not swallow the lines after it. `index` is 0-based, in body order.
 */
export interface BodyRecord {
  index: number;
  value: unknown;
}

const NDJSON_TYPES = /^application\/(x-ndjson|ndjson|jsonl|x-jsonl|jsonlines|x-jsonlines)\b/i;
const SNIFF_BYTES = 64 * 1024;

export async function* nativeRecords(stream: Readable, contentType: string | null): AsyncGenerator<BodyRecord> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | Uint8Array>;
  const head: Buffer[] = [];
  let headText = "";
  // Read until the first line is complete (or 64 KiB, or the end): enough to tell the three shapes apart.
  while (headText.length < SNIFF_BYTES && !/\S[^\n]*\n\s*\S/.test(headText)) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    headText += chunk.toString("utf8");
  }
  const body = headText.replace(/^\uFEFF/, "").trimStart();
  if (body === "") throw badRequest("the request body is empty: send a JSON object, a JSON array of objects, or NDJSON");
  if (body[0] !== "{" && body[0] !== "[") {
    throw badRequest("the request body must be a JSON object, a JSON array of objects, or NDJSON (one JSON object per line)");
  }
  const chunks = (async function* () {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();

  let index = 0;
  if ((contentType && NDJSON_TYPES.test(contentType)) || (body[0] === "{" && firstLineIsWholeValue(body))) {
    for await (const lines of readLineBatches(chunks)) {
      for (const { text, tooLong } of lines) yield { index: index++, value: tooLong ? new UnreadableRecord("the line is too long to be one event") : parse(text) };
    }
    return;
  }
  for await (const piece of readJsonValues(chunks)) {
    yield { index: index++, value: piece.error ? new UnreadableRecord(piece.error) : parse(piece.text) };
  }
}

function firstLineIsWholeValue(body: string): boolean {
  const end = body.indexOf("\n");
  if (end === -1 || body.slice(end).trim() === "") return false;
  try {
    JSON.parse(body.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return new UnreadableRecord(`not valid JSON: ${(error as Error).message}`);
  }
}
