import { usdToNanos } from "@/lib/money";
import { pdfMoney } from "./in-currency";
import type { ChargebackResponse } from "@/lib/chargeback/chargeback-schema";
import { CONTENT_WIDTH, paragraph, sectionHeading, table, tableHeight, type Doc } from "./pdf-layout";

/** Chargeback in the monthly report PDF: direct, allocated and total per team, and how each shared pool was split. */
export function chargebackSection(doc: Doc, c: ChargebackResponse, reporting = "USD"): void {
  // In the reporting currency when converted (inCurrency: the same rules over converted cells), else USD, labelled.
  const ic = c.inCurrency;
  const team = new Map(ic?.teams.map((t) => [t.key, t]) ?? []);
  const pool = new Map(ic?.pools.map((p) => [p.ruleId, p.cost]) ?? []);
  const usd = (v: string, converted?: string | null) => pdfMoney(v, converted, reporting);
  const note = c.pools.length ? "Shared and unattributed spend allocated to teams by the allocation rules; amounts sum exactly to each pool." : "No allocation rules: each team's total is its direct spend.";
  sectionHeading(doc, `Chargeback: direct, allocated and total per team${reporting !== "USD" ? ` (${ic ? reporting : "USD"})` : ""}`, note, tableHeight(Math.min(c.teams.length, 12)));
  table(
    doc,
    [
      { header: "Team", width: CONTENT_WIDTH - 300 },
      { header: "Direct", width: 100, align: "right" },
      { header: "Allocated", width: 100, align: "right" },
      { header: "Total charged", width: 100, align: "right" },
    ],
    [
      ...c.teams.map((t) => [t.label, usd(t.directUsd, team.get(t.key)?.direct), usd(t.allocatedUsd, team.get(t.key)?.allocated), usd(t.totalUsd, team.get(t.key)?.total)]),
      ["Total", usd(c.totals.directUsd, ic?.totals.direct), usd(c.totals.allocatedUsd, ic?.totals.allocated), usd(c.totals.totalUsd, ic?.totals.total)],
    ],
    { rowHeight: 14 },
  );
  for (const p of c.pools) paragraph(doc, `${p.rule} (${p.source}, ${usd(p.costUsd, pool.get(p.ruleId))}): ${p.basis}.`, { size: 8 });
  if (c.unallocatedUsd !== null && usdToNanos(c.unallocatedUsd) !== 0n) paragraph(doc, `${usd(c.unallocatedUsd, ic?.unallocated)} of unattributed spend is not allocated (no rule).`, { size: 8 });
}
