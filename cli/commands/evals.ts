import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../database";
import { parse, required, UsageError } from "../args";
import { importEvals } from "@/lib/evals/import-evals";
import { detectEvalFormat } from "@/lib/evals/parse-eval-file";
import { MAX_EVAL_UPLOAD_BYTES } from "@/lib/evals/read-upload";

export const help = `rightsize evals import FILE --set NAME [--workload W] [--threshold T] [--format csv|json]
Imports eval results into the eval set NAME, all or nothing. One row per task and model:
  columns task_id, model, and passed (true/false, 1/0, yes/no) or score (0-1); optional eval_set (must be NAME),
  cost_usd, input_tokens, output_tokens. CSV with a header row, or JSON (an array of rows or {"rows": [...]}).
--workload links the set to that workload. --threshold: score at or above which a task passes (default 0.5).
A file with missing columns or bad lines imports nothing and says which columns and lines.
Which eval model stands for which production model is set on the workload (What-if > Evals, or
PATCH /api/v1/workloads/W/classification with evalModelMap).`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "import") throw new UsageError(`unknown subcommand "evals ${sub ?? ""}" (expected: evals import FILE --set NAME)`);
  const { values, positionals } = parse(
    rest,
    { set: { type: "string" }, workload: { type: "string" }, threshold: { type: "string" }, format: { type: "string" } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE to import");
  const file = positionals[0];
  const set = required(values.set, "set");
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (statSync(file).size > MAX_EVAL_UPLOAD_BYTES) throw new UsageError(`${file} is larger than ${MAX_EVAL_UPLOAD_BYTES / 1024 / 1024} MB`);
  if (values.format !== undefined && values.format !== "csv" && values.format !== "json") throw new UsageError(`--format must be csv or json`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be between 0 and 1, got "${values.threshold}"`);
  const text = readFileSync(file, "utf8");
  const format = (values.format as "csv" | "json" | undefined) ?? detectEvalFormat(text, path.extname(file));
  const db = await openDatabase();
  try {
    const r = await importEvals({ text, format, set, workload: values.workload ?? null, threshold, actor: "cli" }, null);
    console.log(`Imported ${r.rows.toLocaleString("en-US")} results (${r.tasks.toLocaleString("en-US")} tasks) into eval set "${r.evalSet}"` +
      (r.linkedWorkload ? `, linked to workload ${r.linkedWorkload}` : ""));
    for (const m of r.models) console.log(`  ${m.model}: ${m.passed}/${m.tasks} passed (${(m.passRate * 100).toFixed(1)}%)`);
  } finally {
    await db.close();
  }
}
