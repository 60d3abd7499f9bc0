/**
 * Cross-site request forgery guard for cookie-authenticated writes (API keys are not sent by browsers on their
 * own, so key requests are not checked). A browser names the page that made a request in `Origin` (and
 * `Sec-Fetch-Site`); a write whose Origin is another site is refused (403). Requests without either header do
 * not come from a browser page (curl, scripts) and cannot ride on a victim's cookie.
 *
 * "This site" is the request's Host (or X-Forwarded-Host with RIGHTSIZE_TRUST_PROXY=1) and NEXTAUTH_URL.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") === "cross-site";
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage: not this site
  }
  return !ownHosts(req).includes(host);
}

function ownHosts(req: Request): string[] {
  const hosts = [req.headers.get("host")];
  if (process.env.RIGHTSIZE_TRUST_PROXY === "1") hosts.push(req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? null);
  try {
    if (process.env.NEXTAUTH_URL) hosts.push(new URL(process.env.NEXTAUTH_URL).host);
  } catch {
    // an invalid NEXTAUTH_URL is reported by lib/config/env.ts at start
  }
  return hosts.filter((h): h is string => Boolean(h));
}
