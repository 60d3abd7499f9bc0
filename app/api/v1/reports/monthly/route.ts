import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { MonthlyReportQuerySchema } from "@/lib/reports/report-schema";
import { renderMonthlyReport } from "@/lib/reports/render-report";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/monthly?month=2026-10&format=json|csv|focus|pdf[&focusVersion=1.3|1.2] - the month's report (team-scoped for leads)
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(MonthlyReportQuerySchema, req.nextUrl.searchParams);
  const report = await renderMonthlyReport(principal, query.month, query.format, {}, new Date(), query.focusVersion);
  const inline = query.format === "json";
  return new Response(typeof report.body === "string" ? report.body : new Uint8Array(report.body), {
    headers: {
      "content-type": report.contentType,
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${report.filename}"`,
      "cache-control": "no-store",
    },
  });
});
