import { openDatabase } from "../database";
import { parse, required, UsageError } from "../args";
import { createUser } from "@/lib/users/create-user";
import { ROLES, type RoleName } from "@/lib/auth/roles";

export const help = `rightsize users create --email EMAIL --password PASSWORD --role admin|finance|lead|viewer [--team SLUG[,SLUG]]
Creates a user. Leads see only their teams (--team, repeatable as a comma list).`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "create") throw new UsageError(`unknown subcommand "users ${sub ?? ""}" (expected: users create)`);
  const { values } = parse(rest, { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, team: { type: "string" } });
  const role = required(values.role, "role");
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}, got "${role}"`);
  const teams = values.team ? values.team.split(",").map((t) => t.trim()).filter(Boolean) : [];
  if (role === "lead" && teams.length === 0) throw new UsageError("--team is required for a lead (the teams they see)");
  const db = await openDatabase();
  try {
    const user = await createUser({ email: required(values.email, "email"), password: required(values.password, "password"), role: role as RoleName, teams, actor: "cli" });
    console.log(`Created ${user.role} ${user.email}${teams.length ? ` (teams: ${teams.join(", ")})` : ""}`);
  } finally {
    await db.close();
  }
}
