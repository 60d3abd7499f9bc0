-- Single sign-on: the IdP identity (issuer + subject) an account is linked to, and whether its role and teams are
-- managed by the IdP's groups (OIDC_ROLE_CLAIM / OIDC_ROLE_MAP) rather than edited in Settings.
ALTER TABLE "users" ADD COLUMN "sso_issuer" TEXT;
ALTER TABLE "users" ADD COLUMN "sso_subject" TEXT;
ALTER TABLE "users" ADD COLUMN "sso_managed" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "users_sso_issuer_sso_subject_key" ON "users"("sso_issuer", "sso_subject");

-- API keys may expire: from expires_at on, the key gets 401 "API key expired".
ALTER TABLE "api_keys" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
