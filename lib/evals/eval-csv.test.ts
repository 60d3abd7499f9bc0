import { describe, expect, it } from "vitest";
import { parseEvalCsv } from "./eval-csv";
import { EvalImportError } from "./parse-eval-rows";

describe("parseEvalCsv", () => {
  it("parses a CSV file into eval rows", () => {
    const rows = parseEvalCsv("task_id,model,passed,cost_usd\n1,gpt-5,true,0.01\n1,gpt-5-mini,false,0.002\n", { evalSet: "golden" });
    expect(rows.map((r) => [r.evalSet, r.taskId, r.model, r.passed, r.costNanos])).toEqual([
      ["golden", "1", "gpt-5", true, 10_000_000n],
      ["golden", "1", "gpt-5-mini", false, 2_000_000n],
    ]);
  });

  it("reports file lines, counting newlines inside quoted fields", () => {
    const text = 'eval_set,task_id,model,passed,notes\ns,1,m,yes,"two\nlines"\ns,2,m,perhaps,\n';
    try {
      parseEvalCsv(text);
      throw new Error("should fail");
    } catch (e) {
      expect(e).toBeInstanceOf(EvalImportError);
      expect((e as EvalImportError).issues[0]).toMatchObject({ line: 4, field: "passed" });
    }
  });

  it("reports lines with the wrong number of fields and CSV syntax errors", () => {
    expect(() => parseEvalCsv("eval_set,task_id,model,passed\ns,1,m,yes\ns,2,a, b,yes\n")).toThrow(/malformed line\(s\): line 3/);
    expect(() => parseEvalCsv('eval_set,task_id,model,passed\ns,"1,m,yes\n')).toThrow(/not valid CSV: line 2/);
  });
});
