import { withAuth } from "@/lib/api/with-auth";
import { listClosedMonths } from "@/lib/reports/close/close-month";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/closed-months - months finance closed, with their totals at the close (every reader)
export const GET = withAuth("read", async () => Response.json({ closedMonths: await listClosedMonths() }));
