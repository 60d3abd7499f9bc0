import { Suspense } from "react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/auth/session";
import { findVisibleTeam } from "@/lib/analytics/find-visible";
import { NotVisible } from "@/components/explorer/not-visible";
import { TeamView } from "@/components/explorer/teams/team-view";

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const team = await findVisibleTeam(await requirePagePrincipal(), decodeURIComponent(slug));
  if (team.status !== "ok") {
    return (
      <>
        <PageHeader title="Team" />
        <NotVisible kind="team" slug={slug} reason={team.status} back="/teams" />
      </>
    );
  }
  return (
    <>
      <div className="breadcrumb">
        <Link href="/teams">Teams</Link> ›
      </div>
      <PageHeader title={team.value.name} subtitle={`Team “${team.value.slug}”: trend, workloads, models, tier mix and top users. Dates are UTC.`} />
      <Suspense>
        <TeamView slug={team.value.slug} />
      </Suspense>
    </>
  );
}
