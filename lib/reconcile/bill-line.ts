import { createHash } from "node:crypto";

/** One line of a provider's bill, normalised: what bill_lines stores. */
export const BILL_PROVIDERS = ["openai", "anthropic"] as const;
export type BillProvider = (typeof BILL_PROVIDERS)[number];

export interface BillLineInput {
  provider: BillProvider;
  /** UTC day the cost bucket starts on. */
  day: string;
  amountNanos: bigint;
  model: string | null;
  /** OpenAI line_item, Anthropic description (or cost type). */
  lineItem: string | null;
  /** OpenAI project_id, Anthropic workspace_id. */
  accountRef: string | null;
  tokenType: string | null;
  /** True for charges that are not model tokens (web search, code execution, storage, ...). */
  nonToken: boolean;
  /** Identity of the line (provider, bucket start and every grouping field): importing it again hits this key. */
  lineKey: string;
  /** Line in the imported file, for error messages. */
  sourceLine: number;
}

export function lineKey(provider: string, parts: (string | number | null | undefined)[]): string {
  return createHash("sha256").update([provider, ...parts.map((p) => (p === null || p === undefined ? "" : String(p)))].join("\u001f")).digest("hex").slice(0, 40);
}

/** A problem with one place of the file: reported all together, each naming its line. */
export interface BillProblem {
  line: number;
  path: string;
  message: string;
}

export class BillProblems {
  readonly list: BillProblem[] = [];
  add(line: number, path: string, message: string): void {
    if (this.list.length < 50) this.list.push({ line, path, message });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}
