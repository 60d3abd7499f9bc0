import type { RuleOut } from "./rules-api";

const LABELS: Record<string, string> = { provider: "provider", model: "model", user: "user", apiKey: "API key", serviceName: "service.name" };

/** A rule's conditions as chips: "service.name zapier-*", "tag env sandbox". */
export function MatchChips({ match }: { match: RuleOut["match"] }) {
  const chips: [string, string][] = [];
  for (const [k, v] of Object.entries(match)) if (k !== "tags" && typeof v === "string") chips.push([LABELS[k] ?? k, v]);
  for (const [k, v] of Object.entries(match.tags ?? {})) chips.push([`tag ${k}`, v]);
  return (
    <span className="chips">
      {chips.map(([k, v]) => (
        <span key={`${k}:${v}`} className="chip">
          <b>{k}</b>
          {v}
        </span>
      ))}
    </span>
  );
}
