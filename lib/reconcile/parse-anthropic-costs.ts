import type { ParsedJson } from "./json-lines";
import { lineKey, type BillLineInput, type BillProblems } from "./bill-line";
import { show } from "./parse-openai-costs";

/**
 * Anthropic cost report (GET /v1/organizations/cost_report): pages {data: [bucket], has_more, next_page}, each
 * bucket {starting_at, ending_at (RFC 3339), results: [{amount, currency, cost_type, description, model,
 * service_tier, token_type, workspace_id, context_window, ...}]}. `amount` is a decimal string in the currency's
 * lowest unit: "123.45" USD is $1.2345. cost_type "web_search" / "code_execution" are not model tokens.
 */
export function parseAnthropicBuckets(buckets: { value: unknown; path: string }[], json: ParsedJson, problems: BillProblems): BillLineInput[] {
  const out: BillLineInput[] = [];
  for (const { value: bucket, path } of buckets) {
    const b = bucket as Record<string, unknown>;
    const start = typeof b.starting_at === "string" ? Date.parse(b.starting_at) : NaN;
    if (Number.isNaN(start)) {
      problems.add(json.lineOf(b, "starting_at"), `${path}.starting_at`, `must be an RFC 3339 time such as "2026-10-01T00:00:00Z", got ${show(b.starting_at)}`);
      continue;
    }
    if (!Array.isArray(b.results)) {
      problems.add(json.lineOf(b, "results"), `${path}.results`, "must be a list of cost items");
      continue;
    }
    const day = new Date(start).toISOString().slice(0, 10);
    b.results.forEach((result, j) => {
      const r = result as Record<string, unknown>;
      const rPath = `${path}.results[${j}]`;
      const line = json.lineOf(b.results, j);
      if (r === null || typeof r !== "object") return problems.add(line, rPath, "must be an object");
      if (typeof r.amount !== "string" || !/^-?\d+(\.\d+)?$/.test(r.amount.trim())) {
        return problems.add(json.lineOf(r, "amount"), `${rPath}.amount`, `must be a decimal string of cents such as "123.45", got ${show(r.amount)}`);
      }
      const currency = typeof r.currency === "string" ? r.currency.toUpperCase() : "USD";
      if (currency !== "USD") return problems.add(json.lineOf(r, "currency"), `${rPath}.currency`, `only USD bills can be reconciled, got ${show(r.currency)}`);
      const fields = ["model", "token_type", "workspace_id", "description", "cost_type", "service_tier", "context_window", "inference_geo"] as const;
      for (const f of fields) {
        if (r[f] !== undefined && r[f] !== null && typeof r[f] !== "string") return problems.add(json.lineOf(r, f), `${rPath}.${f}`, `must be a string or null, got ${show(r[f])}`);
      }
      const s = (f: (typeof fields)[number]) => (typeof r[f] === "string" ? (r[f] as string) : null);
      const costType = s("cost_type");
      out.push({
        provider: "anthropic",
        day,
        amountNanos: centsToNanos(r.amount.trim()),
        model: s("model"),
        lineItem: s("description") ?? costType,
        accountRef: s("workspace_id"),
        tokenType: s("token_type"),
        nonToken: costType !== null && costType !== "tokens",
        lineKey: lineKey("anthropic", [b.starting_at as string, ...fields.map(s)]),
        sourceLine: line,
      });
    });
  }
  return out;
}

/** "123.45" cents -> 1_234_500_000 nano-dollars, exact (1 cent = 10^7 nano-dollars). */
export function centsToNanos(cents: string): bigint {
  const negative = cents.startsWith("-");
  const [whole, frac = ""] = cents.replace(/^-/, "").split(".");
  const padded = (frac + "0000000").slice(0, 7);
  let nanos = BigInt(whole || "0") * 10_000_000n + BigInt(padded);
  if (frac.length > 7 && Number(frac[7]) >= 5) nanos += 1n;
  return negative ? -nanos : nanos;
}
