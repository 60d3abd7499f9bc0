import { describe, expect, it } from "vitest";
import { decodeOtlpJson, otlpToEvents } from "./otlp";

const NOW = new Date("2026-01-02T00:00:00Z");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** One OpenAI chat span carrying a `customer` label (not on the tag allow-list) and a structured `feature` (a payload). */
const request = decodeOtlpJson({
  resourceSpans: [
    {
      resource: { attributes: [str("service.name", "support-bot")] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: "5b8efff798038103d269b633813fc60c",
              spanId: "eee19b7ec3c1b174",
              name: "chat gpt-4o",
              startTimeUnixNano: "1767225600000000000",
              endTimeUnixNano: "1767225601000000000",
              attributes: [
                str("gen_ai.operation.name", "chat"),
                str("gen_ai.provider.name", "openai"),
                str("gen_ai.request.model", "gpt-4o"),
                { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
                { key: "gen_ai.usage.output_tokens", value: { intValue: "10" } },
                str("customer", "acme"),
                str("feature", '{"name":"a payload, not a label"}'),
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe("OTLP tags and promoted dimension keys", () => {
  it("drops a label that is not on the allow-list while its key is not a dimension", () => {
    const [event] = otlpToEvents(request, NOW).events;
    expect(event.tags).toMatchObject({ "service.name": "support-bot", "gen_ai.request.model": "gpt-4o" });
    expect(event.tags).not.toHaveProperty("customer");
  });

  it("keeps a promoted key, with the allow-list's value rules (structured values are still dropped)", () => {
    const [event] = otlpToEvents(request, NOW, { dimensionKeys: new Set(["customer", "feature"]) }).events;
    expect(event.tags).toMatchObject({ "service.name": "support-bot", customer: "acme" });
    expect(event.tags).not.toHaveProperty("feature");
  });
});
