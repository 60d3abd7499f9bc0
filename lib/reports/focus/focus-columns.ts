/**
 * The columns of the FOCUS export, per version (FinOps Open Cost and Usage Specification, focus.finops.org; the
 * column texts are in ./spec and the export tests read their rules from there). 1.3 is the default: it adds
 * ServiceProviderName and HostProviderName and deprecates (but still requires) ProviderName and PublisherName.
 * Custom columns carry the x_ prefix; model identity stays in x_ columns until the specification names them.
 */
export const FOCUS_VERSIONS = ["1.3", "1.2"] as const;
export type FocusVersion = (typeof FOCUS_VERSIONS)[number];

export type FocusRecord = Record<string, string | null>;

const COMMON = [
  "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
  "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
  "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName",
  "ListCost", "ListUnitPrice", "PricingCategory", "PricingCurrency", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
  "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName",
  "PublisherName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory",
  "SkuId", "SkuMeter", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
];

const CUSTOM = [
  "x_Team", "x_TeamName", "x_Workload", "x_WorkloadName", "x_Model", "x_ModelProvider", "x_ModelName", "x_ModelTier",
  "x_TokenType", "x_Batch", "x_ServiceTier", "x_PriceSource", "x_Requests", "x_UnpricedRequests",
];

const V13_ADDED = ["HostProviderName", "ServiceProviderName"];

/** Column names in file order: FOCUS columns alphabetically (as the specification lists them), then x_ columns. */
export function focusColumnNames(version: FocusVersion): string[] {
  const focus = version === "1.3" ? [...COMMON, ...V13_ADDED].sort() : [...COMMON];
  return [...focus, ...CUSTOM];
}
