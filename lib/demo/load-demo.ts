import "server-only";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { loadRouteLlmEvalSets } from "@/lib/evals/routellm";
import { storeEvalResults } from "@/lib/evals/store-eval-results";
import { linkDemoEvalModels } from "@/lib/evals/demo-eval-models";
import { progressBar } from "@/lib/cli/progress";
import { seedDemoRollout } from "./seed-rollout";
import { ensureDimensions } from "@/lib/dimensions/dimensions-admin";
import { seedDemoMetrics } from "./seed-metrics";
import { DEFAULT_DEMO_SEED, demoTeams, demoUnattributedSources, demoWorkloads, generateDemoEvents } from "./generate";

export interface LoadDemoOptions {
  events: number;
  days: number;
  seed?: number;
  /** Exclusive end of the window; default now (so the demo always ends today). */
  endDate?: Date;
  quiet?: boolean;
  /** Called after each stored batch with the events stored so far (bench:scale times every million). */
  onProgress?: (stored: number) => void;
}

/** Loads the demo workspace unless the database already holds usage (npm start on an empty database). */
export async function loadDemoIfEmpty(options: LoadDemoOptions) {
  const existing = await pool().query("SELECT 1 FROM usage_events LIMIT 1");
  if (existing.rowCount) return null;
  return loadDemo(options);
}

/**
 * The demo company: teams, workloads (task class, quality floor, linked eval sets), the RouteLLM eval results,
 * one attribution rule (the rest of the untagged traffic stays unattributed, as in real life), then the usage.
 */
export async function loadDemo(options: LoadDemoOptions) {
  const endDate = options.endDate ?? startOfCurrentHourUtc();
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  await seedDimensions();
  const evals = loadRouteLlmEvalSets();
  for (const set of evals.sets) await storeEvalResults(set.rows, { description: set.info.description });
  for (const reason of evals.skipped) log(`Demo eval sets: ${reason}`);
  await linkEvalSets();
  await linkDemoEvalModels(); // which RouteLLM model stands for which real model (lib/evals/demo-eval-models.ts)
  await seedAttributionRule();
  // The demo's calls carry customer and feature tags (dimension-tags.ts): promoted before loading, so ingestion
  // rolls them up as it goes and the Dimensions view has data on first start.
  await ensureDimensions(["customer", "feature"], "demo");

  log(`Loading the demo workspace: ${options.events.toLocaleString("en-US")} calls over ${options.days} days...`);
  const bar = options.quiet ? null : progressBar("Demo", options.events);
  const session = await IngestSession.open({
    source: "demo",
    format: "demo",
    actor: "demo",
    batchSize: 25_000,
    onProgress: (s) => {
      bar?.update(s.accepted + s.duplicates);
      options.onProgress?.(s.accepted + s.duplicates);
    },
  });
  let index = 0;
  for (const event of generateDemoEvents({ events: options.events, days: options.days, endDate, seed: options.seed ?? DEFAULT_DEMO_SEED })) {
    const waiting = session.add(event, index++); // a promise only when it must wait
    if (waiting) await waiting;
  }
  const summary = await session.finish();
  bar?.update(summary.accepted + summary.duplicates);
  bar?.stop();
  await seedDemoBudgets(endDate);
  await seedDemoRollout(endDate, options.days);
  await seedDemoMetrics();
  log(`Demo loaded: ${summary.accepted.toLocaleString("en-US")} new calls, ${summary.duplicates.toLocaleString("en-US")} already there.`);
  return summary;
}

async function seedDimensions() {
  const db = prisma();
  for (const team of demoTeams()) {
    await db.team.upsert({ where: { slug: team.slug }, create: { slug: team.slug, name: team.name }, update: { name: team.name } });
  }
  const teams = new Map((await db.team.findMany()).map((t) => [t.slug, t.id]));
  for (const w of demoWorkloads()) {
    const data = { name: w.name, teamId: teams.get(w.team) ?? null, taskClass: w.taskClass, qualityFloor: w.qualityFloor, latencyTolerant: w.latencyTolerant };
    await db.workload.upsert({ where: { slug: w.slug }, create: { slug: w.slug, ...data }, update: data });
  }
}

async function linkEvalSets() {
  for (const w of demoWorkloads()) {
    if (!w.evalSet) continue;
    const set = await prisma().evalSet.findUnique({ where: { name: w.evalSet } });
    if (set) await prisma().workload.update({ where: { slug: w.slug }, data: { evalSetId: set.id } });
  }
}

/** One example rule, so the Settings page shows how untagged traffic gets claimed. */
async function seedAttributionRule() {
  const source = demoUnattributedSources()[0];
  const serviceName = source?.serviceName;
  if (!source || !serviceName || (await prisma().attributionRule.count()) > 0) return;
  const team = await prisma().team.findUnique({ where: { slug: source.likelyTeam } });
  if (!team) return;
  await prisma().attributionRule.create({
    data: { position: 1, name: `${serviceName} belongs to ${team.name}`, match: { serviceName }, teamId: team.id },
  });
}

/**
 * The demo window ends at the start of the current UTC hour: no event lies in the future, and loading with the same
 * flags within the same hour gives identical data (ids are `demo-<seed>-<n>`, so a later load adds nothing either).
 */
export function startOfCurrentHourUtc(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Example budgets sized from the demo's own last full month, so the Budgets page and the overview show one budget
 * of each status: the organisation with room (on track), the platform team (its agents grow fast: at risk or over),
 * and support (comfortable). Skipped when budgets already exist.
 */
async function seedDemoBudgets(endDate: Date) {
  if ((await prisma().budget.count()) > 0) return;
  const monthStart = new Date(Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const monthEnd = new Date(Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth(), 0)).toISOString().slice(0, 10);
  const spend = await pool().query<{ team: string; cost: string }>(
    `SELECT COALESCE(t.slug, '') AS team, sum(d.cost_nanos)::text AS cost FROM usage_daily d LEFT JOIN teams t ON t.id = d.team_id
     WHERE d.day BETWEEN $1 AND $2 GROUP BY 1`,
    [monthStart, monthEnd],
  );
  const usd = (nanos: string | undefined) => Number(nanos ?? 0) / 1e9; // sizing only: budgets are whole dollars
  const lastMonth = (team: string) => usd(spend.rows.find((r) => r.team === team)?.cost);
  const orgSpend = spend.rows.reduce((sum, r) => sum + usd(r.cost), 0);
  if (orgSpend <= 0) return;
  const teams = new Map((await prisma().team.findMany()).map((t) => [t.slug, t.id]));
  const budgets = [
    { name: "AI spend (organisation)", scopeType: "org", teamId: null, factor: 1.25, usd: orgSpend },
    { name: "Platform Engineering", scopeType: "team", teamId: teams.get("platform") ?? null, factor: 0.95, usd: lastMonth("platform") },
    { name: "Customer Support", scopeType: "team", teamId: teams.get("support") ?? null, factor: 1.6, usd: lastMonth("support") },
  ];
  for (const b of budgets) {
    if (b.scopeType === "team" && (b.teamId === null || b.usd <= 0)) continue;
    await prisma().budget.create({
      data: {
        name: b.name,
        scopeType: b.scopeType,
        teamId: b.teamId,
        period: "month",
        amountUsd: Math.max(1, Math.round(b.usd * b.factor)).toFixed(2),
        thresholds: ["0.5", "0.8", "1"],
      },
    });
  }
}
