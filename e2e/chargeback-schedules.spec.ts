import { test, expect } from "./test";
import { writeFileSync } from "node:fs";
import { closedPortUrl, startReceiver } from "../lib/alerts/testing/webhook-receiver";

/**
 * Finance month end: allocation rules spread shared and unattributed spend, the Teams page and the Reports page
 * show direct / allocated / total, a team statement downloads as a one-page PDF, and report schedules send to a
 * webhook (the e2e server has no SMTP_URL, so the email channel says how to enable it). Screenshots go to
 * SCREENSHOT_DIR when set.
 */
const shots = process.env.SCREENSHOT_DIR;
const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

test("chargeback, team statements and report schedules", async ({ page }) => {
  test.setTimeout(180_000);
  for (const rule of [
    { name: "Unattributed gateway traffic", source: { unattributed: true }, method: "proportional" },
    { name: "Shared on-call SRE agent", source: { workload: "sre-agent" }, method: "even" },
    { name: "Coding assistant seats", source: { workload: "code-assistant" }, method: "fixed", percentages: { platform: "40", "data-science": "30", search: "30" } },
  ]) expect((await page.request.post("/api/v1/allocation-rules", { data: rule })).status()).toBe(201);

  const month = lastMonth();
  await page.goto(`/reports?month=${month}&tab=statements`);
  const statements = page.getByTestId("statements");
  await expect(statements.getByRole("row", { name: /Search/ })).toContainText("$");
  if (shots) await page.screenshot({ path: `${shots}/statements-tab.png`, fullPage: true });
  const href = await statements.getByRole("row", { name: /Search/ }).getByRole("link", { name: "Statement PDF" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  if (shots) writeFileSync(`${shots}/statement-search.pdf`, await pdf.body());

  await page.goto(`/reports?month=${month}`);
  const chargeback = page.getByRole("region", { name: "Chargeback" });
  await expect(chargeback).toContainText("Total charged");
  await expect(chargeback).toContainText("Coding assistant seats");
  if (shots) await chargeback.screenshot({ path: `${shots}/report-chargeback.png` });

  const ok = await startReceiver();
  const down = await closedPortUrl();
  try {
    for (const s of [
      { name: "Month-end report to finance", kind: "monthly_report", dayOfMonth: 3, attachment: "focus", emails: ["finops@example.com", "cfo@example.com"], webhooks: [{ url: ok.url, format: "slack" }] },
      { name: "Support weekly digest", kind: "weekly_digest", weekday: 1, team: "support", toTeamLeads: true, webhooks: [{ url: down, format: "json" }] },
    ]) expect((await page.request.post("/api/v1/report-schedules", { data: s })).status()).toBe(201);
    await page.goto("/reports?tab=schedules");
    await expect(page.getByTestId("smtp-off")).toContainText("SMTP_URL");
    const monthly = page.getByRole("region", { name: "Schedule Month-end report to finance" });
    await monthly.getByRole("button", { name: "Send now" }).click();
    await expect(monthly.getByText("delivered", { exact: true })).toBeVisible();
    const weekly = page.getByRole("region", { name: "Schedule Support weekly digest" });
    await weekly.getByRole("button", { name: "Send now" }).click();
    await expect(weekly.getByText("retrying", { exact: true })).toBeVisible();
    expect(ok.requests).toHaveLength(1);
    if (shots) await page.screenshot({ path: `${shots}/schedules-tab.png`, fullPage: true });
    await page.getByRole("button", { name: "New schedule" }).click();
    await expect(page.getByRole("form", { name: "New report schedule" })).toBeVisible();
    if (shots) await page.getByRole("form", { name: "New report schedule" }).screenshot({ path: `${shots}/schedule-form.png` });
  } finally {
    await ok.close();
  }

  await page.goto("/teams");
  const teams = page.getByRole("region", { name: "Chargeback" });
  await expect(teams).toContainText("Allocated");
  if (shots) await teams.screenshot({ path: `${shots}/teams-chargeback.png` });
});
