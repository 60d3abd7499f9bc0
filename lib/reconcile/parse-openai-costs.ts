import { usdToNanos } from "@/lib/money";
import type { ParsedJson } from "./json-lines";
import { lineKey, type BillLineInput, type BillProblems } from "./bill-line";

/**
 * OpenAI Costs API export (GET /v1/organization/costs): pages {object: "page", data: [bucket]}, each bucket
 * {object: "bucket", start_time, end_time (unix seconds), results: [{object: "organization.costs.result",
 * amount: {value, currency}, line_item, project_id}]}. line_item (with group_by=line_item) reads like
 * "gpt-4o-2024-08-06, input"; other items ("web search tool calls", storage, ...) are not model tokens.
 */
export function parseOpenAiBuckets(buckets: { value: unknown; path: string }[], json: ParsedJson, problems: BillProblems): BillLineInput[] {
  const out: BillLineInput[] = [];
  for (const { value: bucket, path } of buckets) {
    const b = bucket as Record<string, unknown>;
    const at = (key: string) => json.lineOf(b, key);
    if (typeof b.start_time !== "number" || !Number.isInteger(b.start_time)) {
      problems.add(at("start_time"), `${path}.start_time`, `must be a unix time in seconds, got ${show(b.start_time)}`);
      continue;
    }
    if (!Array.isArray(b.results)) {
      problems.add(at("results"), `${path}.results`, "must be a list of cost results");
      continue;
    }
    const startTime = b.start_time;
    const day = new Date(startTime * 1000).toISOString().slice(0, 10);
    b.results.forEach((result, j) => {
      const r = result as Record<string, unknown>;
      const rPath = `${path}.results[${j}]`;
      const line = json.lineOf(b.results, j);
      if (r === null || typeof r !== "object") return problems.add(line, rPath, "must be an object");
      const amount = r.amount as Record<string, unknown> | undefined;
      if (!amount || typeof amount !== "object") return problems.add(json.lineOf(r, "amount"), `${rPath}.amount`, "missing: expected {value, currency}");
      const currency = typeof amount.currency === "string" ? amount.currency.toLowerCase() : "usd";
      if (currency !== "usd") return problems.add(json.lineOf(amount, "currency"), `${rPath}.amount.currency`, `only USD bills can be reconciled, got ${show(amount.currency)}`);
      const nanos = amountNanos(amount.value);
      if (nanos === null) return problems.add(json.lineOf(amount, "value"), `${rPath}.amount.value`, `must be a number of dollars, got ${show(amount.value)}`);
      const lineItem = optionalString(r.line_item);
      const project = optionalString(r.project_id);
      if (lineItem === undefined) return problems.add(json.lineOf(r, "line_item"), `${rPath}.line_item`, `must be a string or null, got ${show(r.line_item)}`);
      if (project === undefined) return problems.add(json.lineOf(r, "project_id"), `${rPath}.project_id`, `must be a string or null, got ${show(r.project_id)}`);
      const item = splitLineItem(lineItem);
      out.push({
        provider: "openai",
        day,
        amountNanos: nanos,
        model: item.model,
        lineItem,
        accountRef: project,
        tokenType: item.tokenType,
        nonToken: lineItem !== null && item.model === null,
        lineKey: lineKey("openai", [startTime, lineItem, project]),
        sourceLine: line,
      });
    });
  }
  return out;
}

/** "gpt-4o-2024-08-06, input" -> model + token type; anything else is not a model's token line. */
export function splitLineItem(item: string | null): { model: string | null; tokenType: string | null } {
  if (!item) return { model: null, tokenType: null };
  const m = /^(.+?),\s*(.+)$/.exec(item);
  if (!m || /\s/.test(m[1].trim())) return { model: null, tokenType: null };
  return { model: m[1].trim(), tokenType: m[2].trim() };
}

function amountNanos(value: unknown): bigint | null {
  if (typeof value === "number" && Number.isFinite(value)) return usdToNanos(value);
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return usdToNanos(value);
  return null;
}

function optionalString(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v : undefined;
}

export function show(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? "nothing" : text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
