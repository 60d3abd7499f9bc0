// Captures the OTLP/JSON that the real Langfuse JS SDK (v5: @langfuse/openai + @langfuse/otel) sends to a Langfuse
// server's OTel endpoint for one OpenAI chat completion with cached input, inside a user's named trace.
import http from "node:http";
import fs from "node:fs";
const out = process.argv[2];
const completion = {
  id: "chatcmpl-capture-2", object: "chat.completion", created: 1764633600, model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, message: { role: "assistant", content: "Invoice INV-7 is overdue." }, finish_reason: "stop", logprobs: null }],
  usage: { prompt_tokens: 2048, completion_tokens: 150, total_tokens: 2198,
    prompt_tokens_details: { cached_tokens: 1536, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } },
  service_tier: "default", system_fingerprint: "fp_capture",
};
const stub = http.createServer((req, res) => { req.resume(); req.on("end", () => { res.setHeader("content-type", "application/json"); res.end(JSON.stringify(completion)); }); });
const bodies = [];
const collector = http.createServer((req, res) => { const chunks = []; req.on("data", (c) => chunks.push(c)); req.on("end", () => { bodies.push({ url: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks) }); res.end("{}"); }); });
await new Promise((r) => stub.listen(0, "127.0.0.1", r));
await new Promise((r) => collector.listen(0, "127.0.0.1", r));
const { NodeSDK } = await import("@opentelemetry/sdk-node");
const { LangfuseSpanProcessor } = await import("@langfuse/otel");
const processor = new LangfuseSpanProcessor({ publicKey: "pk-lf-capture", secretKey: "sk-lf-capture", baseUrl: `http://127.0.0.1:${collector.address().port}`, exportMode: "immediate", environment: "production" });
const sdk = new NodeSDK({ spanProcessors: [processor], resourceDetectors: [], serviceName: "billing-assistant" });
sdk.start();
const { default: OpenAI } = await import("openai");
const { observeOpenAI } = await import("@langfuse/openai");
const client = observeOpenAI(new OpenAI({ apiKey: "sk-capture", baseURL: `http://127.0.0.1:${stub.address().port}/v1` }), {
  generationName: "invoice-summary", userId: "u-42", sessionId: "session-7", tags: ["team:finance-ops", "workload:invoice-summary"],
});
await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "SECRET-PROMPT-TEXT summarise invoice INV-7" }] });
await processor.forceFlush();
await sdk.shutdown();
for (const b of bodies) console.error(b.url, b.type, b.body.length);
fs.writeFileSync(out, bodies.filter((b) => b.url.includes("traces")).map((b) => b.body.toString("utf8")).join("\n"));
process.exit(0);
