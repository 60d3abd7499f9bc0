import { SpendQuerySchema, SpendResponseSchema } from "@/lib/analytics/spend-query";
import { BreakdownQuerySchema, BreakdownResponseSchema } from "@/lib/analytics/breakdown-query";
import { SeriesQuerySchema, SeriesResponseSchema } from "@/lib/analytics/series-query";
import { OverviewQuerySchema, OverviewResponseSchema } from "@/lib/analytics/overview-query";
import { TokensQuerySchema, TokensResponseSchema } from "@/lib/analytics/tokens-query";
import { ChangeQuerySchema, ChangeResponseSchema } from "@/lib/change/change-query";
import type { ApiOperation } from "./operation";

const SCOPE =
  "Dates are UTC and both ends are inclusive (default: this month to date). Money is a decimal string in USD. " +
  "Leads and team-bound keys see only their teams' rows. Use team=unattributed for spend no team owns. " +
  "Unknown parameters, unknown filter values (400 lists the allowed ones) and inverted or absurd ranges are refused.";

export const spendOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/spend",
    tag: "Spend",
    summary: "Spend grouped by team, workload, model, provider, tier, user, day, week, month or a promoted tag key",
    description:
      `${SCOPE} groupBy=tag:<key> groups by a tag key promoted to a dimension (GET /api/v1/dimensions): the \`top\` costliest ` +
      'values, the rest summed as "(other)", calls without the tag as "(none)" (rows add up to the same totals as any other grouping). ' +
      "Filter by a tag with tag.<key>=<value> (value \"(none)\" for calls without it), with groupBy team, workload, model, provider, tier, " +
      "day, week, month or the same tag; tags combine with the model, provider and tier filters (groupBy=model&tag.customer=acme, " +
      "groupBy=tag:feature&tier=frontier). One tag key per query; groupBy=user takes no tag (spend per user is kept without tags).",
    permission: "read",
    query: SpendQuerySchema,
    response: SpendResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/spend/breakdown",
    tag: "Spend",
    summary: "Spend by team, workload, model, provider or tier, with the previous period, tier mix and unit costs",
    description: `${SCOPE} The previous period is the range of equal length just before \`from\`.`,
    permission: "read",
    query: BreakdownQuerySchema,
    response: BreakdownResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/spend/series",
    tag: "Spend",
    summary: "Spend per day, week or month, stacked by team, workload, model, provider, tier or a promoted tag key",
    description: `${SCOPE} Every bucket of the range is present (zero-filled); weeks start on Monday. stackBy=tag:<key> stacks by a promoted tag key; tag.<key>=<value> filters, with any stackBy and the model, provider and tier filters.`,
    permission: "read",
    query: SeriesQuerySchema,
    response: SeriesResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/spend/overview",
    tag: "Spend",
    summary: "KPIs: spend vs previous period, allocation coverage, tier shares, month to date vs last month, run-rate",
    description: `${SCOPE} \`month\` is always the current UTC month (filters apply, the range does not).`,
    permission: "read",
    query: OverviewQuerySchema,
    response: OverviewResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/spend/tokens-per-call",
    tag: "Spend",
    summary: "Distribution of input, cached and output tokens per call of one workload",
    description: "Computed from the latest calls of the range (at most 20,000), so it stays fast on any volume. Team scope applies.",
    permission: "read",
    query: TokensQuerySchema,
    response: TokensResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/spend/change",
    tag: "Spend",
    summary: "Why spend changed: the change vs a base period per organisation, team or workload, in five parts that add up exactly",
    description:
      `${SCOPE} The base period defaults to the same days one month earlier and must not overlap the current one. ` +
      "Method (chained substitution, in this order): volume = base cost x (current calls / base calls) - base cost; " +
      "mix = current calls per model at each model's base cost per call, minus the volume stage; tokens = current " +
      "input/output tokens per call at base cache split and base unit prices; cache = current cache read/write share at " +
      "base unit prices; price = current cost minus current tokens at base unit prices. Each stage is rounded once to " +
      "the nano-dollar, so the parts sum exactly to changeUsd. totals are the sums of the rows. With a reporting currency " +
      "(PUT /api/v1/currency) the *Usd fields stay USD and each row adds inCurrency {base, current, change, parts, explanation}: " +
      "the same decomposition over each day's cost at that day's rate (last on or before it), whose parts also sum exactly " +
      "to its change; a day of either period without a rate is a 400 naming it.",
    permission: "read",
    query: ChangeQuerySchema,
    response: ChangeResponseSchema,
  },
];
