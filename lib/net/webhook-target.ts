import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { internalKind } from "./address-class";

/**
 * Where a webhook may connect. The URL's host is resolved ONCE and every address checked (a name with one
 * internal address among public ones is refused); delivery then connects to the checked address itself
 * (post-webhook.ts passes it as the socket's lookup), so a DNS answer that changes between check and connect
 * (DNS rebinding) cannot swap in an internal address. RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE=1 lifts the check for
 * on-premise receivers.
 */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export class WebhookRefused extends Error {}

export const allowPrivateWebhooks = () => process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE === "1";

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** Resolves and checks; throws WebhookRefused (message names the host and why) or the DNS error. */
export async function resolveWebhookTarget(raw: string): Promise<WebhookTarget> {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new WebhookRefused(`must be an http:// or https:// URL`);
  const host = hostOf(url);
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new WebhookRefused(`${host} does not resolve to any address`);
  if (!allowPrivateWebhooks()) {
    for (const a of addresses) {
      const kind = internalKind(a.address);
      if (kind) {
        const via = literal ? "" : ` (${host} resolves to ${a.address})`;
        throw new WebhookRefused(
          `${literal ? host : "the host"} is a ${kind} address${via}; webhooks may not reach internal addresses (set RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE=1 for an on-premise receiver)`,
        );
      }
    }
  }
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

/**
 * The check when a webhook is saved: a refused target is the caller's error. A name that does not resolve
 * (yet, or only inside another network) is accepted here; delivery checks again and records why it failed.
 */
export async function refusalAtSave(raw: string): Promise<string | null> {
  try {
    await resolveWebhookTarget(raw);
    return null;
  } catch (error) {
    return error instanceof WebhookRefused ? error.message : null;
  }
}

/** Webhook URLs often carry their secret in the path (Slack): logs and the audit trail show only the origin. */
export function redactUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "(invalid URL)";
  }
}
