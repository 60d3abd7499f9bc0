import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleName, Permission } from "./roles";
import { roleCan } from "./roles";

/**
 * Who is calling: a signed-in user or an API key. `teamIds` is the team scope composed into every analytics
 * query: null = all teams, [] = none (fail closed).
 */
export interface Principal {
  kind: "user" | "api_key";
  id: number;
  label: string;
  role: RoleName;
  teamIds: number[] | null;
  scopes: ("read" | "ingest")[];
}

export function can(principal: Principal, permission: Permission): boolean {
  if (principal.kind === "api_key") {
    if (permission === "read") return principal.scopes.includes("read");
    if (permission === "ingest") return principal.scopes.includes("ingest");
    return false;
  }
  return roleCan(principal.role, permission);
}

export function canSeeTeam(principal: Principal, teamId: number | null): boolean {
  if (principal.teamIds === null) return true;
  return teamId !== null && principal.teamIds.includes(teamId);
}

/**
 * Loads the current state of a user (role and teams may have changed since sign-in). Null if gone or disabled,
 * or if the session's version (`sessionVersion`, from its token) is older than the user's (session-version.ts).
 */
export async function principalForUser(userId: number, sessionVersion = 0): Promise<Principal | null> {
  const user = await prisma().user.findUnique({ where: { id: userId }, include: { teams: true } });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    kind: "user",
    id: user.id,
    label: user.email,
    role: user.role,
    teamIds: user.role === "lead" ? user.teams.map((t) => t.teamId) : null,
    scopes: ["read"],
  };
}
