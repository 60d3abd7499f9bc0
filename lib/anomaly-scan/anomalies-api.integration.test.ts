import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { eachDay } from "@/lib/forecast/utc-days";
import { GET } from "@/app/api/v1/anomalies/route";
import { scanAnomalies } from "./scan-anomalies";

useTestDatabase();

let admin: { cookie: string };
let salesLead: { cookie: string };
const get = (query: string, who = admin) => GET(request(`/api/v1/anomalies?${query}`, { cookie: who.cookie }));
const RANGE = "from=2026-10-01&to=2026-10-20";

beforeAll(async () => {
  // sre-agent (team platform): $1 a day on gpt-4o, then a runaway $200 on Monday 19 October.
  // call-summaries (team sales): 4M tokens a day on gpt-4.1-mini ($1.60), switched to claude-sonnet-4-5 ($12) on 14 October.
  await ingest(
    eachDay("2026-08-15", "2026-10-20").flatMap((day) => [
      usageEvent({ occurredAt: new Date(`${day}T09:00:00Z`), team: "platform", workload: "sre-agent", inputTokens: day === "2026-10-19" ? 80_000_000 : 400_000, outputTokens: 0 }),
      // 40 calls of 100k tokens (one 4M-token call would be priced at the long-context rate).
      ...Array.from({ length: 40 }, () =>
        day < "2026-10-14"
          ? usageEvent({ occurredAt: new Date(`${day}T09:00:00Z`), team: "sales", workload: "call-summaries", model: "gpt-4.1-mini", inputTokens: 100_000, outputTokens: 0 })
          : usageEvent({ occurredAt: new Date(`${day}T09:00:00Z`), team: "sales", workload: "call-summaries", provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 100_000, outputTokens: 0 }),
      ),
    ]),
  );
  admin = await userWithSession("admin@anomalies.test", "admin");
  salesLead = await userWithSession("lead@anomalies.test", "lead", ["sales"]);
});

describe("GET /api/v1/anomalies", () => {
  it("flags the runaway day and the switch to a pricier model with their size in dollars, largest first", async () => {
    const res = await get(RANGE);
    expect(res.status).toBe(200);
    const body = await res.json();
    // Team platform's spike that day is the same incident one level up: listed once, as the workload's.
    expect(body.anomalies.map((a: { kind: string; scope: { key: string }; day: string; sizeUsd: string }) => [a.kind, a.scope.key, a.day, a.sizeUsd])).toEqual([
      ["spike", "sre-agent", "2026-10-19", "199.00"],
      ["model_switch", "call-summaries", "2026-10-14", "72.80"],
    ]);
    const sw = body.anomalies[1];
    expect(sw).toMatchObject({ scope: { type: "workload", label: "call-summaries", team: { key: "sales" } }, spendUsd: "84.00", expectedUsd: "11.20" });
    expect(sw.message).toBe(
      "Workload call-summaries switched from gpt-4.1-mini (mid) to claude-sonnet-4-5 (frontier) on 2026-10-14: $84.00 on claude-sonnet-4-5 over 7 days where gpt-4.1-mini would have cost $11.20 for the same tokens (+$72.80, about $10.40 a day).",
    );
    expect(body.totalSizeUsd).toBe("271.80");
  });

  it("explains each anomaly with the change decomposition", async () => {
    const body = await (await get(RANGE)).json();
    // Spike: Monday 19 Oct, one call of 80M tokens ($200) vs the 8 Mondays before, one call of 400k ($1) each:
    // mean $1 a day, same calls and model -> volume 0, mix 0; tokens: 80M tokens at the base $2.50/M = $200 -> +$199.
    expect(body.anomalies[0].explanation).toBe("+$199.00: 100% more tokens per call");
    expect(body.anomalies[0].change).toMatchObject({ baseUsd: "1.00", currentUsd: "200.00", changeUsd: "199.00", parts: { volumeUsd: "0.00", mixUsd: "0.00", tokensUsd: "199.00", cacheUsd: "0.00", priceUsd: "0.00" } });
    // Switch: 14-20 Oct, 280 calls on claude-sonnet-4-5 ($84) vs 7-13 Oct, 280 calls on gpt-4.1-mini ($11.20):
    // same calls, a model the base did not use -> all mix, +$72.80.
    expect(body.anomalies[1].explanation).toBe("+$72.80: 100% switch to a pricier model");
    expect(body.anomalies[1].change.parts).toEqual({ volumeUsd: "0.00", mixUsd: "72.80", tokensUsd: "0.00", cacheUsd: "0.00", priceUsd: "0.00" });
  });

  it("filters by workload, team and kind", async () => {
    const keys = async (q: string) => (await (await get(`${RANGE}&${q}`)).json()).anomalies.map((a: { scope: { key: string } }) => a.scope.key);
    expect(await keys("workload=call-summaries")).toEqual(["call-summaries"]);
    expect(await keys("team=platform")).toEqual(["sre-agent"]);
    expect(await keys("kind=model_switch")).toEqual(["call-summaries"]);
    const before = await (await get("from=2026-10-01&to=2026-10-13&team=platform")).json();
    expect(before.anomalies).toEqual([]);
  });

  it("does not repeat a switch as daily spikes of the workload or its team", async () => {
    // With a $1 floor every day after the switch is $10.40 above its usual weekday: the switch, not new spikes.
    const found = await scanAnomalies({ teamIds: null }, { from: "2026-10-01", to: "2026-10-20", minSizeNanos: 1_000_000_000n });
    expect(found.filter((a) => a.scope.key === "call-summaries" || a.scope.key === "sales").map((a) => a.kind)).toEqual(["model_switch"]);
  });

  it("shows a lead only their teams' anomalies", async () => {
    const body = await (await get(RANGE, salesLead)).json();
    expect(body.anomalies.map((a: { scope: { key: string } }) => a.scope.key)).toEqual(["call-summaries"]);
    expect((await (await get(`${RANGE}&team=platform`, salesLead)).json()).anomalies).toEqual([]);
  });

  it("refuses bad input and anonymous callers", async () => {
    expect((await GET(request(`/api/v1/anomalies?${RANGE}`))).status).toBe(401);
    const cases: [string, RegExp][] = [
      ["from=2026-10-20&to=2026-10-01", /from \(2026-10-20\) is after to/],
      ["from=2026-10-01&to=2026-10-20&workload=nope", /workload: no workload "nope"; allowed: .*call-summaries/],
      ["from=2026-10-01&to=2026-10-20&team=sales&workload=call-summaries", /give team or workload, not both/],
      ["from=10/01/2026", /from: must be a date/],
      ["limit=0", /limit/],
      ["kind=drift", /kind/],
      ["teams=x", /unknown parameter "teams"/],
    ];
    for (const [q, message] of cases) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toMatch(message);
    }
  });
});
