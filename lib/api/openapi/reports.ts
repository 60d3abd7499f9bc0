import { z } from "zod";
import { MonthlyReportQuerySchema, MonthlyReportSchema } from "@/lib/reports/report-schema";
import {
  BillDeleteQuerySchema,
  BillImportQuerySchema,
  BillImportResponseSchema,
  BillImportsResponseSchema,
  ReconciliationQuerySchema,
  ReconciliationResponseSchema,
} from "@/lib/reconcile/reconcile-schema";
import type { ApiOperation } from "./operation";
import { ClosedMonthSchema, ClosedMonthsResponseSchema } from "@/lib/reports/close/close-schema";

export const reportOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/reports/monthly",
    tag: "Reports",
    summary: "The monthly report: JSON, CSV, FOCUS 1.2 CSV or PDF",
    description:
      "format=json (this schema), csv (text/csv: one row per day x team x workload x model with tokens and cost_usd to the " +
      "nano-dollar), focus (text/csv: FOCUS 1.2 with all mandatory columns, one Usage charge per token type, PricingUnit " +
      '"1000000 Tokens", Tags {team, workload}, x_ extras) or pdf (application/pdf). Totals equal GET /api/v1/spend for the ' +
      "same month. A month with no usage in the caller's scope answers 404 with a message naming the months that have data; " +
      "a month not started yet answers 400. Team-scoped for leads. With a reporting currency, `currency` and `rateRule` say " +
      "which and how; every *Usd amount keeps its meaning and has its converted twin beside it (cost, previousCost, change, " +
      "inCurrency); the page and PDF show the converted ones with the code, and label what stays USD.",
    permission: "read",
    query: MonthlyReportQuerySchema,
    response: MonthlyReportSchema,
  },
  {
    method: "get",
    path: "/api/v1/reports/closed-months",
    tag: "Reports",
    summary: "Months finance closed, with their totals at the close",
    permission: "read",
    response: ClosedMonthsResponseSchema,
  },
  {
    method: "put",
    path: "/api/v1/reports/closed-months/{month}",
    tag: "Reports",
    summary: "Close a finished month (YYYY-MM): later data for it is kept and listed as adjustments",
    description:
      "Takes a snapshot of the month's totals. Afterwards the monthly report (JSON, PDF, page) says what changed since the close " +
      "(`restatement`, e.g. \"restated: +$0.01, 3 calls added on Dec 2\") and the CSV lists the late calls as rows with `adjustment_added_on`. " +
      "A month in progress is a 400, an already closed one a 409. Audit-logged (month_closed). Admin and finance.",
    permission: "manage_budgets",
    response: ClosedMonthSchema,
  },
  {
    method: "delete",
    path: "/api/v1/reports/closed-months/{month}",
    tag: "Reports",
    summary: "Reopen a closed month (204; 404 when it is not closed). Audit-logged (month_reopened). Admin and finance.",
    permission: "manage_budgets",
  },
  {
    method: "post",
    path: "/api/v1/bills",
    tag: "Reports",
    summary: "Import a provider bill (OpenAI Costs API or Anthropic cost report export)",
    description:
      "The body is the export as returned by GET /v1/organization/costs (OpenAI) or GET /v1/organizations/cost_report " +
      "(Anthropic): one page, a list of pages or NDJSON (also accepted as the multipart field \"file\"). Group by line_item / " +
      "description to see per-model differences. All or nothing: a malformed file is refused (400) naming each bad line. The " +
      "file replaces the provider's bill lines of the days it covers; importing it twice changes nothing. Admin and finance.",
    permission: "manage_budgets",
    query: BillImportQuerySchema,
    body: z.unknown().describe("the provider's JSON export"),
    bodyContentTypes: ["application/json", "application/x-ndjson", "multipart/form-data"],
    response: BillImportResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/bills",
    tag: "Reports",
    summary: "Imported bills per provider and month",
    permission: "manage_budgets",
    response: BillImportsResponseSchema,
  },
  {
    method: "delete",
    path: "/api/v1/bills",
    tag: "Reports",
    summary: "Remove a provider's imported bill lines of a month",
    permission: "manage_budgets",
    query: BillDeleteQuerySchema,
    response: z.object({ deleted: z.number().int() }),
  },
  {
    method: "get",
    path: "/api/v1/bills/reconciliation",
    tag: "Reports",
    summary: "Our computed cost vs each provider's bill for a month, with the difference explained",
    description:
      "Per provider: billed, computed (all teams), difference and its parts, which add up to it exactly: days billed without " +
      "recorded usage, days of usage the bill does not cover, billed models we cannot price, non-token charges, and the rest " +
      "on common days (discounts, credits, negotiated rates, or usage not sent to Rightsize). Needs access to all teams (403 for leads).",
    permission: "read",
    query: ReconciliationQuerySchema,
    response: ReconciliationResponseSchema,
  },
];
