import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3107";
const email = process.env.EMAIL ?? "admin@bench.test";
const password = process.env.PASSWORD ?? "benchpass123";
const out = process.env.OUT ?? "/tmp/wi-shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, timezoneId: "UTC", locale: "en-US" });
page.setDefaultTimeout(120_000);
await page.goto(`${base}/signin`);
await page.getByLabel("Email").fill(email);
await page.getByLabel("Password").fill(password);
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.getByRole("navigation", { name: "Main" }).waitFor();
const steps = (process.env.STEPS ?? "scenario").split(",");
for (const step of steps) {
  const [name, url] = step.split("=");
  const t = Date.now();
  await page.goto(`${base}/whatif${url ? decodeURIComponent(url) : ""}`);
  if (name.startsWith("8020")) {
    await page.getByTestId("preset-8020").click();
    await page.getByTestId("whatif-result").waitFor();
  } else if (name.startsWith("wa")) {
    await page.getByTestId("preset-worker-advisor").click();
    await page.getByTestId("whatif-result").waitFor();
  } else if (name.startsWith("recs")) {
    await page.getByTestId("recommendations-table").waitFor();
  } else {
    await page.waitForTimeout(3000);
  }
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(name, Date.now() - t, "ms");
}
await browser.close();
