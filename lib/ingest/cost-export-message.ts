/**
 * A cost export is a bill, not usage: it goes to the bills import (reconciliation), which is named in full so the
 * user finds it from wherever they tried (Ingestion page, POST /api/v1/imports, rightsize ingest).
 */
export function costExportMessage(what: string, provider: "openai" | "anthropic", usageEndpoint: string): string {
  return (
    `this is ${what}: a bill, not token usage. Import it as a provider bill instead: on the Reports page ("Import a provider bill"), ` +
    `with POST /api/v1/bills?provider=${provider}, or with \`rightsize bills import FILE --provider ${provider}\`. ` +
    `For usage, export ${usageEndpoint}.`
  );
}

export const OPENAI_COSTS_MESSAGE = costExportMessage(
  "an OpenAI Costs API export (/v1/organization/costs)",
  "openai",
  "GET /v1/organization/usage/completions with group_by=model",
);
export const ANTHROPIC_COSTS_MESSAGE = costExportMessage(
  "an Anthropic cost report (/v1/organizations/cost_report)",
  "anthropic",
  "GET /v1/organizations/usage_report/messages with group_by[]=model",
);
