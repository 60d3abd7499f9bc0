import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/forecast/utc-days";
import { listRecommendations } from "@/lib/recommendations/list-recommendations";
import type { ReportMonth } from "./report-month";
import type { MonthlyReport } from "./report-schema";

const TOP = 5;

/**
 * The report's "top rightsizing opportunities": the recommendations module (GET /api/v1/recommendations) over the
 * report month's complete days, largest monthly saving first. When it cannot answer (no complete day yet, or it
 * fails) the section says "not available" with the reason instead of failing the report or showing an empty list
 * that would read as "nothing to save".
 */
export async function topRecommendations(principal: Principal, m: ReportMonth, now = new Date()): Promise<MonthlyReport["recommendations"]> {
  const yesterday = addDays(now.toISOString().slice(0, 10), -1);
  const to = m.to < yesterday ? m.to : yesterday;
  if (to < m.from) return { available: false, message: "Recommendations need at least one complete day of the month.", items: [] };
  try {
    const r = await listRecommendations(principal, { from: m.from, to });
    return {
      available: true,
      message: null,
      items: r.recommendations.slice(0, TOP).map((x) => ({
        workload: x.workloadName,
        currentModel: x.currentModel.model,
        candidateModel: x.candidate.model,
        monthlySavingUsd: x.monthlySavingUsd,
        confidence: x.confidence,
        evidence: x.evidence,
      })),
    };
  } catch (error) {
    if (!(error instanceof AppError)) console.error("Report recommendations failed", error);
    return { available: false, message: `Recommendations not available: ${error instanceof AppError ? error.message : "the recommendations module did not answer"}.`, items: [] };
  }
}
