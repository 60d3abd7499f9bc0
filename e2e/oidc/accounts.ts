/**
 * The single sign-on side of the e2e suite: the test identity provider (e2e/oidc/provider.ts, a real `oidc-provider`
 * in its own process) and how the app is configured against it (playwright.config.ts passes these to e2e/serve.ts).
 */
// Read when called: playwright.config.ts picks E2E_PORT per run; the provider's port follows it.
export const oidcPort = () => Number(process.env.E2E_PORT ?? 3100) + 1000;
export const oidcIssuer = () => `http://localhost:${oidcPort()}`;
export const OIDC_CLIENT = { id: "rightsize-e2e", secret: "e2e-oidc-client-secret-0123456789" };
export const OIDC_NAME = "Acme SSO";
export const OIDC_ROLE_MAP = "finops-admins=admin,finance=finance,team-*=lead:*,everyone=viewer";

/** The app's environment for single sign-on against the test provider. */
export function appOidcEnv(): Record<string, string> {
  return {
    OIDC_ISSUER: oidcIssuer(),
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_NAME,
    // As with Okta's org authorization server: the groups claim comes with the `groups` scope.
    OIDC_SCOPES: "openid email profile groups",
    OIDC_ROLE_CLAIM: "groups",
    OIDC_ROLE_MAP,
  };
}

/** People at the IdP, by login (= subject). Their password at the dev login form can be anything. */
export const IDP_ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string; groups: string[] }> = {
  // team-support -> lead of support; everyone -> viewer; lead is the stronger role
  "sso-lead": { email: "sso-lead@e2e.test", email_verified: true, name: "Sam Lead", groups: ["everyone", "team-support"] },
  "sso-finance": { email: "sso-finance@e2e.test", email_verified: true, name: "Fin Ance", groups: ["finance"] },
  "sso-unverified": { email: "sso-unverified@e2e.test", email_verified: false, name: "Una Verified", groups: ["finops-admins"] },
  "sso-forged": { email: "sso-forged@e2e.test", email_verified: true, name: "For Ged", groups: ["finops-admins"] },
};
