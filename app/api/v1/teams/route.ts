import { withAuth } from "@/lib/api/with-auth";
import { prisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

// GET /api/v1/teams - teams the caller can see
export const GET = withAuth("read", async ({ principal }) => {
  const teams = await prisma().team.findMany({
    where: principal.teamIds === null ? {} : { id: { in: principal.teamIds } },
    orderBy: { name: "asc" },
  });
  return Response.json({ teams: teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name })) });
});
