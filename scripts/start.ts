/**
 * `npm start`: build if needed, start PostgreSQL (embedded unless DATABASE_URL is set), migrate, create the first
 * admin, load the demo workspace into an empty database, then serve the app on PORT. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/config/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrate, migrationLogLine } from "@/lib/db/migrate";
import { persistentSecret } from "@/lib/bootstrap/secret";
import { needsBuild } from "@/lib/bootstrap/needs-build";
import { ensureAdmin } from "@/lib/bootstrap/ensure-admin";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

const root = path.resolve(import.meta.dirname, "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Data shipped in the repository (data/routellm) is found from here even when started from another folder.
process.env.RIGHTSIZE_ROOT ??= root;

async function main() {
  const env = parseEnv();
  if (needsBuild(root)) {
    console.log("Building the app (first start or sources changed)...");
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  let database: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Rightsize...");
    server?.kill("SIGTERM");
    await disconnectPrisma().catch(() => {});
    await closePool().catch(() => {});
    await database?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let url = env.DATABASE_URL;
  if (!url) {
    console.log(`Starting PostgreSQL (data in ${env.RIGHTSIZE_DATA_DIR}/pg, port ${env.RIGHTSIZE_PG_PORT})...`);
    database = await startEmbeddedPostgres({ dataDir: path.resolve(root, env.RIGHTSIZE_DATA_DIR), port: env.RIGHTSIZE_PG_PORT });
    url = database.url;
  }
  process.env.DATABASE_URL = url;
  await migrate(url, path.join(root, "prisma", "migrations"), { onProgress: (event) => console.log(migrationLogLine(event)) });

  const admin = await ensureAdmin(env.RIGHTSIZE_ADMIN_EMAIL, env.RIGHTSIZE_ADMIN_PASSWORD);
  if (admin.created) {
    console.log(`Created admin ${admin.email}${admin.generatedPassword ? ` with password: ${admin.generatedPassword}  (shown only this once)` : ""}`);
  }
  if (env.RIGHTSIZE_DEMO === "1") await loadDemoIfEmpty({ events: env.RIGHTSIZE_DEMO_EVENTS, days: 90 });

  const secret = env.NEXTAUTH_SECRET ?? persistentSecret(path.resolve(root, env.RIGHTSIZE_DATA_DIR));
  const appUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(env.PORT)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: appUrl,
      // The socket's address for sign-in throttling (lib/auth/client-address.ts).
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts/peer-address.cjs")}`.trim(),
    },
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (/Ready in|started server/i.test(text)) console.log(`\nRightsize is running at ${appUrl}  (Ctrl-C to stop)`);
  });
  server.on("exit", (code) => void stop(code ?? 1));
}

main().catch(async (error) => {
  console.error(error instanceof EnvError ? error.message : `Rightsize failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
