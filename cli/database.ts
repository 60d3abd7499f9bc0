import path from "node:path";
import pg from "pg";
import { parseEnv } from "@/lib/config/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrate, migrationLogLine } from "@/lib/db/migrate";
import { projectRoot } from "@/lib/config/project-root";

/**
 * The database a CLI command works on: DATABASE_URL when set; else the embedded one that `npm start` uses
 * (reused when it is already running, started for the command's duration when not). Migrations are applied.
 */
export async function openDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const env = parseEnv();
  let embedded: EmbeddedDatabase | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    const candidate = `postgresql://rightsize:rightsize@127.0.0.1:${env.RIGHTSIZE_PG_PORT}/rightsize`;
    if (await reachable(candidate)) url = candidate;
    else {
      embedded = await startEmbeddedPostgres({ dataDir: path.resolve(projectRoot(), env.RIGHTSIZE_DATA_DIR), port: env.RIGHTSIZE_PG_PORT });
      url = embedded.url;
    }
  }
  process.env.DATABASE_URL = url;
  // stderr: stdout carries the command's own output (JSON for scripts).
  await migrate(url, undefined, { onProgress: (event) => process.stderr.write(`${migrationLogLine(event)}\n`) });
  return { url, close: async () => void (await embedded?.stop()) };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
