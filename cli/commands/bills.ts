import { existsSync, readFileSync, statSync } from "node:fs";
import { openDatabase } from "../database";
import { parse, UsageError } from "../args";
import { parseBillFile } from "@/lib/reconcile/parse-bill";
import { importBill } from "@/lib/reconcile/import-bill";
import { MAX_BILL_BYTES } from "@/lib/reconcile/read-bill-upload";
import { AppError } from "@/lib/errors";

export const help = `rightsize bills import FILE [--provider openai|anthropic]
Imports a provider bill: an OpenAI Costs API export (GET /v1/organization/costs) or an Anthropic cost report
(GET /v1/organizations/cost_report), as the API returns it (one page, a list of pages, or one page per line).
The same as Reports > Import a provider bill, or POST /api/v1/bills. All or nothing: a bad line rejects the file.
The monthly reconciliation (Reports page, GET /api/v1/bills/reconciliation) then compares it with our costs.`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "import") throw new UsageError(`unknown subcommand "bills ${sub ?? ""}" (expected: bills import FILE)`);
  const { values, positionals } = parse(rest, { provider: { type: "string" } }, true);
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE to import");
  const file = positionals[0];
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (statSync(file).size > MAX_BILL_BYTES) throw new UsageError(`${file} is larger than ${MAX_BILL_BYTES / 1024 / 1024} MB: not a bill export`);
  const provider = values.provider;
  if (provider !== undefined && provider !== "openai" && provider !== "anthropic") throw new UsageError(`--provider must be openai or anthropic`);
  const db = await openDatabase();
  try {
    const parsed = parseBillFile(readFileSync(file, "utf8"), provider);
    const r = await importBill(parsed.provider, parsed.lines, "cli");
    console.log(
      `Imported ${r.lines.toLocaleString("en-US")} ${r.provider} bill lines (${r.inserted} new, ${r.updated} updated, ${r.removed} replaced) ` +
        `for ${r.firstDay ?? "-"}..${r.lastDay ?? "-"}: $${r.totalUsd}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
