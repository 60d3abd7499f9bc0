import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";

/** Months with usage the caller can see, newest first: what the Reports page's month picker offers. */
export async function reportMonths(principal: Pick<Principal, "teamIds">): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ month: string }[]>`
    SELECT DISTINCT to_char(d.day, 'YYYY-MM') AS month FROM usage_daily d WHERE ${teamScope(principal)} ORDER BY 1 DESC`;
  return rows.map((r) => r.month);
}
