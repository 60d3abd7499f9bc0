/**
 * Records every path the code under test hands to node:fs, so a test can check that nothing reads outside the
 * repository. Use from a test file:
 *
 *   vi.mock("node:fs", async (orig) => (await import("@/tests/fs-recorder")).recordingFs(await orig()));
 *   vi.mock("node:fs/promises", async (orig) => (await import("@/tests/fs-recorder")).recordingFs(await orig()));
 *
 * Vitest applies the mock to every source module it loads (lib/, app/, cli/); packages in node_modules keep the real
 * fs, which is fine: they live inside the repository and are not "our code paths".
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const seen: string[] = [];

/** Paths touched so far (absolute). */
export function touchedPaths(): readonly string[] {
  return seen;
}

export function resetTouchedPaths(): void {
  seen.length = 0;
}

/** Touched paths that are not inside `root` (after resolving `..`). */
export function pathsOutside(root: string, paths: readonly string[] = seen): string[] {
  const base = path.resolve(root) + path.sep;
  return paths.filter((p) => !(path.resolve(p) + path.sep).startsWith(base));
}

function asPath(arg: unknown): string | null {
  if (typeof arg === "string") return path.resolve(arg);
  if (arg instanceof URL && arg.protocol === "file:") return fileURLToPath(arg);
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString("utf8"));
  return null;
}

/** The module with every function wrapped to record its first argument when that is a path. */
export function recordingFs<T extends object>(fs: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fs)) {
    if (name === "promises" && value && typeof value === "object") {
      wrapped[name] = recordingFs(value);
      continue;
    }
    // Classes (ReadStream, Dirent...) and constants stay as they are.
    if (typeof value !== "function" || /^[A-Z]/.test(name)) {
      wrapped[name] = value;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const p = asPath(args[0]);
      if (p !== null) seen.push(p);
      return (value as (...a: unknown[]) => unknown).apply(fs, args);
    };
  }
  return { ...wrapped, default: wrapped } as T;
}
