/**
 * Where to go after signing in: only a path on this site. "//evil.example", "/\evil.example" (browsers read the
 * backslash as a slash), "https://evil.example" and anything with control characters become "/", so a sign-in
 * link cannot send a user to another site (open redirect). Pure: used by the sign-in form and next-auth's
 * redirect callback.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const base = "http://rightsize.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** next-auth's redirect callback: same-origin absolute URLs keep their path, everything else goes through safeCallbackPath. */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const target = new URL(url, baseUrl);
    if (target.origin === new URL(baseUrl).origin && !url.startsWith("/")) return `${baseUrl}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    return baseUrl;
  }
  return `${baseUrl}${safeCallbackPath(url)}`;
}
