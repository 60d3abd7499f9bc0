import path from "node:path";
import { projectRoot } from "@/lib/config/project-root";

/**
 * Path inside the shared data folder, which sits beside the repository (../shared/data from the repo root).
 * Resolved from the project root (lib/config/project-root.ts).
 */
export function sharedDataPath(...parts: string[]): string {
  return path.resolve(projectRoot(), "..", "shared", "data", ...parts);
}
