import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { startCitusCluster, type CitusCluster } from "./cluster";

/**
 * Starts the Citus cluster (coordinator + two workers) and makes two databases on it: `rightsize_citus` (Citus,
 * migrated and laid out by the migrator's Citus step) and `rightsize_plain` (the same PostgreSQL server without
 * the extension: plain PostgreSQL, migrated the ordinary way). Tests load the same data into both and compare.
 * Without Citus this throws the message saying how to get it: the suite fails, it is never skipped.
 */
let cluster: CitusCluster | undefined;

export default async function setup(project: TestProject) {
  cluster = await startCitusCluster();
  const citusUrl = await cluster.createCitusDatabase("rightsize_citus");
  const plainUrl = await cluster.createPlainDatabase("rightsize_plain");
  // An empty coordinator database (extension only) for the move from one server (move-to-citus.citus.test.ts).
  const movedUrl = await cluster.createCitusDatabase("rightsize_moved");
  await migrate(plainUrl);
  await migrate(citusUrl);
  project.provide("citusUrl", citusUrl);
  project.provide("plainUrl", plainUrl);
  project.provide("movedUrl", movedUrl);
  project.provide("citusPgBin", cluster.pgBin);
  return async () => {
    await cluster?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    citusUrl: string;
    plainUrl: string;
    movedUrl: string;
    citusPgBin: string;
  }
}
