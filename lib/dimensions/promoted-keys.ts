import "server-only";
import { pool } from "@/lib/db/pool";

/**
 * The promoted tag keys, for parsers that keep only allow-listed tags (OTLP): a promoted key is kept too, so
 * `customer` on a span reaches its dimension. Read once per request or import (a few rows).
 */
export async function promotedKeySet(): Promise<Set<string>> {
  const rows = await pool().query<{ tag_key: string }>("SELECT tag_key FROM dimensions");
  return new Set(rows.rows.map((r) => r.tag_key));
}
