// The CLI as one esbuild bundle, built on first use and again whenever a source file it was built from changes.
//
// Why: run through tsx, every `rightsize` command spent ~1 s of CPU before doing anything, loading some 300 project
// modules one by one through tsx's loader thread (measured: a 2,000-event import took 1.9 s of CPU through tsx and
// 0.85 s from the bundle; at 1M events that is ~1 us of the CLI's ~20 us per event). Packages stay external (node
// resolves them from node_modules as before); only the project's own TypeScript is bundled.
//
// The bundle is a cache under .cache/cli/: its manifest lists every input file, and a run uses the bundle only if
// none of them is newer than the build. Builds go to a fresh directory and the manifest is swapped in by rename,
// so concurrent runs never see half a bundle. Anything going wrong (esbuild missing, a read-only checkout, a build
// error) returns null and the caller runs the sources through tsx, as it always did.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const MANIFEST = "manifest.json";
/** Build directories older than this, other than the current one, are removed by the next build (a run started
 * from one may still load its chunks: a day is longer than any import). */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60 * 1000;

/**
 * The path of a fresh bundle of `<root>/cli/main.ts` (building it when needed), or null to run from source.
 * `cacheDir` defaults to `<root>/.cache/cli`.
 */
export async function cliBundle(root, cacheDir = path.join(root, ".cache", "cli")) {
  try {
    return fresh(root, cacheDir) ?? (await build(root, cacheDir));
  } catch {
    return null;
  }
}

/** The bundle's entry if the manifest's build is newer than every input and the config files; else null. */
function fresh(root, cacheDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(cacheDir, MANIFEST), "utf8"));
  } catch {
    return null;
  }
  if (manifest.node !== process.version) return null;
  for (const input of [...manifest.inputs, ...configFiles(root)]) {
    try {
      if (statSync(path.resolve(root, input)).mtimeMs >= manifest.builtAt) return null;
    } catch {
      return null; // an input was deleted or moved: build again
    }
  }
  return path.join(cacheDir, manifest.dir, "main.js");
}

/** Files that change how the sources are read (path aliases, module type, package versions). */
function configFiles(root) {
  return ["tsconfig.json", "package.json", "package-lock.json"].map((f) => path.join(root, f));
}

async function build(root, cacheDir) {
  const require = createRequire(path.join(root, "package.json"));
  const { build: esbuild } = await import(require.resolve("esbuild"));
  // Start time, not end time: an input saved during the build is newer than it, so the next run builds again.
  const builtAt = Date.now();
  const dir = `build-${builtAt}-${process.pid}`;
  const outdir = path.join(cacheDir, dir);
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild({
    entryPoints: [path.join(root, "cli", "main.ts")],
    absWorkingDir: root,
    outdir,
    bundle: true,
    splitting: true, // each command a chunk of its own, loaded only when it runs
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    conditions: ["react-server"],
    tsconfig: path.join(root, "tsconfig.json"),
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input));
  const manifest = path.join(cacheDir, MANIFEST);
  writeFileSync(`${manifest}.${process.pid}`, JSON.stringify({ dir, builtAt, node: process.version, inputs }));
  renameSync(`${manifest}.${process.pid}`, manifest);
  removeOldBuilds(cacheDir, dir, builtAt);
  return path.join(outdir, "main.js");
}

function removeOldBuilds(cacheDir, current, now) {
  for (const entry of readdirSync(cacheDir)) {
    const started = Number(/^build-(\d+)-/.exec(entry)?.[1]);
    if (entry !== current && started && now - started > KEEP_OLD_BUILDS_MS) rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}
