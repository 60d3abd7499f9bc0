import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { DimensionInputSchema } from "@/lib/dimensions/dimension-schema";
import { listDimensions, promoteDimension } from "@/lib/dimensions/dimensions-admin";

export const dynamic = "force-dynamic";

// GET /api/v1/dimensions - tag keys promoted to explorer dimensions (every reader: the explorer offers them)
export const GET = withAuth("read", async () => Response.json({ dimensions: await listDimensions() }));

// POST /api/v1/dimensions - promote a tag key {tagKey}; its history is back-filled in the same transaction
export const POST = withAuth("manage_settings", async ({ req, principal }) => {
  const { tagKey } = await readJson(req, DimensionInputSchema);
  return Response.json(await promoteDimension(tagKey, principal.label), { status: 201 });
});
