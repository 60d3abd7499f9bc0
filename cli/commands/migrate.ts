import { openDatabase } from "../database";
import { parse } from "../args";

export const help = `rightsize migrate
Applies pending SQL migrations (prisma/migrations) to DATABASE_URL or the embedded database.`;

export async function run(argv: string[]) {
  parse(argv, {});
  const db = await openDatabase(); // openDatabase migrates
  console.log("Database is up to date.");
  await db.close();
}
