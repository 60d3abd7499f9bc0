import { z } from "zod";
import { parseRoleMap, RoleMapError } from "@/lib/auth/sso/role-map";

/**
 * Every environment variable Rightsize reads, validated once at start. A bad value stops the process with one
 * line naming the variable (see `loadEnv`). Documented in README.md ("Configuration").
 */
const port = () =>
  z.coerce.number({ message: "must be a port number (1-65535)" }).int("must be a port number (1-65535)").min(1, "must be a port number (1-65535)").max(65535, "must be a port number (1-65535)");
const optionalUrl = z.string().trim().url().optional();
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  // Citus coordinator behind DATABASE_URL (lib/db/citus.ts): "1" requires it, "0" never, unset detects the extension.
  RIGHTSIZE_CITUS: z.enum(["0", "1"], { message: 'must be "0" or "1"' }).optional(),
  PORT: port().default(3000),
  RIGHTSIZE_PG_PORT: port().default(54329),
  RIGHTSIZE_DATA_DIR: z.string().trim().min(1).default(".data"),
  RIGHTSIZE_ADMIN_EMAIL: z.string().trim().email().default("admin@rightsize.local"),
  RIGHTSIZE_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  RIGHTSIZE_DEMO: z.enum(["0", "1"], { message: 'must be "0" or "1"' }).default("1"),
  // Ingestion body limits in MB (read per request by lib/ingest/limits.ts; validated here so a typo stops the start).
  RIGHTSIZE_MAX_REQUEST_MB: z.coerce.number().positive("must be a positive number of megabytes").default(50),
  RIGHTSIZE_MAX_IMPORT_MB: z.coerce.number().positive("must be a positive number of megabytes").default(20480),
  // Whole months of raw usage_events kept before the current month (lib/db/retention.ts); unset: keep all.
  RIGHTSIZE_RAW_RETENTION_MONTHS: z.coerce.number({ message: "must be a whole number of months" }).int("must be a whole number of months").min(1, "must be 1 or more (unset it to keep all raw events)").optional(),
  RIGHTSIZE_DEMO_EVENTS: z.coerce.number({ message: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").default(1_000_000),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  NEXTAUTH_URL: optionalUrl,
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  // Security switches (SECURITY.md), read per use so tests can flip them: "1" turns each on.
  RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"], { message: 'must be "0" or "1"' }).default("0"),
  RIGHTSIZE_TRUST_PROXY: z.enum(["0", "1"], { message: 'must be "0" or "1"' }).default("0"),
  // Email for report schedules (lib/email): smtp://user:pass@host:587 (STARTTLS when offered) or smtps://...:465.
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/[^/]+/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@smtp.example.com:587").optional(),
  SMTP_FROM: z.string().trim().min(3).optional(),
  OIDC_DEFAULT_ROLE: z.enum(["admin", "finance", "lead", "viewer"]).default("viewer"),
  // Scopes asked of the IdP; Okta's org authorization server puts the groups claim in the ID token only for `groups`.
  OIDC_SCOPES: z
    .string()
    .trim()
    .default("openid email profile")
    .refine((v) => v.split(/\s+/).includes("openid"), 'must include "openid"'),
  // Roles and teams from the IdP's groups (lib/auth/sso/role-map.ts documents the rule syntax).
  OIDC_ROLE_CLAIM: z.string().trim().min(1).optional(),
  OIDC_ROLE_MAP: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (text === undefined) return;
      try {
        parseRoleMap(text);
      } catch (error) {
        if (!(error instanceof RoleMapError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
      }
    }),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses process.env; throws EnvError whose message is one line: `VARIABLE: what is wrong`. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvError(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const env = result.data;
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    const missing = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"].filter((_, i) => !oidc[i]);
    throw new EnvError(`Invalid environment variable ${missing[0]}: required when single sign-on is configured`);
  }
  if (Boolean(env.OIDC_ROLE_CLAIM) !== Boolean(env.OIDC_ROLE_MAP)) {
    const missing = env.OIDC_ROLE_CLAIM ? "OIDC_ROLE_MAP" : "OIDC_ROLE_CLAIM";
    throw new EnvError(`Invalid environment variable ${missing}: OIDC_ROLE_CLAIM and OIDC_ROLE_MAP go together (the claim holding the groups, and the rules mapping them)`);
  }
  return env;
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= parseEnv());
}
