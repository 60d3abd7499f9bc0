import { withAuth } from "@/lib/api/with-auth";
import { deleteAllocationRule } from "@/lib/chargeback/rule-store";
import { pathId } from "@/lib/budgets/request-input";

export const dynamic = "force-dynamic";

// DELETE /api/v1/allocation-rules/:id - stop allocating that pool (nothing stored changes) (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await deleteAllocationRule(pathId(params.id, "allocation rule"), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
