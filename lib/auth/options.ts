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

/**
 * next-auth v4 configuration: email + password always; an OpenID Connect provider (Okta, Entra ID, Google
 * Workspace, Keycloak...) when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Sessions are JWTs
 * carrying only the user id; role and teams are re-read from the database on every request.
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
      authorization: { params: { scope: "openid email profile" } },
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
    pages: { signIn: "/signin" },
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
      // Single sign-on users are provisioned on first sign-in with OIDC_DEFAULT_ROLE; an admin can change the role.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return false;
        const email = user.email.toLowerCase();
        const existing = await prisma().user.findUnique({ where: { email } });
        if (existing?.disabledAt) return false;
        if (!existing) {
          await prisma().user.create({ data: { email, name: user.name ?? null, role: env().OIDC_DEFAULT_ROLE } });
          await audit(`user:${email}`, "user_provisioned_sso", email);
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc" && user.email) {
          const dbUser = await prisma().user.findUnique({ where: { email: user.email.toLowerCase() } });
          if (dbUser) token.uid = dbUser.id;
        } else if (user) {
          token.uid = Number(user.id);
        }
        // At sign-in: remember the session version, so a password change or disabling ends this session.
        if (user && typeof token.uid === "number") token.sv = await sessionVersionOf(token.uid);
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid as number | undefined, sv: token.sv as number | undefined };
      },
    },
  };
}
