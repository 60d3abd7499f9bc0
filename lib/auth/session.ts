import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PAGE_PATH_HEADER } from "@/lib/navigation/return-path";
import { safeCallbackPath } from "./safe-callback";
import { authOptions } from "./options";
import { principalForUser, type Principal } from "./principal";

/** For pages: the signed-in principal, or a redirect to the sign-in page that returns to this page afterwards. */
export async function requirePagePrincipal(): Promise<Principal> {
  const session = (await getServerSession(authOptions())) as { uid?: number; sv?: number } | null;
  const principal = session?.uid ? await principalForUser(session.uid, session.sv ?? 0) : null;
  if (!principal) {
    const back = safeCallbackPath((await headers()).get(PAGE_PATH_HEADER));
    redirect(back === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  return principal;
}
