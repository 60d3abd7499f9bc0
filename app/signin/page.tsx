import { SignInForm } from "@/components/shell/sign-in-form";
import { env } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default function SignInPage() {
  const e = env();
  const sso = e.OIDC_ISSUER ? e.OIDC_NAME : null;
  return (
    <div className="signin-wrap">
      <SignInForm ssoName={sso} />
    </div>
  );
}
