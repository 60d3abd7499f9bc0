import { z } from "zod";
import {
  PreviewInputSchema,
  PreviewResponseSchema,
  ReorderSchema,
  RuleChangeResponseSchema,
  RuleInputSchema,
  RuleSchema,
  RuleTargetsSchema,
} from "@/lib/attribution/rule-schema";

import type { ApiOperation } from "./operation";

const REATTRIBUTES =
  "Saving re-attributes all history in the same transaction (events' team/workload recomputed from what they carried, " +
  "roll-ups rebuilt); the answer says how many events and dollars moved. An invalid rule is refused and nothing changes.";

export const attributionOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/attribution-rules",
    tag: "Attribution",
    summary: "Attribution rules in evaluation order",
    description: "An event's own team/workload wins, then its API key's team, then the first enabled rule that matches.",
    permission: "manage_settings",
    response: z.object({ rules: z.array(RuleSchema) }),
  },
  { method: "post", path: "/api/v1/attribution-rules", tag: "Attribution", summary: "Add a rule", description: REATTRIBUTES, permission: "manage_settings", body: RuleInputSchema, response: RuleChangeResponseSchema },
  { method: "put", path: "/api/v1/attribution-rules/{id}", tag: "Attribution", summary: "Replace a rule", description: REATTRIBUTES, permission: "manage_settings", body: RuleInputSchema, response: RuleChangeResponseSchema },
  { method: "delete", path: "/api/v1/attribution-rules/{id}", tag: "Attribution", summary: "Delete a rule", description: REATTRIBUTES, permission: "manage_settings", response: RuleChangeResponseSchema },
  { method: "put", path: "/api/v1/attribution-rules/order", tag: "Attribution", summary: "Set the evaluation order", description: REATTRIBUTES, permission: "manage_settings", body: ReorderSchema, response: RuleChangeResponseSchema },
  {
    method: "post",
    path: "/api/v1/attribution-rules/preview",
    tag: "Attribution",
    summary: "Preview a draft rule (or a deletion): events and dollars it would move, from which team/workload to which",
    description: "Writes nothing. Runs the same computation as a save over all history.",
    permission: "manage_settings",
    body: PreviewInputSchema,
    response: PreviewResponseSchema,
  },
  { method: "post", path: "/api/v1/attribution-rules/reattribute", tag: "Attribution", summary: "Re-attribute history against the current rules", description: REATTRIBUTES, permission: "manage_settings", response: RuleChangeResponseSchema },
  { method: "get", path: "/api/v1/attribution-rules/targets", tag: "Attribution", summary: "Teams and workloads a rule can assign to, and recent unattributed traffic", permission: "manage_settings", response: RuleTargetsSchema },
];
