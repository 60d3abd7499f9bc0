import { withAuth } from "@/lib/api/with-auth";
import { evaluateBudgets } from "@/lib/alerts/evaluate-budgets";

export const dynamic = "force-dynamic";

// POST /api/v1/budgets/evaluate - evaluate budgets and anomalies now (the scheduler does it every minute) and send due webhooks
export const POST = withAuth("manage_budgets", async () => Response.json(await evaluateBudgets()));
