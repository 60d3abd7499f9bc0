import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { MonthlyReport } from "./report-schema";

/**
 * The report's "top rightsizing opportunities" section. Recommendations are computed by the what-if module
 * (lib/whatif); while no server-side source of them exists in this installation the section says so instead of
 * failing or showing an empty list that would read as "nothing to save".
 */
export async function topRecommendations(_principal: Principal, _month: string): Promise<MonthlyReport["recommendations"]> {
  return { available: false, message: "Rightsizing recommendations are not available yet in this installation.", items: [] };
}
