import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderStatementForTeam, statementFilename, statementTeams } from "@/lib/statements/render-statement";
import { reportMonth } from "@/lib/reports/report-month";

/**
 * `rightsize report --statements --month M --out DIR`: one statement PDF per team into DIR (created if missing),
 * named rightsize-statement-<team>-<month>.pdf. Teams charged nothing this month or last are listed as skipped.
 */
export async function writeStatements(month: string, dir: string): Promise<string[]> {
  reportMonth(month);
  const out = path.resolve(dir);
  mkdirSync(out, { recursive: true });
  const { teams, skipped } = await statementTeams(month);
  const written: string[] = [];
  for (const [i, team] of teams.entries()) {
    process.stderr.write(`Statement ${i + 1}/${teams.length}: ${team.slug}\n`);
    const file = path.join(out, statementFilename(team.slug, month));
    writeFileSync(file, await renderStatementForTeam(team, month));
    written.push(file);
  }
  process.stderr.write(`Wrote ${written.length} statement(s) to ${out}\n`);
  if (skipped.length) process.stderr.write(`Skipped ${skipped.length} team(s) with no spend in ${month} or the month before: ${skipped.map((t) => t.slug).join(", ")}\n`);
  return written;
}
