import { nanosToUsd } from "@/lib/money";
import { addDays } from "@/lib/analytics/dates";
import type { Pricer } from "@/lib/pricing";
import type { FocusRecord } from "./focus-columns";
import { providerName, serviceName } from "./provider-names";
import { TOKEN_TYPES, probePrices, splitByWeights, tokensByType, weightsOf, type TokenType } from "./token-cost-split";
import type { UsageRow } from "./usage-rows";

/**
 * Usage rows -> FOCUS 1.2 charges: one Usage charge per day x team x workload x model x batch x token type, priced
 * in tokens (PricingUnit "1000000 Tokens", the unit providers publish prices in; ConsumedQuantity in Tokens).
 *
 * Costs: BilledCost = EffectiveCost = ContractedCost = our computed cost (catalogue price, or the negotiated price
 * override where one applies, with batch/flex discounts). ListCost is the same usage at the public catalogue price:
 * it differs only where a price override applies. Pure; the cost columns of all rows sum exactly to the month.
 */
export interface FocusContext {
  month: string;
  /** Pricer with the organisation's price overrides (how our cost was computed). */
  contracted: Pricer;
  /** Catalogue-only pricer (list prices). */
  list: Pricer;
  /** provider/model (lowercase) -> first day a price override applies. */
  overrideFrom: Map<string, string>;
}

const TYPE_LABEL: Record<TokenType, string> = {
  input: "input tokens",
  cached_input: "cached input tokens",
  cache_write: "cache write tokens",
  output: "output tokens",
  reasoning: "reasoning tokens",
};

export function focusRecords(row: UsageRow, ctx: FocusContext): FocusRecord[] {
  const tokens = tokensByType(row);
  const call = { provider: row.provider, model: row.model, day: row.day, batch: row.batch };
  const contractedPrices = probePrices(ctx.contracted, call);
  const cost = splitByWeights(row.costNanos, weightsOf(tokens, contractedPrices));
  const overridden = (ctx.overrideFrom.get(`${row.provider}/${row.model}`.toLowerCase()) ?? "9999") <= row.day;
  const listPrices = overridden ? probePrices(ctx.list, call) : null;
  // Without an override (or without a catalogue price) the list cost is what we computed.
  const list = listPrices ? listCosts(tokens, listPrices) : cost;

  const types = TOKEN_TYPES.filter((t) => tokens[t] > 0 || (t === "input" && cost.input !== 0n));
  // Request counts go on the row's first charge only, so x_Requests sums to the month's requests.
  return (types.length > 0 ? types : (["input"] as TokenType[])).map((t, i) => record(row, ctx, t, tokens[t], cost[t], list[t], i === 0));
}

/** List cost of each type: tokens x the catalogue's price per token, rounded to the nano. */
function listCosts(tokens: Record<TokenType, number>, prices: Record<TokenType, bigint>): Record<TokenType, bigint> {
  const out = {} as Record<TokenType, bigint>;
  for (const t of TOKEN_TYPES) out[t] = (BigInt(Math.max(0, tokens[t])) * prices[t] + 50_000n) / 100_000n;
  return out;
}

function record(row: UsageRow, ctx: FocusContext, type: TokenType, tokens: number, costNanos: bigint, listNanos: bigint, first: boolean): FocusRecord {
  const nextMonthStart = addDays(`${ctx.month}-01`, 40).slice(0, 7) + "-01";
  const provider = providerName(row.provider);
  const sku = `${row.provider}/${row.model}/${type}`;
  const unpriced = row.unpricedRequests > 0 ? ` (${row.unpricedRequests} requests without a known price, counted at $0)` : "";
  return {
    BilledCost: nanosToUsd(costNanos),
    BillingAccountId: `${row.provider}`,
    BillingAccountName: `${provider} organisation`,
    BillingCurrency: "USD",
    BillingPeriodEnd: `${nextMonthStart}T00:00:00Z`,
    BillingPeriodStart: `${ctx.month}-01T00:00:00Z`,
    ChargeCategory: "Usage",
    ChargeClass: null,
    ChargeDescription: `${row.model} ${TYPE_LABEL[type]}${row.batch ? " (batch)" : ""} for ${row.workloadName} (${row.teamName})${unpriced}`,
    ChargeFrequency: "Usage-Based",
    ChargePeriodEnd: `${addDays(row.day, 1)}T00:00:00Z`,
    ChargePeriodStart: `${row.day}T00:00:00Z`,
    ConsumedQuantity: String(tokens),
    ConsumedUnit: "Tokens",
    ContractedCost: nanosToUsd(costNanos),
    EffectiveCost: nanosToUsd(costNanos),
    InvoiceIssuerName: provider,
    ListCost: nanosToUsd(listNanos),
    PricingCategory: "Standard",
    PricingQuantity: perMillion(tokens),
    PricingUnit: "1000000 Tokens",
    ProviderName: provider,
    PublisherName: provider,
    ResourceId: `${row.provider}/${row.model}`,
    ResourceName: row.model,
    ResourceType: "Model",
    ServiceCategory: "AI and Machine Learning",
    ServiceName: serviceName(row.provider),
    ServiceSubcategory: "Generative AI",
    SkuId: sku,
    SkuPriceId: `${sku}/${row.batch ? "batch" : "standard"}`,
    SubAccountId: row.team,
    SubAccountName: row.teamName,
    Tags: JSON.stringify({ team: row.team, workload: row.workload }),
    x_Team: row.team,
    x_TeamName: row.teamName,
    x_Workload: row.workload,
    x_WorkloadName: row.workloadName,
    x_Model: `${row.provider}/${row.model}`,
    x_ModelTier: row.tier,
    x_TokenType: type,
    x_Batch: row.batch ? "true" : "false",
    x_Requests: String(first ? row.requests : 0),
    x_UnpricedRequests: String(first ? row.unpricedRequests : 0),
  };
}

/** tokens / 1,000,000 as an exact decimal string (PricingQuantity in "1000000 Tokens"). */
export function perMillion(tokens: number): string {
  const whole = Math.floor(tokens / 1_000_000);
  const frac = String(tokens % 1_000_000).padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
