import { test, expect, type Page } from "./test";
import { readFile } from "node:fs/promises";
import { E2E_LEAD } from "./fixtures";

// The spend explorer over the seeded demo workspace (e2e/serve.ts: 60k calls over 60 days), signed in as admin.

async function waitForChart(page: Page) {
  await expect(page.getByTestId("spend-chart").locator(".spend-bar").first()).toBeVisible();
}

test("the overview shows KPIs, a stacked chart and the top spenders from the demo data", async ({ page }) => {
  await page.goto("/?range=30d");
  await expect(page.getByTestId("kpi-mtd").locator(".value")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId("kpi-runrate").locator(".value")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId("kpi-coverage").locator(".value")).toHaveText(/^\d+\.\d%$/);
  await expect(page.getByTestId("kpi-frontier")).toContainText("of calls");
  await expect(page.getByTestId("kpi-cost-per-1k").locator(".value")).toHaveText(/^\$/);
  await expect(page.getByTestId("kpi-cached").locator(".value")).toHaveText(/%$/);
  await waitForChart(page);
  await expect(page.getByTestId("top-teams").getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("top-workloads")).toContainText("Unattributed");
  await expect(page.getByTestId("top-models").getByRole("row")).toHaveCount(6);
});

test("filters land in the URL and survive a reload", async ({ page }) => {
  await page.goto("/");
  await waitForChart(page);
  await page.getByLabel("Date range preset").selectOption("30d");
  await expect(page).toHaveURL(/range=30d/);
  await page.getByRole("combobox", { name: "Team" }).selectOption("support");
  await expect(page).toHaveURL(/team=support/);
  await page.getByRole("group", { name: "Stack by" }).getByRole("button", { name: "Tier" }).click();
  await expect(page).toHaveURL(/stack=tier/);
  await waitForChart(page);
  await expect(page.getByTestId("spend-chart")).toContainText("frontier");

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue("support");
  await expect(page.getByLabel("Date range preset")).toHaveValue("30d");
  await expect(page.getByRole("group", { name: "Stack by" }).getByRole("button", { name: "Tier" })).toHaveAttribute("aria-pressed", "true");

  await page.getByLabel("Date range preset").selectOption("custom");
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d|to=\d{4}-\d\d-\d\d.*from=/);
});

test("a table sorts, keeps its sort in the URL and downloads as CSV", async ({ page }) => {
  await page.goto("/teams?range=30d");
  const table = page.getByTestId("table-teams");
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await table.getByRole("button", { name: "Calls", exact: true }).click();
  await expect(page).toHaveURL(/teams\.sort=calls%3Adesc|teams\.sort=calls:desc/);

  const downloading = page.waitForEvent("download");
  await table.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^teams-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toBe("Team slug,Team,Spend (USD),Previous period spend (USD),Share,Calls,Cost per 1k calls (USD),Frontier spend share,Workloads,Top model");
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.some((r) => r.startsWith("support,"))).toBe(true);
  expect(rows.some((r) => r.startsWith("unattributed,"))).toBe(true);
  // Sorted by calls, as on screen.
  const calls = rows.map((r) => Number(r.split(",")[5]));
  expect(calls).toEqual([...calls].sort((a, b) => b - a));
});

test("a team page and a workload page show their trend, unit costs and tokens per call", async ({ page }) => {
  await page.goto("/teams?range=30d");
  await page.getByTestId("table-teams").getByRole("link", { name: "Customer Support" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer Support" })).toBeVisible();
  await expect(page).toHaveURL(/\/teams\/support\?range=30d/);
  await waitForChart(page);
  await page.getByTestId("table-workloads").getByRole("link", { name: "Ticket triage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ticket triage" })).toBeVisible();
  await expect(page.getByTestId("kpi-cost-per-call").locator(".value")).toHaveText(/^\$0?\.?\d/);
  await expect(page.getByTestId("kpi-team-share").locator(".value")).toHaveText(/%$/);
  await expect(page.getByTestId("input-size-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("tokens-card")).toContainText("Output");
});

test("the models page groups by provider and tier", async ({ page }) => {
  await page.goto("/models?range=30d");
  await expect(page.getByTestId("provider-tier-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByRole("group", { name: "Group by" }).getByRole("button", { name: "Provider" }).click();
  await expect(page).toHaveURL(/by=provider/);
  await expect(page.getByTestId("table-models").getByRole("button", { name: "openai" })).toBeVisible();
});

test("an admin previews an attribution rule before saving it", async ({ page }) => {
  await page.goto("/settings?tab=rules");
  await expect(page.getByTestId("unattributed-traffic")).toContainText("jupyterhub");
  await page.getByTestId("unattributed-traffic").getByRole("row", { name: /jupyterhub/ }).first().getByRole("button", { name: "Create rule" }).click();
  const editor = page.getByTestId("rule-editor");
  await expect(editor.getByLabel("OTel service.name")).toHaveValue("jupyterhub");
  await editor.getByLabel("Team").selectOption({ label: "Data Science" });
  await editor.getByRole("button", { name: "Preview impact" }).click();
  await expect(page.getByTestId("rule-preview")).toContainText(/Saving moves [\d,]+ calls/);
  await expect(page.getByTestId("rule-preview")).toContainText("Data Science");
  await editor.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("rule-editor")).toHaveCount(0);
});

test.describe("as a lead", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees only their team, and another team's page says so", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E_LEAD.email);
    await page.getByLabel("Password").fill(E2E_LEAD.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.goto("/teams?range=30d");
    const rows = page.getByTestId("table-teams").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator("td").first()).toHaveText("Customer Support");
    await page.goto("/teams/search");
    await expect(page.getByTestId("not-visible")).toContainText("You don't have access to this team");
  });
});
