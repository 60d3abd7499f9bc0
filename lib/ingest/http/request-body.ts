import { pipeline, Readable, Transform, type TransformCallback } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError, badRequest } from "@/lib/errors";

/**
 * A request body as a Node stream, never buffered whole: multi-GB uploads flow through the parsers chunk by
 * chunk. Enforces a byte limit: a Content-Length over it is refused with 413 before anything is read; a body
 * without one (chunked) fails with the same 413 as soon as it passes the limit. `Content-Encoding: gzip` is
 * decompressed on the fly (limitDecompressed also bounds what it expands to).
 */
export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `the request body is larger than ${formatBytes(limit)} (the limit of this endpoint)`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** Throws 413 when the declared length is over the limit; returns the length (or null when not declared). */
export function checkDeclaredLength(req: Request, limit: number): number | null {
  const header = req.headers.get("content-length");
  if (header === null) return null;
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0) throw badRequest("Content-Length is not a byte count");
  if (length > limit) throw tooLarge(limit);
  return length;
}

export function requestBody(req: Request, opts: { limit: number; decompress?: boolean }): Readable {
  checkDeclaredLength(req, opts.limit);
  if (!req.body) return Readable.from([]);
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  const gzip = encoding === "gzip" || encoding === "x-gzip";
  if (!gzip && encoding !== "identity") {
    throw new AppError("unsupported_media_type", `Content-Encoding "${encoding}" is not supported (send gzip or nothing)`);
  }
  const source = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);
  // pipeline (not pipe) so an aborted upload or corrupt gzip errors the stream the parser reads, instead of hanging it.
  const done = () => {};
  if (!gzip || opts.decompress === false) return pipeline(source, byteLimit(opts.limit), done);
  return pipeline(source, byteLimit(opts.limit), createGunzip(), byteLimit(opts.limit), done);
}

/** Reads a whole (small, limited) body into one buffer: OTLP requests are decoded as one message. */
export async function readBodyBuffer(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of requestBody(req, { limit })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Passes bytes through until `limit`, then fails with 413 (`error` names what was too large). */
export function byteLimit(limit: number, error: () => AppError = () => tooLarge(limit)): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(error());
      else callback(null, chunk);
    },
  });
}
