import path from "node:path";

/**
 * Path inside the shared data folder, which sits beside the repository (../shared/data from the repo root).
 * Resolved from process.cwd() because the app, the CLI and the tests all run from the repo root, while
 * __dirname/import.meta differ between tsx, Vitest and Next bundles.
 */
export function sharedDataPath(...parts: string[]): string {
  return path.resolve(process.cwd(), "..", "shared", "data", ...parts);
}
