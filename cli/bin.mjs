#!/usr/bin/env node
// Entry point of the `rightsize` command. Runs the TypeScript CLI through tsx; the react-server condition lets it
// share the server-only modules of the app (they refuse to load in a browser bundle, not in a CLI).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx");
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, path.join(here, "main.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    // tsx reads path aliases (@/...) from this tsconfig whatever the working directory is.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RIGHTSIZE_ROOT: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
  },
);
process.exit(result.status ?? 1);
