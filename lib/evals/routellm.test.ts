import { mkdtempSync, readFileSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRouteLlmEvalSets, routeLlmDir, routeLlmRows } from "./routellm";
import { ROUTELLM_GSM8K, ROUTELLM_MMLU_LAW, ROUTELLM_STRONG_MODEL, ROUTELLM_WEAK_MODEL } from "./routellm-sets";

const dir = routeLlmDir();

/** Pass rates as printed in the data's README table ("| file | prompts | 85.7% | 63.8% |"), read independently. */
function readmeRates(): Map<string, { prompts: number; strong: number; weak: number }> {
  const rates = new Map<string, { prompts: number; strong: number; weak: number }>();
  for (const line of readFileSync(path.join(dir, "README.md"), "utf8").split("\n")) {
    const m = /^\|\s*(\S+\.csv)\s*\|\s*(\d+)\s*\|\s*([\d.]+)%\s*\|\s*([\d.]+)%\s*\|/.exec(line);
    if (m) rates.set(m[1], { prompts: Number(m[2]), strong: Number(m[3]), weak: Number(m[4]) });
  }
  return rates;
}

describe("routeLlmDir", () => {
  it("is the repository's own data/routellm folder, with the licence and notice beside the CSVs", () => {
    expect(dir).toBe(path.join(process.cwd(), "data", "routellm"));
    expect(readFileSync(path.join(dir, "LICENSE"), "utf8")).toContain("Apache License");
    expect(readFileSync(path.join(dir, "NOTICE"), "utf8")).toContain("https://github.com/lm-sys/RouteLLM");
  });
});

describe("RouteLLM eval sets (real data)", () => {
  const { sets, skipped } = loadRouteLlmEvalSets();
  const readme = readmeRates();

  it("loads both sets", () => {
    expect(skipped).toEqual([]);
    expect(sets.map((s) => s.info.name)).toEqual([ROUTELLM_GSM8K.name, ROUTELLM_MMLU_LAW.name]);
  });

  it("reproduces the README's prompt counts and pass rates for both models", () => {
    const expected: Record<string, [number, number, number]> = {
      [ROUTELLM_GSM8K.file]: [1319, 85.7, 63.8],
      [ROUTELLM_MMLU_LAW.file]: [1534, 70.1, 50.6],
    };
    for (const set of sets) {
      const fromReadme = readme.get(set.info.file)!;
      expect([fromReadme.prompts, fromReadme.strong, fromReadme.weak]).toEqual(expected[set.info.file]);
      const rate = (model: string) => {
        const rows = set.rows.filter((r) => r.model === model);
        expect(rows.length).toBe(fromReadme.prompts);
        return Math.round((1000 * rows.filter((r) => r.passed).length) / rows.length) / 10;
      };
      expect(rate(ROUTELLM_STRONG_MODEL)).toBe(fromReadme.strong);
      expect(rate(ROUTELLM_WEAK_MODEL)).toBe(fromReadme.weak);
    }
  });

  it("pairs both models on every task id, with estimated token counts", () => {
    for (const set of sets) {
      const byTask = new Map<string, string[]>();
      for (const r of set.rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r.model]);
      for (const models of byTask.values()) expect(models.sort()).toEqual([ROUTELLM_STRONG_MODEL, ROUTELLM_WEAK_MODEL].sort());
      for (const r of set.rows) expect(r.inputTokens).toBeGreaterThan(0);
    }
    const gsm8k = sets[0].rows;
    expect(gsm8k[0].taskId).toBe("gsm8k-0001");
    expect(gsm8k.every((r) => r.outputTokens !== null && r.outputTokens > 0)).toBe(true);
    // GPT-4's worked answers are longer than Mixtral's (README data: ~420 vs ~300 characters on average).
    const meanOut = (m: string) => {
      const rs = gsm8k.filter((r) => r.model === m);
      return rs.reduce((s, r) => s + r.outputTokens!, 0) / rs.length;
    };
    expect(meanOut(ROUTELLM_STRONG_MODEL)).toBeGreaterThan(meanOut(ROUTELLM_WEAK_MODEL));
    expect(sets[1].rows.every((r) => r.outputTokens === null)).toBe(true);
  });
});

describe("RouteLLM loading without the data", () => {
  it("returns no sets and says why when the folder is absent", () => {
    const missing = path.join(tmpdir(), "no-such-routellm-folder");
    expect(loadRouteLlmEvalSets(missing)).toEqual({
      sets: [],
      skipped: [`RouteLLM eval sets not loaded: folder ${missing} not found`],
    });
  });

  it("loads what is there and names what is not", () => {
    const partial = mkdtempSync(path.join(tmpdir(), "routellm-"));
    try {
      copyFileSync(path.join(dir, ROUTELLM_MMLU_LAW.file), path.join(partial, ROUTELLM_MMLU_LAW.file));
      const result = loadRouteLlmEvalSets(partial);
      expect(result.sets.map((s) => s.info.name)).toEqual([ROUTELLM_MMLU_LAW.name]);
      expect(result.skipped).toEqual([`RouteLLM eval set ${ROUTELLM_GSM8K.name} not loaded: ${path.join(partial, ROUTELLM_GSM8K.file)} not found`]);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });

  it("rejects a file with another layout, naming the file and what is wrong", () => {
    expect(() => routeLlmRows(ROUTELLM_MMLU_LAW, "prompt,gpt-4-1106-preview\nq,True\n")).toThrow(
      /mmlu_professional_law.csv: missing column\(s\) mistralai\/Mixtral-8x7B-Instruct-v0.1/,
    );
    const header = `prompt,${ROUTELLM_WEAK_MODEL},${ROUTELLM_STRONG_MODEL}\n`;
    expect(() => routeLlmRows(ROUTELLM_MMLU_LAW, `${header}q,True,maybe\n`)).toThrow(/line 2, column gpt-4-1106-preview: expected True or False/);
  });
});
