import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db/pool";
import { reportMonth } from "@/lib/reports/report-month";
import { computeChargeback } from "@/lib/chargeback/compute-chargeback";
import { buildTeamStatement, statementTeam, type TeamRef } from "./build-statement";
import { renderStatementPdf } from "./statement-pdf";

export interface RenderedStatement {
  team: string;
  contentType: string;
  filename: string;
  body: string | Buffer;
}

export const statementFilename = (team: string, month: string) => `rightsize-statement-${team}-${month}.pdf`;

/** One team's statement (PDF or JSON); the caller must see the team (404 otherwise). */
export async function renderTeamStatement(principal: Principal, month: string, teamSlug: string, format: "pdf" | "json", now = new Date()): Promise<RenderedStatement> {
  reportMonth(month, now); // a bad or future month is a 400 before anything is looked up
  const team = await statementTeam(principal, teamSlug);
  const statement = await buildTeamStatement(team, month, now);
  if (format === "json") return { team: team.slug, contentType: "application/json", filename: `rightsize-statement-${team.slug}-${month}.json`, body: JSON.stringify(statement, null, 2) };
  return { team: team.slug, contentType: "application/pdf", filename: statementFilename(team.slug, month), body: await renderStatementPdf(statement) };
}

/**
 * The teams that get a statement for a month (all teams view): every team charged something this month or last
 * month. The others are returned as `skipped` so the caller can say so rather than leave them out silently.
 */
export async function statementTeams(month: string, now = new Date()): Promise<{ teams: TeamRef[]; skipped: TeamRef[] }> {
  const m = reportMonth(month, now);
  const all = { teamIds: null };
  const [teams, current, previous] = await Promise.all([
    pool().query<TeamRef>("SELECT id, slug, name FROM teams ORDER BY slug"),
    computeChargeback(all, m.from, m.to),
    computeChargeback(all, m.previous.from, m.previous.to),
  ]);
  const charged = new Set([...current.teams, ...previous.teams].map((t) => t.key));
  return { teams: teams.rows.filter((t) => charged.has(t.slug)), skipped: teams.rows.filter((t) => !charged.has(t.slug)) };
}

export async function renderStatementForTeam(team: TeamRef, month: string, now = new Date()): Promise<Buffer> {
  return renderStatementPdf(await buildTeamStatement(team, month, now));
}
