import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, failing any test during which a page threw an uncaught error: a React hydration mismatch
 * (error 418) re-renders the page and can swallow the user's first click, so it must not pass unnoticed.
 */
export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on("weberror", (e) => errors.push(`${e.page()?.url() ?? "?"}: ${e.error().message}`));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, Page, Request } from "@playwright/test";
