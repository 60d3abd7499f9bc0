import { withAuth } from "@/lib/api/with-auth";
import { tagKeyParam } from "@/lib/dimensions/tag-key-param";
import { removeDimension } from "@/lib/dimensions/dimensions-admin";

export const dynamic = "force-dynamic";

// DELETE /api/v1/dimensions/:tagKey - stop treating a tag key as a dimension (its roll-up goes; events keep their tags)
export const DELETE = withAuth("manage_settings", async ({ principal, params }) =>
  Response.json(await removeDimension(tagKeyParam(params.tagKey), principal.label)),
);
