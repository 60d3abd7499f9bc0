// `npm test`: type check, unit tests, integration tests (real throwaway PostgreSQL), then Playwright e2e in
// Chromium; ends with one summary line "Summary: N passed, N failed[, N skipped]". Exit code 1 if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
mkdirSync("test-results", { recursive: true });
const node = process.execPath;
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(name, args) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(node, args, { stdio: "inherit", env: process.env });
  stages.push({ name, ok: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return result.status === 0;
}

function addVitest(file) {
  if (!existsSync(file)) return void totals.failed++;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  totals.failed += r.numFailedTests + brokenFiles;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}
function addPlaywright(file) {
  if (!existsSync(file)) return void totals.failed++;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.stats.expected;
  totals.failed += r.stats.unexpected + r.stats.flaky;
  totals.skipped += r.stats.skipped;
}

for (const f of ["test-results/unit.json", "test-results/integration.json", "test-results/e2e.json"]) rmSync(f, { force: true });
const typesOk = run("type check", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
if (!typesOk) totals.failed++;
run("unit", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]);
addVitest("test-results/unit.json");
run("integration", ["node_modules/vitest/vitest.mjs", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"]);
addVitest("test-results/integration.json");
run("e2e (Chromium)", ["node_modules/@playwright/test/cli.js", "test"]);
addPlaywright("test-results/e2e.json");

console.log("\n" + stages.map((s) => `${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.seconds}s)`).join("\n"));
console.log(`Summary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || stages.some((s) => !s.ok) ? 1 : 0);
