import { withAuth } from "@/lib/api/with-auth";
import { listRecommendationNotes } from "@/lib/recommendations/price-change-note";

export const dynamic = "force-dynamic";

// GET /api/v1/recommendations/notes - how recent price changes moved recommendations, newest first
export const GET = withAuth("read", async () => Response.json({ notes: await listRecommendationNotes(10) }));
