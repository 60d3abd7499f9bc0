import { ModelListResponseSchema, ModelSchema, ModelTierPatchSchema } from "@/lib/analytics/model-tiers-schema";
import type { ApiOperation } from "./operation";

export const modelOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/models",
    tag: "Models",
    summary: "Every model seen, with its tier (frontier, mid, small) and the tier its price gives",
    permission: "read",
    response: ModelListResponseSchema,
  },
  {
    method: "patch",
    path: "/api/v1/models/{id}",
    tag: "Models",
    summary: "Set a model's tier, or go back to the price-derived default",
    description: "Every view reads tiers at query time: the change shows everywhere at once.",
    permission: "manage_settings",
    body: ModelTierPatchSchema,
    response: ModelSchema,
  },
];
