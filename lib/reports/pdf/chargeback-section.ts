import { formatUsd, usdToNanos } from "@/lib/money";
import type { ChargebackResponse } from "@/lib/chargeback/chargeback-schema";
import { CONTENT_WIDTH, paragraph, sectionHeading, table, tableHeight, type Doc } from "./pdf-layout";

const usd = (s: string) => formatUsd(usdToNanos(s));

/** Chargeback in the monthly report PDF: direct, allocated and total per team, and how each shared pool was split. */
export function chargebackSection(doc: Doc, c: ChargebackResponse): void {
  const note = c.pools.length ? "Shared and unattributed spend allocated to teams by the allocation rules; amounts sum exactly to each pool." : "No allocation rules: each team's total is its direct spend.";
  sectionHeading(doc, "Chargeback: direct, allocated and total per team", note, tableHeight(Math.min(c.teams.length, 12)));
  table(
    doc,
    [
      { header: "Team", width: CONTENT_WIDTH - 300 },
      { header: "Direct", width: 100, align: "right" },
      { header: "Allocated", width: 100, align: "right" },
      { header: "Total charged", width: 100, align: "right" },
    ],
    [...c.teams.map((t) => [t.label, usd(t.directUsd), usd(t.allocatedUsd), usd(t.totalUsd)]), ["Total", usd(c.totals.directUsd), usd(c.totals.allocatedUsd), usd(c.totals.totalUsd)]],
    { rowHeight: 14 },
  );
  for (const p of c.pools) paragraph(doc, `${p.rule} (${p.source}, ${usd(p.costUsd)}): ${p.basis}.`, { size: 8 });
  if (c.unallocatedUsd !== null && usdToNanos(c.unallocatedUsd) !== 0n) paragraph(doc, `${usd(c.unallocatedUsd)} of unattributed spend is not allocated (no rule).`, { size: 8 });
}
