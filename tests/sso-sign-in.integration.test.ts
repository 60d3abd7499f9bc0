import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request, userWithSession } from "./factories";
import { ssoSignIn, type OidcClaims, type SsoConfig } from "@/lib/auth/sso/sso-sign-in";
import { parseRoleMap } from "@/lib/auth/sso/role-map";
import { principalForUser } from "@/lib/auth/principal";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { GET as getUsers } from "@/app/api/v1/users/route";
import { createUser } from "@/lib/users/create-user";
import { prisma } from "@/lib/db/prisma";
import { encode } from "next-auth/jwt";
import { GET as getSpend } from "@/app/api/v1/spend/route";

useTestDatabase();

const ISSUER = "https://idp.example.com";
const mapped: SsoConfig = { defaultRole: "viewer", roleMapping: { claim: "groups", rules: parseRoleMap("finops-admins=admin,finance=finance,team-*=lead:*,everyone=viewer") } };
const unmapped: SsoConfig = { defaultRole: "viewer" };
const claims = (sub: string, extra: Partial<OidcClaims> = {}): OidcClaims => ({ iss: ISSUER, sub, email: `${sub}@corp.example`, email_verified: true, ...extra });

let admin: { cookie: string };
beforeAll(async () => {
  admin = await userWithSession("admin@corp.example", "admin");
  await prisma().team.createMany({ data: [{ slug: "search", name: "Search" }, { slug: "support", name: "Support" }] });
});

const userOf = (result: Awaited<ReturnType<typeof ssoSignIn>>) => {
  if (!("userId" in result)) throw new Error(`refused: ${result.refused}`);
  return prisma().user.findUniqueOrThrow({ where: { id: result.userId }, include: { teams: { include: { team: true } } } });
};

describe("single sign-on accounts", () => {
  it("provisions on first sign-in, then finds the same account by issuer + subject even when the email changes", async () => {
    const first = await userOf(await ssoSignIn(claims("ana", { name: "Ana" }), unmapped));
    expect(first).toMatchObject({ email: "ana@corp.example", role: "viewer", ssoIssuer: ISSUER, ssoSubject: "ana", ssoManaged: false, passwordHash: null });
    // Second sign-in: the IdP now sends another (even unverified) email; the identity, not the email, finds the account.
    const again = await userOf(await ssoSignIn(claims("ana", { email: "ana.new@corp.example", email_verified: false }), unmapped));
    expect(again.id).toBe(first.id);
    expect(await prisma().user.count({ where: { email: { startsWith: "ana" } } })).toBe(1);
  });

  it("refuses an unverified or missing email for an identity it does not know, creating nothing", async () => {
    expect(await ssoSignIn(claims("eve", { email_verified: false }), unmapped)).toEqual({ refused: "SsoEmailUnverified" });
    expect(await ssoSignIn(claims("eve2", { email_verified: undefined }), unmapped)).toEqual({ refused: "SsoEmailUnverified" });
    expect(await ssoSignIn(claims("eve3", { email: undefined }), unmapped)).toEqual({ refused: "SsoNoEmail" });
    expect(await prisma().user.count({ where: { email: { startsWith: "eve" } } })).toBe(0);
  });

  it("accepts Entra ID's xms_edov in place of email_verified", async () => {
    const user = await userOf(await ssoSignIn(claims("entra-oid-1", { email_verified: undefined, xms_edov: true }), unmapped));
    expect(user.ssoSubject).toBe("entra-oid-1");
  });

  it("links an existing password account on a verified email, and refuses a second identity for it", async () => {
    const local = await createUser({ email: "bo@corp.example", password: "a-good-password", role: "finance", actor: "test" });
    const linked = await userOf(await ssoSignIn(claims("bo-sub", { email: "Bo@Corp.Example" }), unmapped));
    expect(linked).toMatchObject({ id: local.id, role: "finance", ssoSubject: "bo-sub" }); // role kept without a mapping
    expect(await ssoSignIn(claims("mallory-sub", { email: "bo@corp.example" }), unmapped)).toEqual({ refused: "SsoIdentityConflict" });
  });

  it("refuses a disabled user", async () => {
    const user = await userOf(await ssoSignIn(claims("dan"), unmapped));
    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await ssoSignIn(claims("dan"), unmapped)).toEqual({ refused: "SsoDisabled" });
  });
});

describe("roles and teams from the IdP's groups", () => {
  it("sets role and teams at every sign-in, so leaving a group removes access at the next one", async () => {
    // team-search -> lead:search, team-support -> lead:support, team-nowhere -> no such team (skipped, audited)
    const lead = await userOf(await ssoSignIn(claims("lia", { groups: ["team-search", "team-support", "team-nowhere"] }), mapped));
    expect(lead.role).toBe("lead");
    expect(lead.ssoManaged).toBe(true);
    expect(lead.teams.map((t) => t.team.slug).sort()).toEqual(["search", "support"]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "sign_in_sso", target: "lia@corp.example" } });
    expect(audit.details).toEqual({ role: "lead", teams: ["nowhere", "search", "support"], unknownTeams: ["nowhere"] });
    expect((await principalForUser(lead.id))?.teamIds?.length).toBe(2);

    // Removed from team-support in the IdP: next sign-in leads only search.
    const fewer = await userOf(await ssoSignIn(claims("lia", { groups: ["team-search"] }), mapped));
    expect(fewer.teams.map((t) => t.team.slug)).toEqual(["search"]);
    // Promoted to finops-admins: admin (strongest role).
    expect((await userOf(await ssoSignIn(claims("lia", { groups: ["team-search", "finops-admins"] }), mapped))).role).toBe("admin");
    // Removed from every mapped group: refused, so no new session (a running one ends within SSO_SESSION_MINUTES).
    expect(await ssoSignIn(claims("lia", { groups: ["contractors"] }), mapped)).toEqual({ refused: "SsoNoRole" });
  });

  it("refuses a token whose groups overflowed (Entra ID over 200 groups)", async () => {
    expect(await ssoSignIn(claims("big", { _claim_names: { groups: "src1" } }), mapped)).toEqual({ refused: "SsoGroupsOverflow" });
  });

  it("shows SSO-managed users as such and refuses role or team edits for them; local users stay editable", async () => {
    const managed = await userOf(await ssoSignIn(claims("fin", { groups: ["finance"] }), mapped));
    const local = await createUser({ email: "local@corp.example", password: "a-good-password", role: "viewer", actor: "test" });
    const users = (await (await getUsers(request("/api/v1/users", { cookie: admin.cookie }))).json()).users as { email: string; sso: boolean; ssoManaged: boolean }[];
    expect(users.find((u) => u.email === "fin@corp.example")).toMatchObject({ sso: true, ssoManaged: true });
    expect(users.find((u) => u.email === "local@corp.example")).toMatchObject({ sso: false, ssoManaged: false });

    const edit = await patchUser(request(`/api/v1/users/${managed.id}`, { method: "PATCH", cookie: admin.cookie, body: { role: "admin" } }), { params: Promise.resolve({ id: String(managed.id) }) });
    expect(edit.status).toBe(400);
    expect((await edit.json()).error.message).toBe("role: fin@corp.example is managed by SSO; change their groups in the identity provider");
    const teams = await patchUser(request(`/api/v1/users/${managed.id}`, { method: "PATCH", cookie: admin.cookie, body: { teams: ["search"] } }), { params: Promise.resolve({ id: String(managed.id) }) });
    expect(teams.status).toBe(400);
    // Disabling stays possible, and SSO then refuses the user.
    const disable = await patchUser(request(`/api/v1/users/${managed.id}`, { method: "PATCH", cookie: admin.cookie, body: { disabled: true } }), { params: Promise.resolve({ id: String(managed.id) }) });
    expect(disable.status).toBe(200);
    expect(await ssoSignIn(claims("fin", { groups: ["finance"] }), mapped)).toEqual({ refused: "SsoDisabled" });

    const localEdit = await patchUser(request(`/api/v1/users/${local.id}`, { method: "PATCH", cookie: admin.cookie, body: { role: "finance" } }), { params: Promise.resolve({ id: String(local.id) }) });
    expect(localEdit.status).toBe(200);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: local.id } })).role).toBe("finance");
  });
});

describe("single sign-on session length", () => {
  it("a session cookie from an SSO sign-in stops working 60 minutes after the sign-in", async () => {
    const user = await userOf(await ssoSignIn(claims("sid", { groups: ["finance"] }), mapped));
    const nowS = Math.floor(Date.now() / 1000);
    const cookie = async (ssoUntil: number) => `next-auth.session-token=${await encode({ token: { uid: user.id, ssoUntil }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const url = "/api/v1/spend?from=2026-10-01&to=2026-10-31&groupBy=team";
    // signed in 59 minutes ago: ends in 1 minute
    expect((await getSpend(request(url, { cookie: await cookie(nowS - 59 * 60 + 3600) }))).status).toBe(200);
    // signed in 61 minutes ago: ended a minute ago, although next-auth's own 12-hour expiry has not passed
    expect((await getSpend(request(url, { cookie: await cookie(nowS - 61 * 60 + 3600) }))).status).toBe(401);
  });
});
