import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../db";
import { request, userWithSession } from "../factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as createScenario } from "@/app/api/v1/scenarios/route";
import { GET as getTeams } from "@/app/api/v1/teams/route";
import { POST as postEvents } from "@/app/api/v1/events/route";

// Issue 10 item 8: cookie-authenticated writes check Origin; a foreign origin gets 403.
useTestDatabase();

let admin: { cookie: string };
let key: string;
beforeAll(async () => {
  admin = await userWithSession("admin@origin.test", "admin");
  key = (await createApiKey({ name: "k", scopes: ["ingest"] })).key;
});

const scenario = { name: "s", rules: [] };
const write = (headers: Record<string, string>) =>
  createScenario(request("http://localhost:3000/api/v1/scenarios", { cookie: admin.cookie, body: scenario, headers: { host: "localhost:3000", ...headers } }));

describe("Origin check", () => {
  it("refuses a cookie write from another site with 403", async () => {
    const res = await write({ origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Origin/);
    expect((await write({ origin: "null" })).status).toBe(403);
    expect((await write({ "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("lets same-origin writes, reads and API-key writes through", async () => {
    expect((await write({ origin: "http://localhost:3000" })).status).not.toBe(403);
    const read = await getTeams(request("http://localhost:3000/api/v1/teams", { cookie: admin.cookie, headers: { origin: "https://evil.example" } }));
    expect(read.status).toBe(200); // reads change nothing; CORS keeps their answers from the other site
    const byKey = await postEvents(request("/api/v1/events", { key, body: [], headers: { origin: "https://evil.example" } }));
    expect(byKey.status).toBe(200);
  });
});
