#!/usr/bin/env node
// Entry point of the `rightsize` command. Runs the CLI from its bundle (cli/bundle.mjs: built on first use, rebuilt
// when a source changes) or, if that cannot be had or RIGHTSIZE_CLI_FROM_SOURCE=1, the TypeScript through tsx. The
// react-server condition lets it share the server-only modules of the app (they refuse to load in a browser
// bundle, not in a CLI).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { cliBundle } from "./bundle.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const bundle = process.env.RIGHTSIZE_CLI_FROM_SOURCE === "1" ? null : await cliBundle(root);
const entry = bundle ? [bundle] : ["--import", createRequire(import.meta.url).resolve("tsx"), path.join(here, "main.ts")];
const result = spawnSync(process.execPath, ["--conditions=react-server", ...entry, ...process.argv.slice(2)], {
  stdio: "inherit",
  // tsx reads path aliases (@/...) from this tsconfig whatever the working directory is.
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RIGHTSIZE_ROOT: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
});
process.exit(result.status ?? 1);
