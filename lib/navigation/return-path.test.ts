import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a same-origin path with its query", () => {
    expect(safeReturnPath("/workloads?range=7d&team=support")).toBe("/workloads?range=7d&team=support");
  });
  it("refuses anything a browser could follow to another host", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/a\\b", "/\tx", "", null, undefined]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});
