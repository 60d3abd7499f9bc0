/**
 * The HTTP side of bench/ingest.ts, in its own process (as a deployed server would be): a node:http server on
 * 127.0.0.1 hosting the route handlers of POST /api/v1/events and /api/otlp/v1/traces exactly as `next start`
 * calls them. Prints its URL on stdout, serves until killed. DATABASE_URL must be set.
 */
import { serveRoutes } from "../tests/route-server";
import { POST as events } from "@/app/api/v1/events/route";
import { POST as otlp } from "@/app/api/otlp/v1/traces/route";

const server = await serveRoutes({ "/api/v1/events": events, "/api/otlp/v1/traces": otlp });
console.log(server.url);
// Exit cleanly on SIGTERM, so `node --cpu-prof` writes its profile.
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
