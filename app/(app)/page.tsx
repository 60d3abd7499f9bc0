import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/auth/session";
import { OverviewView } from "@/components/explorer/overview/overview-view";
import { OverviewPrefetch } from "@/components/explorer/overview/overview-prefetch";
import { BudgetsAtRisk } from "@/components/budgets/budgets-at-risk";
import { AnomaliesCard } from "@/components/budgets/anomalies-card";
import { OverSpecifiedList } from "@/components/whatif/over-specified-list";
import { RealisedSavingsCard } from "@/components/rollouts/realised-savings-card";
import { reportingCurrency } from "@/lib/currency/rates-store";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePagePrincipal();
  const params = await searchParams;
  // The panels below follow the page's team filter (issue 16.4), so nothing on a filtered page shows all teams.
  const team = typeof params.team === "string" && params.team ? params.team : undefined;
  const currency = await reportingCurrency();
  return (
    <>
      <PageHeader title="Overview" subtitle="AI spend across your teams: this month's pace, where it goes and how much is on frontier models. Dates are UTC." />
      <OverviewPrefetch principal={principal} searchParams={params}>
        <Suspense>
          <OverviewView />
        </Suspense>
      </OverviewPrefetch>
      <RealisedSavingsCard currency={currency} />
      {/* What needs attention: budgets heading over, unusual days, and money on over-specified workloads. */}
      <div className="grid two" style={{ marginTop: 14 }}>
        <BudgetsAtRisk team={team} currency={currency} />
        <AnomaliesCard team={team} limit={5} />
      </div>
      <OverSpecifiedList team={team} limit={8} currency={currency} />
    </>
  );
}
