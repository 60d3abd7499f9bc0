import { existsSync, readFileSync, statSync } from "node:fs";
import { openDatabase } from "../database";
import { parse, UsageError } from "../args";
import { parseMetricsCsv } from "@/lib/metrics/metrics-csv";
import { MAX_METRICS_CSV_BYTES } from "@/lib/metrics/read-metrics-request";
import { storeMetrics } from "@/lib/metrics/store-metrics";
import { AppError } from "@/lib/errors";

export const help = `rightsize metrics import FILE
Imports business metrics (tickets resolved, documents processed...) from a CSV with the header
date,name,value[,team][,workload] (team and workload are slugs; absent = organisation-wide). The same as the
Unit costs page upload or POST /api/v1/metrics. Idempotent: a value for the same date, name, team and workload
replaces the one stored. All or nothing: a bad line rejects the file, naming the line.`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "import") throw new UsageError(`unknown subcommand "metrics ${sub ?? ""}" (expected: metrics import FILE)`);
  const { positionals } = parse(rest, {}, true);
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE to import");
  const file = positionals[0];
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (statSync(file).size > MAX_METRICS_CSV_BYTES) throw new UsageError(`${file} is larger than ${MAX_METRICS_CSV_BYTES / 1024 / 1024} MB`);
  const db = await openDatabase();
  try {
    const r = await storeMetrics({ teamIds: null }, parseMetricsCsv(readFileSync(file, "utf8")));
    console.log(`Stored ${r.stored.toLocaleString("en-US")} metric values (${r.replaced.toLocaleString("en-US")} replaced earlier values).`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
