import {
  CreateRolloutSchema,
  MonthSavingsQuerySchema,
  MonthSavingsSchema,
  PatchRolloutSchema,
  RolloutDetailSchema,
  RolloutListQuerySchema,
  RolloutListSchema,
  RolloutSchema,
} from "@/lib/rollouts/rollout-schema";
import type { ApiOperation } from "./operation";

const SCOPE = "Team scope applies: a lead sees a rollout only when all its workloads are their teams'. Money is a decimal string in USD; days are UTC.";

export const rolloutOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/rollouts",
    tag: "Rollouts",
    summary: "Applied, proposed (detected model-mix shifts) and dismissed rollouts",
    description: `${SCOPE} Rightsize proposes a rollout when more than 50% of a workload's calls move to another model (on the day and over 3 days, against the 14 days before).`,
    permission: "read",
    query: RolloutListQuerySchema,
    response: RolloutListSchema,
  },
  {
    method: "post",
    path: "/api/v1/rollouts",
    tag: "Rollouts",
    summary: "Mark a saved scenario applied from a day; workloads default to those the scenario routes",
    permission: "edit_workloads",
    body: CreateRolloutSchema,
    response: RolloutSchema,
  },
  {
    method: "get",
    path: "/api/v1/rollouts/{id}",
    tag: "Rollouts",
    summary: "Realised savings per day and in total: actual cost vs the counterfactual (same calls on the 14-day-before model mix), the scenario's predicted saving, quality signals, verdict",
    description: `${SCOPE} See lib/rollouts/counterfactual.ts for the arithmetic.`,
    permission: "read",
    response: RolloutDetailSchema,
  },
  {
    method: "patch",
    path: "/api/v1/rollouts/{id}",
    tag: "Rollouts",
    summary: "Confirm (status applied) or dismiss a proposal, link or unlink a scenario, move appliedFrom",
    permission: "edit_workloads",
    body: PatchRolloutSchema,
    response: RolloutDetailSchema,
  },
  {
    method: "get",
    path: "/api/v1/rollouts/savings",
    tag: "Rollouts",
    summary: "Realised (and predicted) savings of applied rollouts on the days of a month (default: this month)",
    description: SCOPE,
    permission: "read",
    query: MonthSavingsQuerySchema,
    response: MonthSavingsSchema,
  },
];
