import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { principalForUser, type Principal } from "./principal";

/** For pages: the signed-in principal, or a redirect to the sign-in page. */
export async function requirePagePrincipal(): Promise<Principal> {
  const session = (await getServerSession(authOptions())) as { uid?: number; sv?: number } | null;
  const principal = session?.uid ? await principalForUser(session.uid, session.sv ?? 0) : null;
  if (!principal) redirect("/signin");
  return principal;
}
