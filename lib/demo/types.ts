/** Shapes of the demo company (data in company.ts). */

// One vocabulary of task classes for the whole product (lib/classify).
import { TASK_CLASSES, type TaskClass } from "@/lib/classify/task-class";
export { TASK_CLASSES, type TaskClass };

/**
 * When in the (UTC) day and week a stream runs; schedule.ts turns it into an hourly curve and a weekend factor.
 * - interactive: people at work (Europe + US east overlap), weekends quiet;
 * - pipeline: event-driven services that follow customer activity, flatter, weekends half;
 * - nightly: scheduled jobs around 01:00-05:00 UTC, every day;
 * - product: a consumer-facing feature, evening peak, busy weekends;
 * - flat: around the clock.
 */
export type Rhythm = "interactive" | "pipeline" | "nightly" | "product" | "flat";

/** A token count's distribution: lognormal with this arithmetic mean and log-space spread. */
export interface TokenShape {
  mean: number;
  sigma: number;
}

export interface ModelShare {
  provider: string;
  model: string;
  /** Relative weight within the mix (need not sum to 1). */
  weight: number;
}

/** What the generator needs to produce one stream of calls (a workload, or unattributed traffic). */
export interface StreamSpec {
  models: ModelShare[];
  input: TokenShape;
  /** Visible output; reasoning comes on top (see models.ts for how each model reports it). */
  output: TokenShape;
  reasoning?: TokenShape;
  /**
   * Prompt caching: `hitRate` of calls read `share` of their input from the cache (calls with >= 1024 input tokens,
   * the providers' minimum). On a miss, providers that bill cache writes (Anthropic) write that share instead.
   */
  cache?: { hitRate: number; share: number };
  /** Relative call volume per weekday at the start of the window (the generator scales all streams to `events`). */
  dailyCalls: number;
  /** Month-over-month volume growth, e.g. 0.08. */
  monthlyGrowth: number;
  rhythm: Rhythm;
  /** Share of calls sent through a provider Batch API. */
  batchShare?: number;
  /** Calls carry the email of a team member (interactive tools) rather than no user (services). */
  users: boolean;
  /** OTel service.name tag; also what attribution rules match on. */
  serviceName: string;
  /** API key / project id the calls use. */
  sourceKey: string;
  /** deployment.environment tag. */
  environment: string;
}

export interface DemoTeam {
  slug: string;
  name: string;
  /** Team members' emails, most active first (the generator skews usage towards the top of the list). */
  users: string[];
}

export interface DemoWorkload extends StreamSpec {
  slug: string;
  name: string;
  team: string;
  taskClass: TaskClass;
  /** Minimum acceptable quality relative to today's (0-1): what the what-if engine must not go below. */
  qualityFloor: number;
  latencyTolerant: boolean;
  /** EvalSet.name holding quality evidence for this workload, if any. */
  evalSet?: string;
  /** Why this workload is in the demo (what a user should discover). */
  story: string;
}

/** Traffic nobody tagged: team/workload/user null, but a key and service.name that attribution rules can claim. */
export interface DemoUnattributedSource extends StreamSpec {
  /** The team an admin would assign it to once they look: for demo attribution rules and tests. */
  likelyTeam: string;
  story: string;
  /** The tags its events carry (service.name, deployment.environment): what an attribution rule matches. */
  tags: Record<string, string>;
}
