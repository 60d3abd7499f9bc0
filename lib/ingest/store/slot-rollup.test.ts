import { describe, expect, it } from "vitest";
import { startOfSlot } from "./slot-rollup";

describe("startOfSlot", () => {
  it("is the start of the 15-minute slot, in UTC whatever offset the instant was written with", () => {
    expect(startOfSlot("2026-11-02T09:41:00.000Z")).toBe("2026-11-02T09:30:00.000Z");
    expect(startOfSlot("2026-11-02T09:30:00.000Z")).toBe("2026-11-02T09:30:00.000Z");
    expect(startOfSlot("2026-11-02T09:29:59.999Z")).toBe("2026-11-02T09:15:00.000Z");
    // India is UTC+05:30: 15:11 there is 09:41 UTC.
    expect(startOfSlot("2026-11-02T15:11:00+05:30")).toBe("2026-11-02T09:30:00.000Z");
  });
});
