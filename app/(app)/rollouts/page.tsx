import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { usdNote } from "@/lib/ui/money";
import { RolloutsView } from "@/components/rollouts/rollouts-view";
import { can } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/auth/session";

export default async function RolloutsPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader
        title="Rollouts"
        subtitle={`What was changed, and what it really saved: each rollout's calls re-priced on the model mix of the 14 days before, next to the scenario's prediction. Dates are UTC.${usdNote(await reportingCurrency())}`}
      />
      <Suspense fallback={<div className="card empty">Loading…</div>}>
        <RolloutsView canEdit={can(principal, "edit_workloads")} />
      </Suspense>
    </>
  );
}
