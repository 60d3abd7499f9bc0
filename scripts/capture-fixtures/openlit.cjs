// Captures the OTLP/JSON that the real OpenLIT SDK (openlit 1.15.0, openai 6.49.0) emits for one OpenAI chat completion
// with cached input. See README.md beside this file. Usage: node openlit.cjs OUT.json
const http = require("node:http");
const fs = require("node:fs");
const out = process.argv[2];
const completion = {
  id: "chatcmpl-capture-1", object: "chat.completion", created: 1764633600, model: "gpt-4o-mini-2024-07-18",
  choices: [{ index: 0, message: { role: "assistant", content: "Route this ticket to billing." }, finish_reason: "stop", logprobs: null }],
  usage: { prompt_tokens: 1200, completion_tokens: 80, total_tokens: 1280,
    prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } },
  service_tier: "default", system_fingerprint: "fp_capture",
};
const stub = http.createServer((req, res) => { req.resume(); req.on("end", () => { res.setHeader("content-type", "application/json"); res.end(JSON.stringify(completion)); }); });
const bodies = [];
const collector = http.createServer((req, res) => { const chunks = []; req.on("data", (c) => chunks.push(c)); req.on("end", () => { bodies.push({ url: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks) }); res.end("{}"); }); });
(async () => {
  await new Promise((r) => stub.listen(0, "127.0.0.1", r));
  await new Promise((r) => collector.listen(0, "127.0.0.1", r));
  const Openlit = require("openlit").default ?? require("openlit");
  Openlit.init({ otlpEndpoint: `http://127.0.0.1:${collector.address().port}`, applicationName: "support-bot", environment: "production", disableBatch: true, disableMetrics: true, pricingJson: { chat: { "gpt-4o-mini": { promptPrice: 0.00015, completionPrice: 0.0006, cacheReadPrice: 0.000075 }, "gpt-4o-mini-2024-07-18": { promptPrice: 0.00015, completionPrice: 0.0006, cacheReadPrice: 0.000075 } } } });
  const OpenAI = require("openai").default ?? require("openai");
  const client = new OpenAI({ apiKey: "sk-capture", baseURL: `http://127.0.0.1:${stub.address().port}/v1` });
  await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "SECRET-PROMPT-TEXT which team owns this ticket?" }], max_tokens: 100 });
  await new Promise((r) => setTimeout(r, 3000));
  for (const b of bodies) console.error(b.url, b.type, b.body.length);
  const traces = bodies.filter((b) => b.url.includes("traces"));
  fs.writeFileSync(out, traces.map((b) => b.body.toString("utf8")).join("\n"));
  process.exit(0);
})();
