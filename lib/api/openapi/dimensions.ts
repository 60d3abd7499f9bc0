import { DimensionInputSchema, DimensionListSchema, PromoteResultSchema } from "@/lib/dimensions/dimension-schema";
import type { ApiOperation } from "./operation";

const USE =
  "A promoted key can be used on GET /api/v1/spend as groupBy=tag:<key> (top N values plus \"(other)\"; calls without the tag " +
  "are the \"(none)\" row) and as a filter tag.<key>=<value> (value \"(none)\" for calls without it).";

export const dimensionOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/dimensions", tag: "Dimensions", summary: "Tag keys promoted to explorer dimensions", description: USE, permission: "read", response: DimensionListSchema },
  {
    method: "post",
    path: "/api/v1/dimensions",
    tag: "Dimensions",
    summary: "Promote a tag key to a dimension (its history is back-filled from stored calls, nothing is re-ingested)",
    description: `${USE} 409 when the key is already a dimension. Audit-logged.`,
    permission: "manage_settings",
    body: DimensionInputSchema,
    response: PromoteResultSchema,
  },
  {
    method: "delete",
    path: "/api/v1/dimensions/{tagKey}",
    tag: "Dimensions",
    summary: "Stop treating a tag key as a dimension (its roll-up is dropped; calls keep their tags)",
    description: "404 when the key is not a dimension. Audit-logged.",
    permission: "manage_settings",
  },
];
