import pg from "pg";

/**
 * One pg pool per process, shared by the Prisma adapter and the bulk (COPY) paths.
 * BIGINT and NUMERIC come back as strings (pg's default), which is what exact money needs.
 */
// DATE columns stay "YYYY-MM-DD" strings: months and days are UTC calendar dates, never local-time Dates.
pg.types.setTypeParser(1082, (value: string) => value);

const globalForPool = globalThis as unknown as { rightsizePool?: pg.Pool };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

export function pool(): pg.Pool {
  if (!globalForPool.rightsizePool) {
    globalForPool.rightsizePool = new pg.Pool({ connectionString: databaseUrl(), max: 10 });
    // An idle client losing its connection (database restart) must not crash the server.
    globalForPool.rightsizePool.on("error", () => {});
  }
  return globalForPool.rightsizePool;
}

export async function closePool(): Promise<void> {
  const p = globalForPool.rightsizePool;
  globalForPool.rightsizePool = undefined;
  await p?.end();
}
