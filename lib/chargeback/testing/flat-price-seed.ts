import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { pool } from "@/lib/db/pool";
import { ingest, usageEvent } from "@/tests/factories";
import type { UsageEvent } from "@/lib/ingest/usage-event";

/**
 * Test data whose costs can be worked out by hand: model acme/flat-1 costs $1 per million input tokens and nothing
 * for output, so a call's cost in nano-dollars is its input tokens x 1,000.
 */
export async function flatPrice() {
  await createPriceOverride(
    { provider: "acme", model: "flat-1", inputPerMtok: "1", outputPerMtok: "0", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: "test" },
    { label: "test", userId: null },
  );
}

/** One call of `tokens` input tokens (= tokens x 1,000 nano-dollars) on a day. */
export function flatCall(day: string, team: string | null, workload: string | null, tokens: number, extra: Partial<UsageEvent> = {}): UsageEvent {
  return usageEvent({ occurredAt: new Date(`${day}T12:00:00Z`), provider: "acme", model: "flat-1", team, workload, inputTokens: tokens, outputTokens: 0, ...extra });
}

/**
 * October 2026 for chargeback: direct spend search $0.003 (3,000 tokens), support $0.001, billing $0.002; the
 * platform team's gateway $0.001; unattributed $0.0001; search's shared-gateway workload $0.010001; a team "ml"
 * without spend.
 */
export async function seedChargebackMonth() {
  await flatPrice();
  await ingest([
    flatCall("2026-10-05", "search", "query-rewrite", 3_000),
    flatCall("2026-10-06", "support", "ticket-triage", 1_000),
    flatCall("2026-10-07", "billing", "invoice-extract", 2_000),
    flatCall("2026-10-08", "platform", "gateway", 1_000),
    flatCall("2026-10-09", null, null, 100),
    flatCall("2026-10-10", "search", "shared-gateway", 10_001),
  ]);
  await pool().query("INSERT INTO teams (slug, name) VALUES ('ml', 'Machine learning') ON CONFLICT DO NOTHING");
}

/** The three example rules of the chargeback test: platform proportional, unattributed even, shared gateway fixed. */
export async function createExampleRules() {
  const { createAllocationRule } = await import("@/lib/chargeback/rule-store");
  const { CreateAllocationRuleSchema } = await import("@/lib/chargeback/chargeback-schema");
  for (const rule of [
    { name: "Platform gateway", source: { team: "platform" }, method: "proportional" },
    { name: "Unattributed", source: { unattributed: true }, method: "even" },
    { name: "Shared gateway", source: { workload: "shared-gateway" }, method: "fixed", percentages: { search: "33.33", support: "33.33", billing: "33.34" } },
  ]) await createAllocationRule(CreateAllocationRuleSchema.parse(rule), "test");
}
