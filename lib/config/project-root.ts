/**
 * The repository root. The app, tests and scripts run from it; the `rightsize` CLI may run from anywhere, so its
 * launcher (cli/bin.mjs) passes the root as RIGHTSIZE_ROOT. (import.meta/__dirname differ between tsx, Vitest and
 * Next bundles, so they are not used.)
 */
export function projectRoot(): string {
  return process.env.RIGHTSIZE_ROOT ?? process.cwd();
}
