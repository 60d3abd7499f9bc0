import { openDatabase } from "../database";
import { parse } from "../args";
import { parseEnv } from "@/lib/config/env";
import { pool } from "@/lib/db/pool";
import { runRetention } from "@/lib/db/retention";

export const help = `rightsize retention [--dry-run]
Drops the monthly partitions of raw usage events older than RIGHTSIZE_RAW_RETENTION_MONTHS whole months before the
current one (N = 3 in December keeps September to December). Roll-ups stay: totals, reports, budgets and what-if
are unchanged; raw-only views (token percentiles, error shares, re-pricing and re-attribution of those months)
have no data there. Events older than the kept months are skipped at ingestion from then on.
--dry-run prints what would be dropped and changes nothing. The server also runs this daily when the variable is set.`;

export async function run(argv: string[]) {
  const { values } = parse(argv, { "dry-run": { type: "boolean" } });
  const keepMonths = parseEnv().RIGHTSIZE_RAW_RETENTION_MONTHS ?? null;
  const db = await openDatabase();
  const client = await pool().connect();
  try {
    if (keepMonths === null) {
      console.log("RIGHTSIZE_RAW_RETENTION_MONTHS is not set: all raw events are kept, nothing to drop.");
      return 0;
    }
    const r = await runRetention(client, keepMonths, { dryRun: values["dry-run"] });
    const verb = r.dryRun ? "Would drop" : "Dropped";
    console.log(`Keeping raw events from ${r.floor} on (RIGHTSIZE_RAW_RETENTION_MONTHS=${keepMonths}).`);
    if (r.dropped.length === 0) console.log(`${r.dryRun ? "Nothing would be dropped" : "Nothing dropped"}: no raw month before ${r.floor}.`);
    for (const p of r.dropped) console.log(`${verb} ${p.name} (${p.month}, ${mb(p.bytes)})`);
    if (r.dropped.length > 0) {
      const total = r.dropped.reduce((s, p) => s + p.bytes, 0);
      console.log(`${verb} ${r.dropped.length} month${r.dropped.length === 1 ? "" : "s"}, ${mb(total)}. Roll-ups, reports, budgets and what-if keep these months.`);
    }
    return 0;
  } finally {
    client.release();
    await db.close();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
