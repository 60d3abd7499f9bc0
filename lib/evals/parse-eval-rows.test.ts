import { describe, expect, it } from "vitest";
import { EvalImportError, parseEvalRows } from "./parse-eval-rows";

function importError(f: () => unknown): EvalImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof EvalImportError) return e;
    throw e;
  }
  throw new Error("expected an EvalImportError");
}

describe("parseEvalRows", () => {
  it("accepts passed as true/false, 1/0, yes/no (strings, numbers or booleans)", () => {
    const rows = ["true", "FALSE", "1", "0", "yes", "No", true, 0].map((passed, i) => ({
      eval_set: "s", task_id: `t${i}`, model: "m", passed,
    }));
    expect(parseEvalRows(rows).map((r) => r.passed)).toEqual([true, false, true, false, true, false, true, false]);
  });

  it("derives passed from score with the default 0.5 threshold or a given one, and keeps the score", () => {
    const rows = [0.49, 0.5, "0.9"].map((score, i) => ({ eval_set: "s", task_id: `t${i}`, model: "m", score }));
    expect(parseEvalRows(rows).map((r) => [r.passed, r.score])).toEqual([[false, 0.49], [true, 0.5], [true, 0.9]]);
    expect(parseEvalRows(rows, { threshold: 0.8 }).map((r) => r.passed)).toEqual([false, false, true]);
    // An explicit passed wins over the score.
    expect(parseEvalRows([{ eval_set: "s", task_id: "t", model: "m", passed: "no", score: 0.9 }])[0].passed).toBe(false);
  });

  it("takes the eval set from the caller and matches column names loosely (camelCase JSON)", () => {
    const [row] = parseEvalRows(
      [{ taskId: 7, Model: "gpt-5", Passed: "yes", costUsd: "0.0123", inputTokens: 120, "Output Tokens": "45.0" }],
      { evalSet: "support-golden" },
    );
    expect(row).toEqual({
      evalSet: "support-golden", taskId: "7", model: "gpt-5", passed: true, score: null,
      costNanos: 12_300_000n, inputTokens: 120, outputTokens: 45, judgeFlagged: null,
    });
  });

  it("reads the optional judge column (the escalation detector's verdict) and names a bad value", () => {
    const rows = parseEvalRows([
      { eval_set: "s", task_id: "a", model: "m", passed: "true", judge_flagged: "yes" },
      { eval_set: "s", task_id: "b", model: "m", passed: "false", "Judge Flagged": "0" },
      { eval_set: "s", task_id: "c", model: "m", passed: "false", judge_flagged: "" },
    ]);
    expect(rows.map((r) => r.judgeFlagged)).toEqual([true, false, null]);
    const e = importError(() => parseEvalRows([{ eval_set: "s", task_id: "a", model: "m", passed: 1, judge_flagged: "maybe" }]));
    expect(e.issues).toEqual([{ row: 1, line: null, field: "judge_flagged", message: 'expected true/false, 1/0 or yes/no, got "maybe"' }]);
  });

  it("converts costs exactly, including exponent notation", () => {
    const rows = ["0.000001", "1.5e-05", 2].map((cost_usd, i) => ({ eval_set: "s", task_id: `t${i}`, model: "m", passed: 1, cost_usd }));
    expect(parseEvalRows(rows).map((r) => r.costNanos)).toEqual([1000n, 15_000n, 2_000_000_000n]);
  });

  it("names every missing required column", () => {
    const e = importError(() => parseEvalRows([{ task: "1", modell: "x" }]));
    expect(e.missingColumns).toEqual(["eval_set", "task_id", "model", "passed (or score)"]);
    expect(e.message).toMatch(/missing required columns: eval_set, task_id, model, passed \(or score\) \(found: task, modell\)/);
    expect(importError(() => parseEvalRows([{ task_id: "1", model: "x", passed: 1 }])).missingColumns).toEqual(["eval_set"]);
  });

  it("names the line and field of each bad value", () => {
    const rows = [
      { eval_set: "s", task_id: "a", model: "m", passed: "maybe" },
      { eval_set: "s", task_id: "b", model: "m", score: "1.2" },
      { eval_set: "s", task_id: "", model: "m", passed: "1" },
      { eval_set: "s", task_id: "d", model: "m", passed: "1", input_tokens: "-3", cost_usd: "ten" },
      { eval_set: "s", task_id: "e", model: "m", passed: "", score: "" },
    ];
    const e = importError(() => parseEvalRows(rows, { lines: [2, 3, 4, 5, 6] }));
    expect(e.issues.map((p) => [p.line, p.field])).toEqual([
      [2, "passed"], [3, "score"], [4, "task_id"], [5, "cost_usd"], [5, "input_tokens"], [6, "passed"],
    ]);
    expect(e.message).toMatch(/^6 problems in eval results: line 2, passed: expected true\/false, 1\/0 or yes\/no, got "maybe"; line 3, score: expected a number from 0 to 1/);
  });

  it("locates problems by row when no lines are given", () => {
    const e = importError(() => parseEvalRows([{ eval_set: "s", task_id: "a", model: "m", passed: 1, output_tokens: 1.5 }]));
    expect(e.issues[0]).toMatchObject({ row: 1, line: null, field: "output_tokens" });
    expect(e.message).toMatch(/row 1, output_tokens: expected a whole number of tokens, got 1.5/);
  });

  it("rejects duplicate task/model pairs and rows naming another eval set than the caller's", () => {
    const dup = importError(() =>
      parseEvalRows([
        { eval_set: "s", task_id: "a", model: "m", passed: 1 },
        { eval_set: "s", task_id: "a", model: "m", passed: 0 },
      ], { lines: [2, 3] }),
    );
    expect(dup.message).toMatch(/line 3, task_id: task "a" for model "m" appears twice \(first on line 2\)/);
    const other = importError(() => parseEvalRows([{ eval_set: "x", task_id: "a", model: "m", passed: 1 }], { evalSet: "s" }));
    expect(other.issues[0].field).toBe("eval_set");
  });

  it("returns nothing for no rows and checks the threshold", () => {
    expect(parseEvalRows([])).toEqual([]);
    expect(() => parseEvalRows([], { threshold: 2 })).toThrow(RangeError);
  });
});
