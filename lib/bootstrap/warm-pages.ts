import "server-only";
import { encode } from "next-auth/jwt";
import { prisma } from "@/lib/db/prisma";

/**
 * The second half of the start-up warm-up (issue 17.3), run by instrumentation.ts once the server answers: one
 * server render of the Overview and one call of each API its panels read, over loopback, as the first active admin. What the first page request after a
 * start otherwise paid (~1.1-1.6 s against ~0.35 s for the next ones, measured 2026-12-03): React's server renderer
 * and the app's page and layout modules running for the first time, and the session path of a signed-in page.
 * warmUp() (warm-up.ts) cannot do this: register() runs before Next.js serves requests.
 * The session token is minted here, in the server that holds NEXTAUTH_SECRET, sent only to 127.0.0.1 and dropped;
 * the response is read and dropped too (the page's server render has no side effect). No admin (a new install):
 * nothing to warm.
 */
/** The Overview, then the requests its panels make after hydration (each route's first run), one at a time. */
const PATHS = [
  "/",
  "/api/v1/spend/overview",
  "/api/v1/spend/change?groupBy=org",
  "/api/v1/budgets?include=series",
  "/api/v1/anomalies?limit=50",
  "/api/v1/recommendations/over-specified?limit=8",
  "/api/v1/rollouts/savings",
  "/api/v1/teams",
];

export async function warmPages(port: string | undefined = process.env.PORT): Promise<Record<string, number | string>> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!port || !secret) return { pages: "skipped: no port or secret" };
  const user = await prisma().user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { id: "asc" }, select: { id: true, email: true, sessionVersion: true } });
  if (!user) return { pages: "skipped: no admin" };
  const token = await encode({ token: { uid: user.id, email: user.email, sv: user.sessionVersion }, secret, maxAge: 60 });
  // next-auth's cookie name: __Secure- prefixed when the site is https (NEXTAUTH_URL); both are sent.
  const cookie = `next-auth.session-token=${token}; __Secure-next-auth.session-token=${token}`;
  const steps: Record<string, number | string> = {};
  for (const path of PATHS) {
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      steps[path] = res.status === 200 ? Math.round(performance.now() - t) : `status ${res.status}`;
    } catch (error) {
      steps[path] = `failed: ${(error as Error).message.split("\n")[0]}`;
    }
  }
  return steps;
}
