// Runs `prisma generate` without network access.
// Every Prisma CLI command first tries to download its native schema engine, which is unreachable on our machines
// (see shared/STACK.md). `generate` never runs that engine, so when no real engine is installed we point
// PRISMA_SCHEMA_ENGINE_BINARY at an existing placeholder file to skip the download.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
const hasRealEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "package.json");

execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
  cwd: root,
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
