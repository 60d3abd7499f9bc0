/**
 * One webhook attempt: POST the JSON body, 2xx is success. Anything else is a failure with a message worth showing
 * (HTTP status and the start of the answer, refused connection, timeout); redirects are not followed.
 */
export interface AttemptResult {
  ok: boolean;
  error: string | null;
}

export async function postWebhook(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<AttemptResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Rightsize-Webhooks/1.0", ...headers },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true, error: null };
    }
    const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 300);
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed; use the final URL)" : "";
    return { ok: false, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${redirect}${text ? `: ${text}` : ""}` };
  } catch (error) {
    return { ok: false, error: describeFetchError(error, url, timeoutMs) };
  }
}

function describeFetchError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)}s (timed out)`;
  const code = e?.cause?.code;
  if (code) return `could not connect to ${hostOf(url)}: ${code}`;
  return `request failed: ${e?.cause?.message ?? e?.message ?? String(error)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the webhook";
  }
}
