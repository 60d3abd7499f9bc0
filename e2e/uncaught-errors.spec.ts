import { test } from "./test";

// The suite's own guard (e2e/test.ts): an error thrown in a page fails the test that opened it, even when every
// assertion passed. Marked as expected to fail: it passes only while the guard works.
test("an uncaught error in the page fails the test", async ({ page }) => {
  test.fail();
  await page.goto("/signin");
  const thrown = page.waitForEvent("pageerror");
  await page.evaluate(() => setTimeout(() => { throw new Error("thrown by the page"); }, 0));
  await thrown;
});
