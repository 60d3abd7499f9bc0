import PDFDocument from "pdfkit";
import { nanosToUsd, usdToNanos } from "@/lib/money";
import { inCurrency, pdfMoney, pdfSigned } from "@/lib/reports/pdf/in-currency";
import { changeFieldsOf, changeShareOf } from "../report-display";
import { describeChange } from "@/lib/change/describe";
import type { MonthlyReport, ReportRow } from "../report-schema";
import { COLORS, CONTENT_WIDTH, PAGE, kpiRow, paragraph, sectionHeading, table, tableHeight, type Doc } from "./pdf-layout";
import { budgetBars, dailyColumns, horizontalBars, waterfallColumns } from "./pdf-charts";
import { waterfallSteps } from "@/lib/change/waterfall-steps";
import { providerName } from "../provider-names";
import { chargebackSection } from "./chargeback-section";
import { unitCostsSection } from "./unit-costs-section";

/**
 * The monthly report as a printable A4 PDF, drawn with pdfkit on the server: KPIs, the daily spend chart, spend by
 * team (bars), workload, model, tier and provider, budget vs actual, allocation coverage and unpriced usage,
 * anomalies and rightsizing opportunities. Same numbers as the JSON report it is drawn from.
 */
export function renderReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: `AI spend report ${report.monthName}`, Author: "Rightsize", Subject: `AI token spend, ${report.from} to ${report.to}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  header(doc, report);
  kpis(doc, report);
  if (report.currency !== "USD") paragraph(doc, report.rateRule, { bold: true, size: 9 });
  const dailyLocal = report.currency !== "USD" && report.daily.every((d) => d.cost !== undefined);
  sectionHeading(doc, `Daily spend (${dailyLocal ? report.currency : "USD"})`, `UTC days, ${report.from} to ${report.to}. Days with an anomaly are red.`, 160);
  dailyColumns(doc, report.daily.map((d) => ({ day: d.day, value: num(dailyLocal ? d.cost! : d.costUsd) })), { highlight: new Set(report.anomalies.map((a) => a.day)), height: 130, currency: dailyLocal ? report.currency : "USD" });
  whyChanged(doc, report);
  byTeam(doc, report);
  chargebackSection(doc, report.chargeback, report.currency);
  breakdownTable(doc, report, "Spend by workload", report.byWorkload, "Workload", "Team", 20);
  breakdownTable(doc, report, "Spend by model", report.byModel, "Model", "Tier", 15);
  tiersAndProviders(doc, report);
  budgets(doc, report);
  coverage(doc, report);
  anomalies(doc, report);
  recommendations(doc, report);
  savingsDelivered(doc, report);
  unitCostsSection(doc, report.unitCosts, report.currency);
  footers(doc, report);
  doc.end();
  return done;
}

const num = (usd: string) => Number(usd);
/** An amount of the report: converted when it has one, else USD (labelled "USD" when the report's currency is not). */
const mon = (r: MonthlyReport, usd: string, converted?: string | null) => pdfMoney(usd, converted, r.currency);
const pct = (x: number | null, digits = 1) => (x === null ? "n/a" : `${(x * 100).toFixed(digits)}%`);
const signedPct = (x: number | null) => (x === null ? "new" : `${x > 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);
const int = (n: number) => n.toLocaleString("en-US");
const compact = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : int(n));

function header(doc: Doc, r: MonthlyReport): void {
  doc.rect(0, 0, PAGE.width, 92).fill("#111827");
  doc.font("Helvetica-Bold").fontSize(10).fillColor("#7aa2ff").text("RIGHTSIZE", PAGE.margin, 24, { characterSpacing: 1 });
  doc.font("Helvetica-Bold").fontSize(20).fillColor("#ffffff").text(`AI spend report: ${r.monthName}`, PAGE.margin, 40);
  const scope = r.scope.allTeams ? "All teams" : `Teams: ${r.scope.teams.join(", ") || "none"}`;
  const period = r.complete ? `${r.from} to ${r.to}` : `${r.from} to ${r.to} (month in progress)`;
  const asOf = `data as of ${r.dataAsOf.slice(0, 16).replace("T", " ")} UTC`;
  doc.font("Helvetica").fontSize(9).fillColor("#cfd6e4").text(`${period}  ·  ${scope}  ·  ${asOf}  ·  generated ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC`, PAGE.margin, 68);
  doc.y = 110;
  doc.x = PAGE.margin;
  // Closed months and late data: said before any figure, so a reader comparing with an earlier copy knows why.
  const notes = [
    r.closed ? `Closed ${r.closed.closedAt.slice(0, 10)} by ${r.closed.closedBy}.` : null,
    r.restatement ? `${r.restatement.text[0].toUpperCase()}${r.restatement.text.slice(1)} (since the ${r.restatement.basis === "close" ? "close" : r.restatement.basis === "export" ? "last export" : "first view"}, ${r.restatement.since.slice(0, 16).replace("T", " ")} UTC; ${mon(r, r.restatement.snapshotCostUsd)} then).` : null,
    ...(r.restatement && r.closed ? r.restatement.adjustments.map((a) => `Adjustment: ${int(a.requests)} calls, ${mon(r, a.costUsd)}, added ${a.addedOn ?? "without a batch"}.`) : []),
  ].filter((x): x is string => x !== null);
  if (notes.length > 0) {
    doc.font("Helvetica-Bold").fontSize(9).fillColor("#92400e").text(notes.join("  "), PAGE.margin, doc.y, { width: PAGE.width - 2 * PAGE.margin });
    doc.moveDown(0.6);
    doc.x = PAGE.margin;
  }
}

function kpis(doc: Doc, r: MonthlyReport): void {
  const inCur = r.currency !== "USD" && r.totals.cost !== undefined && r.previous.cost !== null && r.previous.cost !== undefined;
  const change = inCur ? changeShareOf(r.totals.cost!, r.previous.cost) : r.previous.changeShare;
  const overBudgets = r.budgets.filter((b) => b.status !== "on_track").length;
  kpiRow(doc, [
    {
      label: "Total spend",
      value: mon(r, r.totals.costUsd, r.totals.cost),
      // The non-token line: server-side tool calls are inside the total but are not tokens.
      sub: num(r.nonToken.serverToolsCostUsd) > 0 ? `${mon(r, r.nonToken.tokensCostUsd)} tokens · ${mon(r, r.nonToken.serverToolsCostUsd)} tools` : `${int(r.totals.requests)} requests`,
    },
    {
      label: r.previous.label,
      value: change === null ? "n/a" : signedPct(change),
      sub: inCur ? `${mon(r, r.previous.costUsd, r.previous.cost)} then (${pdfSigned(r.previous.changeUsd, r.previous.change, r.currency)})` : `${mon(r, r.previous.costUsd)} then (${pdfSigned(r.previous.changeUsd, null, r.currency)})`,
      tone: change === null ? undefined : change > 0 ? "bad" : "good",
    },
    { label: "Tokens", value: compact(r.totals.inputTokens + r.totals.outputTokens), sub: `${compact(r.totals.inputTokens)} in · ${compact(r.totals.outputTokens)} out` },
    {
      label: "Budgets",
      value: r.budgets.length === 0 ? "none" : `${overBudgets} of ${r.budgets.length}`,
      sub: r.budgets.length === 0 ? "no budgets set" : "over or at risk",
      tone: overBudgets > 0 ? "bad" : r.budgets.length ? "good" : undefined,
    },
  ]);
  kpiRow(doc, [
    { label: "Team coverage", value: pct(r.coverage.teamShare), sub: `${mon(r, r.coverage.unattributedCostUsd, r.coverage.unattributedCost)} unattributed`, tone: (r.coverage.teamShare ?? 1) < 0.9 ? "warn" : undefined },
    { label: "Workload coverage", value: pct(r.coverage.workloadShare), sub: `${mon(r, r.coverage.noWorkloadCostUsd, r.coverage.noWorkloadCost)} without workload` },
    { label: "Unpriced requests", value: int(r.unpriced.requests), sub: r.unpriced.requests ? `${pct(r.unpriced.requestShare, 2)} counted at $0` : "every request priced", tone: r.unpriced.requests ? "warn" : "good" },
    { label: "Anomalies", value: String(r.anomalies.length), sub: r.anomalies.length ? `+${mon(r, r.anomalies.reduce((s, a) => s + num(a.sizeUsd), 0).toFixed(2))} above usual` : "none flagged", tone: r.anomalies.length ? "bad" : undefined },
  ]);
}

/** The change vs the previous month as a waterfall of its five parts, then per team. */
function whyChanged(doc: Doc, r: MonthlyReport): void {
  // In the reporting currency when both months converted (each day at its rate); else USD, and the reason.
  const local = r.currency !== "USD" && r.change.totals.inCurrency ? r.currency : null;
  const c = local ? changeFieldsOf(r.change.totals.inCurrency!) : r.change.totals;
  const code = local ?? "USD";
  const amount = (s: string) => (local ? inCurrency(s, local) : mon(r, s));
  const signed = (s: string) => `${usdToNanos(s) > 0n ? "+" : ""}${amount(s)}`;
  const note = r.currency !== "USD" && !local && r.change.currencyNote ? ` In USD: ${r.change.currencyNote}.` : "";
  sectionHeading(doc, `Why spend changed (${code})`, `${r.from} to ${r.to} vs ${r.previous.from} to ${r.previous.to}. The parts add up exactly to the change.${note}`, 190);
  // The explanation again in the PDF's money format (its fonts lack some currency symbols).
  const parts = { volume: usdToNanos(c.parts.volumeUsd), mix: usdToNanos(c.parts.mixUsd), tokens: usdToNanos(c.parts.tokensUsd), cache: usdToNanos(c.parts.cacheUsd), price: usdToNanos(c.parts.priceUsd) };
  paragraph(doc, describeChange(usdToNanos(c.changeUsd), parts, usdToNanos(c.changeUsd), (n) => amount(nanosToUsd(n))), { bold: true, size: 10 });
  const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
  const steps = waterfallSteps(c, { base: r.complete ? monthLabel(r.previous.month) : `${monthLabel(r.previous.month)} (same days)`, current: monthLabel(r.month) });
  waterfallColumns(doc, steps.map((s) => ({ ...s, label: s.kind === "total" ? amount(s.amountUsd) : usdToNanos(s.amountUsd) === 0n ? amount(s.amountUsd) : signed(s.amountUsd) })), 130, code);
  paragraph(
    doc,
    "Order of effects: volume (more or fewer calls), model mix (calls moving between models), tokens per call, cache share, and last unit prices " +
      "(this month's usage at last month's prices per token type vs what it cost). Each step keeps the ones before it.",
    { size: 7.5, color: COLORS.muted },
  );
  const rows = r.change.byTeam.slice(0, 12).map((t) => ({ ...t, ...(local && t.inCurrency ? changeFieldsOf(t.inCurrency) : {}) }));
  const sgn = (s: string) => (usdToNanos(s) === 0n ? amount(s) : signed(s));
  if (rows.length === 0) return;
  table(
    doc,
    [
      { header: "Team", width: 125 },
      { header: "Change", width: 62, align: "right" },
      { header: "Volume", width: 58, align: "right" },
      { header: "Mix", width: 58, align: "right" },
      { header: "Tokens/call", width: 60, align: "right" },
      { header: "Cache", width: 58, align: "right" },
      { header: "Prices", width: CONTENT_WIDTH - 421, align: "right" },
    ],
    rows.map((t) => [t.label, sgn(t.changeUsd), sgn(t.parts.volumeUsd), sgn(t.parts.mixUsd), sgn(t.parts.tokensUsd), sgn(t.parts.cacheUsd), sgn(t.parts.priceUsd)]),
    { rowHeight: 14 },
  );
}


function byTeam(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "Spend by team", `Share of ${mon(r, r.totals.costUsd, r.totals.cost)} and change vs ${r.previous.month}.`, Math.min(r.byTeam.length, 12) * 17);
  horizontalBars(doc, r.byTeam.slice(0, 12).map((t) => ({
    label: t.label,
    value: num(t.cost ?? t.costUsd),
    valueText: `${mon(r, t.costUsd, t.cost)}  ${pct(t.share, 0)}`,
    color: t.key === "unattributed" ? COLORS.unknown : COLORS.accent,
  })));
  table(
    doc,
    [
      { header: "Team", width: 170 },
      { header: "Spend", width: 85, align: "right" },
      { header: "Share", width: 55, align: "right" },
      { header: `${r.previous.month}`, width: 85, align: "right" },
      { header: "Change", width: 60, align: "right" },
      { header: "Requests", width: CONTENT_WIDTH - 455, align: "right" },
    ],
    r.byTeam.map((t) => [t.label, mon(r, t.costUsd, t.cost), pct(t.share), mon(r, t.previousCostUsd, t.previousCost), signedPct(rowChange(r, t)), int(t.requests)]),
    { rowHeight: 14 },
  );
}

/** A row's change vs the previous month: in the currency when both months converted, else in USD. */
function rowChange(r: MonthlyReport, x: ReportRow): number | null {
  return r.currency !== "USD" && x.cost !== undefined && x.previousCost !== null && x.previousCost !== undefined ? changeShareOf(x.cost, x.previousCost) : x.changeShare;
}

function breakdownTable(doc: Doc, r: MonthlyReport, title: string, rows: ReportRow[], name: string, detail: string, limit: number): void {
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit);
  const sum = (f: (x: ReportRow) => string | undefined) => nanosToUsd(rest.reduce((s, x) => s + usdToNanos(f(x) ?? "0"), 0n));
  const restText = r.currency !== "USD" && rest.every((x) => x.cost !== undefined) ? mon(r, sum((x) => x.costUsd), sum((x) => x.cost)) : mon(r, sum((x) => x.costUsd));
  sectionHeading(doc, title, rest.length ? `Top ${limit} of ${rows.length}; the other ${rest.length} together: ${restText}.` : undefined, tableHeight(shown.length));
  table(
    doc,
    [
      { header: name, width: 160 },
      { header: detail, width: 95 },
      { header: "Spend", width: 80, align: "right" },
      { header: "Share", width: 50, align: "right" },
      { header: "Change", width: 55, align: "right" },
      { header: "Tokens", width: CONTENT_WIDTH - 440, align: "right" },
    ],
    shown.map((x) => [x.label, x.detail ?? "", mon(r, x.costUsd, x.cost), pct(x.share), signedPct(rowChange(r, x)), compact(x.tokens)]),
  );
}

function tiersAndProviders(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "By model tier and provider", undefined, Math.max(r.byTier.length, r.byProvider.length) * 17);
  const half = (CONTENT_WIDTH - 20) / 2;
  const y = doc.y;
  const tierColor = (k: string) => (COLORS as Record<string, string>)[k] ?? COLORS.unknown;
  const valueText = (x: ReportRow) => `${mon(r, x.costUsd, x.cost)}  ${pct(x.share, 0)}`;
  const yLeft = horizontalBars(doc, r.byTier.map((t) => ({ label: t.label, value: num(t.cost ?? t.costUsd), valueText: valueText(t), color: tierColor(t.key) })), { width: half, labelWidth: 60 });
  doc.y = y;
  const yRight = horizontalBars(doc, r.byProvider.map((p) => ({ label: providerName(p.key), value: num(p.cost ?? p.costUsd), valueText: valueText(p) })), { x: PAGE.margin + half + 20, width: half, labelWidth: 75 });
  doc.y = Math.max(yLeft, yRight) + 4;
}

function budgets(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "Budget vs actual", "Each budget in its period containing the report's last day.", Math.max(1, r.budgets.length) * 24 + 16);
  if (r.budgets.length === 0) return paragraph(doc, "No budgets are set. Add them on the Budgets page to track spend against plans.", { color: COLORS.muted });
  const status = { over: "OVER", at_risk: "at risk", on_track: "on track" } as const;
  budgetBars(doc, r.budgets.map((b) => ({
    label: `${b.label} (${b.periodKey})`,
    amount: num(b.amount),
    actual: num(b.actual),
    forecast: num(b.forecast),
    status: b.status,
    caption: `${budgetMoney(r, b.actual, b.currency)} of ${budgetMoney(r, b.amount, b.currency)} (${pct(b.actualShare, 0)}) · ${status[b.status]}`,
  })));
}

/** A budget's amount in its own currency; a USD budget in a report in another currency says "USD". */
const budgetMoney = (r: MonthlyReport, v: string, c: string) => (c === "USD" ? mon(r, v) : inCurrency(v, c));

function coverage(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "Allocation coverage and unpriced usage");
  paragraph(
    doc,
    `${pct(r.coverage.teamShare)} of spend is attributed to a team and ${pct(r.coverage.workloadShare)} to a workload. ` +
      `${mon(r, r.coverage.unattributedCostUsd, r.coverage.unattributedCost)} has no team: add attribution rules (Settings) to assign it.`,
  );
  if (r.unpriced.requests === 0) return paragraph(doc, "Every request had a known price.", { color: COLORS.good });
  paragraph(
    doc,
    `${int(r.unpriced.requests)} requests (${pct(r.unpriced.requestShare, 2)}) used models without a known price and are counted at $0, ` +
      `so the total understates spend: ${r.unpriced.models.map((m) => `${m.key} (${int(m.requests)})`).join(", ")}. Add a price override in Settings.`,
    { color: COLORS.warn },
  );
}

function anomalies(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "Anomalies of the month", "Spend spikes against the same weekday in earlier weeks, and switches to pricier models.", tableHeight(r.anomalies.length) + Math.min(5, r.anomalies.length) * 14);
  if (r.anomalies.length === 0) return paragraph(doc, "No anomalies were flagged this month.", { color: COLORS.muted });
  table(
    doc,
    [
      { header: "Day", width: 62 },
      { header: "Kind", width: 70 },
      { header: "Scope", width: 150 },
      { header: "Spent", width: 75, align: "right" },
      { header: "Usual / before", width: 75, align: "right" },
      { header: "Size", width: CONTENT_WIDTH - 432, align: "right" },
    ],
    r.anomalies.map((a) => [a.day, a.kind === "spike" ? "spike" : "model switch", `${a.scope.type === "team" ? "Team" : "Workload"} ${a.scope.label}`, mon(r, a.spendUsd), mon(r, a.expectedUsd), `+${mon(r, a.sizeUsd)}`]),
  );
  for (const a of r.anomalies.slice(0, 5)) paragraph(doc, `- ${a.message} Why: ${a.explanation}.`, { size: 8, color: COLORS.muted });
}

function recommendations(doc: Doc, r: MonthlyReport): void {
  sectionHeading(doc, "Top rightsizing opportunities", undefined, tableHeight(r.recommendations.items.length));
  if (!r.recommendations.available) return paragraph(doc, r.recommendations.message ?? "Recommendations not available.", { color: COLORS.muted });
  if (r.recommendations.items.length === 0) return paragraph(doc, "No rightsizing opportunities found.", { color: COLORS.muted });
  table(
    doc,
    [
      { header: "Workload", width: 130 },
      { header: "Current model", width: 110 },
      { header: "Candidate", width: 110 },
      { header: "Saving / month", width: 85, align: "right" },
      { header: "Confidence", width: CONTENT_WIDTH - 435 },
    ],
    r.recommendations.items.map((x) => [x.workload, x.currentModel, x.candidateModel, mon(r, x.monthlySavingUsd), x.confidence]),
  );
}

function savingsDelivered(doc: Doc, r: MonthlyReport): void {
  const s = r.savingsDelivered;
  const predicted = s.predictedSavingUsd === null ? "" : `, predicted ${mon(r, s.predictedSavingUsd)}`;
  sectionHeading(doc, "Savings delivered", `Applied rollouts: realised ${mon(r, s.realisedSavingUsd)}${predicted} (calls re-priced on each workload's model mix of the 14 days before the change).`, tableHeight(s.rollouts.length));
  if (s.rollouts.length === 0) return paragraph(doc, "No rollout was applied during this month.", { color: COLORS.muted });
  table(
    doc,
    [
      { header: "Rollout", width: 150 },
      { header: "Workloads", width: CONTENT_WIDTH - 400 },
      { header: "Applied from", width: 70 },
      { header: "Realised", width: 90, align: "right" },
      { header: "Predicted", width: 90, align: "right" },
    ],
    s.rollouts.map((x) => [x.label, x.workloads.join(", "), x.appliedFrom, mon(r, x.realisedSavingUsd), x.predictedSavingUsd === null ? "-" : mon(r, x.predictedSavingUsd)]),
  );
}

function footers(doc: Doc, r: MonthlyReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin + 10;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.width - PAGE.margin, y - 6).lineWidth(0.4).strokeColor(COLORS.line).stroke();
    doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted);
    doc.text(`Rightsize · AI spend report ${r.monthName} · costs computed from token usage at catalogue or negotiated prices; UTC days${r.currency !== "USD" ? `; amounts in ${r.currency}` : ""}`, PAGE.margin, y, { width: CONTENT_WIDTH - 60, lineBreak: false, height: 10 });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.width - PAGE.margin - 60, y, { width: 60, align: "right", lineBreak: false, height: 10 });
  }
}
