/**
 * The FOCUS 1.2 columns this export writes (FinOps Open Cost and Usage Specification, focus.finops.org). All 21
 * mandatory columns, the conditional/recommended ones that apply to token billing, and x_-prefixed extras (custom
 * columns must carry the x_ prefix). Types are FOCUS data types; tests check every row against them.
 */
export type FocusType = "Decimal" | "DateTime" | "String" | "JSON";

export const FOCUS_MANDATORY = [
  "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
  "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
  "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
  "ServiceCategory", "ServiceName",
] as const;

export const FOCUS_COLUMNS: { name: string; type: FocusType; nullable: boolean }[] = [
  { name: "BilledCost", type: "Decimal", nullable: false },
  { name: "BillingAccountId", type: "String", nullable: false },
  { name: "BillingAccountName", type: "String", nullable: true },
  { name: "BillingCurrency", type: "String", nullable: false },
  { name: "BillingPeriodEnd", type: "DateTime", nullable: false },
  { name: "BillingPeriodStart", type: "DateTime", nullable: false },
  { name: "ChargeCategory", type: "String", nullable: false },
  { name: "ChargeClass", type: "String", nullable: true },
  { name: "ChargeDescription", type: "String", nullable: true },
  { name: "ChargeFrequency", type: "String", nullable: false },
  { name: "ChargePeriodEnd", type: "DateTime", nullable: false },
  { name: "ChargePeriodStart", type: "DateTime", nullable: false },
  { name: "ConsumedQuantity", type: "Decimal", nullable: true },
  { name: "ConsumedUnit", type: "String", nullable: true },
  { name: "ContractedCost", type: "Decimal", nullable: false },
  { name: "EffectiveCost", type: "Decimal", nullable: false },
  { name: "InvoiceIssuerName", type: "String", nullable: false },
  { name: "ListCost", type: "Decimal", nullable: false },
  { name: "PricingCategory", type: "String", nullable: true },
  { name: "PricingQuantity", type: "Decimal", nullable: true },
  { name: "PricingUnit", type: "String", nullable: true },
  { name: "ProviderName", type: "String", nullable: false },
  { name: "PublisherName", type: "String", nullable: false },
  { name: "ResourceId", type: "String", nullable: true },
  { name: "ResourceName", type: "String", nullable: true },
  { name: "ResourceType", type: "String", nullable: true },
  { name: "ServiceCategory", type: "String", nullable: false },
  { name: "ServiceName", type: "String", nullable: false },
  { name: "ServiceSubcategory", type: "String", nullable: false },
  { name: "SkuId", type: "String", nullable: true },
  { name: "SkuPriceId", type: "String", nullable: true },
  { name: "SubAccountId", type: "String", nullable: true },
  { name: "SubAccountName", type: "String", nullable: true },
  { name: "Tags", type: "JSON", nullable: true },
  { name: "x_Team", type: "String", nullable: false },
  { name: "x_TeamName", type: "String", nullable: false },
  { name: "x_Workload", type: "String", nullable: false },
  { name: "x_WorkloadName", type: "String", nullable: false },
  { name: "x_Model", type: "String", nullable: false },
  { name: "x_ModelTier", type: "String", nullable: false },
  { name: "x_TokenType", type: "String", nullable: false },
  { name: "x_Batch", type: "String", nullable: false },
  { name: "x_Requests", type: "Decimal", nullable: false },
  { name: "x_UnpricedRequests", type: "Decimal", nullable: false },
];

export type FocusRecord = Record<string, string | null>;
