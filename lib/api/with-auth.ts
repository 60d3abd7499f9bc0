import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { principalForApiKey } from "@/lib/auth/api-keys";
import { can, principalForUser, type Principal } from "@/lib/auth/principal";
import { sessionUserId } from "@/lib/auth/session-token";
import type { Permission } from "@/lib/auth/roles";
import { forbidden, unauthenticated } from "@/lib/errors";
import { toErrorResponse } from "./error-response";
import { isCrossSiteWrite } from "./same-origin";

type Params = Record<string, string | string[]>;
export interface AuthedContext {
  req: NextRequest;
  principal: Principal;
  params: Params;
}
type Handler = (ctx: AuthedContext) => Promise<Response>;

/** Resolves the caller from `Authorization: Bearer <key>` or the next-auth session cookie. */
export async function resolvePrincipal(req: NextRequest): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? principalForApiKey(match[1]) : null;
  }
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  const uid = sessionUserId(token);
  return uid ? principalForUser(uid, typeof token?.sv === "number" ? token.sv : 0) : null;
}

/**
 * The one auth wrapper for route handlers: 401 JSON without a valid session or key, 403 without the permission,
 * and every thrown error converted by toErrorResponse.
 *   export const GET = withAuth("read", async ({ principal, req }) => Response.json(...));
 */
export function withAuth(permission: Permission, handler: Handler) {
  return async (req: NextRequest, context: { params?: Promise<Params> } = {}): Promise<Response> => {
    try {
      const principal = await resolvePrincipal(req);
      if (!principal) throw unauthenticated();
      // A session cookie rides along on any site's request: writes must come from our own pages (CSRF).
      if (principal.kind === "user" && isCrossSiteWrite(req)) throw forbidden("Cross-site request refused: the Origin header names another site");
      if (!can(principal, permission)) throw forbidden(`This needs the "${permission}" permission`);
      const params = (await context.params) ?? {};
      return await handler({ req, principal, params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
