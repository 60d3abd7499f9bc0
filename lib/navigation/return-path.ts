/**
 * The request header proxy.ts sets on page requests, so that a redirect to sign-in can name the page to return to
 * (checked by lib/auth/safe-callback.ts: only a path on this site).
 */
export const PAGE_PATH_HEADER = "x-rightsize-page";
