// A Rightsize import endpoint in a process of its own, for tests/hardening/faults.integration.test.ts to kill
// mid-request. Prints its URL on stdout once listening. Run with --conditions=react-server --import tsx.
import { serveRoutes } from "../route-server";
import { POST as importFile } from "@/app/api/v1/imports/route";

const server = await serveRoutes({ "/api/v1/imports": importFile });
process.stdout.write(`${server.url}\n`);
