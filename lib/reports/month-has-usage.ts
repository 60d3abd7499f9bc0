import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { AppError } from "@/lib/errors";
import { monthName, type ReportMonth } from "./report-month";

/**
 * A month without any usage the caller can see has no report: answered with 404 and a message that says which
 * months do have data, rather than an all-zero report that reads like "we spent nothing".
 */
export async function assertMonthHasUsage(principal: Pick<Principal, "teamIds">, m: ReportMonth): Promise<void> {
  const [found] = await prisma().$queryRaw<{ any: boolean; first: string | null; last: string | null }[]>`
    SELECT EXISTS (SELECT 1 FROM usage_daily d WHERE d.day BETWEEN ${m.from}::date AND ${m.to}::date AND ${teamScope(principal)}) AS any,
      (SELECT min(d.day)::text FROM usage_daily d WHERE ${teamScope(principal)}) AS first,
      (SELECT max(d.day)::text FROM usage_daily d WHERE ${teamScope(principal)}) AS last`;
  if (found.any) return;
  const whose = principal.teamIds === null ? "" : " for your teams";
  const range = found.first && found.last ? ` Usage is recorded from ${monthName(found.first.slice(0, 7))} to ${monthName(found.last.slice(0, 7))}.` : principal.teamIds === null ? " No usage has been ingested yet." : " Your teams have no usage recorded yet.";
  throw new AppError("not_found", `No usage recorded in ${monthName(m.month)}${whose}, so there is no report for it.${range}`, { month: m.month, firstDay: found.first, lastDay: found.last });
}

