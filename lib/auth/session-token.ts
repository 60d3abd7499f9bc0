/**
 * Single sign-on sessions last SSO_SESSION_MINUTES from the sign-in, however active the user is (next-auth's own
 * JWT expiry slides with every request). Role and teams are re-read from the database on every request, but they
 * come from the IdP's groups only at sign-in; this cap is how soon leaving a group in the IdP takes effect.
 */
export const SSO_SESSION_MINUTES = 60;

/**
 * The signed-in user's id from a decoded session token (`uid`; `ssoUntil` = epoch seconds a single sign-on session
 * ends), or null: no user, or a single sign-on session past its end.
 */
export function sessionUserId(token: Record<string, unknown> | null | undefined, nowMs = Date.now()): number | null {
  if (!token || typeof token.uid !== "number") return null;
  if (typeof token.ssoUntil === "number" && token.ssoUntil * 1000 <= nowMs) return null;
  return token.uid;
}

export function ssoSessionEnd(nowMs = Date.now()): number {
  return Math.floor(nowMs / 1000) + SSO_SESSION_MINUTES * 60;
}
