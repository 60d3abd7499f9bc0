import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { withoutEchoes } from "./scan-anomalies";
import type { ScannedAnomaly } from "./scan-anomalies";

const usd = (s: string) => usdToNanos(s);
const anomaly = (over: Partial<ScannedAnomaly>): ScannedAnomaly => ({
  kind: "spike",
  scope: { type: "team", key: "platform" },
  day: "2026-10-19",
  spendNanos: 0n,
  expectedNanos: 0n,
  sizeNanos: usd("100"),
  score: 5,
  message: "",
  scopeLabel: "",
  ownerTeamId: 1,
  ownerTeam: null,
  workloadId: null,
  ...over,
});

describe("withoutEchoes", () => {
  it("drops a team spike its workloads' anomalies explain, keeps one they do not", () => {
    const workload = anomaly({ scope: { type: "workload", key: "sre-agent" }, sizeNanos: usd("85"), workloadId: 7 });
    const explained = anomaly({});
    const otherDay = anomaly({ day: "2026-10-20" });
    const otherTeam = anomaly({ ownerTeamId: 2, scope: { type: "team", key: "support" } });
    expect(withoutEchoes([explained, workload, otherDay, otherTeam], "2026-10-20")).toEqual([workload, otherDay, otherTeam]);
    const small = anomaly({ scope: { type: "workload", key: "sre-agent" }, sizeNanos: usd("50"), workloadId: 7 });
    expect(withoutEchoes([explained, small], "2026-10-20")).toEqual([explained, small]);
  });

  it("spreads a model switch's extra spend over the days since the switch", () => {
    const sw = anomaly({ kind: "model_switch", scope: { type: "workload", key: "call-summaries" }, day: "2026-10-18", sizeNanos: usd("30"), workloadId: 3 });
    const teamDays = ["2026-10-18", "2026-10-19", "2026-10-20"].map((day) => anomaly({ day, sizeNanos: usd("10") }));
    expect(withoutEchoes([sw, ...teamDays], "2026-10-20")).toEqual([sw]);
  });
});
