import { ROLES, type RoleName } from "../roles";

/**
 * OIDC_ROLE_MAP: how the IdP's groups (the values of the OIDC_ROLE_CLAIM claim) become a Rightsize role and team
 * memberships. Rules are separated by commas; each is `GROUP=TARGET`:
 *   finops-admins=admin          a member of the group "finops-admins" is an admin
 *   finance=finance              ... a finance user
 *   everyone=viewer              ... a viewer
 *   platform-leads=lead:platform ... a lead of the team with slug "platform"
 *   team-*=lead:*                a member of "team-support" is a lead of team "support" (`*` carries the rest of the name)
 * GROUP matches the whole group name, case-insensitively, with at most one `*` (any characters, at least one).
 * When several rules match, the strongest role wins (admin > finance > lead > viewer) and the teams of every
 * matching `lead:` rule are kept. Pure module: parsed at start (lib/config/env.ts) and at every SSO sign-in.
 */
export interface RoleRule {
  group: string;
  role: RoleName;
  /** team slug for `lead:SLUG`; "*" = the part of the group name the `*` matched; null for other roles */
  team: string | null;
}

export class RoleMapError extends Error {}

const STRENGTH: Record<RoleName, number> = { admin: 3, finance: 2, lead: 1, viewer: 0 };

export function parseRoleMap(text: string): RoleRule[] {
  if (text.trim() === "") throw new RoleMapError("give at least one rule, e.g. finops-admins=admin");
  const parts = text.split(",").map((p) => p.trim());
  const rules: RoleRule[] = [];
  parts.forEach((part, i) => {
    if (part === "" && parts.length > 1 && i === parts.length - 1) return; // a trailing comma is harmless
    const where = `rule ${i + 1} "${part}"`;
    const eq = part.lastIndexOf("=");
    if (eq <= 0 || eq === part.length - 1) throw new RoleMapError(`${where}: expected GROUP=ROLE, e.g. finops-admins=admin or team-*=lead:*`);
    const group = part.slice(0, eq).trim();
    const target = part.slice(eq + 1).trim();
    const stars = group.split("*").length - 1;
    if (stars > 1) throw new RoleMapError(`${where}: a group pattern may contain one * at most`);
    const [roleText, team, ...extra] = target.split(":").map((s) => s.trim());
    if (!(ROLES as readonly string[]).includes(roleText)) throw new RoleMapError(`${where}: role must be one of ${ROLES.join(", ")}, got "${roleText}"`);
    const role = roleText as RoleName;
    if (extra.length > 0) throw new RoleMapError(`${where}: expected lead:TEAM with a single colon`);
    if (team !== undefined && role !== "lead") throw new RoleMapError(`${where}: only lead takes a team (lead:TEAM), ${role} sees every team`);
    if (team === "") throw new RoleMapError(`${where}: give a team slug after "lead:" (or * for the part of the group name the * matched)`);
    if (team === "*" && stars === 0) throw new RoleMapError(`${where}: lead:* needs a * in the group pattern, e.g. team-*=lead:*`);
    rules.push({ group, role, team: team ?? null });
  });
  if (rules.length === 0) throw new RoleMapError("give at least one rule, e.g. finops-admins=admin");
  return rules;
}

/** The text `*` stood for when `group` matches `pattern` (whole name, case-insensitive); "" without a `*`; null if no match. */
export function matchGroup(pattern: string, group: string): string | null {
  const p = pattern.toLowerCase();
  const g = group.toLowerCase();
  const star = p.indexOf("*");
  if (star < 0) return p === g ? "" : null;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  if (g.length <= head.length + tail.length || !g.startsWith(head) || !g.endsWith(tail)) return null;
  return g.slice(head.length, g.length - tail.length);
}

export interface SsoAccess {
  role: RoleName;
  /** team slugs (lower case) the user leads */
  teams: string[];
}

/** The role and teams the groups give, or null when no rule matches (the user gets no access). */
export function accessForGroups(groups: readonly string[], rules: readonly RoleRule[]): SsoAccess | null {
  let role: RoleName | null = null;
  const teams = new Set<string>();
  for (const rule of rules) {
    for (const group of groups) {
      const captured = matchGroup(rule.group, group);
      if (captured === null) continue;
      if (role === null || STRENGTH[rule.role] > STRENGTH[role]) role = rule.role;
      if (rule.team !== null) teams.add(rule.team === "*" ? captured : rule.team.toLowerCase());
    }
  }
  return role === null ? null : { role, teams: [...teams].sort() };
}

/**
 * The group names in a claim: an array of strings or a single string. `claim` may be a dotted path into nested
 * objects (Keycloak realm roles: `realm_access.roles`); a claim whose own name contains dots is found first.
 */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined) {
    value = claim.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * Entra ID leaves the groups out of the token when a user is in too many (over 200) and points to Microsoft Graph
 * instead (`_claim_names.groups`); we refuse with a message rather than treat the user as a member of nothing.
 */
export function groupsOverflowed(claims: Record<string, unknown>, claim: string): boolean {
  const names = claims._claim_names;
  return claims[claim] === undefined && typeof names === "object" && names !== null && claim in names;
}
