import { renderJsonTable, parseJsonTable } from "./json-table";
import { parseLitellm, renderLitellm } from "./litellm";
import { parseOpenrouter, renderOpenrouter } from "./openrouter";
import { parsePortkey, renderPortkey } from "./portkey";
import type { ExportFormat, RoutingTable } from "./routing-table";

/** One entry per format: how to write it, read it back, and serve it. */
export const FORMATS: Record<ExportFormat, { render(t: RoutingTable): string; parse(text: string): RoutingTable; ext: string; contentType: string }> = {
  litellm: { render: renderLitellm, parse: parseLitellm, ext: "yaml", contentType: "application/yaml; charset=utf-8" },
  portkey: { render: renderPortkey, parse: parsePortkey, ext: "json", contentType: "application/json; charset=utf-8" },
  openrouter: { render: renderOpenrouter, parse: parseOpenrouter, ext: "json", contentType: "application/json; charset=utf-8" },
  json: { render: renderJsonTable, parse: parseJsonTable, ext: "json", contentType: "application/json; charset=utf-8" },
};

export function exportFilename(format: ExportFormat, scenarioName: string): string {
  const slug = scenarioName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario";
  return format === "litellm" ? `litellm-config-${slug}.yaml` : `${format}-routing-${slug}.json`;
}
