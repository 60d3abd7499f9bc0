import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";

/**
 * One throwaway PostgreSQL cluster for the integration suite (a real server, never a mock), in .test-data/,
 * wiped before and after. Set TEST_DATABASE_URL to run against another server instead (it must be disposable).
 */
let server: EmbeddedDatabase | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  const dataDir = path.resolve(".test-data", "integration");
  if (!url) {
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? 54398), database: "rightsize_test" });
    url = server.url;
  }
  await migrate(url);
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
