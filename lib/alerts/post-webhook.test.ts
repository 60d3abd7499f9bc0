import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startReceiver, type Receiver } from "./testing/webhook-receiver";

// Issue 10 item 4 (delivery): the socket connects to the address that was checked, not to a second DNS answer.
// "rebind.invalid" cannot be resolved by the system resolver (.invalid is reserved, RFC 6761); the mocked
// resolver answers it once. If delivery looked the name up again when connecting, it would fail with ENOTFOUND.
const answers: Record<string, { address: string; family: number }[]> = {
  "rebind.invalid": [{ address: "127.0.0.1", family: 4 }],
  "mixed.invalid": [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.7", family: 4 }],
};
vi.mock("node:dns/promises", () => ({
  lookup: vi.fn(async (host: string) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found;
  }),
}));

const { postWebhook } = await import("./post-webhook");

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver(() => 204);
});
afterAll(() => receiver.close());
afterEach(() => {
  delete process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE;
});

describe("postWebhook", () => {
  it("connects to the checked address, keeping the URL's host name", async () => {
    process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1"; // the receiver is on 127.0.0.1
    const port = new URL(receiver.url).port;
    const result = await postWebhook(`http://rebind.invalid:${port}/hook`, { hello: 1 });
    expect(result).toEqual({ ok: true, error: null });
    expect(receiver.requests.at(-1)).toMatchObject({ headers: { host: `rebind.invalid:${port}` }, body: { hello: 1 } });
  });

  it("refuses a name when any of its addresses is internal, without connecting", async () => {
    const before = receiver.requests.length;
    const result = await postWebhook("http://mixed.invalid/hook", {});
    expect(result.ok).toBe(false);
    expect(result.error).toBe(
      "refused: the host is a private address (mixed.invalid resolves to 10.0.0.7); webhooks may not reach internal addresses (set RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE=1 for an on-premise receiver)",
    );
    expect(receiver.requests.length).toBe(before);
  });

  it("refuses a loopback receiver without the on-premise switch", async () => {
    const result = await postWebhook(receiver.url, {});
    expect(result.error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
  });
});
