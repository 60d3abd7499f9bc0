import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./safe-callback";

// Issue 10 item 8: callbackUrl accepts only same-origin paths.
describe("safeCallbackPath", () => {
  it.each(["/", "/budgets", "/teams/search?from=2026-10-01#top", "/settings?tab=keys"])("keeps the path %s", (path) => expect(safeCallbackPath(path)).toBe(path));

  it.each(["//evil.example", "//evil.example/path", "/\\evil.example", "/\\/evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "/\tevil", "", null])(
    "refuses %s",
    (value) => expect(safeCallbackPath(value)).toBe("/"),
  );
});

describe("safeRedirect (next-auth)", () => {
  const base = "http://localhost:3000";
  it("keeps same-origin targets and refuses others", () => {
    expect(safeRedirect("/budgets", base)).toBe("http://localhost:3000/budgets");
    expect(safeRedirect("http://localhost:3000/whatif", base)).toBe("http://localhost:3000/whatif");
    expect(safeRedirect("https://evil.example/x", base)).toBe("http://localhost:3000/");
    expect(safeRedirect("//evil.example", base)).toBe("http://localhost:3000/");
    expect(safeRedirect("/\\evil.example", base)).toBe("http://localhost:3000/");
  });
});
