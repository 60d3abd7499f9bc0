import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/config/env";
import { checkCredentials } from "./sign-in";
import { clientAddress } from "./client-address";
import { sessionVersionOf } from "./session-version";
import { safeRedirect } from "./safe-callback";
import { audit } from "@/lib/audit";
import { sessionUserId, ssoSessionEnd } from "./session-token";
import { parseRoleMap } from "./sso/role-map";
import { ssoSignIn, type OidcClaims, type SsoConfig } from "./sso/sso-sign-in";

/**
 * next-auth v4 configuration: email + password always; an OpenID Connect provider (Okta, Entra ID, Google
 * Workspace, Keycloak...) when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set: authorization code
 * flow with PKCE and state; openid-client validates the ID token (signature, iss, aud, exp) and its claims are the
 * profile. Sessions are JWTs carrying only the user id (plus, for SSO, when the session ends: session-token.ts);
 * role and teams are re-read from the database on every request.
 */
function oidcProvider(): NextAuthOptions["providers"] {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: e.OIDC_SCOPES } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    },
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    // Errors (a refused or failed single sign-on) land on the sign-in page, which explains the ?error= code.
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const user = await checkCredentials(credentials.email, credentials.password, clientAddress(req?.headers ?? {}));
          if (!user) return null;
          await audit(`user:${user.email}`, "sign_in", null);
          return { id: String(user.id), email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // After sign-in (password or SSO) only a path on this site: no open redirect through callbackUrl.
      redirect: async ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      // Single sign-on: link or provision the account and apply the IdP's groups (lib/auth/sso/sso-sign-in.ts).
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const result = await ssoSignIn(profile as OidcClaims, ssoConfig());
        return "refused" in result ? `/signin?error=${result.refused}` : true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile) {
          const claims = profile as OidcClaims;
          const dbUser = await prisma().user.findUnique({ where: { ssoIssuer_ssoSubject: { ssoIssuer: claims.iss, ssoSubject: claims.sub } } });
          if (dbUser) token.uid = dbUser.id;
          token.ssoUntil = ssoSessionEnd();
        } else if (user) {
          token.uid = Number(user.id);
        }
        // At sign-in: remember the session version, so a password change or disabling ends this session.
        if (user && typeof token.uid === "number") token.sv = await sessionVersionOf(token.uid);
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: sessionUserId(token) ?? undefined, sv: token.sv as number | undefined };
      },
    },
  };
}

function ssoConfig(): SsoConfig {
  const e = env();
  return {
    defaultRole: e.OIDC_DEFAULT_ROLE,
    roleMapping: e.OIDC_ROLE_CLAIM && e.OIDC_ROLE_MAP ? { claim: e.OIDC_ROLE_CLAIM, rules: parseRoleMap(e.OIDC_ROLE_MAP) } : undefined,
  };
}
