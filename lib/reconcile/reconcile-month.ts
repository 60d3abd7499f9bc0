import "server-only";
import { pool } from "@/lib/db/pool";
import { forbidden } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { reportMonth } from "@/lib/reports/report-month";
import { providerName } from "@/lib/reports/provider-names";
import { compareWithBill, type BillLineLite, type ComputedModel } from "./explain-difference";
import type { ReconciliationResponse } from "./reconcile-schema";

/**
 * Per provider, the month's computed cost (all teams, from the same roll-ups as the explorer) against the imported
 * bill, with the difference explained (explain-difference.ts). Providers with usage but no bill are listed too, so
 * a missing import is visible. Needs an all-teams caller: a bill is the whole organisation's.
 */
export async function reconcileMonth(principal: Principal, month: string, now = new Date()): Promise<ReconciliationResponse> {
  if (principal.teamIds !== null) throw forbidden("Reconciliation compares the organisation's whole bill with every team's usage; it needs access to all teams");
  const m = reportMonth(month, now);
  const to = m.end;
  const [bills, byDay, byModel] = await Promise.all([
    pool().query<{ provider: string; day: string; amount: string; model: string | null; line_item: string | null; token_type: string | null; non_token: boolean }>(
      `SELECT provider, day::text AS day, amount_nanos::text AS amount, model, line_item, token_type, non_token FROM bill_lines WHERE day BETWEEN $1 AND $2`,
      [m.from, to],
    ),
    pool().query<{ provider: string; day: string; cost: string; tools: string }>(
      `SELECT m.provider, d.day::text AS day, sum(d.cost_nanos)::text AS cost, sum(d.tool_cost_nanos)::text AS tools
       FROM usage_daily d JOIN models m ON m.id = d.model_id WHERE d.day BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [m.from, to],
    ),
    pool().query<{ provider: string; model: string; cost: string; requests: string; unpriced: string; unpriced_events: string }>(
      `SELECT m.provider, m.name AS model, sum(d.cost_nanos)::text AS cost, sum(d.requests)::text AS requests, sum(d.unpriced_requests)::text AS unpriced,
         sum(d.unpriced_events)::text AS unpriced_events
       FROM usage_daily d JOIN models m ON m.id = d.model_id WHERE d.day BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [m.from, to],
    ),
  ]);
  const providers = [...new Set([...bills.rows.map((b) => b.provider), ...byDay.rows.map((d) => d.provider)])].sort();
  return {
    month: m.month,
    from: m.from,
    to,
    providers: providers.map((provider) => {
      const bill: BillLineLite[] = bills.rows
        .filter((b) => b.provider === provider)
        .map((b) => ({ day: b.day, amountNanos: BigInt(b.amount), model: b.model, lineItem: b.line_item, tokenType: b.token_type, nonToken: b.non_token }));
      const days = new Map(byDay.rows.filter((d) => d.provider === provider).map((d) => [d.day, BigInt(d.cost)]));
      const models: ComputedModel[] = byModel.rows
        .filter((x) => x.provider === provider)
        .map((x) => ({ model: x.model, costNanos: BigInt(x.cost), requests: Number(x.requests), unpricedRequests: Number(x.unpriced), unpricedEvents: Number(x.unpriced_events) }));
      const tools = new Map(byDay.rows.filter((d) => d.provider === provider).map((d) => [d.day, BigInt(d.tools)]));
      const c = compareWithBill(bill, days, models, tools);
      // Full precision (not rounded to cents) so the explanation parts add up to the difference exactly.
      const usd = (n: bigint | null) => (n === null ? null : nanosToUsd(n));
      return {
        provider,
        providerName: providerName(provider),
        billedUsd: nanosToUsd(c.billedNanos),
        computedUsd: nanosToUsd(c.computedNanos),
        differenceUsd: nanosToUsd(c.differenceNanos),
        differenceShare: c.billedNanos === 0n ? null : Number((c.differenceNanos * 1_000_000n) / c.billedNanos) / 1_000_000,
        status: c.status,
        explanation: c.explanation.map((e) => ({ kind: e.kind, amountUsd: usd(e.amountNanos), days: e.days, detail: e.detail })),
        days: c.days.map((d) => ({ day: d.day, billedUsd: usd(d.billedNanos), computedUsd: usd(d.computedNanos), differenceUsd: nanosToUsd(d.differenceNanos) })),
        models: c.models.map((x) => ({ model: x.model, billedUsd: usd(x.billedNanos), computedUsd: usd(x.computedNanos), differenceUsd: nanosToUsd(x.differenceNanos), unpriced: x.unpriced })),
      };
    }),
  };
}
