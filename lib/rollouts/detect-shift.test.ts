import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/forecast/utc-days";
import { detectMixShifts, shiftNote, type WorkloadModelDay } from "./detect-shift";

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const rows = (workloadId: number, from: string, n: number, model: string, calls: number): WorkloadModelDay[] =>
  days(from, n).map((day) => ({ workloadId, day, model, calls }));

describe("detectMixShifts", () => {
  it("finds the day most calls moved, the model they left and the shares", () => {
    // 20 days of 100 calls on gpt-5 (Oct 1-20), then from Oct 21 90 calls on nano and 10 on gpt-5 for 5 days.
    // Before Oct 21 (Oct 7-20): nano 0%. Oct 21-23: 270 of 300 = 90% on nano: shift 0.9 > 0.5 on the day and over 3 days.
    const data = [...rows(1, "2026-10-01", 20, "openai/gpt-5", 100), ...rows(1, "2026-10-21", 5, "openai/gpt-5-nano", 90), ...rows(1, "2026-10-21", 5, "openai/gpt-5", 10)];
    expect(detectMixShifts(data)).toEqual([{ workloadId: 1, day: "2026-10-21", from: "openai/gpt-5", to: "openai/gpt-5-nano", shareBefore: 0, shareAfter: 0.9 }]);
  });

  it("ignores a one-day experiment, a shift under 50 points, and a shift not yet confirmed for 3 days", () => {
    const base = rows(2, "2026-10-01", 20, "openai/gpt-5", 100);
    // one day on nano, then back: the 3-day share is 100/300 = 33% < 50%.
    const oneDay = [...base, ...rows(2, "2026-10-21", 1, "openai/gpt-5-nano", 100), ...rows(2, "2026-10-22", 2, "openai/gpt-5", 100)];
    expect(detectMixShifts(oneDay)).toEqual([]);
    // 40% moved: 40 nano + 60 gpt-5 a day.
    const partial = [...base, ...rows(2, "2026-10-21", 5, "openai/gpt-5-nano", 40), ...rows(2, "2026-10-21", 5, "openai/gpt-5", 60)];
    expect(detectMixShifts(partial)).toEqual([]);
    // moved on Oct 21 but the data ends Oct 22: only 2 of the 3 confirming days.
    const early = [...base, ...rows(2, "2026-10-21", 2, "openai/gpt-5-nano", 100)];
    expect(detectMixShifts(early)).toEqual([]);
  });

  it("ignores a low-volume workload whose 50/50 mix flips by chance", () => {
    // 2 calls a day, one on each model, for 14 days (28 calls); then 3 days with 1 call each, all on gpt-5.1: share
    // 100% vs 50% before, +50 points. With a 40-point threshold only the volume rule (3 calls < 10) holds it back.
    const noisy = [...rows(3, "2026-10-01", 14, "openai/gpt-5.1", 1), ...rows(3, "2026-10-01", 14, "anthropic/claude-opus-4-5", 1), ...rows(3, "2026-10-15", 3, "openai/gpt-5.1", 1)];
    expect(detectMixShifts(noisy, { minShift: 0.4 })).toEqual([]);
    expect(detectMixShifts(noisy, { minShift: 0.4, minAfterCalls: 3 })).toHaveLength(1);
  });

  it("writes the proposal in words", () => {
    expect(shiftNote("Ticket triage", { from: "openai/gpt-5", to: "openai/gpt-5-nano", day: "2026-11-12" })).toBe(
      "Ticket triage moved from gpt-5 to gpt-5-nano on Nov 12: link to a scenario?",
    );
  });
});
