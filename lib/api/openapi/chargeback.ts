import { z } from "zod";
import { AllocationRuleSchema, ChargebackQuerySchema, ChargebackResponseSchema, CreateAllocationRuleSchema } from "@/lib/chargeback/chargeback-schema";
import { StatementQuerySchema, TeamStatementSchema } from "@/lib/statements/statement-schema";
import type { ApiOperation } from "./operation";

export const chargebackOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/reports/chargeback",
    tag: "Reports",
    summary: "Chargeback: direct, allocated and total spend per team",
    description:
      "For a month (month=YYYY-MM) or a range (from, to). Shared and unattributed spend is allocated to teams by the allocation " +
      "rules; allocated amounts sum exactly to each pool in nano-dollars (largest remainder, ties to the team slug first A-Z). " +
      "Computed when read: stored events never change. format=csv answers text/csv (from, to, team, team_name, direct_usd, " +
      "allocated_usd, total_usd). Leads see their teams' rows only; pools and unallocated spend are for all-team roles.",
    permission: "read",
    query: ChargebackQuerySchema,
    response: ChargebackResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/allocation-rules",
    tag: "Reports",
    summary: "Allocation rules for shared and unattributed spend",
    permission: "read",
    response: z.object({ rules: z.array(AllocationRuleSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/allocation-rules",
    tag: "Reports",
    summary: "Add an allocation rule (one per pool; 409 when the pool has one)",
    description:
      'Pools: {"unattributed": true}, {"team": "platform"} or {"workload": "shared-gateway"}; a workload rule takes precedence ' +
      "over its team's rule, so no cost is allocated twice. Methods: proportional (to direct spend), even, fixed (percentages summing to 100).",
    permission: "manage_budgets",
    body: CreateAllocationRuleSchema,
    response: AllocationRuleSchema,
  },
  {
    method: "delete",
    path: "/api/v1/allocation-rules/{id}",
    tag: "Reports",
    summary: "Delete an allocation rule (its pool becomes direct or unallocated spend again)",
    permission: "manage_budgets",
  },
];

export const statementOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/reports/statements",
    tag: "Reports",
    summary: "A team's one-page statement for a month (PDF, or its data with format=json)",
    description:
      "What the team is charged (direct spend + its allocated share of shared costs, as GET /api/v1/reports/chargeback), change " +
      "vs the previous month, budget vs actual, top workloads and models, and savings delivered by switches to cheaper models. " +
      "The default format is pdf (application/pdf); format=json answers this schema. A team the caller cannot see answers 404. All teams at once: `rightsize report --statements --month M --out DIR`.",
    permission: "read",
    query: StatementQuerySchema,
    response: TeamStatementSchema,
  },
];
