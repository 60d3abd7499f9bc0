import { openDatabase } from "../database";
import { parse, required, UsageError } from "../args";
import { createApiKey, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/prisma";
import { audit } from "@/lib/audit";

export const help = `rightsize keys create --name NAME [--scope ingest,read] [--team SLUG]
Creates an API key and prints it once (only its hash is stored). Default scope: ingest.
A key bound to a team reads only that team's data and attributes what it sends to that team.`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "create") throw new UsageError(`unknown subcommand "keys ${sub ?? ""}" (expected: keys create)`);
  const { values } = parse(rest, { name: { type: "string" }, scope: { type: "string" }, team: { type: "string" } });
  const name = required(values.name, "name");
  const scopes = (values.scope ?? "ingest").split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of scopes) if (!(API_KEY_SCOPES as readonly string[]).includes(s)) throw new UsageError(`--scope must be ingest, read or both, got "${s}"`);
  const db = await openDatabase();
  try {
    let teamId: number | null = null;
    if (values.team) {
      const team = await prisma().team.findUnique({ where: { slug: values.team } });
      if (!team) throw new UsageError(`no team "${values.team}"`);
      teamId = team.id;
    }
    const { key, record } = await createApiKey({ name, scopes: scopes as ApiKeyScope[], teamId });
    await audit("cli", "api_key_created", record.prefix, { name, scopes });
    console.log(key);
    console.error(`Created key "${name}" (${scopes.join(", ")}${values.team ? `, team ${values.team}` : ""}). It is shown only this once.`);
  } finally {
    await db.close();
  }
}
