import { pool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

// GET /api/health - liveness and database reachability (no auth: used by load balancers and `npm start`).
export async function GET() {
  try {
    await pool().query("SELECT 1");
    return Response.json({ status: "ok", db: "ok" });
  } catch {
    return Response.json({ status: "degraded", db: "unreachable" }, { status: 503 });
  }
}
