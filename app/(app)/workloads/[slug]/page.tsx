import { Suspense } from "react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/auth/session";
import { findVisibleWorkload } from "@/lib/analytics/find-visible";
import { NotVisible } from "@/components/explorer/not-visible";
import { WorkloadView } from "@/components/explorer/workloads/workload-view";
import { WorkloadClassification } from "@/components/whatif/workload-classification";
import { AnomaliesCard } from "@/components/budgets/anomalies-card";
import { WorkloadVerdictCard } from "@/components/whatif/workload-verdict";

export default async function WorkloadPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workload = await findVisibleWorkload(await requirePagePrincipal(), decodeURIComponent(slug));
  if (workload.status !== "ok") {
    return (
      <>
        <PageHeader title="Workload" />
        <NotVisible kind="workload" slug={slug} reason={workload.status} back="/workloads" />
      </>
    );
  }
  const w = workload.value;
  return (
    <>
      <div className="breadcrumb">
        <Link href="/workloads">Workloads</Link> ›{w.team && <> <Link href={`/teams/${w.team.slug}`}>{w.team.name}</Link> ›</>}
      </div>
      <PageHeader
        title={w.name}
        subtitle={`Workload “${w.slug}”${w.team ? ` of ${w.team.name}` : ""}${w.taskClass ? ` · ${w.taskClass.replace(/_/g, " ")}` : ""}: cost per call, tokens per call, models and trend. Dates are UTC.`}
      />
      <WorkloadVerdictCard slug={w.slug} />
      <Suspense>
        <WorkloadView slug={w.slug} team={w.team} />
      </Suspense>
      <div className="grid two" style={{ marginTop: 14 }}>
        <WorkloadClassification workload={w.slug} />
        <AnomaliesCard workload={w.slug} limit={5} />
      </div>
    </>
  );
}
