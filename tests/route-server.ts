import http from "node:http";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest) => Promise<Response>;

/**
 * A real HTTP server on 127.0.0.1 (random port) handing requests to Next route handlers, for clients that
 * must talk HTTP (the OpenTelemetry SDK exporters, benchmarks). The request body is streamed to the handler
 * and the answer streamed back, as `next start` does.
 */
export async function serveRoutes(routes: Record<string, Handler>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const handler = routes[path];
    if (!handler || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new NextRequest(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]);
      const answer = await handler(request);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  // Longer than undici's idle-socket timeout (4 s): on a loaded machine the client's timer fires late, and a socket the
  // server closed at its default 5 s was reused by fetch ("other side closed") in bench:ingest's OTLP phase.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
