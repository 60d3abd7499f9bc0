import type { TestProject } from "vitest/node";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultMigrationsDir, migrate } from "../../lib/db/migrate";
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
  // A Citus database migrated only up to the migration before the tag roll-up gained the model
  // (dimension-model-upgrade.citus.test.ts applies that one to a coordinator already in use).
  const upgradeUrl = await cluster.createCitusDatabase("rightsize_upgrade");
  await migrate(plainUrl);
  await migrate(citusUrl);
  const earlier = mkdtempSync(path.join(os.tmpdir(), "rightsize-migrations-"));
  for (const name of readdirSync(defaultMigrationsDir()).filter((n) => n < "20261203110000")) cpSync(path.join(defaultMigrationsDir(), name), path.join(earlier, name), { recursive: true });
  await migrate(upgradeUrl, earlier);
  rmSync(earlier, { recursive: true, force: true });
  project.provide("citusUrl", citusUrl);
  project.provide("plainUrl", plainUrl);
  project.provide("movedUrl", movedUrl);
  project.provide("upgradeUrl", upgradeUrl);
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
    upgradeUrl: string;
    citusPgBin: string;
  }
}
