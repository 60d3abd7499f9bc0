import { writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../database";
import { parse, UsageError } from "../args";
import type { Principal } from "@/lib/auth/principal";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/routing-export/routing-table";
import { exportScenario } from "@/lib/routing-export/server/export-scenario";
import { CreateRolloutSchema } from "@/lib/rollouts/rollout-schema";
import { createRollout } from "@/lib/rollouts/server/rollout-store";

export const help = `rightsize scenario export ID --format litellm|portkey|openrouter|json [--out FILE]
  Writes saved scenario ID as gateway routing: a LiteLLM proxy config.yaml, a Portkey config, OpenRouter presets
  or a plain JSON routing table (to stdout, or to FILE). The header says which documentation it follows and what the
  gateway cannot express.
rightsize scenario apply ID --from YYYY-MM-DD [--workloads a,b]
  Records that scenario ID was applied from that day (a rollout): Rightsize then measures its realised savings.`;

/** The CLI acts for the operator of the installation: every team, like an admin. */
const OPERATOR: Principal = { kind: "user", id: 0, label: "cli", role: "admin", teamIds: null, scopes: ["read"] };


export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub === "export") return exportCommand(rest);
  if (sub === "apply") return applyCommand(rest);
  throw new UsageError(`unknown subcommand "scenario ${sub ?? ""}" (expected: scenario export ID --format F, scenario apply ID --from DAY)`);
}

async function exportCommand(argv: string[]) {
  const { values, positionals } = parse(argv, { format: { type: "string" }, out: { type: "string" } }, true);
  const id = scenarioId(positionals);
  const format = values.format as ExportFormat | undefined;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
  const db = await openDatabase();
  try {
    const out = await exportScenario(OPERATOR, id, format);
    if (values.out) {
      writeFileSync(path.resolve(values.out), out.body);
      process.stderr.write(`Wrote ${path.resolve(values.out)} (${out.table.routes.length} workload route${out.table.routes.length === 1 ? "" : "s"})\n`);
    } else process.stdout.write(out.body);
  } finally {
    await db.close();
  }
}

async function applyCommand(argv: string[]) {
  const { values, positionals } = parse(argv, { from: { type: "string" }, workloads: { type: "string" } }, true);
  const input = CreateRolloutSchema.safeParse({
    scenarioId: scenarioId(positionals),
    appliedFrom: values.from,
    workloads: values.workloads?.split(",").map((w) => w.trim()),
  });
  if (!input.success) throw new UsageError(input.error.issues.map((i) => `--${i.path[0] === "appliedFrom" ? "from" : String(i.path[0])}: ${i.message}`).join("; "));
  const db = await openDatabase();
  try {
    const r = await createRollout(OPERATOR, input.data);
    console.log(`Rollout ${r.id}: scenario "${r.scenarioName}" applied from ${r.appliedFrom} to ${r.workloads.join(", ")}. Realised savings: GET /api/v1/rollouts/${r.id} or the Rollouts page.`);
  } finally {
    await db.close();
  }
}

export function scenarioId(positionals: string[]): number {
  if (positionals.length !== 1 || !/^\d{1,9}$/.test(positionals[0])) throw new UsageError("give exactly one numeric scenario ID");
  return Number(positionals[0]);
}
