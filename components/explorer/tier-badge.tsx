/** Model tier as a coloured badge (frontier red, mid amber, small green, unknown grey). */
export function TierBadge({ tier, manual }: { tier: string | null | undefined; manual?: boolean }) {
  const t = tier ?? "unknown";
  return (
    <span className={`badge ${t}`} title={manual ? "Set by an admin" : t === "unknown" ? "No price known: tier not set" : "Derived from the list price"}>
      {t}
      {manual ? " ·" : ""}
    </span>
  );
}
