import "server-only";
import { prisma } from "@/lib/db/prisma";
import { audit } from "@/lib/audit";
import type { RoleName } from "../roles";
import { accessForGroups, claimValues, groupsOverflowed, type RoleRule, type SsoAccess } from "./role-map";
import type { SsoRefusal } from "./sso-refusals";

/** The ID token claims we read (already validated by openid-client: signature, iss, aud, exp). */
export interface OidcClaims {
  iss: string;
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  /** Entra ID's optional claim "email domain owner verified": Entra sends no email_verified */
  xms_edov?: boolean | string;
  name?: string;
  [claim: string]: unknown;
}

export interface SsoConfig {
  /** OIDC_ROLE_CLAIM + parsed OIDC_ROLE_MAP; absent = roles are edited in Settings, new users get defaultRole */
  roleMapping?: { claim: string; rules: RoleRule[] };
  defaultRole: RoleName;
}

export type SsoResult = { userId: number } | { refused: SsoRefusal };

const isTrue = (v: unknown) => v === true || v === "true";

/**
 * One single sign-on: finds the account by the IdP identity (issuer + subject); failing that, links or creates one
 * by email, but only an email the IdP says is verified (otherwise anyone able to set an unverified email at the IdP
 * could take over an account). With a role mapping, the role and teams are set from the groups at every sign-in,
 * so leaving a group in the IdP takes effect at the next sign-in.
 */
export async function ssoSignIn(claims: OidcClaims, config: SsoConfig): Promise<SsoResult> {
  let access: SsoAccess | null = null;
  if (config.roleMapping) {
    const { claim, rules } = config.roleMapping;
    if (groupsOverflowed(claims, claim)) return { refused: "SsoGroupsOverflow" };
    access = accessForGroups(claimValues(claims, claim), rules);
  }

  const linked = await prisma().user.findUnique({ where: { ssoIssuer_ssoSubject: { ssoIssuer: claims.iss, ssoSubject: claims.sub } } });
  let user = linked;
  if (!user) {
    if (!claims.email) return { refused: "SsoNoEmail" };
    if (!isTrue(claims.email_verified) && !isTrue(claims.xms_edov)) return { refused: "SsoEmailUnverified" };
    user = await prisma().user.findUnique({ where: { email: claims.email.trim().toLowerCase() } });
    if (user?.ssoSubject) return { refused: "SsoIdentityConflict" }; // already someone else's identity
  }
  if (user?.disabledAt) return { refused: "SsoDisabled" };
  if (config.roleMapping && !access) {
    if (user) await audit(`user:${user.email}`, "sso_refused_no_role", user.email);
    return { refused: "SsoNoRole" };
  }

  const email = user?.email ?? claims.email!.trim().toLowerCase();
  const teams = access ? await prisma().team.findMany({ where: { slug: { in: access.teams } } }) : [];
  const unknownTeams = access ? access.teams.filter((slug) => !teams.some((t) => t.slug === slug)) : [];
  const userId = await prisma().$transaction(async (tx) => {
    const saved = user
      ? await tx.user.update({
          where: { id: user.id },
          data: { ssoIssuer: claims.iss, ssoSubject: claims.sub, ssoManaged: Boolean(access), ...(access ? { role: access.role } : {}) },
        })
      : await tx.user.create({
          data: { email, name: claims.name ?? null, role: access?.role ?? config.defaultRole, ssoIssuer: claims.iss, ssoSubject: claims.sub, ssoManaged: Boolean(access) },
        });
    if (access) {
      await tx.userTeam.deleteMany({ where: { userId: saved.id } });
      await tx.userTeam.createMany({ data: teams.map((t) => ({ userId: saved.id, teamId: t.id })) });
    }
    return saved.id;
  });

  if (!user) await audit(`user:${email}`, "user_provisioned_sso", email, { issuer: claims.iss });
  else if (!linked) await audit(`user:${email}`, "user_linked_sso", email, { issuer: claims.iss });
  // Teams named by a group but unknown to Rightsize are not created (teams come from attribution); the audit log says which.
  await audit(`user:${email}`, "sign_in_sso", email, access ? { role: access.role, teams: access.teams, unknownTeams } : {});
  return { userId };
}
