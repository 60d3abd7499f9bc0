import "server-only";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { redactUrl, refusalAtSave } from "@/lib/net/webhook-target";
import type { CreateBudgetInput, UpdateBudgetInput } from "./budget-schema";
import { loadBudget, type BudgetRecord } from "./budget-record";
import { reportingCurrency } from "@/lib/currency/rates-store";

/** Creates a budget for the organisation, a team or a workload; one budget per scope and period. */
export async function createBudget(input: CreateBudgetInput, actor: string): Promise<BudgetRecord> {
  const scope = await resolveScope(input.scope);
  const existing = await pool().query<{ id: number }>(
    `SELECT id FROM budgets WHERE scope_type = $1 AND team_id IS NOT DISTINCT FROM $2 AND workload_id IS NOT DISTINCT FROM $3 AND period = $4`,
    [scope.scopeType, scope.teamId, scope.workloadId, input.period],
  );
  if (existing.rows[0]) {
    throw new AppError("conflict", `a ${input.period} budget for ${scope.description} already exists (id ${existing.rows[0].id}); change it with PATCH /api/v1/budgets/${existing.rows[0].id}`);
  }
  const webhookUrl = input.webhookUrl ?? null;
  await checkWebhookTarget(webhookUrl);
  const { amount, currency } = await amountOf(input, "USD");
  const created = await prisma().budget.create({
    data: {
      name: input.name ?? null,
      scopeType: scope.scopeType,
      teamId: scope.teamId,
      workloadId: scope.workloadId,
      period: input.period,
      amountUsd: amount!,
      currency,
      thresholds: input.thresholds,
      alertOnForecast: input.alertOnForecast,
      alertOnAnomaly: input.alertOnAnomaly,
      webhookUrl,
      webhookFormat: input.webhookFormat ?? defaultFormat(webhookUrl),
    },
  });
  await audit(actor, "budget_created", `budget:${created.id}`, { scope: scope.description, period: input.period, amount, currency });
  return (await loadBudget(created.id))!;
}

export async function updateBudget(id: number, input: UpdateBudgetInput, actor: string): Promise<BudgetRecord> {
  const before = await loadBudget(id);
  if (!before) throw notFound(`budget ${id}`);
  const webhookUrl = input.webhookUrl === undefined ? undefined : input.webhookUrl;
  await checkWebhookTarget(webhookUrl ?? null);
  const { amount, currency } = await amountOf(input, before.currency);
  await prisma().budget.update({
    where: { id },
    data: {
      name: input.name,
      // The amount column holds the amount in `currency`: a new currency comes with its amount (the schema says so).
      amountUsd: amount,
      currency: amount === undefined ? undefined : currency,
      thresholds: input.thresholds,
      alertOnForecast: input.alertOnForecast,
      alertOnAnomaly: input.alertOnAnomaly,
      webhookUrl,
      // A new Slack URL without an explicit format switches to Slack's format.
      webhookFormat: input.webhookFormat ?? (webhookUrl ? defaultFormat(webhookUrl) : undefined),
      updatedAt: new Date(),
    },
  });
  // The audit log keeps who changed what, not the webhook's secret path.
  const logged = webhookUrl ? { ...input, webhookUrl: redactUrl(webhookUrl) } : input;
  await audit(actor, "budget_updated", `budget:${id}`, JSON.parse(JSON.stringify(logged)));
  return (await loadBudget(id))!;
}

/** Deletes a budget. Its alerts stay in the history (they carry their own scope), pending deliveries stop. */
export async function deleteBudget(id: number, actor: string): Promise<void> {
  const before = await loadBudget(id);
  if (!before) throw notFound(`budget ${id}`);
  await pool().query(
    `UPDATE webhook_deliveries SET status = 'failed', last_error = 'budget deleted before delivery', next_attempt_at = NULL
     WHERE status = 'pending' AND alert_id IN (SELECT id FROM alerts WHERE budget_id = $1)`,
    [id],
  );
  await prisma().budget.delete({ where: { id } });
  await audit(actor, "budget_deleted", `budget:${id}`, { scope: before.scope.label, period: before.period, amount: before.amount, currency: before.currency });
}

/**
 * The amount to store and its currency: amountUsd is USD; amount is in `currency`, else in `fallback` (USD for a new
 * budget, the budget's own currency on change). A currency other than USD must be the reporting currency (its
 * rates are the ones kept up to date); a budget already in it keeps it after the reporting currency changes.
 */
async function amountOf(input: { amountUsd?: string; amount?: string; currency?: string }, fallback: string): Promise<{ amount: string | undefined; currency: string }> {
  if (input.amountUsd !== undefined) return { amount: input.amountUsd, currency: "USD" };
  const currency = input.currency ?? fallback;
  if (currency !== "USD" && currency !== fallback) {
    const reporting = await reportingCurrency();
    if (currency !== reporting) {
      throw badRequest(`currency: a budget can be in USD or the reporting currency (${reporting}); set the reporting currency first (PUT /api/v1/currency)`, [
        { field: "currency", message: `must be USD or ${reporting}` },
      ]);
    }
  }
  return { amount: input.amount, currency };
}

/** A webhook that points at an internal address (SSRF) is refused when saved: 400 naming the field. */
async function checkWebhookTarget(url: string | null): Promise<void> {
  if (!url) return;
  const refusal = await refusalAtSave(url);
  if (refusal) throw badRequest(`webhookUrl: ${refusal}`, [{ field: "webhookUrl", message: refusal }]);
}

function defaultFormat(url: string | null): "slack" | "json" {
  if (!url) return "json";
  try {
    return new URL(url).hostname === "hooks.slack.com" ? "slack" : "json";
  } catch {
    return "json";
  }
}

interface ResolvedScope {
  scopeType: "org" | "team" | "workload";
  teamId: number | null;
  workloadId: number | null;
  description: string;
}

async function resolveScope(scope: { team?: string; workload?: string }): Promise<ResolvedScope> {
  if (scope.team) {
    const team = await prisma().team.findUnique({ where: { slug: scope.team } });
    if (!team) throw badRequest(`scope.team: no team "${scope.team}"; allowed: ${await slugs("teams")}`);
    return { scopeType: "team", teamId: team.id, workloadId: null, description: `team ${team.slug}` };
  }
  if (scope.workload) {
    const workload = await prisma().workload.findUnique({ where: { slug: scope.workload } });
    if (!workload) throw badRequest(`scope.workload: no workload "${scope.workload}"; allowed: ${await slugs("workloads")}`);
    return { scopeType: "workload", teamId: null, workloadId: workload.id, description: `workload ${workload.slug}` };
  }
  return { scopeType: "org", teamId: null, workloadId: null, description: "the organisation" };
}

async function slugs(table: "teams" | "workloads"): Promise<string> {
  const rows = await pool().query<{ slug: string }>(`SELECT slug FROM ${table} ORDER BY slug LIMIT 41`);
  if (rows.rows.length === 0) return "(none yet)";
  const list = rows.rows.slice(0, 40).map((r) => r.slug).join(", ");
  return rows.rows.length > 40 ? `${list}, ...` : list;
}
