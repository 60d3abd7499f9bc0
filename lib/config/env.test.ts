import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.RIGHTSIZE_DEMO).toBe("1");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the variable in a one-line error", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^Invalid environment variable PORT: /);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow("Invalid environment variable DATABASE_URL: must be a postgres:// or postgresql:// connection URL");
    expect(() => parseEnv({ RIGHTSIZE_ADMIN_PASSWORD: "short" })).toThrow("RIGHTSIZE_ADMIN_PASSWORD: must be at least 8 characters");
    expect(() => parseEnv({ RIGHTSIZE_DEMO: "yes" })).toThrow(/RIGHTSIZE_DEMO/);
  });

  it("requires the three single sign-on variables together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example.com" })).toThrow("Invalid environment variable OIDC_CLIENT_ID: required when single sign-on is configured");
    expect(parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" }).OIDC_NAME).toBe("Single sign-on");
  });

  it("checks the role mapping at start, naming the rule", () => {
    const sso = { OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" };
    expect(() => parseEnv({ ...sso, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "finops-admins=owner" })).toThrow(
      'Invalid environment variable OIDC_ROLE_MAP: rule 1 "finops-admins=owner": role must be one of admin, finance, lead, viewer, got "owner"',
    );
    expect(() => parseEnv({ ...sso, OIDC_ROLE_CLAIM: "groups" })).toThrow("Invalid environment variable OIDC_ROLE_MAP: OIDC_ROLE_CLAIM and OIDC_ROLE_MAP go together");
    expect(parseEnv({ ...sso, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "team-*=lead:*" }).OIDC_ROLE_MAP).toBe("team-*=lead:*");
    expect(parseEnv(sso).OIDC_SCOPES).toBe("openid email profile");
    expect(() => parseEnv({ ...sso, OIDC_SCOPES: "email groups" })).toThrow('Invalid environment variable OIDC_SCOPES: must include "openid"');
  });

  it("keeps all raw events unless RIGHTSIZE_RAW_RETENTION_MONTHS is a whole number of months, 1 or more", () => {
    expect(parseEnv({}).RIGHTSIZE_RAW_RETENTION_MONTHS).toBeUndefined();
    expect(parseEnv({ RIGHTSIZE_RAW_RETENTION_MONTHS: "13" }).RIGHTSIZE_RAW_RETENTION_MONTHS).toBe(13);
    expect(() => parseEnv({ RIGHTSIZE_RAW_RETENTION_MONTHS: "0" })).toThrow("RIGHTSIZE_RAW_RETENTION_MONTHS: must be 1 or more (unset it to keep all raw events)");
    expect(() => parseEnv({ RIGHTSIZE_RAW_RETENTION_MONTHS: "1.5" })).toThrow("RIGHTSIZE_RAW_RETENTION_MONTHS: must be a whole number of months");
  });
});
