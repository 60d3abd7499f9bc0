/**
 * Validates eval results (one row per task x model) from a CSV or a JSON array, into rows ready for EvalResult.
 *
 * Columns (header case, spaces, _ and - are ignored, so task_id, taskId and "Task ID" are the same column):
 *   eval_set (or given by the caller), task_id, model, and passed (true/false, 1/0, yes/no) or score (0..1);
 *   optional cost_usd, input_tokens, output_tokens, and judge_flagged (true/false: the escalation detector, e.g. a
 *   judge model, flagged this answer; escalation replay measures the detector's recall and false escalations from
 *   it). Other columns are ignored.
 * When there is no `passed` value, passed = score >= threshold (0.5 unless the caller gives another).
 * All-or-nothing: an import with problems imports nothing, and the error lists every problem (up to a limit) so a
 * user can fix the file in one go.
 */
import { usdToNanos } from "@/lib/money";
import { EVAL_COLUMNS, type EvalColumn } from "./eval-columns";

export interface EvalRow {
  evalSet: string;
  taskId: string;
  model: string;
  passed: boolean;
  score: number | null;
  costNanos: bigint | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** judge_flagged column; null when absent or blank. */
  judgeFlagged?: boolean | null;
}

export interface ParseEvalOptions {
  /** Eval set for rows without an eval_set value. A row naming a different set is an error. */
  evalSet?: string;
  /** Score at or above which a task counts as passed when no `passed` value is given. Default 0.5. */
  threshold?: number;
  /** Source line of each row (CSV); without it, problems are located as "row N" (1-based). */
  lines?: readonly number[];
}

export interface EvalRowIssue {
  /** 1-based position in the rows given. */
  row: number;
  /** Source line when known (CSV). */
  line: number | null;
  field: string | null;
  message: string;
}

export class EvalImportError extends Error {
  constructor(
    message: string,
    readonly issues: EvalRowIssue[],
    readonly missingColumns: string[] = [],
  ) {
    super(message);
    this.name = "EvalImportError";
  }
}

export const DEFAULT_PASS_THRESHOLD = 0.5;
/** More problems than this and the file is probably the wrong file: stop collecting. */
const MAX_ISSUES = 50;
const MAX_TEXT = 500;
const MAX_INT32 = 2_147_483_647;

type Column = EvalColumn;
const COLUMNS: readonly Column[] = EVAL_COLUMNS.map((c) => c.name);
const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_KEY = new Map(COLUMNS.map((c) => [normalise(c), c]));

const TRUE = new Set(["true", "1", "yes", "y", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "f"]);

/** Returns the validated rows, or throws EvalImportError naming missing columns or each bad line and field. */
export function parseEvalRows(rows: readonly Record<string, unknown>[], options: ParseEvalOptions = {}): EvalRow[] {
  const threshold = options.threshold ?? DEFAULT_PASS_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be between 0 and 1, got ${threshold}`);
  const defaultSet = options.evalSet?.trim() || null;

  // Columns are what any row has (JSON objects may omit keys; CSV rows all have the header's).
  const seen = new Set<Column>();
  const found: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      const column = BY_KEY.get(normalise(key));
      if (column) seen.add(column);
      if (found.length < 30 && !found.includes(key)) found.push(key);
    }
  }
  if (rows.length === 0) return [];
  const missing: string[] = [];
  if (!seen.has("eval_set") && !defaultSet) missing.push("eval_set");
  if (!seen.has("task_id")) missing.push("task_id");
  if (!seen.has("model")) missing.push("model");
  if (!seen.has("passed") && !seen.has("score")) missing.push("passed (or score)");
  if (missing.length > 0) {
    throw new EvalImportError(
      `missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (found: ${found.join(", ") || "none"})`,
      [],
      missing,
    );
  }

  const issues: EvalRowIssue[] = [];
  const out: EvalRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let i = 0; i < rows.length && issues.length < MAX_ISSUES; i++) {
    const line = options.lines?.[i] ?? null;
    const values = columnValues(rows[i]);
    const problem = (field: Column | null, message: string) => issues.push({ row: i + 1, line, field, message });
    const before = issues.length;

    const evalSet = text(values.eval_set) ?? defaultSet;
    if (!evalSet) problem("eval_set", "is empty");
    else if (evalSet.length > MAX_TEXT) problem("eval_set", `is longer than ${MAX_TEXT} characters`);
    else if (defaultSet && evalSet !== defaultSet) problem("eval_set", `"${evalSet}" differs from the eval set being imported ("${defaultSet}")`);
    const taskId = text(values.task_id);
    if (!taskId) problem("task_id", "is empty");
    else if (taskId.length > MAX_TEXT) problem("task_id", `is longer than ${MAX_TEXT} characters`);
    const model = text(values.model);
    if (!model) problem("model", "is empty");
    else if (model.length > MAX_TEXT) problem("model", `is longer than ${MAX_TEXT} characters`);

    const score = parseScore(values.score, (m) => problem("score", m));
    let passed = parsePassed(values.passed, (m) => problem("passed", m));
    if (passed === null && score !== null) passed = score >= threshold;
    if (passed === null && isBlank(values.passed) && isBlank(values.score)) problem(seen.has("passed") ? "passed" : "score", "is empty: give passed or score");

    const costNanos = parseCost(values.cost_usd, (m) => problem("cost_usd", m));
    const inputTokens = parseTokens(values.input_tokens, (m) => problem("input_tokens", m));
    const outputTokens = parseTokens(values.output_tokens, (m) => problem("output_tokens", m));
    const judgeFlagged = parsePassed(values.judge_flagged, (m) => problem("judge_flagged", m));

    if (issues.length > before) continue;
    const key = JSON.stringify([evalSet, taskId, model]);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const where = options.lines ? `line ${options.lines[first]}` : `row ${first + 1}`;
      problem("task_id", `task "${taskId}" for model "${model}" appears twice (first on ${where})`);
      continue;
    }
    firstRowOf.set(key, i);
    out.push({ evalSet: evalSet!, taskId: taskId!, model: model!, passed: passed!, score, costNanos, inputTokens, outputTokens, judgeFlagged });
  }

  if (issues.length > 0) {
    const where = (p: EvalRowIssue) => `${p.line !== null ? `line ${p.line}` : `row ${p.row}`}${p.field ? `, ${p.field}` : ""}: ${p.message}`;
    const more = issues.length >= MAX_ISSUES ? " (stopped after this many)" : "";
    throw new EvalImportError(
      `${issues.length} problem${issues.length > 1 ? "s" : ""} in eval results${more}: ${issues.slice(0, 5).map(where).join("; ")}${issues.length > 5 ? "; ..." : ""}`,
      issues,
    );
  }
  return out;
}

function columnValues(row: Record<string, unknown>): Partial<Record<Column, unknown>> {
  const values: Partial<Record<Column, unknown>> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = BY_KEY.get(normalise(key));
    if (column && values[column] === undefined) values[column] = value;
  }
  return values;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function text(v: unknown): string | null {
  if (isBlank(v)) return null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

const shown = (v: unknown) => JSON.stringify(typeof v === "string" && v.length > 40 ? `${v.slice(0, 40)}...` : v);

function parsePassed(v: unknown, fail: (m: string) => void): boolean | null {
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  fail(`expected true/false, 1/0 or yes/no, got ${shown(v)}`);
  return null;
}

function parseNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "") return Number(v.trim());
  return Number.NaN;
}

function parseScore(v: unknown, fail: (m: string) => void): number | null {
  if (isBlank(v)) return null;
  const n = parseNumber(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    fail(`expected a number from 0 to 1, got ${shown(v)}`);
    return null;
  }
  return n;
}

function parseCost(v: unknown, fail: (m: string) => void): bigint | null {
  if (isBlank(v)) return null;
  const n = parseNumber(v);
  if (!Number.isFinite(n) || n < 0) {
    fail(`expected a non-negative amount in USD, got ${shown(v)}`);
    return null;
  }
  // Exact decimal strings go straight to nanos; numbers and exponent forms (pandas writes 1.5e-05) via the float.
  try {
    return usdToNanos(typeof v === "string" && /^\s*\d*\.?\d*\s*$/.test(v) ? v : n);
  } catch {
    fail(`expected a non-negative amount in USD, got ${shown(v)}`);
    return null;
  }
}

function parseTokens(v: unknown, fail: (m: string) => void): number | null {
  if (isBlank(v)) return null;
  const n = parseNumber(v); // "123.0" is fine: pandas writes integer columns with gaps as floats
  if (!Number.isInteger(n) || n < 0 || n > MAX_INT32) {
    fail(`expected a whole number of tokens, got ${shown(v)}`);
    return null;
  }
  return n;
}
