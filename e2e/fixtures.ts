/** Accounts the e2e server (e2e/serve.ts) creates; tests sign in as them. */
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
export const E2E_LEAD = { email: "lead@e2e.test", password: "e2e-lead-password", team: "support" };
export const E2E_FINANCE = { email: "finance@e2e.test", password: "e2e-finance-password" };
