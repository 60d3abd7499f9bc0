import { nanosToUsd } from "@/lib/money";
import { addDays } from "@/lib/analytics/dates";
import { providerName, serviceName } from "../provider-names";
import { splitRowBilled, type ChargeMeter } from "./charge-meters";
import { exactDecimal } from "./exact-decimal";
import type { FocusRecord, FocusVersion } from "./focus-columns";
import { RATE_SCALE, convertNanos } from "@/lib/currency/rates";

/** One usage row at FOCUS grain: a day of one team x workload x model x batch x service tier x input-size band. */
export interface FocusUsageRow {
  day: string;
  team: string;
  teamName: string;
  workload: string;
  workloadName: string;
  provider: string;
  model: string;
  tier: string;
  batch: boolean;
  serviceTier: string;
  requests: number;
  unpricedRequests: number;
  costNanos: bigint;
  /** The part of costNanos that is server-side tool calls (billed on the nonToken meters). */
  toolCostNanos: bigint;
  /** 0 unpriced, 1 catalogue, 2 price override. */
  priceSource: number;
  /** Calls above a long-context threshold are billed at another price: another SkuPriceId. */
  longContext: boolean;
}

export interface RecordContext {
  version: FocusVersion;
  month: string;
  /** The reporting currency (USD unless one is set). */
  billingCurrency: string;
}

/** Units of the billing currency per USD on the row's day, at RATE_SCALE (1 for USD). */
export const USD_RATE = 10n ** BigInt(RATE_SCALE);

/**
 * The FOCUS records of one row: one charge per meter (charge-meters.ts). Costs are exact decimals:
 * ListCost = ListUnitPrice x PricingQuantity and ContractedCost = ContractedUnitPrice x PricingQuantity digit for
 * digit; BilledCost = EffectiveCost = our cost of the row split over its meters (sums exactly to the row; tool
 * charges get the row's stored tool cost, token charges the rest). The two
 * differ only by the half nano-dollar per call our per-call rounding allows. Pure.
 */
export function focusRecords(row: FocusUsageRow, meters: ChargeMeter[], ctx: RecordContext, rate: bigint = USD_RATE): FocusRecord[] {
  const billed = splitRowBilled(row.costNanos, row.toolCostNanos, meters);
  return meters.map((m, i) => record(row, m, billed[i], i === 0, ctx, rate));
}

/**
 * Money in the billing currency: BilledCost/EffectiveCost are our USD cost converted at the day's rate (rounded once
 * to the nano-unit); unit prices and List/Contracted costs are the USD rates times the exchange rate, unrounded, so
 * the products still hold digit for digit. The PricingCurrency columns keep the USD prices and cost.
 */
function record(row: FocusUsageRow, m: ChargeMeter, billedNanos: bigint, first: boolean, ctx: RecordContext, rate: bigint): FocusRecord {
  const nextMonthStart = addDays(`${ctx.month}-01`, 40).slice(0, 7) + "-01";
  const provider = providerName(row.provider);
  const sku = `${row.provider}/${row.model}/${m.key}`;
  const pricing = row.batch ? "batch" : row.serviceTier || "standard";
  const unpriced = row.unpricedRequests > 0 ? ` (${row.unpricedRequests} requests without a known price, counted at $0)` : "";
  // Cost = quantity x rate100 / (100 x 10^unitScale x 1e9 nanos): an exact decimal at scale 11 + unitScale.
  const costScale = 11 + m.unitScale + RATE_SCALE;
  const billedInCurrency = convertNanos(billedNanos, rate);
  const rec: FocusRecord = {
    BilledCost: nanosToUsd(billedInCurrency),
    BillingAccountId: row.provider,
    BillingAccountName: `${provider} organisation`,
    BillingCurrency: ctx.billingCurrency,
    BillingPeriodEnd: `${nextMonthStart}T00:00:00Z`,
    BillingPeriodStart: `${ctx.month}-01T00:00:00Z`,
    ChargeCategory: "Usage",
    ChargeClass: null,
    ChargeDescription: `${row.model} ${m.skuMeter.toLowerCase()}${m.nonToken ? " (server-side tool, not tokens)" : ""}${row.batch ? " (batch)" : ""}${row.longContext ? " (long context)" : ""} for ${row.workloadName} (${row.teamName})${unpriced}`,
    ChargeFrequency: "Usage-Based",
    ChargePeriodEnd: `${addDays(row.day, 1)}T00:00:00Z`,
    ChargePeriodStart: `${row.day}T00:00:00Z`,
    ConsumedQuantity: m.consumedQuantity.toString(),
    ConsumedUnit: m.consumedUnit,
    ContractedCost: exactDecimal(m.consumedQuantity * m.contracted100 * rate, costScale),
    ContractedUnitPrice: exactDecimal(m.contracted100 * rate, 11 + RATE_SCALE),
    EffectiveCost: nanosToUsd(billedInCurrency),
    HostProviderName: provider,
    InvoiceIssuerName: provider,
    ListCost: exactDecimal(m.consumedQuantity * m.list100 * rate, costScale),
    ListUnitPrice: exactDecimal(m.list100 * rate, 11 + RATE_SCALE),
    PricingCategory: "Standard",
    PricingCurrency: "USD",
    PricingCurrencyContractedUnitPrice: exactDecimal(m.contracted100, 11),
    PricingCurrencyEffectiveCost: nanosToUsd(billedNanos),
    PricingCurrencyListUnitPrice: exactDecimal(m.list100, 11),
    PricingQuantity: exactDecimal(m.consumedQuantity, m.unitScale),
    PricingUnit: m.pricingUnit,
    ProviderName: provider,
    PublisherName: provider,
    ResourceId: `${row.provider}/${row.model}`,
    ResourceName: row.model,
    ResourceType: "Model",
    ServiceCategory: "AI and Machine Learning",
    ServiceName: serviceName(row.provider),
    ServiceProviderName: provider,
    ServiceSubcategory: "Generative AI",
    SkuId: sku,
    SkuMeter: m.skuMeter,
    SkuPriceId: `${sku}/${pricing}${row.longContext ? "/long-context" : ""}`,
    SubAccountId: row.team,
    SubAccountName: row.teamName,
    Tags: JSON.stringify({ team: row.team, workload: row.workload }),
    x_Team: row.team,
    x_TeamName: row.teamName,
    x_Workload: row.workload,
    x_WorkloadName: row.workloadName,
    x_Model: `${row.provider}/${row.model}`,
    x_ModelProvider: row.provider,
    x_ModelName: row.model,
    x_ModelTier: row.tier,
    x_TokenType: m.key,
    x_Batch: row.batch ? "true" : "false",
    x_ServiceTier: row.serviceTier || null,
    x_PriceSource: row.priceSource === 2 ? "override" : row.priceSource === 1 ? "catalogue" : "unpriced",
    // Request counts go on the row's first charge only, so x_Requests sums to the month's requests.
    x_Requests: String(first ? row.requests : 0),
    x_UnpricedRequests: String(first ? row.unpricedRequests : 0),
  };
  return rec;
}
