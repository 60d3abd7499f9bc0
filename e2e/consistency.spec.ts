import { test, expect, type Page } from "./test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_ADMIN } from "./fixtures";

// Issue 16: the same number everywhere, filters that follow the user, deep links through sign-in, accessibility.

/** "+3.6%" / "−15.3%" (the KPI's minus sign) / "-15.3%" -> 3.6 / -15.3 */
function percent(text: string): number {
  const m = /([+−\-±]?)(\d+(?:\.\d+)?)%/.exec(text);
  if (!m) throw new Error(`no percentage in "${text}"`);
  return (m[1] === "−" || m[1] === "-" ? -1 : 1) * Number(m[2]);
}

function lastMonth(): { month: string; from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { month: day(first).slice(0, 7), from: day(first), to: day(last) };
}

test("last month's change is the same on the Overview, on Reports and in the API", async ({ page }) => {
  const m = lastMonth();
  const api = await (await page.request.get(`/api/v1/spend/overview?from=${m.from}&to=${m.to}`)).json();
  expect(api.previous.rule).toBe("calendar");
  const expected = Math.round(api.range.changeShare * 1000) / 10;

  await page.goto("/?range=last-month");
  const overview = page.getByTestId("range-change");
  await expect(overview).toHaveText(/%/);
  expect(percent(await overview.innerText())).toBeCloseTo(expected, 1);
  await expect(page.getByTestId("kpis-range")).toContainText(api.previous.label);

  await page.goto(`/reports?month=${m.month}`);
  const report = page.getByTestId("report-change-share");
  await expect(report).toHaveText(/%/);
  expect(percent(await report.innerText())).toBeCloseTo(expected, 1);
  await expect(page.getByTestId("monthly-report")).toContainText(api.previous.label);
});

test("the date range and team filter follow the user through the sidebar", async ({ page }) => {
  await page.goto("/?range=7d&team=support");
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue("support");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workloads" }).click();
  await expect(page).toHaveURL(/\/workloads\?range=7d&team=support/);
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue("support");
  await expect(page.getByLabel("Date range preset")).toHaveValue("7d");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await expect(page).toHaveURL(/\/models\?range=7d&team=support/);
  // Reports pick a month, not a range: their link carries nothing.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" })).toHaveAttribute("href", "/reports");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a deep link survives sign-in", async ({ page }) => {
    await page.goto("/workloads?range=7d&team=support");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/workloads\?range=7d&team=support$/);
  });
});

const PAGES = ["/", "/teams", "/teams/support", "/workloads", "/models", "/whatif", "/budgets", "/reports", "/ingestion", "/settings", "/rollouts", "/dimensions", "/runs", "/unit-costs"];

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

for (const path of PAGES) {
  test(`axe finds no serious or critical accessibility problem on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("a skip link leads past the sidebar", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

// Dark mode follows the system setting (prefers-color-scheme): the same pages, the dark token set, no contrast
// problem either.
test.describe("dark colour scheme", () => {
  test.use({ colorScheme: "dark" });
  for (const path of PAGES) {
    test(`axe finds no serious or critical accessibility problem in dark mode on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await page.waitForLoadState("networkidle");
      // --bg of the dark set (#0e1218): the page really is dark, not the light set under a dark system.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(14, 18, 24)");
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
