import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { BudgetListQuerySchema, CreateBudgetSchema } from "@/lib/budgets/budget-schema";
import { getBudget, listBudgets } from "@/lib/budgets/list-budgets";
import { createBudget } from "@/lib/budgets/budget-store";
import { readJsonValue } from "@/lib/api/read-json";

export const dynamic = "force-dynamic";

// GET /api/v1/budgets - the caller's visible budgets with spent, forecast (and range), runs-out date and status
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(BudgetListQuerySchema, req.nextUrl.searchParams);
  return Response.json(await listBudgets(principal, { includeSeries: query.include === "series", status: query.status }));
});

// POST /api/v1/budgets - create a budget {scope, period, amountUsd, thresholds, ...} (admin, finance)
export const POST = withAuth("manage_budgets", async ({ req, principal }) => {
  const input = CreateBudgetSchema.parse(await readJsonValue(req));
  const budget = await createBudget(input, `${principal.kind}:${principal.label}`);
  return Response.json(await getBudget(principal, budget.id), { status: 201 });
});
