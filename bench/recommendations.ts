/**
 * npm run bench:recommendations - the recommendation endpoints in process, printed as one JSON object (issue 17:
 * over-specified and recommendations p95 <= 300 ms on 10M calls).
 *
 * Database: DATABASE_URL, an existing workspace (e.g. `rightsize demo --events 10000000`); it is only read, never
 * migrated, so a database other benchmarks share is safe. As an admin (all teams), default window (the last 30
 * complete days) unless said: the Overview's over-specified list (limit 8), the whole list, the recommendations,
 * the recommendations over 90 days, the 80/20 preset and the busiest workload's verdict. Each: the first call
 * (`coldMs`: modules, plans, JIT), then p50/p95/max of --runs calls after two warm-ups.
 * Options: --runs N (default 15).
 */
import { parseArgs } from "node:util";
import type { Principal } from "@/lib/auth/principal";
import { closePool, pool } from "@/lib/db/pool";
import { addDays } from "@/lib/forecast/utc-days";
import { listOverSpecified } from "@/lib/recommendations/over-specified";
import { listRecommendations } from "@/lib/recommendations/list-recommendations";
import { workloadVerdict } from "@/lib/recommendations/workload-verdict";
import { build8020 } from "@/lib/whatif/server/preset-8020";
import { defaultWindow } from "@/lib/whatif/window";
import { BIGGEST_WORKLOAD_SQL, timeRepeated } from "./dashboard-queries";
import { startMachineMeter } from "./machine";

const { values } = parseArgs({ options: { runs: { type: "string" } } });
const RUNS = Number(values.runs ?? 15);
const admin: Principal = { kind: "user", id: 0, label: "bench", role: "admin", teamIds: null, scopes: ["read"] };
const ms = (x: number) => Math.round(x * 10) / 10;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to a loaded workspace (rightsize demo --events 10000000)");
  const workload = (await pool().query<{ slug: string }>(BIGGEST_WORKLOAD_SQL)).rows[0]?.slug;
  const { to } = defaultWindow();
  const cases: [string, () => Promise<unknown>][] = [
    ["overSpecified?limit=8", () => listOverSpecified(admin, { limit: 8 })],
    ["overSpecified", () => listOverSpecified(admin, {})],
    ["recommendations", () => listRecommendations(admin, {})],
    ["recommendations 90 days", () => listRecommendations(admin, { from: addDays(to, -89), to })],
    ["preset 80/20", () => build8020(admin, {})],
    ...(workload ? [[`verdict ${workload}`, () => workloadVerdict(admin, workload, {})] as [string, () => Promise<unknown>]] : []),
  ];
  const meter = startMachineMeter();
  const results = [];
  for (const [name, run] of cases) {
    const once = async () => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const coldMs = ms(await once());
    results.push({ ...(await timeRepeated(name, once, RUNS)), coldMs });
  }
  console.log(JSON.stringify({ runs: RUNS, targetP95Ms: 300, results, machine: meter.finish() }, null, 2));
  await closePool();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
