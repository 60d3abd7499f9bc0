import { describe, expect, it } from "vitest";
import { signedUsd, waterfallSteps } from "./waterfall-steps";

describe("waterfallSteps", () => {
  it("floats each part from the running total; a fall hangs below it", () => {
    // 0.25 -> +0.125 volume -> -0.1875 price -> 0.1875.
    const steps = waterfallSteps(
      { baseUsd: "0.25", currentUsd: "0.1875", changeUsd: "-0.0625", parts: { volumeUsd: "0.125", mixUsd: "0", tokensUsd: "0", cacheUsd: "0", priceUsd: "-0.1875" } },
      { base: "Oct", current: "Nov" },
    );
    expect(steps.map((s) => [s.name, s.kind, s.offset, s.height])).toEqual([
      ["Oct", "total", 0, 0.25],
      ["Volume (calls)", "up", 0.25, 0.125],
      ["Model mix", "zero", 0.375, 0],
      ["Tokens per call", "zero", 0.375, 0],
      ["Cache share", "zero", 0.375, 0],
      ["Unit prices", "down", 0.1875, 0.1875],
      ["Nov", "total", 0, 0.1875],
    ]);
    expect(steps.map(signedUsd)).toEqual(["$0.25", "+$0.13", "$0.00", "$0.00", "$0.00", "-$0.19", "$0.19"]);
  });
});
