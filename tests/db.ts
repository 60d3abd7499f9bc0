import { inject, beforeAll, afterAll } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

/**
 * For *.integration.test.ts: points the app's pool at the throwaway database and empties every table
 * before the file runs (files run one after another), so each file starts from a known state.
 */
export function useTestDatabase() {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  beforeAll(async () => {
    await resetDatabase();
  });
  afterAll(async () => {
    await disconnectPrisma();
    await closePool();
  });
}

export async function resetDatabase() {
  const tables = await pool().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await pool().query(`TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
