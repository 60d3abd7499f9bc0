import { openDatabase } from "../database";
import { parse, required, UsageError } from "../args";
import { createApiKey, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/auth/api-keys";
import { KeyExpirySchema } from "@/lib/auth/api-key-expiry";
import { listApiKeys, revokeApiKey } from "@/lib/users/api-key-admin";
import { prisma } from "@/lib/db/prisma";
import { audit } from "@/lib/audit";

export const help = `rightsize keys create --name NAME [--scope ingest,read] [--team SLUG] [--expires YYYY-MM-DD]
Creates an API key and prints it once (only its hash is stored). Default scope: ingest.
A key bound to a team reads only that team's data and attributes what it sends to that team.
--expires: the key stops working when that UTC day begins (or give an ISO date-time); then it gets 401 "expired".

rightsize keys list
Lists keys: prefix, name, scopes, team, status (active, expired, revoked), expiry and last use (to the minute).

rightsize keys revoke PREFIX|ID
Revokes a key (prefix as "keys list" shows it, e.g. rs_1a2b3c4d); it stops working at once.`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub === "create") return create(rest);
  if (sub === "list") return list(rest);
  if (sub === "revoke") return revoke(rest);
  throw new UsageError(`unknown subcommand "keys ${sub ?? ""}" (expected: keys create, keys list, keys revoke)`);
}

async function create(rest: string[]) {
  const { values } = parse(rest, { name: { type: "string" }, scope: { type: "string" }, team: { type: "string" }, expires: { type: "string" } });
  const name = required(values.name, "name");
  const scopes = (values.scope ?? "ingest").split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of scopes) if (!(API_KEY_SCOPES as readonly string[]).includes(s)) throw new UsageError(`--scope must be ingest, read or both, got "${s}"`);
  const expiry = values.expires === undefined ? undefined : KeyExpirySchema.safeParse(values.expires);
  if (expiry && !expiry.success) throw new UsageError(`--expires must be a date (YYYY-MM-DD) or an ISO date-time, got "${values.expires}"`);
  const db = await openDatabase();
  try {
    let teamId: number | null = null;
    if (values.team) {
      const team = await prisma().team.findUnique({ where: { slug: values.team } });
      if (!team) throw new UsageError(`no team "${values.team}"`);
      teamId = team.id;
    }
    const expiresAt = expiry?.data ?? null;
    const { key, record } = await createApiKey({ name, scopes: scopes as ApiKeyScope[], teamId, expiresAt });
    await audit("cli", "api_key_created", record.prefix, { name, scopes, expiresAt: expiresAt?.toISOString() ?? null });
    console.log(key);
    const details = [scopes.join(", "), values.team && `team ${values.team}`, expiresAt && `expires ${expiresAt.toISOString()}`].filter(Boolean).join(", ");
    console.error(`Created key "${name}" (${details}). It is shown only this once.`);
  } finally {
    await db.close();
  }
}

async function list(rest: string[]) {
  parse(rest, {});
  const db = await openDatabase();
  try {
    const keys = await listApiKeys();
    if (keys.length === 0) return void console.error("No API keys yet. Create one: rightsize keys create --name NAME");
    const minute = (iso: string | null, none: string) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : none);
    const rows = keys.map((k) => [k.prefix, k.name, k.scopes.join(","), k.team ?? "all", k.status, minute(k.expiresAt, "never"), minute(k.lastUsedAt, "never")]);
    printTable(["PREFIX", "NAME", "SCOPES", "TEAM", "STATUS", "EXPIRES", "LAST USED"], rows);
  } finally {
    await db.close();
  }
}

async function revoke(rest: string[]) {
  const { positionals } = parse(rest, {}, true);
  if (positionals.length !== 1) throw new UsageError("give one key to revoke: rightsize keys revoke PREFIX (see rightsize keys list)");
  const which = positionals[0];
  const db = await openDatabase();
  try {
    const key = await revokeApiKey(/^\d+$/.test(which) ? Number(which) : which, "cli");
    console.log(`Revoked ${key.prefix} "${key.name}"${key.revokedAt ? ` (already revoked on ${key.revokedAt.toISOString()})` : ""}.`);
  } finally {
    await db.close();
  }
}

function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [head, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
}
