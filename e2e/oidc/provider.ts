/**
 * A real OpenID provider for the e2e suite: `oidc-provider` (the certified Node implementation) on OIDC_PORT, in
 * its own process (playwright.config.ts starts it before the app). Authorization code flow, PKCE required, ID
 * tokens signed RS256 with a key made at start. Login is oidc-provider's development form (any password);
 * consent is skipped (first-party client).
 *
 * Test controls (this harness only, never part of a real IdP):
 *   POST   /__e2e/forge {"claim":"aud"|"iss","value":"..."}  re-sign the next ID tokens with that claim changed,
 *                                                           with the provider's own key (so only the claim is wrong)
 *   DELETE /__e2e/forge                                     stop
 *   GET    /__e2e/last-authorization                        PKCE parameters of the last authorization request
 */
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { IDP_ACCOUNTS, OIDC_CLIENT, oidcIssuer, oidcPort } from "./accounts";

const appUrl = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const OIDC_ISSUER = oidcIssuer();
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingJwk = { ...privateKey.export({ format: "jwk" }), kid: "e2e-1", alg: "RS256", use: "sig" };

let forge: { claim: "aud" | "iss"; value: string } | null = null;
let lastAuthorization: Record<string, string | null> | null = null;

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true },
  // Claims go in the ID token (the app reads the ID token, as with Okta/Entra/Keycloak groups claims).
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = IDP_ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // First-party client: grant the requested scopes without a consent screen.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
    grant.addOIDCScope("openid email profile groups");
    await grant.save();
    return grant;
  },
});

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
function reSign(idToken: string, claim: string, value: string): string {
  const [header, payload] = idToken.split(".");
  const claims = { ...JSON.parse(Buffer.from(payload, "base64url").toString("utf8")), [claim]: value };
  const input = `${header}.${b64url(claims)}`;
  const signature = sign("sha256", Buffer.from(input), createPrivateKey({ key: signingJwk as never, format: "jwk" }));
  return `${input}.${signature.toString("base64url")}`;
}

provider.use(async (ctx, next) => {
  if (ctx.path === "/__e2e/forge") {
    if (ctx.method === "DELETE") forge = null;
    else {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      forge = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    }
    ctx.body = { forge };
    return;
  }
  if (ctx.path === "/__e2e/last-authorization") {
    ctx.body = lastAuthorization ?? {};
    return;
  }
  if (ctx.path === "/auth") {
    const q = ctx.query as Record<string, string | undefined>;
    lastAuthorization = { code_challenge: q.code_challenge ?? null, code_challenge_method: q.code_challenge_method ?? null, state: q.state ? "present" : null };
  }
  await next();
  const body = ctx.body as { id_token?: string } | undefined;
  if (forge && ctx.path === "/token" && body?.id_token) ctx.body = { ...body, id_token: reSign(body.id_token, forge.claim, forge.value) };
});

provider.listen(oidcPort(), () => console.log(`e2e OpenID provider at ${OIDC_ISSUER}`));
