import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";

/**
 * The caller's team scope as a SQL condition, composed into every analytics query. Fail-closed: a principal
 * limited to no teams sees nothing (1=0); unattributed spend (team 0) is visible only to all-teams roles.
 */
export function teamScope(principal: Pick<Principal, "teamIds">, column: Prisma.Sql = Prisma.raw("d.team_id")): Prisma.Sql {
  if (principal.teamIds === null) return Prisma.sql`TRUE`;
  if (principal.teamIds.length === 0) return Prisma.sql`1=0`;
  return Prisma.sql`${column} = ANY(${principal.teamIds}::int[])`;
}
