import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/navigation/return-path";

/**
 * Runs before page requests. Its one job: tell the page which URL was asked for (a request header), so that a
 * signed-out visitor sent to /signin comes back to the same page and filters after signing in (a deep link
 * survives sign-in). Authorisation stays in the pages and routes themselves.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's assets or the sign-in page itself.
  matcher: ["/((?!api/|_next/|signin|icon\\.svg|favicon\\.ico).*)"],
};
