import "server-only";
import { pool } from "@/lib/db/pool";
import { usdToNanos } from "@/lib/money";
import type { BudgetPeriod } from "@/lib/forecast/period";
import type { Principal } from "@/lib/auth/principal";

/** A budget as stored, with what its scope points at (slugs, names, owner team) resolved. */
export interface BudgetRecord {
  id: number;
  name: string | null;
  period: BudgetPeriod;
  /** ISO 4217 code of the amount (USD unless set in the reporting currency). */
  currency: string;
  /** The amount in `currency` ("25000.00"); amountNanos is the same in nano-units of it. */
  amount: string;
  amountNanos: bigint;
  thresholds: number[];
  alertOnForecast: boolean;
  alertOnAnomaly: boolean;
  webhookUrl: string | null;
  webhookFormat: "slack" | "json";
  createdAt: Date;
  updatedAt: Date;
  scope: BudgetScopeRef;
}

export interface BudgetScopeRef {
  type: "org" | "team" | "workload";
  teamId: number | null;
  workloadId: number | null;
  /** The team that owns the scope: the team itself, or the workload's team; null for the organisation. */
  ownerTeamId: number | null;
  team: string | null;
  teamName: string | null;
  workload: string | null;
  workloadName: string | null;
  label: string;
}

interface Row {
  id: number;
  name: string | null;
  scope_type: "org" | "team" | "workload";
  team_id: number | null;
  workload_id: number | null;
  period: BudgetPeriod;
  amount_usd: string;
  currency: string;
  thresholds: string[] | null;
  alert_on_forecast: boolean;
  alert_on_anomaly: boolean;
  webhook_url: string | null;
  webhook_format: "slack" | "json";
  created_at: Date;
  updated_at: Date;
  team_slug: string | null;
  team_name: string | null;
  workload_slug: string | null;
  workload_name: string | null;
  workload_team_id: number | null;
  workload_team_slug: string | null;
}

const SELECT = `
  SELECT b.*, t.slug AS team_slug, t.name AS team_name, w.slug AS workload_slug, w.name AS workload_name,
    w.team_id AS workload_team_id, wt.slug AS workload_team_slug
  FROM budgets b
  LEFT JOIN teams t ON t.id = b.team_id
  LEFT JOIN workloads w ON w.id = b.workload_id
  LEFT JOIN teams wt ON wt.id = w.team_id`;

export async function loadBudgets(): Promise<BudgetRecord[]> {
  const rows = await pool().query<Row>(`${SELECT} ORDER BY b.id`);
  return rows.rows.map(toRecord);
}

export async function loadBudget(id: number): Promise<BudgetRecord | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const rows = await pool().query<Row>(`${SELECT} WHERE b.id = $1`, [id]);
  return rows.rows[0] ? toRecord(rows.rows[0]) : null;
}

/**
 * Who sees a budget: all-team roles see every budget; a lead (or a team-bound key) sees the budgets of their teams
 * and of workloads their teams own, never the organisation's budget (it spends other teams' money too).
 */
export function canSeeBudget(principal: Pick<Principal, "teamIds">, budget: BudgetRecord): boolean {
  if (principal.teamIds === null) return true;
  const owner = budget.scope.ownerTeamId;
  return owner !== null && principal.teamIds.includes(owner);
}

export function scopeLabel(scope: Pick<BudgetScopeRef, "type" | "teamName" | "workloadName" | "team" | "workload">): string {
  if (scope.type === "org") return "Organisation";
  if (scope.type === "team") return `Team ${scope.teamName ?? scope.team ?? "(deleted)"}`;
  return `Workload ${scope.workloadName ?? scope.workload ?? "(deleted)"}`;
}

function toRecord(r: Row): BudgetRecord {
  const scope = {
    type: r.scope_type,
    teamId: r.scope_type === "team" ? r.team_id : r.workload_team_id,
    workloadId: r.workload_id,
    ownerTeamId: r.scope_type === "team" ? r.team_id : r.scope_type === "workload" ? r.workload_team_id : null,
    team: r.scope_type === "team" ? r.team_slug : r.workload_team_slug,
    teamName: r.team_name,
    workload: r.workload_slug,
    workloadName: r.workload_name,
  };
  return {
    id: r.id,
    name: r.name,
    period: r.period,
    currency: r.currency,
    amount: r.amount_usd,
    amountNanos: usdToNanos(r.amount_usd),
    thresholds: (r.thresholds ?? []).map(Number).sort((a, b) => a - b),
    alertOnForecast: r.alert_on_forecast,
    alertOnAnomaly: r.alert_on_anomaly,
    webhookUrl: r.webhook_url,
    webhookFormat: r.webhook_format,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    scope: { ...scope, label: scopeLabel(scope) },
  };
}
