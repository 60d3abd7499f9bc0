import { test, expect } from "./test";

test("a budget created on the Budgets page shows its status and burn-down chart", async ({ page }) => {
  await page.goto("/budgets");
  await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
  await page.getByRole("button", { name: "New budget" }).first().click();
  const form = page.getByRole("form", { name: "New budget" });
  await form.getByLabel("Team", { exact: true }).selectOption({ label: "Legal" });
  await form.getByLabel("Amount (USD)").fill("0");
  await form.getByRole("button", { name: "Create budget" }).click();
  await expect(form.getByRole("alert")).toContainText("amount: must be greater than zero");

  await form.getByLabel("Amount (USD)").fill("5000");
  await form.getByLabel("Alert at (% of the amount)").fill("50, 80, 100");
  await form.getByRole("button", { name: "Create budget" }).click();

  const card = page.getByRole("article", { name: "Team Legal" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("budget-status")).toHaveText(/On track|At risk|Over budget/);
  await expect(card.getByText("Spent", { exact: true })).toBeVisible();
  await expect(card.getByTestId("burn-down-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(card.getByTestId("burn-down-chart").locator(".recharts-line")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Alert history" })).toBeVisible();
});

test("the overview cards' data: budgets and anomalies answer for the signed-in user", async ({ request }) => {
  const budgets = await request.get("/api/v1/budgets");
  expect(budgets.status()).toBe(200);
  expect(Array.isArray((await budgets.json()).budgets)).toBe(true);
  expect((await request.get("/api/v1/anomalies")).status()).toBe(200);
});
