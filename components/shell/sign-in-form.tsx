"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, Suspense } from "react";
import { safeReturnPath } from "@/lib/navigation/return-path";

function Form({ ssoName }: { ssoName: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const callbackUrl = safeReturnPath(params.get("callbackUrl"));

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: data.get("email"), password: data.get("password"), redirect: false });
    setBusy(false);
    // One generic message: never say whether the email or the password was wrong.
    if (!result || result.error) setError("Invalid email or password");
    else router.replace(callbackUrl);
  }

  return (
    <form className="signin" onSubmit={submit}>
      <h1>
        Right<span>size</span>
      </h1>
      <p className="muted" style={{ margin: 0 }}>Sign in to see your AI spend.</p>
      <label className="field">
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <div className="error-box" role="alert">{error}</div>}
      <button className="btn primary" type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      {ssoName && (
        <button className="btn" type="button" onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {ssoName}
        </button>
      )}
    </form>
  );
}

export function SignInForm(props: { ssoName: string | null }) {
  return (
    <Suspense>
      <Form {...props} />
    </Suspense>
  );
}
