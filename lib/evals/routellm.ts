/**
 * RouteLLM benchmark responses (data/routellm in the repository, see its README and NOTICE) as eval rows: real per-task evidence of how
 * a frontier model (gpt-4-1106-preview) and a cheap open model (Mixtral-8x7B) do on the same prompts.
 *
 * File layout: one row per prompt; column `prompt`; one column per model holding True/False (answered correctly);
 * gsm8k also has `<model>_response` text columns. Each CSV row becomes one eval row per model, task id
 * "<prefix>-<row number>" (e.g. gsm8k-0001), the same for both models so results pair up per task.
 * Token counts are estimates (token-estimate.ts): input from the prompt text, output from the response text where
 * the file has it (gsm8k), otherwise null (MMLU answers are one letter; the file does not keep them).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CsvSyntaxError, parseCsv } from "./csv";
import type { EvalRow } from "./parse-eval-rows";
import { ROUTELLM_MODELS, ROUTELLM_SETS, type RouteLlmSetInfo } from "./routellm-sets";
import { routeLlmDir } from "./routellm-dir";
import { estimateTokens } from "./token-estimate";

export interface RouteLlmEvalSet {
  info: RouteLlmSetInfo;
  rows: EvalRow[];
}

export interface RouteLlmLoadResult {
  sets: RouteLlmEvalSet[];
  /** What was not loaded and why, in words for a log line (empty when everything loaded). */
  skipped: string[];
}

export { routeLlmDir };

/** Converts one RouteLLM CSV's text. Throws (naming the file and line) when its layout is not the expected one. */
export function routeLlmRows(info: RouteLlmSetInfo, csvText: string): EvalRow[] {
  let table;
  try {
    table = parseCsv(csvText);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new Error(`${info.file}: ${e.message}`);
    throw e;
  }
  const { header, records } = table;
  const col = (name: string) => header.indexOf(name);
  const needed = ["prompt", ...ROUTELLM_MODELS, ...(info.hasResponses ? ROUTELLM_MODELS.map((m) => `${m}_response`) : [])];
  const absent = needed.filter((c) => col(c) < 0);
  if (absent.length > 0) throw new Error(`${info.file}: missing column(s) ${absent.join(", ")}`);

  const promptCol = col("prompt");
  const digits = Math.max(4, String(records.length).length);
  const rows: EvalRow[] = [];
  records.forEach((record, i) => {
    if (record.values.length !== header.length) {
      throw new Error(`${info.file}: line ${record.line} has ${record.values.length} fields, expected ${header.length}`);
    }
    const taskId = `${info.taskPrefix}-${String(i + 1).padStart(digits, "0")}`;
    const inputTokens = estimateTokens(record.values[promptCol]);
    for (const model of ROUTELLM_MODELS) {
      const verdict = record.values[col(model)].trim();
      if (verdict !== "True" && verdict !== "False") {
        throw new Error(`${info.file}: line ${record.line}, column ${model}: expected True or False, got "${verdict}"`);
      }
      rows.push({
        evalSet: info.name,
        taskId,
        model,
        passed: verdict === "True",
        score: null,
        costNanos: null,
        inputTokens,
        outputTokens: info.hasResponses ? estimateTokens(record.values[col(`${model}_response`)]) : null,
      });
    }
  });
  return rows;
}

/** One set from `dir`; null when its file is not there. */
export function loadRouteLlmEvalSet(info: RouteLlmSetInfo, dir: string = routeLlmDir()): RouteLlmEvalSet | null {
  const file = path.join(dir, info.file);
  if (!existsSync(file)) return null;
  return { info, rows: routeLlmRows(info, readFileSync(file, "utf8")) };
}

/**
 * All RouteLLM sets found in `dir`. A missing folder or file is not an error (a packaged copy may leave the data
 * out): the set is left out and `skipped` says so, for the caller to print.
 */
export function loadRouteLlmEvalSets(dir: string = routeLlmDir()): RouteLlmLoadResult {
  if (!existsSync(dir)) {
    return { sets: [], skipped: [`RouteLLM eval sets not loaded: folder ${dir} not found`] };
  }
  const sets: RouteLlmEvalSet[] = [];
  const skipped: string[] = [];
  for (const info of ROUTELLM_SETS) {
    const set = loadRouteLlmEvalSet(info, dir);
    if (set) sets.push(set);
    else skipped.push(`RouteLLM eval set ${info.name} not loaded: ${path.join(dir, info.file)} not found`);
  }
  return { sets, skipped };
}
