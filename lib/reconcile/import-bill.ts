import "server-only";
import { pool } from "@/lib/db/pool";
import { nanosToUsd } from "@/lib/money";
import { audit } from "@/lib/audit";
import type { BillLineInput, BillProvider } from "./bill-line";

export interface ImportSummary {
  provider: BillProvider;
  lines: number;
  inserted: number;
  updated: number;
  /** Lines of the same days from an earlier import that this file no longer has (replaced). */
  removed: number;
  /** Repeated lines within the file (overlapping pages), counted once. */
  duplicates: number;
  firstDay: string | null;
  lastDay: string | null;
  totalUsd: string;
  months: string[];
}

/**
 * Stores a parsed bill. The file is the truth for the provider and the days it covers: its lines are upserted by
 * line key (importing the same file twice changes nothing; a re-export with corrected amounts updates them) and
 * lines of those days it does not contain are removed (a re-export grouped differently must not add up with the
 * old one). One transaction: all or nothing.
 */
export async function importBill(provider: BillProvider, parsed: BillLineInput[], actor: string): Promise<ImportSummary> {
  const byKey = new Map<string, BillLineInput>();
  for (const l of parsed) byKey.set(l.lineKey, l);
  const lines = [...byKey.values()];
  const days = [...new Set(lines.map((l) => l.day))].sort();
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const removed = await client.query(
      `DELETE FROM bill_lines WHERE provider = $1 AND day = ANY($2::date[]) AND NOT (line_key = ANY($3::text[]))`,
      [provider, days, lines.map((l) => l.lineKey)],
    );
    const upserted = await client.query<{ inserted: boolean }>(
      `INSERT INTO bill_lines (provider, day, amount_nanos, model, line_item, account_ref, token_type, line_key, non_token)
       SELECT $1, * FROM unnest($2::date[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
       ON CONFLICT (line_key) DO UPDATE SET amount_nanos = EXCLUDED.amount_nanos, day = EXCLUDED.day, model = EXCLUDED.model,
         line_item = EXCLUDED.line_item, account_ref = EXCLUDED.account_ref, token_type = EXCLUDED.token_type, non_token = EXCLUDED.non_token
       RETURNING (xmax = 0) AS inserted`,
      [
        provider,
        lines.map((l) => l.day),
        lines.map((l) => l.amountNanos.toString()),
        lines.map((l) => l.model),
        lines.map((l) => l.lineItem),
        lines.map((l) => l.accountRef),
        lines.map((l) => l.tokenType),
        lines.map((l) => l.lineKey),
        lines.map((l) => l.nonToken),
      ],
    );
    await client.query("COMMIT");
    const inserted = upserted.rows.filter((r) => r.inserted).length;
    const total = lines.reduce((s, l) => s + l.amountNanos, 0n);
    const summary: ImportSummary = {
      provider,
      lines: lines.length,
      inserted,
      updated: upserted.rows.length - inserted,
      removed: removed.rowCount ?? 0,
      duplicates: parsed.length - lines.length,
      firstDay: days[0] ?? null,
      lastDay: days[days.length - 1] ?? null,
      totalUsd: nanosToUsd(total, 2),
      months: [...new Set(days.map((d) => d.slice(0, 7)))],
    };
    await audit(actor, "bill_imported", provider, { ...summary });
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** What has been imported: per provider and month, the days covered and the billed total. */
export async function listBillImports(): Promise<{ provider: string; month: string; days: number; lines: number; billedUsd: string; firstDay: string; lastDay: string }[]> {
  const rows = await pool().query<{ provider: string; month: string; days: number; lines: number; total: string; first: string; last: string }>(
    `SELECT provider, to_char(day, 'YYYY-MM') AS month, count(DISTINCT day)::int AS days, count(*)::int AS lines,
       sum(amount_nanos)::text AS total, min(day)::text AS first, max(day)::text AS last
     FROM bill_lines GROUP BY 1, 2 ORDER BY 2 DESC, 1`,
  );
  return rows.rows.map((r) => ({ provider: r.provider, month: r.month, days: r.days, lines: r.lines, billedUsd: nanosToUsd(BigInt(r.total), 2), firstDay: r.first, lastDay: r.last }));
}

/** Removes a provider's bill lines of a month (an import made by mistake). */
export async function deleteBillMonth(provider: string, month: string, actor: string): Promise<number> {
  const deleted = await pool().query(`DELETE FROM bill_lines WHERE provider = $1 AND to_char(day, 'YYYY-MM') = $2`, [provider, month]);
  await audit(actor, "bill_deleted", provider, { month, lines: deleted.rowCount });
  return deleted.rowCount ?? 0;
}
