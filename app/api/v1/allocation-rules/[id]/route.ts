import { withAuth } from "@/lib/api/with-auth";
import { deleteAllocationRule } from "@/lib/chargeback/rule-store";
import { idParam } from "@/lib/api/read-json";

export const dynamic = "force-dynamic";

// DELETE /api/v1/allocation-rules/:id - stop allocating that pool (nothing stored changes) (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await deleteAllocationRule(idParam(params.id, "allocation rule id"), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
