import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { StatementQuerySchema } from "@/lib/statements/statement-schema";
import { renderTeamStatement } from "@/lib/statements/render-statement";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/statements?month=2026-10&team=search[&format=json] - a team's one-page statement PDF
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(StatementQuerySchema, req.nextUrl.searchParams);
  const statement = await renderTeamStatement(principal, query.month, query.team, query.format);
  return new Response(typeof statement.body === "string" ? statement.body : new Uint8Array(statement.body), {
    headers: {
      "content-type": statement.contentType,
      "content-disposition": `${query.format === "json" ? "inline" : "attachment"}; filename="${statement.filename}"`,
      "cache-control": "no-store",
    },
  });
});
