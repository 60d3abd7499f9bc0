import { DOCUMENTED } from "./documented-versions";
import { inexpressible, type ExportFormat, type RoutingTable } from "./routing-table";

/** The header every export starts with: what it follows, how to use it, and what the gateway cannot express. */
export function headerLines(format: ExportFormat, table: RoutingTable, usage: string[], limits: string[]): string[] {
  const s = table.scenario;
  const lever = inexpressible(table);
  return [
    `Rightsize routing export of scenario "${s.name}"${s.id === null ? "" : ` (id ${s.id})`}, traffic window ${s.from}..${s.to}.`,
    `Follows: ${DOCUMENTED[format]}.`,
    ...usage,
    ...limits.map((l) => `Cannot express: ${l}`),
    ...(lever.length ? ["Not expressible as gateway routing (do these in the application or with the provider):", ...lever.map((l) => `- ${l}`)] : []),
    ...(table.routes.length === 0 ? ["The scenario changes no workload with traffic: nothing to route."] : []),
  ];
}
