/**
 * Who may call what: the expected table of tests/hardening/authorization-matrix.integration.test.ts.
 *
 * ONE ROW PER ROUTE METHOD, keyed "<METHOD> <path as in app/api, brackets kept>", valued with a policy below.
 * A route file whose method has no row here fails the test (so does a row whose route is gone).
 * To add a route: add its row, e.g. `"GET /api/v1/things/[id]": "read",`, choosing the policy that matches the
 * permission its `withAuth(...)` names. A route needing something new gets a new policy in POLICIES.
 */
export type Caller = "anonymous" | "viewer" | "lead" | "finance" | "admin" | "ingestKey" | "readKey" | "teamKey";
/** allowed = neither 401 nor 403 (the call may still be a 400/404 for the empty test input, never a 500). */
export type Outcome = "allowed" | 401 | 403;

const USERS_ONLY_KEYS_403 = { ingestKey: 403, readKey: 403, teamKey: 403 } as const;

export const POLICIES = {
  /** No sign-in needed (health check, OpenAPI document, next-auth's own endpoints). */
  public: { anonymous: "allowed", viewer: "allowed", lead: "allowed", finance: "allowed", admin: "allowed", ingestKey: "allowed", readKey: "allowed", teamKey: "allowed" },
  /** withAuth("read"): every role, read keys (the team key has the read scope too); not ingest-only keys. */
  read: { anonymous: 401, viewer: "allowed", lead: "allowed", finance: "allowed", admin: "allowed", ingestKey: 403, readKey: "allowed", teamKey: "allowed" },
  /** withAuth("read") but for a signed-in person only (own password). */
  user: { anonymous: 401, viewer: "allowed", lead: "allowed", finance: "allowed", admin: "allowed", ...USERS_ONLY_KEYS_403 },
  /** withAuth("ingest"): administrators and ingest keys. */
  ingest: { anonymous: 401, viewer: 403, lead: 403, finance: 403, admin: "allowed", ingestKey: "allowed", readKey: 403, teamKey: "allowed" },
  /** withAuth("manage_users" | "manage_settings"): administrators only. */
  admin: { anonymous: 401, viewer: 403, lead: 403, finance: 403, admin: "allowed", ...USERS_ONLY_KEYS_403 },
  /** withAuth("manage_budgets") and withAuth("read_prices"): administrators and finance. */
  finance: { anonymous: 401, viewer: 403, lead: 403, finance: "allowed", admin: "allowed", ...USERS_ONLY_KEYS_403 },
  /** withAuth("edit_workloads"): administrators and team leads. */
  workloads: { anonymous: 401, viewer: 403, lead: "allowed", finance: 403, admin: "allowed", ...USERS_ONLY_KEYS_403 },
} satisfies Record<string, Record<Caller, Outcome>>;
export type Policy = keyof typeof POLICIES;

export const EXPECTED: Record<string, Policy> = {
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/health": "public",
  "GET /api/v1/openapi.json": "public",
  "POST /api/otlp/v1/traces": "ingest",
  "GET /api/v1/runs": "read",
  "GET /api/v1/runs/[runId]": "read",
  "GET /api/v1/metrics": "read",
  "POST /api/v1/metrics": "ingest",
  "GET /api/v1/metrics/unit-cost": "read",
  "POST /api/v1/plans/commitment": "read",

  "POST /api/v1/account/password": "user",
  "GET /api/v1/alerts": "read",
  "POST /api/v1/alerts/deliveries/[id]/retry": "finance",
  "GET /api/v1/anomalies": "read",

  "GET /api/v1/attribution-rules": "admin",
  "POST /api/v1/attribution-rules": "admin",
  "PUT /api/v1/attribution-rules/[id]": "admin",
  "DELETE /api/v1/attribution-rules/[id]": "admin",
  "PUT /api/v1/attribution-rules/order": "admin",
  "POST /api/v1/attribution-rules/preview": "admin",
  "POST /api/v1/attribution-rules/reattribute": "admin",
  "GET /api/v1/attribution-rules/targets": "admin",

  "GET /api/v1/bills": "finance",
  "POST /api/v1/bills": "finance",
  "DELETE /api/v1/bills": "finance",
  "GET /api/v1/bills/reconciliation": "read",

  "GET /api/v1/dimensions": "read",
  "POST /api/v1/dimensions": "admin",
  "DELETE /api/v1/dimensions/[tagKey]": "admin",

  "GET /api/v1/budgets": "read",
  "POST /api/v1/budgets": "finance",
  "GET /api/v1/budgets/[id]": "read",
  "PATCH /api/v1/budgets/[id]": "finance",
  "DELETE /api/v1/budgets/[id]": "finance",
  "POST /api/v1/budgets/evaluate": "finance",

  "GET /api/v1/evals": "read",
  "POST /api/v1/evals": "workloads",
  "POST /api/v1/events": "ingest",
  "POST /api/v1/imports": "ingest",
  "POST /api/v1/imports/detect": "ingest",
  "GET /api/v1/ingest-batches": "ingest",
  "GET /api/v1/ingest-batches/[id]": "ingest",

  "GET /api/v1/keys": "admin",
  "POST /api/v1/keys": "admin",
  "DELETE /api/v1/keys/[id]": "admin",
  "GET /api/v1/models": "read",
  "PATCH /api/v1/models/[id]": "admin",

  "GET /api/v1/price-overrides": "finance",
  "POST /api/v1/price-overrides": "admin",
  "PUT /api/v1/price-overrides/[id]": "admin",
  "DELETE /api/v1/price-overrides/[id]": "admin",

  "GET /api/v1/recommendations": "read",
  "GET /api/v1/recommendations/over-specified": "read",
  "GET /api/v1/reports/monthly": "read",
  "GET /api/v1/scenarios": "read",
  "POST /api/v1/scenarios": "read",
  "GET /api/v1/scenarios/[id]": "read",
  "PUT /api/v1/scenarios/[id]": "read",
  "DELETE /api/v1/scenarios/[id]": "read",

  "GET /api/v1/spend": "read",
  "GET /api/v1/spend/breakdown": "read",
  "GET /api/v1/spend/overview": "read",
  "GET /api/v1/spend/series": "read",
  "GET /api/v1/spend/tokens-per-call": "read",
  "GET /api/v1/teams": "read",
  "GET /api/v1/unpriced-models": "read",

  "GET /api/v1/users": "admin",
  "POST /api/v1/users": "admin",
  "PATCH /api/v1/users/[id]": "admin",
  "POST /api/v1/whatif": "read",
  "GET /api/v1/whatif/options": "read",
  "GET /api/v1/whatif/presets/80-20": "read",
  "GET /api/v1/workloads/[slug]/classification": "read",
  "PATCH /api/v1/workloads/[slug]/classification": "workloads",

  // v2 routes: spend change, currencies, chargeback and statements, schedules, rollouts and routing export.
  "GET /api/v1/spend/change": "read",
  "GET /api/v1/currency": "read",
  "PUT /api/v1/currency": "admin",
  "GET /api/v1/exchange-rates": "read",
  "POST /api/v1/exchange-rates": "admin",
  "GET /api/v1/allocation-rules": "read",
  "POST /api/v1/allocation-rules": "finance",
  "DELETE /api/v1/allocation-rules/[id]": "finance",
  "GET /api/v1/reports/chargeback": "read",
  "GET /api/v1/reports/statements": "read",
  "GET /api/v1/report-schedules": "finance",
  "POST /api/v1/report-schedules": "finance",
  "PATCH /api/v1/report-schedules/[id]": "finance",
  "DELETE /api/v1/report-schedules/[id]": "finance",
  "POST /api/v1/report-schedules/[id]/send": "finance",
  "POST /api/v1/report-deliveries/[id]/retry": "finance",
  "GET /api/v1/recommendations/notes": "read",
  "GET /api/v1/rollouts": "read",
  "POST /api/v1/rollouts": "workloads",
  "GET /api/v1/rollouts/[id]": "read",
  "PATCH /api/v1/rollouts/[id]": "workloads",
  "GET /api/v1/rollouts/savings": "read",
  "GET /api/v1/scenarios/[id]/export": "read",

  // Issue 16 (3, 6, 7): closed months, a workload's verdict and evidence, the eval CSV template.
  "GET /api/v1/reports/closed-months": "read",
  "PUT /api/v1/reports/closed-months/[month]": "finance",
  "DELETE /api/v1/reports/closed-months/[month]": "finance",
  "GET /api/v1/workloads/[slug]/recommendation": "read",
  "GET /api/v1/evals/template": "read",
};
