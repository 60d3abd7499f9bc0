/**
 * Where to return after sign-in: only a path on this origin ("/workloads?range=7d"), never "//evil.example",
 * "/\\evil.example" or an absolute URL, which browsers would follow to another host. Anything else is "/".
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters and backslashes anywhere can be normalised into a host by some browsers.
  if (/[\u0000-\u001f\\]/.test(value)) return "/";
  return value;
}

/** The request header proxy.ts sets on page requests so a redirect to sign-in can name the page to return to. */
export const PAGE_PATH_HEADER = "x-rightsize-page";
