import PDFDocument from "pdfkit";
import { inCurrency, pdfMoney, pdfSigned } from "@/lib/reports/pdf/in-currency";
import { changeShareOf } from "@/lib/reports/report-display";
import { COLORS, CONTENT_WIDTH, PAGE, kpiRow, paragraph, sectionHeading, table, type Doc } from "@/lib/reports/pdf/pdf-layout";
import type { TeamStatement } from "./statement-schema";

/**
 * A team's statement for a month on ONE A4 page (pdfkit, standard fonts): what the team is charged (direct +
 * allocated share), change vs last month, budget vs actual, top workloads and models, savings delivered. Lists are
 * capped so the page never overflows; the JSON form has the same numbers.
 */
const MAX_BUDGETS = 4;
const MAX_ALLOCATIONS = 4;

export function renderStatementPdf(s: TeamStatement): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    info: { Title: `${s.team.label}: AI spend statement ${s.monthName}`, Author: "Rightsize", Subject: `Chargeback statement, ${s.from} to ${s.to}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  header(doc, s);
  kpis(doc, s);
  // Which rate rule the amounts use, said before the tables.
  if (s.inCurrency) paragraph(doc, s.inCurrency.rateRule, { bold: true, size: 8.5 });
  allocations(doc, s);
  budgets(doc, s);
  topTables(doc, s);
  savings(doc, s);
  footer(doc, s);
  doc.end();
  return done;
}

/** An amount: converted when the statement has it (reporting currency), else USD, labelled "USD" when that is not the currency. */
const mon = (s: TeamStatement, x: string, converted?: string | null) => pdfMoney(x, converted, s.currency);
const signed = (s: TeamStatement, x: string, converted?: string | null) => pdfSigned(x, converted, s.currency);
const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
const signedPct = (x: number | null) => (x === null ? "new" : `${x > 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);

function header(doc: Doc, s: TeamStatement): void {
  doc.rect(0, 0, PAGE.width, 86).fill("#111827");
  doc.font("Helvetica-Bold").fontSize(9).fillColor("#7aa2ff").text("RIGHTSIZE  ·  TEAM STATEMENT", PAGE.margin, 22, { characterSpacing: 1 });
  doc.font("Helvetica-Bold").fontSize(19).fillColor("#ffffff").text(`${s.team.label}: ${s.monthName}`, PAGE.margin, 37);
  const period = s.complete ? `${s.from} to ${s.to}` : `${s.from} to ${s.to} (month in progress)`;
  doc.font("Helvetica").fontSize(8.5).fillColor("#cfd6e4").text(`${period}  ·  team ${s.team.key}  ·  generated ${s.generatedAt.slice(0, 16).replace("T", " ")} UTC`, PAGE.margin, 63);
  doc.y = 100;
  doc.x = PAGE.margin;
}

function kpis(doc: Doc, s: TeamStatement): void {
  const ic = s.inCurrency;
  const c = ic && ic.previousTotal !== null ? changeShareOf(ic.total, ic.previousTotal) : s.previous.changeShare;
  const over = s.budgets.filter((b) => b.status !== "on_track").length;
  kpiRow(doc, [
    { label: "Total charged", value: mon(s, s.charges.totalUsd, ic?.total), sub: "direct + allocated" },
    { label: "Direct spend", value: mon(s, s.charges.directUsd, ic?.direct), sub: `${mon(s, s.charges.attributedUsd, ic?.attributed)} attributed usage` },
    { label: "Allocated share", value: mon(s, s.charges.allocatedUsd, ic?.allocated), sub: s.charges.allocations.length ? `${s.charges.allocations.length} shared pool(s)` : "no shared costs" },
    {
      label: `vs ${s.previous.month}${s.complete ? "" : " (same days)"}`,
      value: signedPct(c),
      sub: ic && ic.previousTotal !== null ? `${mon(s, s.previous.totalUsd, ic.previousTotal)} then (${signed(s, s.previous.changeUsd, ic.change)})` : `${mon(s, s.previous.totalUsd)} then (${signed(s, s.previous.changeUsd)})`,
      tone: c === null ? undefined : c > 0 ? "bad" : "good",
    },
    {
      label: "Budgets",
      value: s.budgets.length ? `${over} of ${s.budgets.length}` : "none",
      sub: s.budgets.length ? "over or at risk" : "no team budget set",
      tone: over ? "bad" : s.budgets.length ? "good" : undefined,
    },
  ]);
}

function allocations(doc: Doc, s: TeamStatement): void {
  sectionHeading(doc, "Allocated share of shared costs", "Shared and unattributed spend charged to this team by the allocation rules. Shares of a pool sum to it exactly; leftover nano-dollars go to the largest remainders.", 60);
  if (s.charges.allocations.length === 0) {
    paragraph(doc, "No shared costs were allocated to this team this month.", { color: COLORS.muted });
    return;
  }
  const rows = s.charges.allocations.slice(0, MAX_ALLOCATIONS).map((a, i) => [a.rule, a.source, a.basis, mon(s, a.usd, s.inCurrency?.allocations[i])]);
  if (s.charges.allocations.length > MAX_ALLOCATIONS) rows.push([`${s.charges.allocations.length - MAX_ALLOCATIONS} more pools`, "", "", ""]);
  table(doc, [
    { header: "Rule", width: 120 },
    { header: "Pool", width: 100 },
    { header: "Basis", width: CONTENT_WIDTH - 300 },
    { header: "Share", width: 80, align: "right" },
  ], rows, { rowHeight: 14, fontSize: 8 });
}

function budgets(doc: Doc, s: TeamStatement): void {
  sectionHeading(doc, "Budget vs actual", "The team's budgets and its workloads', in the period containing the statement's last day.", 60);
  if (s.budgets.length === 0) {
    paragraph(doc, "No budget is set for this team or its workloads.", { color: COLORS.muted });
    return;
  }
  const label = { on_track: "on track", at_risk: "at risk", over: "over" } as const;
  table(doc, [
    { header: "Budget", width: CONTENT_WIDTH - 340 },
    { header: "Period", width: 60 },
    { header: "Amount", width: 75, align: "right" },
    { header: "Actual", width: 75, align: "right" },
    { header: "Used", width: 55, align: "right" },
    { header: "Status", width: 75 },
  ], s.budgets.slice(0, MAX_BUDGETS).map((b) => [b.label, b.periodKey, b.currency === "USD" ? mon(s, b.amount) : inCurrency(b.amount, b.currency), b.currency === "USD" ? mon(s, b.actual) : inCurrency(b.actual, b.currency), pct(b.actualShare), label[b.status]]), { rowHeight: 14, fontSize: 8 });
}

function rowChange(s: TeamStatement, x: TeamStatement["topModels"][number]): number | null {
  return s.inCurrency && x.cost !== undefined && x.previousCost !== null && x.previousCost !== undefined ? changeShareOf(x.cost, x.previousCost) : x.changeShare;
}

function topTables(doc: Doc, s: TeamStatement): void {
  sectionHeading(doc, "Top workloads", `By attributed spend; change vs ${s.previous.month}.`, 90);
  if (s.topWorkloads.length === 0) paragraph(doc, "No usage this month.", { color: COLORS.muted });
  else
    table(doc, [
      { header: "Workload", width: CONTENT_WIDTH - 320 },
      { header: "Main model", width: 110 },
      { header: "Spend", width: 75, align: "right" },
      { header: "Share", width: 55, align: "right" },
      { header: "Change", width: 80, align: "right" },
    ], s.topWorkloads.map((w) => [w.sharedPool ? `${w.label} (shared: allocated)` : w.label, w.detail ?? "", mon(s, w.costUsd, w.cost), pct(w.share), signedPct(rowChange(s, w))]), { rowHeight: 14, fontSize: 8 });
  sectionHeading(doc, "Top models", `By attributed spend; change vs ${s.previous.month}.`, 90);
  if (s.topModels.length === 0) paragraph(doc, "No usage this month.", { color: COLORS.muted });
  else
    table(doc, [
      { header: "Model", width: CONTENT_WIDTH - 320 },
      { header: "Tier", width: 110 },
      { header: "Spend", width: 75, align: "right" },
      { header: "Share", width: 55, align: "right" },
      { header: "Change", width: 80, align: "right" },
    ], s.topModels.map((m) => [m.label, m.detail ?? "", mon(s, m.costUsd, m.cost), pct(m.share), signedPct(rowChange(s, m))]), { rowHeight: 14, fontSize: 8 });
}

function savings(doc: Doc, s: TeamStatement): void {
  sectionHeading(doc, "Savings delivered", s.savings.note, 40);
  if (s.savings.rollouts.length === 0) {
    paragraph(doc, "None measured this month.", { color: COLORS.muted });
    return;
  }
  for (const x of s.savings.rollouts.slice(0, 3)) paragraph(doc, `${x.label} (${x.workloads.join(", ")}, from ${x.appliedFrom}): saved ${mon(s, x.realisedSavingUsd)} over ${x.days} days.`, { size: 8.5 });
  paragraph(doc, `Total savings delivered: ${mon(s, s.savings.realisedSavingUsd)}`, { bold: true, color: COLORS.good });
}

function footer(doc: Doc, s: TeamStatement): void {
  doc.page.margins.bottom = 0;
  const y = PAGE.height - PAGE.margin + 10;
  doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.width - PAGE.margin, y - 6).lineWidth(0.4).strokeColor(COLORS.line).stroke();
  doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted).text(`Rightsize · ${s.team.label} statement ${s.monthName} · costs from token usage at catalogue or negotiated prices; UTC days${s.inCurrency ? `; in ${s.inCurrency.currency} at each day's rate` : ""}`, PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false, height: 10 });
}
