import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { BillDeleteQuerySchema, BillImportQuerySchema } from "@/lib/reconcile/reconcile-schema";
import { readBillUpload } from "@/lib/reconcile/read-bill-upload";
import { parseBillFile } from "@/lib/reconcile/parse-bill";
import { deleteBillMonth, importBill, listBillImports } from "@/lib/reconcile/import-bill";

export const dynamic = "force-dynamic";

// GET /api/v1/bills - imported bills per provider and month (days covered, billed total)
export const GET = withAuth("manage_budgets", async () => Response.json({ imports: await listBillImports() }));

// POST /api/v1/bills?provider=openai|anthropic - import a provider bill export (the file as the body); all or nothing
export const POST = withAuth("manage_budgets", async ({ req, principal }) => {
  const query = parseParams(BillImportQuerySchema, req.nextUrl.searchParams);
  const parsed = parseBillFile(await readBillUpload(req), query.provider);
  return Response.json(await importBill(parsed.provider, parsed.lines, `${principal.kind}:${principal.label}`), { status: 201 });
});

// DELETE /api/v1/bills?provider=openai&month=2026-10 - remove a provider's imported bill lines of a month
export const DELETE = withAuth("manage_budgets", async ({ req, principal }) => {
  const query = parseParams(BillDeleteQuerySchema, req.nextUrl.searchParams);
  return Response.json({ deleted: await deleteBillMonth(query.provider, query.month, `${principal.kind}:${principal.label}`) });
});
