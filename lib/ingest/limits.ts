/**
 * Size limits of ingestion requests, configurable by environment variable (README, "Configuration"):
 * - RIGHTSIZE_MAX_REQUEST_MB (default 50): POST /api/v1/events and OTLP requests. The whole request lands in one
 *   transaction, so its size bounds the memory and transaction size of one request; 50 MB is ~100k events,
 *   twenty times what an exporter or gateway batches send. Applied to the decompressed body too (gzip bombs).
 * - RIGHTSIZE_MAX_IMPORT_MB (default 20480 = 20 GB): file imports (POST /api/v1/imports, the Ingestion page),
 *   which stream and commit in batches, so memory does not grow with the size.
 * Bodies over the limit get 413 before they are read, when their Content-Length says so.
 */
const MB = 1024 * 1024;

function megabytes(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback * MB;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Invalid environment variable ${name}: must be a positive number of megabytes`);
  return Math.floor(n * MB);
}

export const maxRequestBytes = () => megabytes("RIGHTSIZE_MAX_REQUEST_MB", 50);
export const maxImportBytes = () => megabytes("RIGHTSIZE_MAX_IMPORT_MB", 20 * 1024);
