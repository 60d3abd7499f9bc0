import { test, expect } from "./test";
import { writeFileSync } from "node:fs";

// "Why spend changed": the waterfall on the overview, a team, a workload and the monthly report; anomalies say why.
// Screenshots go to test-results/ (and SCREENSHOT_DIR when set) so a person can look at them as finance would.
const shots = process.env.SCREENSHOT_DIR ?? "test-results";

test("the overview explains last month's change as a waterfall whose parts add up", async ({ page }) => {
  await page.goto("/?range=last-month");
  const card = page.getByTestId("change-card");
  await expect(card.getByTestId("waterfall-chart")).toBeVisible();
  await expect(card.locator(".change-explanation")).toHaveText(/^[+-]\$[\d,]+\.\d{2}: /);
  // Seven bars: the two months and the five parts, labelled on the axis.
  for (const label of ["Volume (calls)", "Model mix", "Tokens per call", "Cache share", "Unit prices"]) await expect(card.getByText(label, { exact: true })).toBeVisible();
  await card.screenshot({ path: `${shots}/change-overview.png` });
});

test("team and workload pages have their own waterfall", async ({ page }) => {
  await page.goto("/teams/search?range=last-month");
  const team = page.getByTestId("change-card");
  await expect(team.getByTestId("waterfall-chart")).toBeVisible();
  await team.screenshot({ path: `${shots}/change-team.png` });
  await page.goto("/workloads?range=last-month");
  await page.locator("table.data tbody a").first().click();
  const workload = page.getByTestId("change-card");
  await expect(workload.getByTestId("waterfall-chart")).toBeVisible();
  await workload.screenshot({ path: `${shots}/change-workload.png` });
});

test("the monthly report shows the waterfall and the change per team; the PDF has it too", async ({ page }) => {
  await page.goto("/reports");
  const section = page.getByTestId("report-change");
  await expect(section.getByTestId("waterfall-chart")).toBeVisible();
  await expect(section.locator("table.data tbody tr").first()).toBeVisible();
  await section.screenshot({ path: `${shots}/change-report.png` });
  const pdfHref = await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  writeFileSync(`${shots}/change-report.pdf`, await pdf.body());
});

test("an admin enters an exchange rate and reports the month in EUR", async ({ page }) => {
  await page.goto("/settings?tab=currency");
  await page.getByLabel("From day").fill("2020-01-01");
  await page.getByLabel("Currency", { exact: true }).fill("EUR");
  await page.getByLabel("Units per USD").fill("0.9");
  await page.getByRole("button", { name: "Enter a rate" }).click();
  await expect(page.getByRole("status")).toContainText("Saved 1 EUR = 0.9 per USD from 2020-01-01");
  await page.getByLabel("Reporting currency code").fill("EUR");
  await page.getByRole("button", { name: "Use this currency" }).click();
  await expect(page.getByTestId("reporting-currency")).toHaveText("EUR");
  await page.screenshot({ path: `${shots}/currency-settings.png` });
  await page.goto("/reports");
  await expect(page.getByTestId("report-currency")).toContainText("EUR");
  await page.getByTestId("report-currency").screenshot({ path: `${shots}/currency-report.png` });
  // Back to USD, so other specs see the default.
  await page.request.put("/api/v1/currency", { data: { reportingCurrency: "USD" } });
});
