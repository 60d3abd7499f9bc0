import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveWebhookTarget, WebhookRefused, type WebhookTarget } from "@/lib/net/webhook-target";

/**
 * One webhook attempt: POST the JSON body, 2xx is success. Anything else is a failure with a message worth showing
 * (HTTP status and the start of the answer, refused connection, timeout, internal address); redirects are not
 * followed. The host is resolved and checked first (lib/net/webhook-target.ts) and the socket connects to that
 * checked address, never to a second DNS answer.
 */
export interface AttemptResult {
  ok: boolean;
  error: string | null;
}

/** Bytes of the receiver's answer kept for the error message (the rest is not read). */
const ANSWER_BYTES = 2048;

export async function postWebhook(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<AttemptResult> {
  let target: WebhookTarget;
  try {
    target = await resolveWebhookTarget(url);
  } catch (error) {
    if (error instanceof WebhookRefused) return { ok: false, error: `refused: ${error.message}` };
    return { ok: false, error: describeError(error, url, timeoutMs) };
  }
  try {
    return await send(target, JSON.stringify(body), headers, timeoutMs);
  } catch (error) {
    return { ok: false, error: describeError(error, url, timeoutMs) };
  }
}

function send(target: WebhookTarget, payload: string, headers: Record<string, string>, timeoutMs: number): Promise<AttemptResult> {
  // Whatever the socket asks (one address or all of them), it gets the checked one.
  const pinned = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target.url, {
      method: "POST",
      lookup: pinned,
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(payload)),
        "user-agent": "Rightsize-Webhooks/1.0",
        ...headers,
      },
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        clearTimeout(timer);
        res.destroy();
        resolve({ ok: true, error: null });
        return;
      }
      let text = "";
      const done = () => {
        clearTimeout(timer);
        res.destroy();
        const answer = text.replace(/\s+/g, " ").trim().slice(0, 300);
        const redirect = status >= 300 && status < 400 ? " (redirects are not followed; use the final URL)" : "";
        resolve({ ok: false, error: `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}${redirect}${answer ? `: ${answer}` : ""}` });
      };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        if (text.length >= ANSWER_BYTES) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.end(payload);
  });
}

function describeError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)}s (timed out)`;
  const code = e?.code ?? e?.cause?.code;
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
