/**
 * Why a single sign-on was refused: the code travels in `/signin?error=CODE` (next-auth redirects there) and the
 * sign-in page shows the sentence. Pure, so the client form can import it.
 */
export const SSO_REFUSALS = {
  SsoEmailUnverified: "Your identity provider did not confirm that you own this email address (email_verified), so Rightsize cannot link it to an account.",
  SsoNoEmail: "Your identity provider sent no email address; ask your administrator to release the email claim to Rightsize.",
  SsoDisabled: "This account is disabled. Ask a Rightsize administrator.",
  SsoNoRole: "None of your groups gives access to Rightsize. Ask your administrator to add you to a group mapped in OIDC_ROLE_MAP.",
  SsoGroupsOverflow: "Your identity provider left your groups out of the sign-in token (too many groups). Ask your administrator to send only the groups assigned to Rightsize.",
  SsoIdentityConflict: "This email is already linked to another single sign-on identity. Ask a Rightsize administrator.",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

/** next-auth's own codes that reach the sign-in page after a failed single sign-on (token or ID token invalid...). */
const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthCallback: "Single sign-on failed: the identity provider's answer could not be verified. Try again or ask your administrator.",
  OAuthSignin: "Single sign-on could not start: the identity provider did not answer.",
  AccessDenied: "Access denied.",
  Callback: "Single sign-on failed. Try again or ask your administrator.",
};

export function signInErrorMessage(code: string | null): string | null {
  if (!code) return null;
  if (code in SSO_REFUSALS) return SSO_REFUSALS[code as SsoRefusal];
  return NEXT_AUTH_ERRORS[code] ?? "Sign-in failed. Try again.";
}
