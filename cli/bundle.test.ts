import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { cliBundle } from "./bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Inside the checkout, as the real one (.cache/cli): the bundle finds its packages in the root's node_modules.
mkdirSync(path.join(root, ".cache"), { recursive: true });
const cache = mkdtempSync(path.join(root, ".cache", "test-cli-bundle-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("the CLI bundle (cli/bundle.mjs)", () => {
  it("is built once, runs the CLI, is reused while no source changes and rebuilt when one does", { timeout: 60_000 }, async () => {
    const first = await cliBundle(root, cache);
    expect(first).not.toBeNull();
    expect(existsSync(first!)).toBe(true);
    const help = spawnSync(process.execPath, ["--conditions=react-server", first!, "--help"], { encoding: "utf8", env: { ...process.env, RIGHTSIZE_ROOT: root } });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: rightsize <command>");

    expect(await cliBundle(root, cache)).toBe(first);
    const manifest = JSON.parse(readFileSync(path.join(cache, "manifest.json"), "utf8"));
    expect(manifest.inputs).toContain(path.join(root, "lib/ingest/ingest-session.ts"));

    // A source saved after the build (its content untouched here: only its time moves, then goes back).
    const source = path.join(root, "lib/ingest/ingest-session.ts");
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(manifest.builtAt + 1000));
      const rebuilt = await cliBundle(root, cache);
      expect(rebuilt).not.toBe(first);
      expect(existsSync(rebuilt!)).toBe(true);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });

  it("answers null (run from source) when it cannot build", async () => {
    expect(await cliBundle(root, "/dev/null/cannot-create")).toBeNull();
  });
});
