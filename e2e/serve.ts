/**
 * The server the e2e suite runs against: a throwaway embedded PostgreSQL in .test-data/e2e, migrated, with the
 * e2e accounts and a small deterministic demo workspace, then the production build on E2E_PORT.
 */
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { ensureAdmin } from "@/lib/bootstrap/ensure-admin";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { createUser } from "@/lib/users/create-user";
import { needsBuild } from "@/lib/bootstrap/needs-build";
import { E2E_ADMIN, E2E_FINANCE, E2E_LEAD } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);

async function main() {
  if (needsBuild(root)) {
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = path.join(root, ".test-data", `e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedPostgres({ dataDir, port: Number(process.env.E2E_PG_PORT ?? port + 50_000 - 3000), database: "rightsize_e2e" });
  process.env.DATABASE_URL = db.url;
  await migrate(db.url, path.join(root, "prisma", "migrations"));
  await ensureAdmin(E2E_ADMIN.email, E2E_ADMIN.password);
  await loadDemoIfEmpty({ events: 60_000, days: 60, endDate: new Date(), quiet: true });
  await createUser({ ...E2E_LEAD, role: "lead", teams: [E2E_LEAD.team], actor: "e2e" });
  await createUser({ ...E2E_FINANCE, role: "finance", actor: "e2e" });

  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef", NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1",
      // The specs' webhook receivers listen on 127.0.0.1, which webhooks may reach only with this switch (SECURITY.md).
      RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE: "1" },
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
