import { withAuth } from "@/lib/api/with-auth";
import { closeMonth, reopenMonth } from "@/lib/reports/close/close-month";
import { pathMonth } from "@/lib/reports/close/close-schema";

export const dynamic = "force-dynamic";

// PUT /api/v1/reports/closed-months/:month - close a finished month; later data for it is listed as adjustments (admin, finance)
export const PUT = withAuth("manage_budgets", async ({ principal, params }) => {
  const month = pathMonth(params.month);
  return Response.json(await closeMonth(month, `${principal.kind}:${principal.label}`), { status: 201 });
});

// DELETE /api/v1/reports/closed-months/:month - reopen a closed month (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await reopenMonth(pathMonth(params.month), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
