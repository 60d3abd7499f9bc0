import { rmSync } from "node:fs";
import { createServer } from "node:net";
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
  // A data folder and port of its own, so several test runs on one machine never share a cluster.
  const dataDir = path.resolve(".test-data", `integration-${process.pid}`);
  if (!url) {
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? (await freePort())), database: "rightsize_test" });
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
