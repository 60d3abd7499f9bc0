import { test, expect, type Page, type Request } from "./test";

// Issue 16, item 9: every action that waits on the server says so. Each test holds the action's request with
// page.route, asserts the pending state while it is held (so a button that looks idle fails the test), then lets
// the request through and asserts the result arrives.

/** Holds requests matching `match` until release(); `arrived` resolves when the first one is caught. */
async function hold(page: Page, match: (req: Request) => boolean) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let caught!: () => void;
  const arrived = new Promise<void>((r) => (caught = r));
  await page.route("**/api/v1/**", async (route) => {
    if (!match(route.request())) return route.fallback();
    caught();
    await gate;
    await route.continue();
  });
  return { arrived, release };
}

const is = (method: string, path: string | RegExp) => (req: Request) => {
  const url = new URL(req.url());
  return req.method() === method && (typeof path === "string" ? url.pathname === path : path.test(url.pathname + url.search));
};

test("a What-if run shows Running… and a loading panel until its answer arrives", async ({ page }) => {
  await page.goto("/whatif");
  const held = await hold(page, is("POST", "/api/v1/whatif"));
  await page.getByTestId("preset-worker-advisor").click();
  await held.arrived;

  const run = page.getByTestId("run-scenario");
  await expect(run).toBeDisabled();
  await expect(run).toHaveAttribute("aria-busy", "true");
  await expect(run).toHaveText("Running…");
  await expect(page.getByTestId("whatif-running")).toContainText("Re-pricing the window");
  await expect(page.getByTestId("whatif-result")).toHaveCount(0);

  held.release();
  await expect(page.getByTestId("whatif-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("whatif-running")).toHaveCount(0);
  await expect(run).toHaveText("Run scenario");
  await expect(run).toHaveAttribute("aria-busy", "false");
});

test("saving a budget shows Saving… in the dialog until the server answers", async ({ page }) => {
  // A yearly workload budget no other spec uses; created once, then edited on each run.
  const created = await page.request.post("/api/v1/budgets", { data: { scope: { workload: "math-tutor" }, period: "year", amountUsd: "5000" } });
  expect([201, 409]).toContain(created.status());
  const list = (await (await page.request.get("/api/v1/budgets")).json()).budgets as { label: string; period: string; scope: { workload?: string } }[];
  const budget = list.find((b) => b.period === "year" && b.scope.workload === "math-tutor")!;

  await page.goto("/budgets");
  const card = page.getByRole("article", { name: budget.label }).first();
  await card.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${budget.label}` });
  const amount = 1000 + Math.floor(Math.random() * 8000);
  await dialog.getByLabel("Amount (USD)").fill(String(amount));

  const held = await hold(page, is("PATCH", /^\/api\/v1\/budgets\/\d+$/));
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await held.arrived;
  const saving = dialog.getByRole("button", { name: "Saving…" });
  await expect(saving).toBeDisabled();
  await expect(saving).toHaveAttribute("aria-busy", "true");
  await expect(dialog).toBeVisible();

  held.release();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("article", { name: budget.label }).filter({ hasText: `$${amount.toLocaleString("en-US")}.00` })).toBeVisible();
});

test("creating an API key shows Creating… until the key is shown", async ({ page }) => {
  await page.goto("/settings?tab=keys");
  await page.getByLabel("Name").fill(`pending-${Date.now()}`);
  await page.getByRole("checkbox", { name: "read" }).check();
  const held = await hold(page, is("POST", "/api/v1/keys"));
  await page.getByRole("button", { name: "Create key" }).click();
  await held.arrived;

  const creating = page.getByRole("button", { name: "Creating…" });
  await expect(creating).toBeDisabled();
  await expect(creating).toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  held.release();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toBeEnabled();
});

test("saving the reporting currency shows Saving… until it is saved", async ({ page }) => {
  await page.goto("/settings?tab=currency");
  await page.getByLabel("Reporting currency code").fill("USD");
  const held = await hold(page, is("PUT", "/api/v1/currency"));
  await page.getByRole("button", { name: "Use this currency" }).click();
  await held.arrived;

  const saving = page.getByRole("button", { name: "Saving…" });
  await expect(saving).toBeDisabled();
  await expect(saving).toHaveAttribute("aria-busy", "true");

  held.release();
  await expect(page.getByText("Reports and FOCUS exports are now in USD.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Use this currency" })).toBeVisible();
});

test("a report download says Preparing… until the file is handed over", async ({ page }) => {
  await page.goto("/reports");
  await expect(page.getByTestId("monthly-report")).toBeVisible();
  const held = await hold(page, is("GET", /^\/api\/v1\/reports\/monthly\?.*format=csv/));
  const csv = page.getByRole("link", { name: "CSV", exact: true });
  const href = await csv.getAttribute("href");
  await csv.click();
  await held.arrived;

  const preparing = page.locator(`a[href="${href}"]`);
  await expect(preparing).toHaveAttribute("aria-busy", "true");
  await expect(preparing).toHaveText("Preparing…");

  const download = page.waitForEvent("download");
  held.release();
  expect((await download).suggestedFilename()).toMatch(/^rightsize-\d{4}-\d{2}\.csv$/);
  await expect(page.getByRole("link", { name: "CSV", exact: true })).toHaveAttribute("aria-busy", "false");
});
