import "server-only";
import { prisma } from "@/lib/db/prisma";
import { canSeeTeam, type Principal } from "@/lib/auth/principal";

/**
 * The team or workload a page is about, if the caller may look at it: "missing" (no such slug) and "forbidden"
 * (a lead looking outside their teams) are told apart so the page can say which, without showing any numbers.
 */
export type Visible<T> = { status: "ok"; value: T } | { status: "missing" } | { status: "forbidden" };

export async function findVisibleTeam(principal: Principal, slug: string): Promise<Visible<{ slug: string; name: string }>> {
  const team = await prisma().team.findUnique({ where: { slug } });
  if (!team) return { status: "missing" };
  if (!canSeeTeam(principal, team.id)) return { status: "forbidden" };
  return { status: "ok", value: { slug: team.slug, name: team.name } };
}

export async function findVisibleWorkload(
  principal: Principal,
  slug: string,
): Promise<Visible<{ slug: string; name: string; team: { slug: string; name: string } | null; taskClass: string | null }>> {
  const workload = await prisma().workload.findUnique({ where: { slug }, include: { team: true } });
  if (!workload) return { status: "missing" };
  // A lead sees the workloads of their teams; spend of it attributed to other teams stays hidden by the scope.
  if (principal.teamIds !== null && !canSeeTeam(principal, workload.teamId)) return { status: "forbidden" };
  return {
    status: "ok",
    value: { slug: workload.slug, name: workload.name, team: workload.team ? { slug: workload.team.slug, name: workload.team.name } : null, taskClass: workload.taskClass },
  };
}
