import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { previewRuleChange } from "@/lib/attribution/preview";
import { PreviewInputSchema } from "@/lib/attribution/rule-schema";

export const dynamic = "force-dynamic";

// POST /api/v1/attribution-rules/preview - events and dollars a draft rule (or a deletion) would move; writes nothing
export const POST = withAuth("manage_settings", async ({ req }) => {
  return Response.json(await previewRuleChange(await readJson(req, PreviewInputSchema)));
});
