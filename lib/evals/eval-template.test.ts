import { describe, expect, it } from "vitest";
import { evalTemplateCsv } from "./eval-template";
import { parseEvalCsv } from "./eval-csv";

describe("the eval CSV template", () => {
  it("has every column the importer reads, and imports as it stands", () => {
    const text = evalTemplateCsv();
    expect(text.split("\r\n")[0]).toBe("eval_set,task_id,model,passed,score,cost_usd,input_tokens,output_tokens,judge_flagged");
    const rows = parseEvalCsv(text);
    // t-001 passes on both models; t-002 has no `passed` but score 0.3 < 0.5: a fail, flagged by the judge.
    expect(rows.map((r) => [r.evalSet, r.taskId, r.model, r.passed, r.judgeFlagged])).toEqual([
      ["support-evals", "t-001", "gpt-5-mini", true, false],
      ["support-evals", "t-001", "gpt-5", true, false],
      ["support-evals", "t-002", "gpt-5-mini", false, true],
    ]);
    // 0.0012 USD = 1,200,000 nano-dollars
    expect(rows[0].costNanos).toBe(1_200_000n);
  });
});
