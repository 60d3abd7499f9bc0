import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.js", "package.json", "tsconfig.json"];

/** True when there is no production build or a source file changed after it was made. */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newer = (p: string): boolean => {
    const s = statSync(p);
    if (s.isDirectory()) return readdirSync(p).some((f) => f !== "generated" && newer(path.join(p, f)));
    return s.mtimeMs > builtAt;
  };
  return [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => path.join(root, p)).some((p) => existsSync(p) && newer(p));
}
