// `npm test`: type check, unit tests, integration tests (real throwaway PostgreSQL), then Playwright e2e in
// Chromium; ends with one summary line "Summary: N passed, N failed[, N skipped]". Exit code 1 if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
mkdirSync("test-results", { recursive: true });
const node = process.execPath;
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];
// Every test that did not pass, named at the end of the output (CI shows only its tail).
const notPassed = [];

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
  // A file that fails without a failed test of its own (it did not load, or a beforeAll/afterAll hook threw and its
  // tests were skipped): count it as one failure.
  const brokenFiles = r.testResults.filter((s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")).length;
  totals.failed += r.numFailedTests + brokenFiles;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  for (const suite of r.testResults) {
    const file = suite.name.replace(process.cwd() + "/", "");
    if (suite.status === "failed" && !suite.assertionResults.some((a) => a.status === "failed")) notPassed.push(`${file}: the file failed: ${firstLine(suite.message)}`);
    for (const a of suite.assertionResults) {
      if (a.status !== "passed") notPassed.push(`${a.status}: ${file} > ${a.fullName ?? a.title}${a.failureMessages?.length ? `: ${firstLine(a.failureMessages[0])}` : ""}`);
    }
  }
}
function firstLine(text) {
  return String(text ?? "").split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 300) ?? "";
}
function addPlaywright(file) {
  if (!existsSync(file)) return void totals.failed++;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.stats.expected;
  totals.failed += r.stats.unexpected + r.stats.flaky;
  totals.skipped += r.stats.skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "expected") notPassed.push(`${t.status}: ${spec.file}:${spec.line} > ${spec.title}${t.results?.at(-1)?.error?.message ? `: ${firstLine(t.results.at(-1).error.message)}` : ""}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
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

if (notPassed.length) console.log(`\nNot passed (${notPassed.length}):\n` + notPassed.map((l) => `  ${l}`).join("\n"));
console.log("\n" + stages.map((s) => `${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.seconds}s)`).join("\n"));
console.log(`Summary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || stages.some((s) => !s.ok) ? 1 : 0);
