import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { appOidcEnv, oidcIssuer } from "./e2e/oidc/accounts";

// A port per run (inherited by the workers through the environment), so two runs on one machine do not collide.
process.env.E2E_PORT ??= String(3100 + (process.pid % 800));
const PORT = Number(process.env.E2E_PORT);
// Debian's Chromium (installed by .ci/run); Playwright's own browser where it is absent (a developer's laptop).
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Daily cost buckets are UTC; pin the browser so dates read the same everywhere.
    timezoneId: "UTC",
    locale: "en-US",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], storageState: "test-results/.auth/admin.json", viewport: { width: 1440, height: 900 } }, dependencies: ["setup"] },
  ],
  webServer: [
    // A real OpenID provider in its own process (e2e/oidc/provider.ts), for the single sign-on suite (e2e/sso.spec.ts).
    {
      command: "node --import tsx e2e/oidc/provider.ts",
      url: `${oidcIssuer()}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(PORT) },
    },
    {
      command: "node --conditions=react-server --import tsx e2e/serve.ts",
      url: `http://localhost:${PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(PORT), ...appOidcEnv() },
    },
  ],
});
