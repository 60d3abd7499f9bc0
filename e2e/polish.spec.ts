import { test, expect } from "./test";

// Issue 16, item 10: budgets edit in a dialog that takes focus; API keys are copied in one click and revoked only
// after a confirmation.

test("Edit on a lower budget card opens a focused dialog with amounts suggested from recent spend", async ({ page }) => {
  // Three quarterly team budgets, so the last card sits below the fold at 900 px.
  for (const team of ["marketing", "finance-ops", "data-science"]) {
    const res = await page.request.post("/api/v1/budgets", { data: { scope: { team }, period: "quarter", amountUsd: "900" } });
    expect([201, 409]).toContain(res.status());
  }
  await page.goto("/budgets");
  const card = page.getByRole("article", { name: "Team Data Science" });
  const edit = card.getByRole("button", { name: "Edit" });
  await edit.scrollIntoViewIfNeeded();
  await edit.click();

  const dialog = page.getByRole("dialog", { name: "Edit Team Data Science" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport();
  const amount = dialog.getByLabel("Amount (USD)");
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue("900");

  // A suggestion fills the amount with the figure its button shows.
  const suggestion = dialog.getByRole("group", { name: "Suggested amounts from recent spend" }).getByRole("button", { name: /3-month average/ });
  await expect(suggestion).toBeVisible();
  const shown = (await suggestion.locator("b").innerText()).replace(/[$,]/g, "");
  await suggestion.click();
  await expect(amount).toHaveValue(String(Number(shown)));

  // Escape closes without saving and gives focus back to the Edit button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(card).toContainText("$900.00");
});

test("a new API key has a Copy button, and revoking asks first", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings?tab=keys");
  const name = `copy-revoke-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: "read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").innerText();
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke the key "${name}"?` });
  await expect(confirm).toBeVisible();
  // Cancel keeps the key working.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole("button", { name: "Revoke" })).toBeVisible();
  const stillWorks = await page.request.get("/api/v1/teams", { headers: { authorization: `Bearer ${key}` } });
  expect(stillWorks.status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("revoked");
  const refused = await page.request.get("/api/v1/teams", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});
