import { badRequest } from "@/lib/errors";
import { JsonSyntaxError, parseJsonWithLines, type ParsedJson } from "./json-lines";
import { BillProblems, type BillLineInput, type BillProvider } from "./bill-line";
import { parseOpenAiBuckets } from "./parse-openai-costs";
import { parseAnthropicBuckets } from "./parse-anthropic-costs";

/**
 * A bill file -> normalised bill lines. Accepts what the providers' APIs return: one page, a list of pages, pages
 * one after another (NDJSON), or a bare list of buckets. The provider is recognised from the buckets (OpenAI's
 * start_time, Anthropic's starting_at) or given. Any problem rejects the whole file, naming each bad line, so a
 * half-imported bill never reconciles wrongly.
 */
export function parseBillFile(text: string, provider?: BillProvider): { provider: BillProvider; lines: BillLineInput[] } {
  let json: ParsedJson;
  try {
    json = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw badRequest(`The bill file is not valid JSON: ${error.message}`, [{ line: error.line, path: "", message: error.message }]);
    throw error;
  }
  const problems = new BillProblems();
  const buckets = collectBuckets(json, problems);
  const kinds = new Set(buckets.map((b) => kindOf(b.value)));
  let detected: BillProvider | null = provider ?? null;
  for (const b of buckets) {
    const kind = kindOf(b.value);
    if (kind === null) problems.add(json.lineOf(b.value), b.path, "not a cost bucket: expected start_time (OpenAI) or starting_at (Anthropic) and results");
    else if (detected === null) detected = kind;
    else if (kind !== detected) problems.add(json.lineOf(b.value), b.path, `this is ${label(kind)} bucket, but the file is ${label(detected)} bill`);
  }
  if (buckets.length === 0 && !problems.any) problems.add(1, "", "no cost buckets found: expected a page {\"data\": [...]} from the provider's costs API");
  if (!detected && kinds.size === 0 && !problems.any) problems.add(1, "", "could not tell the provider; pass provider=openai or provider=anthropic");
  const lines = detected === "openai" ? parseOpenAiBuckets(buckets, json, problems) : detected === "anthropic" ? parseAnthropicBuckets(buckets, json, problems) : [];
  if (problems.any) {
    const shown = problems.list.slice(0, 3).map((p) => `line ${p.line}: ${p.path ? `${p.path} ` : ""}${p.message}`);
    const more = problems.list.length > 3 ? ` (and ${problems.list.length - 3} more)` : "";
    throw badRequest(`The bill file was rejected, nothing was imported. ${shown.join("; ")}${more}`, problems.list);
  }
  return { provider: detected!, lines };
}

function label(p: BillProvider): string {
  return p === "openai" ? "an OpenAI" : "an Anthropic";
}

function kindOf(bucket: unknown): BillProvider | null {
  if (!bucket || typeof bucket !== "object") return null;
  const b = bucket as Record<string, unknown>;
  if ("start_time" in b) return "openai";
  if ("starting_at" in b) return "anthropic";
  return null;
}

/** Every bucket in the file with its path (data[3], [1].data[0], ...). */
function collectBuckets(json: ParsedJson, problems: BillProblems): { value: unknown; path: string }[] {
  const out: { value: unknown; path: string }[] = [];
  const fromPage = (page: Record<string, unknown>, prefix: string) => {
    (page.data as unknown[]).forEach((bucket, i) => out.push({ value: bucket, path: `${prefix}data[${i}]` }));
  };
  const visit = (doc: unknown, prefix: string, line: number) => {
    if (Array.isArray(doc)) {
      doc.forEach((x, i) => visit(x, `${prefix}[${i}].`, json.lineOf(doc, i)));
      return;
    }
    if (doc && typeof doc === "object") {
      const d = doc as Record<string, unknown>;
      if (Array.isArray(d.data)) return fromPage(d, prefix);
      if (Array.isArray(d.results)) return void out.push({ value: d, path: prefix.replace(/\.$/, "") || "(bucket)" });
    }
    problems.add(line, prefix.replace(/\.$/, ""), 'expected a cost report page {"data": [...]} or a bucket {"results": [...]}');
  };
  json.values.forEach((doc, i) => visit(doc, json.values.length > 1 ? `document ${i + 1}: ` : "", json.lineOf(doc) || 1));
  return out;
}
