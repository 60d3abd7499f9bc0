/**
 * Screenshots of every page at 1280 and 800 px wide, light and dark (prefers-color-scheme), as full-page PNGs in
 * test-results/screenshots/ (git-ignored), for looking at before a UI change is closed (issue 16).
 *
 *   BASE_URL=http://localhost:3100 node --import tsx scripts/screenshots.ts [filter]
 *
 * Signs in as RIGHTSIZE_EMAIL / RIGHTSIZE_PASSWORD (default: the e2e admin that e2e/serve.ts creates, so it runs
 * against `E2E_PORT=3100 node --conditions=react-server --import tsx e2e/serve.ts`). `filter` keeps only pages
 * whose name contains it. Uses Debian's Chromium when present (STACK.md), else Playwright's own.
 */
import { chromium, type Page } from "@playwright/test";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { E2E_ADMIN } from "../e2e/fixtures";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:3100";
const OUT = path.resolve(import.meta.dirname, "..", "test-results", "screenshots");
const WIDTHS = [1280, 800] as const;
const SCHEMES = ["light", "dark"] as const;

/** Every page and tab; detail pages are found from their lists. */
const PAGES: { name: string; path: string | ((page: Page) => Promise<string | null>) }[] = [
  { name: "overview", path: "/" },
  { name: "teams", path: "/teams" },
  { name: "team-support", path: "/teams/support" },
  { name: "workloads", path: "/workloads" },
  { name: "workload-detail", path: (p) => firstLink(p, "/workloads", /^\/workloads\/[^/?]+/) },
  { name: "models", path: "/models" },
  { name: "whatif-scenario", path: "/whatif" },
  { name: "whatif-recommendations", path: "/whatif?tab=recommendations" },
  { name: "whatif-compare", path: "/whatif?tab=compare" },
  { name: "whatif-evals", path: "/whatif?tab=evals" },
  { name: "whatif-commitments", path: "/whatif?tab=commitments" },
  { name: "rollouts", path: "/rollouts" },
  { name: "dimensions", path: "/dimensions" },
  { name: "runs", path: "/runs" },
  { name: "unit-costs", path: "/unit-costs" },
  { name: "budgets", path: "/budgets" },
  { name: "reports", path: "/reports" },
  { name: "reports-statements", path: "/reports?tab=statements" },
  { name: "reports-schedules", path: "/reports?tab=schedules" },
  { name: "reports-reconciliation", path: "/reports?tab=reconciliation" },
  { name: "ingestion", path: "/ingestion" },
  ...["users", "keys", "rules", "models", "prices", "currency", "dimensions", "account"].map((tab) => ({ name: `settings-${tab}`, path: `/settings?tab=${tab}` })),
];

async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string | null> {
  await page.goto(list);
  await page.waitForLoadState("networkidle");
  // The list's table loads after the page: wait for its first matching link (bounded).
  await page.locator(`main a[href^="${list}/"]`).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

async function main() {
  const filter = process.argv[2] ?? "";
  mkdirSync(OUT, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const context = await browser.newContext({ baseURL: BASE_URL, timezoneId: "UTC", locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/signin");
    await page.screenshot({ path: path.join(OUT, `signin-1280-${scheme}.png`) });
  }
  await page.getByLabel("Email").fill(process.env.RIGHTSIZE_EMAIL ?? E2E_ADMIN.email);
  await page.getByLabel("Password").fill(process.env.RIGHTSIZE_PASSWORD ?? E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();

  for (const entry of PAGES.filter((p) => p.name.includes(filter))) {
    const url = typeof entry.path === "string" ? entry.path : await entry.path(page);
    if (!url) {
      console.log(`skip ${entry.name}: nothing to open`);
      continue;
    }
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        // Panels that load after the page say so ("Loading…"); wait for them (bounded: a stuck panel is shot as is).
        await page.waitForFunction(() => !/Loading|Looking up|Re-pricing|Building/.test(document.querySelector("main")?.textContent ?? ""), null, { timeout: 30_000 }).catch(() => undefined);
        // Charts size themselves after layout; give them one frame.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        const file = path.join(OUT, `${entry.name}-${width}-${scheme}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true, timeout: 60_000 });
          console.log(file);
        } catch (error) {
          // One slow page must not cost the rest of the set; it is named so it can be shot again (filter).
          console.log(`FAILED ${entry.name}-${width}-${scheme}: ${(error as Error).message.split("\n")[0]}`);
        }
      }
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
