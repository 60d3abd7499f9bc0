import { SpendQuerySchema, SpendResponseSchema } from "@/lib/analytics/spend-query";
import type { ApiOperation } from "./operation";

export const spendOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/spend",
    tag: "Spend",
    summary: "Spend grouped by team, workload, model, provider, tier, user, day, week or month",
    description:
      "Dates are UTC and both ends are inclusive (default: this month to date). Money is a decimal string in USD. " +
      "Leads and team-bound keys see only their teams' rows. Use team=unattributed for spend no team owns.",
    permission: "read",
    query: SpendQuerySchema,
    response: SpendResponseSchema,
  },
];
