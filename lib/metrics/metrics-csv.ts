import { parseCsv, CsvSyntaxError } from "@/lib/evals/csv";
import { badRequest } from "@/lib/errors";
import { MetricInputSchema, MAX_METRICS_PER_REQUEST, type MetricInput } from "./metric-schema";

/**
 * A business-metrics CSV: header `date,name,value[,team][,workload]` (any order, case-insensitive), one value per
 * line. All or nothing: the first bad line is a 400 naming its line number and column.
 */
export function parseMetricsCsv(text: string): MetricInput[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw badRequest(`CSV ${error.message}`);
    throw error;
  }
  const header = table.header.map((h) => h.trim().toLowerCase());
  for (const required of ["date", "name", "value"]) {
    if (!header.includes(required)) throw badRequest(`CSV header must name date, name and value (and optionally team, workload); got: ${table.header.join(", ") || "(empty)"}`);
  }
  if (table.records.length === 0) throw badRequest("CSV has a header but no rows");
  if (table.records.length > MAX_METRICS_PER_REQUEST) throw badRequest(`CSV has ${table.records.length} rows; at most ${MAX_METRICS_PER_REQUEST} at a time`);
  const col = (name: string) => header.indexOf(name);
  return table.records.map((record) => {
    const cell = (name: string) => {
      const i = col(name);
      const v = i < 0 ? undefined : record.values[i]?.trim();
      return v === "" ? undefined : v;
    };
    const parsed = MetricInputSchema.safeParse({ date: cell("date"), name: cell("name"), value: cell("value"), team: cell("team"), workload: cell("workload") });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`CSV line ${record.line}: ${issue.path.join(".") || "row"} ${issue.message}`);
    }
    return parsed.data;
  });
}
