/**
 * rightsize <command> [options]. Each command lives in cli/commands/<name>.ts and exports `run(argv)` + `help`.
 */
import { UsageError } from "./args";
import { EnvError } from "@/lib/config/env";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

type Command = { help: string; run(argv: string[]): Promise<number | void> };
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: () => import("./commands/migrate"),
  users: () => import("./commands/users"),
  keys: () => import("./commands/keys"),
  demo: () => import("./commands/demo"),
  ingest: () => import("./commands/ingest"),
  evals: () => import("./commands/evals"),
  report: () => import("./commands/report"),
  bills: () => import("./commands/bills"),
  scenario: () => import("./commands/scenario"),
  retention: () => import("./commands/retention"),
};

const USAGE = `Usage: rightsize <command> [options]

Commands:
  migrate                                         apply database migrations
  users create --email E --password P --role R [--team T]
                                                  create a user (roles: admin, finance, lead, viewer)
  keys create --name N [--scope ingest,read] [--team T] [--expires YYYY-MM-DD]
                                                  create an API key (printed once)
  keys list                                       list API keys: status, expiry, last used
  keys revoke PREFIX                              revoke an API key
  demo [--events N] [--days D] [--seed S]         load the demo workspace (default 1,000,000 events over 90 days)
  ingest FILE... [--format F]                     import usage files (CSV/JSON/NDJSON/OTLP/exports, gzip ok)
  evals import FILE --set NAME [--workload W]     import eval results (CSV or JSON)
  report --month YYYY-MM --format csv|focus|pdf|json --out FILE
                                                  write the monthly report
  report --statements --month YYYY-MM --out DIR   one statement PDF per team
  bills import FILE [--provider openai|anthropic] import a provider bill (OpenAI costs / Anthropic cost report)
  scenario export ID --format litellm|portkey|openrouter|json [--out FILE]
                                                  write a saved scenario as gateway routing config
  scenario apply ID --from YYYY-MM-DD [--workloads a,b]
                                                  record a rollout (realised savings are measured from that day)
  retention [--dry-run]                           drop raw event months older than RIGHTSIZE_RAW_RETENTION_MONTHS

Database: DATABASE_URL, or the embedded PostgreSQL in .data/ (shared with npm start).
Run "rightsize <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  return (await command.run(rest)) ?? 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await disconnectPrisma().catch(() => {});
    await closePool().catch(() => {});
    process.exit(code);
  })
  .catch(async (error) => {
    await disconnectPrisma().catch(() => {});
    await closePool().catch(() => {});
    if (error instanceof UsageError) {
      console.error(`rightsize: ${error.message} (see rightsize --help)`);
      process.exit(2);
    }
    console.error(`rightsize: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
