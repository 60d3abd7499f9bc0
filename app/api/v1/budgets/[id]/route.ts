import { withAuth } from "@/lib/api/with-auth";
import { UpdateBudgetSchema } from "@/lib/budgets/budget-schema";
import { getBudget } from "@/lib/budgets/list-budgets";
import { deleteBudget, updateBudget } from "@/lib/budgets/budget-store";
import { idParam, readJsonValue } from "@/lib/api/read-json";

export const dynamic = "force-dynamic";

// GET /api/v1/budgets/:id - one budget with its burn-down series
export const GET = withAuth("read", async ({ principal, params }) => Response.json(await getBudget(principal, idParam(params.id, "budget id"))));

// PATCH /api/v1/budgets/:id - change amount, thresholds, alert switches, name or webhook (admin, finance)
export const PATCH = withAuth("manage_budgets", async ({ req, principal, params }) => {
  const id = idParam(params.id, "budget id");
  const input = UpdateBudgetSchema.parse(await readJsonValue(req));
  await updateBudget(id, input, `${principal.kind}:${principal.label}`);
  return Response.json(await getBudget(principal, id));
});

// DELETE /api/v1/budgets/:id - delete a budget; its alert history stays (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await deleteBudget(idParam(params.id, "budget id"), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
