import { describe, expect, it } from "vitest";
import { describeInterval, wilsonInterval } from "./wilson";

describe("wilsonInterval (95%)", () => {
  it("matches hand-computed bounds", () => {
    // 95/100, z = 1.96, z^2 = 3.8416: denom = 1 + 3.8416/100 = 1.038416;
    // centre = (0.95 + 3.8416/200) / 1.038416 = 0.969208 / 1.038416 = 0.933351;
    // half = 1.96 x sqrt(0.95 x 0.05 / 100 + 3.8416 / 40000) / 1.038416 = 1.96 x sqrt(0.00057104) / 1.038416
    //      = 1.96 x 0.0238964 / 1.038416 = 0.045104  ->  [0.888247, 0.978455]
    const i = wilsonInterval(95, 100);
    expect(i.rate).toBe(0.95);
    expect(i.low).toBeCloseTo(0.88825, 4);
    expect(i.high).toBeCloseTo(0.97846, 4);
    expect(describeInterval(i)).toBe("95.0% (95% CI 88.8%–97.8%, 100 tasks)");
  });

  it("stays inside [0, 1] at the edges and narrows with more tasks", () => {
    // 10/10: centre = (1 + 0.19208) / 1.38416 = 0.861245, half = 1.96 x sqrt(0 + 3.8416/400) / 1.38416
    //      = 0.19208 / 1.38416 = 0.138770 -> low 0.722475, high 1 (exactly 1 in exact arithmetic)
    const all = wilsonInterval(10, 10);
    expect(all.low).toBeCloseTo(0.7225, 3);
    expect(all.high).toBeCloseTo(1, 9);
    expect(wilsonInterval(0, 10).low).toBe(0);
    // 0 tasks: nothing known
    expect(wilsonInterval(0, 0)).toEqual({ passes: 0, tasks: 0, rate: 0, low: 0, high: 1 });
    // 950/1000: centre = (0.95 + 0.0019208) / 1.0038416 = 0.948278; half = 1.96 x sqrt(0.0000475 + 0.00000096) / 1.0038416
    //          = 1.96 x 0.0069613 / 1.0038416 = 0.013592 -> low 0.934686, far above 95/100's 0.888
    expect(wilsonInterval(950, 1000).low).toBeCloseTo(0.9347, 3);
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/0 <= passes <= tasks/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(/whole numbers/);
  });
});
