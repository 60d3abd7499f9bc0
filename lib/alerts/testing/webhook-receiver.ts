import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 (random port) for webhook tests: records every request and answers with the
 * status `respond(n)` gives for the n-th request (1-based), e.g. fail twice then succeed.
 */
export interface Receiver {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

export async function startReceiver(respond: (n: number) => number = () => 200): Promise<Receiver> {
  const requests: Receiver["requests"] = [];
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: data ? JSON.parse(data) : null });
      const status = respond(requests.length);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status >= 400 ? `receiver says no (${status})` : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A URL on a port nothing listens on (a receiver that is down). */
export async function closedPortUrl(): Promise<string> {
  const r = await startReceiver();
  await r.close();
  return r.url;
}
