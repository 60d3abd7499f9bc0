/**
 * "Acme", the demo company: 8 teams, 27 workloads, 4 sources of unattributed traffic.
 *
 * Built to contain what Rightsize exists to find: routine work (triage, extraction, drafting, categorisation) on
 * frontier models, next to workloads already on small models; agentic and coding work with big cached inputs;
 * a long-context workload that crosses the 200k-token price tier; reasoning workloads; a latency-tolerant workload
 * already on the Batch API and one that could be. Volumes are relative (the generator scales them to the number
 * of events asked for); token shapes and model mixes are what make the costs realistic.
 */
import { ROUTELLM_GSM8K, ROUTELLM_MMLU_LAW } from "@/lib/evals/routellm-sets";
import { demoModel } from "./models";
import type { DemoTeam, DemoUnattributedSource, DemoWorkload, ModelShare, StreamSpec, TokenShape } from "./types";

export const DEMO_EMAIL_DOMAIN = "acme.example";

const team = (slug: string, name: string, people: string[]): DemoTeam => ({
  slug,
  name,
  users: people.map((p) => `${p}@${DEMO_EMAIL_DOMAIN}`),
});

const TEAMS: DemoTeam[] = [
  team("support", "Customer Support", [
    "maria.garcia", "tom.nguyen", "aisha.khan", "liam.obrien", "sofia.rossi",
    "kenji.sato", "emma.walsh", "diego.fernandez", "hannah.becker", "omar.haddad",
  ]),
  team("search", "Search & Discovery", ["priya.raman", "lucas.martin", "chloe.dubois", "noah.kim", "ines.moreau", "samuel.okafor"]),
  team("sales", "Sales", [
    "jack.turner", "olivia.brown", "mateo.silva", "grace.lee", "ethan.clark",
    "zoe.adams", "ryan.patel", "julia.novak", "ben.carter",
  ]),
  team("legal", "Legal", ["helen.fischer", "david.cohen", "amara.obi", "paul.lambert", "nina.petrovic"]),
  team("platform", "Platform Engineering", [
    "alex.ivanov", "sara.lindqvist", "marco.bianchi", "yuki.tanaka", "felix.wagner", "leila.ahmadi",
    "chris.murphy", "ana.costa", "tobias.berg", "mei.chen", "jonas.keller", "ravi.shah",
  ]),
  team("data-science", "Data Science", ["elena.popescu", "sam.wright", "fatima.zahra", "max.schmidt", "isabel.ortiz", "arjun.mehta", "lena.vogel"]),
  team("marketing", "Marketing", ["chloe.evans", "pedro.alves", "nora.jensen", "kai.hoffmann", "lily.morgan", "victor.roux"]),
  team("finance-ops", "Finance Operations", ["george.hall", "anna.kowalski", "michael.zhang", "ruth.mensah", "daniel.weber"]),
];

/** mix("gpt-5", 85, "claude-sonnet-4-5", 15): provider looked up in DEMO_MODELS, so a typo fails at load. */
function mix(...pairs: (string | number)[]): ModelShare[] {
  const out: ModelShare[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const m = demoModel(String(pairs[i]));
    out.push({ provider: m.provider, model: m.model, weight: Number(pairs[i + 1]) });
  }
  return out;
}
const t = (mean: number, sigma: number): TokenShape => ({ mean, sigma });

type WorkloadInput = Omit<DemoWorkload, "serviceName" | "sourceKey" | "environment"> &
  Partial<Pick<DemoWorkload, "serviceName" | "sourceKey" | "environment">>;

/** Defaults: service.name = slug, key = key_<slug>, production. */
const wl = (w: WorkloadInput): DemoWorkload => ({
  serviceName: w.slug,
  sourceKey: `key_${w.slug.replace(/-/g, "_")}`,
  environment: "production",
  ...w,
});

const WORKLOADS: DemoWorkload[] = [
  // --- support
  wl({
    slug: "ticket-triage", name: "Ticket triage", team: "support", taskClass: "classification",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("gpt-5", 85, "claude-sonnet-4-5", 15),
    input: t(1800, 0.5), output: t(25, 0.4), reasoning: t(450, 0.6), cache: { hitRate: 0.55, share: 0.6 },
    dailyCalls: 60_000, monthlyGrowth: 0.07, rhythm: "pipeline", users: false,
    story: "12-way ticket classification on a frontier reasoning model at default effort: over-specified, and most output tokens are reasoning.",
  }),
  wl({
    slug: "support-reply-drafts", name: "Support reply drafts", team: "support", taskClass: "support_reply",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("claude-sonnet-4-5", 100),
    input: t(3500, 0.5), output: t(420, 0.5), cache: { hitRate: 0.7, share: 0.6 },
    dailyCalls: 22_000, monthlyGrowth: 0.09, rhythm: "interactive", users: true,
    story: "Agents' reply drafts with a long cached system prompt; a fair fit for a mid-tier model.",
  }),
  wl({
    slug: "kb-article-summaries", name: "Knowledge-base article summaries", team: "support", taskClass: "summarisation",
    qualityFloor: 0.92, latencyTolerant: true,
    models: mix("claude-haiku-4-5", 100),
    input: t(6000, 0.6), output: t(380, 0.4),
    dailyCalls: 3_000, monthlyGrowth: 0.04, rhythm: "nightly", users: false,
    story: "Already on a small model; nightly and latency-tolerant, so the Batch API would halve it again.",
  }),
  wl({
    slug: "sentiment-tagging", name: "Conversation sentiment tagging", team: "support", taskClass: "classification",
    qualityFloor: 0.9, latencyTolerant: false,
    models: mix("gpt-5-nano", 100),
    input: t(500, 0.5), output: t(8, 0.3), reasoning: t(60, 0.5),
    dailyCalls: 80_000, monthlyGrowth: 0.08, rhythm: "pipeline", users: false,
    story: "High volume, already right-sized on the smallest model: the baseline a triage workload could reach.",
  }),
  // --- search
  wl({
    slug: "query-rewrite", name: "Search query rewriting", team: "search", taskClass: "other",
    qualityFloor: 0.9, latencyTolerant: false,
    models: mix("gpt-4.1-nano", 100),
    input: t(320, 0.4), output: t(45, 0.4),
    dailyCalls: 150_000, monthlyGrowth: 0.08, rhythm: "pipeline", users: false,
    story: "The most calls in the company and among the cheapest: volume is not spend.",
  }),
  wl({
    slug: "answer-synthesis", name: "Search answer synthesis (RAG)", team: "search", taskClass: "summarisation",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("gpt-5-mini", 70, "gemini-2.5-flash", 30),
    input: t(5200, 0.5), output: t(320, 0.5), reasoning: t(200, 0.7), cache: { hitRate: 0.4, share: 0.3 },
    dailyCalls: 45_000, monthlyGrowth: 0.1, rhythm: "interactive", users: false,
    story: "Customer-facing RAG answers on mid-tier models; fast growing.",
  }),
  wl({
    slug: "catalog-tagging", name: "Catalogue attribute tagging", team: "search", taskClass: "extraction",
    qualityFloor: 0.95, latencyTolerant: true,
    models: mix("gpt-4.1", 100), batchShare: 0.7,
    input: t(1800, 0.4), output: t(160, 0.4),
    dailyCalls: 30_000, monthlyGrowth: 0.06, rhythm: "nightly", users: false,
    story: "Latency-tolerant and mostly on the Batch API already, but still a frontier model for routine extraction.",
  }),
  // --- sales
  wl({
    slug: "email-drafting", name: "Outbound email drafting", team: "sales", taskClass: "drafting",
    qualityFloor: 0.93, latencyTolerant: false,
    models: mix("claude-opus-4-5", 70, "gpt-5.1", 30),
    input: t(2500, 0.5), output: t(480, 0.4), cache: { hitRate: 0.3, share: 0.5 },
    dailyCalls: 12_000, monthlyGrowth: 0.1, rhythm: "interactive", users: true,
    story: "Short sales emails on the most expensive Anthropic model: over-specified.",
  }),
  wl({
    slug: "call-summaries", name: "Sales call summaries", team: "sales", taskClass: "summarisation",
    qualityFloor: 0.93, latencyTolerant: false,
    models: mix("gpt-4.1-mini", 100),
    input: t(9000, 0.5), output: t(600, 0.4),
    dailyCalls: 6_000, monthlyGrowth: 0.08, rhythm: "interactive", users: true,
    story: "Right-sized on a mini model, until someone switches it to a frontier model for the last ten days (anomaly).",
  }),
  wl({
    slug: "lead-enrichment", name: "Lead enrichment", team: "sales", taskClass: "extraction",
    qualityFloor: 0.92, latencyTolerant: true,
    models: mix("gpt-5-mini", 100),
    input: t(2200, 0.5), output: t(260, 0.4), reasoning: t(300, 0.6),
    dailyCalls: 18_000, monthlyGrowth: 0.05, rhythm: "pipeline", users: false,
    story: "CRM enrichment service: mid-tier, latency-tolerant, not batched.",
  }),
  // --- legal
  wl({
    slug: "contract-review", name: "Contract review", team: "legal", taskClass: "long_context",
    qualityFloor: 0.98, latencyTolerant: false, evalSet: ROUTELLM_MMLU_LAW.name,
    models: mix("claude-sonnet-4-5", 60, "gemini-2.5-pro", 40),
    input: t(110_000, 0.7), output: t(2400, 0.5), reasoning: t(1500, 0.6), cache: { hitRate: 0.45, share: 0.85 },
    dailyCalls: 900, monthlyGrowth: 0.06, rhythm: "interactive", users: true,
    story: "Whole contracts in context: about one call in nine passes 200k input tokens and pays the higher tier price.",
  }),
  wl({
    slug: "clause-extraction", name: "Clause extraction", team: "legal", taskClass: "extraction",
    qualityFloor: 0.97, latencyTolerant: false,
    models: mix("claude-opus-4-1", 100),
    input: t(8000, 0.5), output: t(800, 0.4), cache: { hitRate: 0.5, share: 0.7 },
    dailyCalls: 3_000, monthlyGrowth: 0.04, rhythm: "pipeline", users: true,
    story: "Structured extraction on a previous-generation Opus at $15/$75 per Mtok: the most over-specified spend per call.",
  }),
  wl({
    slug: "nda-triage", name: "NDA triage", team: "legal", taskClass: "classification",
    qualityFloor: 0.96, latencyTolerant: false,
    models: mix("gpt-5.1", 100),
    input: t(4200, 0.4), output: t(30, 0.4), reasoning: t(200, 0.6),
    dailyCalls: 1_200, monthlyGrowth: 0.03, rhythm: "interactive", users: true,
    story: "Accept/escalate decisions on standard NDAs: routine classification on a frontier model.",
  }),
  // --- platform
  wl({
    slug: "code-assistant", name: "Coding assistant (IDE)", team: "platform", taskClass: "coding",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("claude-sonnet-4-5", 70, "gpt-5.1", 30),
    input: t(45_000, 0.8), output: t(900, 0.6), reasoning: t(600, 0.7), cache: { hitRate: 0.9, share: 0.85 },
    dailyCalls: 28_000, monthlyGrowth: 0.14, rhythm: "interactive", users: true,
    story: "The biggest line: large repository context, mostly cache reads, fastest growth.",
  }),
  wl({
    slug: "sre-agent", name: "On-call SRE agent", team: "platform", taskClass: "agentic",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("claude-opus-4-5", 100),
    input: t(60_000, 0.6), output: t(1100, 0.5), reasoning: t(400, 0.7), cache: { hitRate: 0.92, share: 0.9 },
    dailyCalls: 8_000, monthlyGrowth: 0.1, rhythm: "pipeline", users: false,
    story: "Tool-using agent loop; on one day it runs away for six hours (volume spike).",
  }),
  wl({
    slug: "pr-review-bot", name: "Pull-request review bot", team: "platform", taskClass: "coding",
    qualityFloor: 0.94, latencyTolerant: true,
    models: mix("gpt-5.1", 100),
    input: t(25_000, 0.7), output: t(700, 0.5), reasoning: t(1500, 0.6), cache: { hitRate: 0.6, share: 0.7 },
    dailyCalls: 5_000, monthlyGrowth: 0.09, rhythm: "interactive", users: false,
    story: "Reasoning-heavy code review; latency-tolerant (runs in CI).",
  }),
  wl({
    slug: "log-summaries", name: "Incident log summarisation", team: "platform", taskClass: "summarisation",
    qualityFloor: 0.9, latencyTolerant: true,
    models: mix("gemini-2.5-flash", 100),
    input: t(30_000, 0.7), output: t(500, 0.5), reasoning: t(250, 0.7),
    dailyCalls: 10_000, monthlyGrowth: 0.06, rhythm: "flat", users: false,
    story: "Around-the-clock log digests on a mid-tier model with a 1M context.",
  }),
  // --- data science
  wl({
    slug: "math-tutor", name: "Math tutor (product feature)", team: "data-science", taskClass: "complex_reasoning",
    qualityFloor: 0.9, latencyTolerant: false, evalSet: ROUTELLM_GSM8K.name,
    models: mix("o3", 60, "gpt-5.1", 40),
    input: t(650, 0.5), output: t(450, 0.5), reasoning: t(2800, 0.7),
    dailyCalls: 20_000, monthlyGrowth: 0.12, rhythm: "product", users: false,
    story: "Grade-school maths for end users on reasoning models; GSM8K results show what a cheaper model would get right.",
  }),
  wl({
    slug: "research-assistant", name: "Research assistant", team: "data-science", taskClass: "complex_reasoning",
    qualityFloor: 0.96, latencyTolerant: false,
    models: mix("gpt-5.1", 50, "claude-opus-4-5", 50),
    input: t(12_000, 0.7), output: t(1500, 0.5), reasoning: t(4000, 0.7), cache: { hitRate: 0.4, share: 0.6 },
    dailyCalls: 2_000, monthlyGrowth: 0.08, rhythm: "interactive", users: true,
    story: "Genuinely hard analysis: frontier is justified here.",
  }),
  wl({
    slug: "dataset-labelling", name: "Training-data labelling", team: "data-science", taskClass: "classification",
    qualityFloor: 0.92, latencyTolerant: true,
    models: mix("gpt-5-mini", 100), batchShare: 1,
    input: t(800, 0.4), output: t(20, 0.4), reasoning: t(120, 0.6),
    dailyCalls: 60_000, monthlyGrowth: 0.04, rhythm: "nightly", users: false,
    story: "Nightly labelling entirely through the Batch API: the well-run example.",
  }),
  wl({
    slug: "sql-copilot", name: "SQL copilot", team: "data-science", taskClass: "coding",
    qualityFloor: 0.93, latencyTolerant: false,
    models: mix("deepseek-chat", 100),
    input: t(4000, 0.6), output: t(300, 0.5), cache: { hitRate: 0.5, share: 0.6 },
    dailyCalls: 6_000, monthlyGrowth: 0.09, rhythm: "interactive", users: true,
    story: "A cheap open-weight model serving analysts well.",
  }),
  // --- marketing
  wl({
    slug: "campaign-copy", name: "Campaign copywriting", team: "marketing", taskClass: "drafting",
    qualityFloor: 0.92, latencyTolerant: false,
    models: mix("gpt-5.1", 60, "claude-sonnet-4-5", 40),
    input: t(1500, 0.5), output: t(700, 0.5), reasoning: t(400, 0.7),
    dailyCalls: 5_000, monthlyGrowth: 0.07, rhythm: "interactive", users: true,
    story: "Ad and landing-page copy on frontier models.",
  }),
  wl({
    slug: "seo-briefs", name: "SEO content briefs", team: "marketing", taskClass: "drafting",
    qualityFloor: 0.9, latencyTolerant: true,
    models: mix("mistral-large-2512", 100),
    input: t(4000, 0.5), output: t(1200, 0.5),
    dailyCalls: 2_000, monthlyGrowth: 0.05, rhythm: "interactive", users: true,
    story: "Long drafts on an inexpensive large model.",
  }),
  wl({
    slug: "social-moderation", name: "Social comment moderation", team: "marketing", taskClass: "classification",
    qualityFloor: 0.92, latencyTolerant: false,
    models: mix("mistral-small-latest", 100),
    input: t(400, 0.4), output: t(5, 0.3),
    dailyCalls: 30_000, monthlyGrowth: 0.06, rhythm: "pipeline", users: false,
    story: "Small model, high volume, right-sized.",
  }),
  // --- finance ops
  wl({
    slug: "invoice-extraction", name: "Invoice field extraction", team: "finance-ops", taskClass: "extraction",
    qualityFloor: 0.97, latencyTolerant: true,
    models: mix("gpt-5.1", 60, "gpt-4.1", 40),
    input: t(3500, 0.4), output: t(350, 0.3), reasoning: t(600, 0.6),
    dailyCalls: 15_000, monthlyGrowth: 0.05, rhythm: "pipeline", users: false,
    story: "Routine extraction on frontier models through the synchronous API although nobody waits for it.",
  }),
  wl({
    slug: "expense-categorisation", name: "Expense categorisation", team: "finance-ops", taskClass: "classification",
    qualityFloor: 0.95, latencyTolerant: true,
    models: mix("claude-sonnet-4-5", 100),
    input: t(2500, 0.4), output: t(15, 0.3), cache: { hitRate: 0.6, share: 0.5 },
    dailyCalls: 25_000, monthlyGrowth: 0.04, rhythm: "pipeline", users: false,
    story: "Picking one of 40 expense categories (a long category guide in the prompt) with a frontier model.",
  }),
  wl({
    slug: "variance-commentary", name: "Month-end variance commentary", team: "finance-ops", taskClass: "drafting",
    qualityFloor: 0.95, latencyTolerant: false,
    models: mix("gemini-2.5-pro", 100),
    input: t(15_000, 0.6), output: t(800, 0.4), reasoning: t(1200, 0.6),
    dailyCalls: 600, monthlyGrowth: 0.05, rhythm: "interactive", users: true,
    story: "Low volume, high value: frontier is fine.",
  }),
];

const UNATTRIBUTED: Omit<DemoUnattributedSource, "tags">[] = [
  {
    serviceName: "zapier-bridge", sourceKey: "key_shared_legacy", environment: "production", likelyTeam: "marketing",
    models: mix("gpt-4o", 100), input: t(1500, 0.6), output: t(300, 0.5),
    dailyCalls: 35, monthlyGrowth: 0.03, rhythm: "interactive", users: false,
    story: "An old shared key behind no-code automations.",
  },
  {
    serviceName: "jupyterhub", sourceKey: "key_ds_sandbox", environment: "sandbox", likelyTeam: "data-science",
    models: mix("claude-sonnet-4-5", 50, "gpt-5.1", 50), input: t(5000, 0.9), output: t(800, 0.6), reasoning: t(500, 0.7),
    dailyCalls: 20, monthlyGrowth: 0.1, rhythm: "interactive", users: false,
    story: "Notebook experiments on a sandbox key.",
  },
  {
    serviceName: "support-macros", sourceKey: "key_support_legacy", environment: "production", likelyTeam: "support",
    models: mix("gpt-4.1-mini", 100), input: t(1200, 0.5), output: t(200, 0.5),
    dailyCalls: 30, monthlyGrowth: 0.05, rhythm: "pipeline", users: false,
    story: "Helpdesk macros set up before workloads were tagged.",
  },
  {
    serviceName: "ci-test-runner", sourceKey: "key_ci", environment: "ci", likelyTeam: "platform",
    models: mix("gpt-5-nano", 70, "claude-haiku-4-5", 30), input: t(900, 0.5), output: t(100, 0.5),
    dailyCalls: 15, monthlyGrowth: 0.08, rhythm: "pipeline", users: false,
    story: "Integration tests calling real models.",
  },
];

/** Share of all demo events that carry no team/workload/user. */
export const UNATTRIBUTED_SHARE = 0.07;

// Fresh copies: callers (the DB loader) may mutate what they get without changing the generator's data.
export function demoTeams(): DemoTeam[] {
  return structuredClone(TEAMS);
}
export function demoWorkloads(): DemoWorkload[] {
  return structuredClone(WORKLOADS);
}
export function demoUnattributedSources(): DemoUnattributedSource[] {
  return UNATTRIBUTED.map((u) => ({ ...structuredClone(u), tags: streamTags(u) }));
}

/** Tags every event of a stream carries (sample-event.ts builds the same object per event, inline for speed). */
export function streamTags(spec: Pick<StreamSpec, "serviceName" | "environment">): Record<string, string> {
  return { "service.name": spec.serviceName, "deployment.environment": spec.environment };
}
