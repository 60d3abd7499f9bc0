import Link from "next/link";

/** A team or workload page the caller cannot open: say why, and where to go instead. */
export function NotVisible({ kind, slug, reason, back }: { kind: "team" | "workload"; slug: string; reason: "missing" | "forbidden"; back: string }) {
  return (
    <div className="card empty" data-testid="not-visible">
      <h2>{reason === "missing" ? `No ${kind} "${slug}"` : `You don't have access to this ${kind}`}</h2>
      <p>
        {reason === "missing"
          ? `It may have been renamed, or its usage has not arrived yet.`
          : `Leads see the teams they belong to. Ask an admin to add you to the team if you need its numbers.`}{" "}
        <Link href={back}>Back to the list</Link>
      </p>
    </div>
  );
}
