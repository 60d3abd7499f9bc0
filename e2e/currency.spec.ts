import { test, expect } from "./test";
import { pdfText } from "../lib/reports/testing/pdf-text";
import { inCurrency } from "../lib/reports/pdf/in-currency";

/**
 * The reporting currency on the pages (issue 12.3): a budget set in EUR (spend converted at each day's rate), and
 * the explorer's spend in EUR with the currency named. The currency goes back to USD afterwards (specs share the
 * server). Screenshots (1280 wide) go to SCREENSHOT_DIR when set.
 */
const shots = process.env.SCREENSHOT_DIR;

test("budgets and the explorer in the reporting currency", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const rates = await page.request.post("/api/v1/exchange-rates", {
    data: { rates: [{ day: "2026-01-01", currency: "EUR", unitsPerUsd: "0.92" }, { day: "2026-11-01", currency: "EUR", unitsPerUsd: "0.95" }] },
  });
  expect(rates.status()).toBe(201);
  expect((await page.request.put("/api/v1/currency", { data: { reportingCurrency: "EUR" } })).status()).toBe(200);
  try {
    await page.goto("/budgets");
    await page.getByRole("button", { name: "New budget" }).first().click();
    const form = page.getByRole("form", { name: "New budget" });
    // A new budget defaults to the reporting currency.
    await expect(form.getByLabel("Currency")).toHaveValue("EUR");
    await form.locator("label", { hasText: /^Scope/ }).locator("select").selectOption("org");
    await form.locator("label", { hasText: /^Period/ }).locator("select").selectOption("quarter");
    await form.getByLabel("Amount (EUR)").fill("250000");
    await form.getByRole("button", { name: "Create budget" }).click();
    const card = page.getByRole("article", { name: "Organisation" }).filter({ hasText: "Q4 2026" });
    await expect(card).toContainText("in EUR, each day at its exchange rate");
    await expect(card).toContainText("of €250,000.00");
    await expect(card.getByTestId("burn-down-chart").locator("svg.recharts-surface")).toBeVisible();
    if (shots) await card.screenshot({ path: `${shots}/budget-eur.png` });

    await page.goto("/");
    const spend = page.getByTestId("kpi-range-spend");
    await expect(spend).toContainText("€");
    await expect(spend).toContainText("EUR, each day at its rate");
    await expect(page.getByTestId("top-teams")).toContainText("in EUR");
    // What stays USD (what-if prices) says so on an EUR page, never a bare "$".
    await expect(page.getByTestId("over-specified-list").locator(".wi-at-stake")).toHaveText(/^\$[\d,.]+ USD a month at stake$/);
    if (shots) await page.screenshot({ path: `${shots}/overview-eur.png`, fullPage: true });

    // The month's pace and the daily chart in EUR too.
    await expect(page.getByTestId("kpi-mtd")).toContainText("€");
    await expect(page.getByTestId("kpi-runrate")).toContainText("€");
    await expect(page.getByTestId("spend-chart").first()).toHaveAttribute("data-currency", "EUR");
    // The change waterfall in EUR (its parts sum exactly to the change, each day at its rate).
    await expect(page.getByTestId("change-card").locator(".change-explanation")).toHaveAttribute("data-currency", "EUR");
    await expect(page.getByTestId("change-card").getByTestId("waterfall-chart")).toContainText("€");
    if (shots) await page.screenshot({ path: `${shots}/overview-eur-pace.png`, fullPage: true });

    await page.goto("/teams");
    await expect(page.getByRole("columnheader", { name: "Spend (EUR)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Chargeback" })).toContainText("€");
    if (shots) await page.screenshot({ path: `${shots}/teams-eur.png`, fullPage: true });

    // The monthly report: totals, tables, waterfall and chargeback in EUR, the rate rule said; the JSON keeps *Usd.
    await page.goto("/reports");
    const report = page.getByTestId("monthly-report");
    await expect(report).toBeVisible();
    await expect(page.getByTestId("report-total")).toContainText("€");
    await expect(page.getByTestId("report-currency")).toContainText("last EUR exchange rate on or before that day");
    await expect(report.getByRole("region", { name: "Spend by team" }).getByRole("columnheader", { name: "Spend (EUR)" })).toBeVisible();
    await expect(page.getByTestId("report-change").getByRole("heading", { name: "Why spend changed (EUR)" })).toBeVisible();
    await expect(page.getByTestId("report-change").locator(".change-explanation")).toContainText("€");
    await expect(report.getByRole("region", { name: "Chargeback" })).toContainText("€");
    if (shots) await page.screenshot({ path: `${shots}/report-eur.png`, fullPage: true });
    const pdfHref = (await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href"))!;
    const month = /month=(\d{4}-\d{2})/.exec(pdfHref)![1];
    const json = await (await page.request.get(`/api/v1/reports/monthly?month=${month}`)).json();
    expect(json.currency).toBe("EUR");
    expect(json.totals.costUsd).toMatch(/^\d+\.\d+$/);
    expect(json.totals.cost).toMatch(/^\d+\.\d+$/);
    const pdf = pdfText(await (await page.request.get(pdfHref)).body());
    // The PDF's total is the JSON's EUR total, in the PDF's format ("1,234.50 EUR").
    expect(pdf).toContain(inCurrency(json.totals.cost, "EUR"));
    expect(pdf).toContain("last EUR exchange rate on or before that day");
  } finally {
    await page.request.put("/api/v1/currency", { data: { reportingCurrency: "USD" } });
    const budgets = (await (await page.request.get("/api/v1/budgets")).json()).budgets as { id: number; currency: string }[];
    for (const b of budgets.filter((x) => x.currency === "EUR")) await page.request.delete(`/api/v1/budgets/${b.id}`);
  }
});
