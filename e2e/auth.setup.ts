import { test as setup, expect } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures";

// Signs in once as the admin and saves the session for the other tests (dub's pattern).
setup("sign in as admin", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.context().storageState({ path: "test-results/.auth/admin.json" });
});
