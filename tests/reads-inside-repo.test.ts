/**
 * A fresh clone needs nothing outside the repository: no source file points outside the project root, and the
 * loader the demo uses for its eval evidence reads only files inside it (with every fs call recorded).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { pathsOutside, resetTouchedPaths, touchedPaths } from "./fs-recorder";
import { loadRouteLlmEvalSets } from "@/lib/evals/routellm";
import { projectRoot } from "@/lib/config/project-root";

vi.mock("node:fs", async (orig) => (await import("./fs-recorder")).recordingFs(await orig<object>()));
vi.mock("fs", async (orig) => (await import("./fs-recorder")).recordingFs(await orig<object>()));
vi.mock("node:fs/promises", async (orig) => (await import("./fs-recorder")).recordingFs(await orig<object>()));

const root = projectRoot();
const SOURCE_DIRS = ["app", "lib", "cli", "components", "scripts", "bench", "e2e", "tests", "prisma"];
const SKIP_DIRS = new Set(["node_modules", ".next", "generated"]);
const THIS_FILE = path.join(root, "tests", "reads-inside-repo.test.ts");

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(e.name) && full !== THIS_FILE ? [full] : [];
  });
}

const ROOT_FILES = readdirSync(root).filter((f) => /\.(ts|mjs|cjs|js)$/.test(f)).map((f) => path.join(root, f));

/**
 * Problems in one file's text: references to the shared folder that used to sit beside the repository, and
 * `path.resolve/join(<base>, "..", ...)` whose literal parts climb above the project root. <base> is the file's own
 * folder for import.meta.dirname/__dirname and the root for projectRoot()/process.cwd().
 */
export function escapes(file: string, text: string): string[] {
  const found: string[] = [];
  const rel = path.relative(root, file);
  for (const re of [/\.\.[/\\]+shared\b/g, /["']\.\.["']\s*,\s*["']shared["']/g, /\bshared[/\\]data\b/g]) {
    for (const m of text.matchAll(re)) found.push(`${rel}: "${m[0]}"`);
  }
  const call = /path\.(?:resolve|join)\(\s*(import\.meta\.dirname|__dirname|projectRoot\(\)|process\.cwd\(\))\s*((?:,\s*["'][^"']*["']\s*)+)/g;
  for (const m of text.matchAll(call)) {
    const base = m[1] === "import.meta.dirname" || m[1] === "__dirname" ? path.dirname(file) : root;
    const parts = [...m[2].matchAll(/["']([^"']*)["']/g)].map((p) => p[1]);
    const target = path.resolve(base, ...parts);
    if (pathsOutside(root, [target]).length > 0) found.push(`${rel}: ${m[0].trim()} -> ${target}`);
  }
  return found;
}

describe("nothing reads outside the repository", () => {
  it("the escape finder catches the patterns it looks for (so an empty result below means something)", () => {
    const lib = path.join(root, "lib", "evals", "x.ts");
    expect(escapes(lib, `path.resolve(projectRoot(), "..", "shared", "data")`)).toHaveLength(2);
    expect(escapes(lib, `readFileSync("../shared/data/routellm/a.csv")`)).toHaveLength(2);
    // lib/evals/x.ts: dirname is lib/evals; "../.." is the root (fine), "../../.." is above it.
    expect(escapes(lib, `path.join(import.meta.dirname, "..", "..")`)).toEqual([]);
    expect(escapes(lib, `path.join(import.meta.dirname, "../../..", "data")`)).toHaveLength(1);
    expect(escapes(lib, `path.join(projectRoot(), "data", "routellm")`)).toEqual([]);
  });

  it("no source file points outside the project root", () => {
    const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(root, d))), ...ROOT_FILES];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => escapes(f, readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  it("the demo's eval loader reads its CSVs from data/routellm, inside the repository", () => {
    resetTouchedPaths();
    const { sets, skipped } = loadRouteLlmEvalSets();
    expect(skipped).toEqual([]);
    expect(sets).toHaveLength(2);
    const touched = touchedPaths();
    expect(touched).toContain(path.join(root, "data", "routellm", "gsm8k_responses.csv"));
    expect(touched).toContain(path.join(root, "data", "routellm", "mmlu_professional_law.csv"));
    expect(pathsOutside(root, touched)).toEqual([]);
  }, 60_000); // parses 3.2 MB of CSV with token estimates: seconds on a busy machine

  it("the recorder flags a read above the root", () => {
    resetTouchedPaths();
    existsSync(path.join(root, "..", "shared", "data"));
    expect(pathsOutside(root)).toEqual([path.resolve(root, "..", "shared", "data")]);
    resetTouchedPaths();
  });
});
