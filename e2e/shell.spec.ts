import { test, expect } from "./test";
import { E2E_ADMIN } from "./fixtures";

test("every section of the navigation opens", async ({ page }) => {
  await page.goto("/");
  for (const label of ["Teams", "Workloads", "Models", "What-if", "Budgets", "Reports", "Ingestion", "Settings", "Overview"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page redirects to sign-in and a wrong password gets a generic message", async ({ page }) => {
    await page.goto("/workloads");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("Invalid email or password");
  });

  test("the API answers 401 JSON without a session or key", async ({ request }) => {
    const response = await request.get("/api/v1/spend?groupBy=team");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });
});
