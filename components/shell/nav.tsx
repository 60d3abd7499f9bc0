"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { carryFilters, carriesFilters } from "@/lib/navigation/carry-filters";
import { signOut } from "next-auth/react";
import { useEffect, useState } from "react";

export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/teams", label: "Teams" },
  { href: "/workloads", label: "Workloads" },
  { href: "/runs", label: "Runs" },
  { href: "/unit-costs", label: "Unit costs" },
  { href: "/models", label: "Models" },
  { href: "/dimensions", label: "Dimensions" },
  { href: "/whatif", label: "What-if" },
  { href: "/rollouts", label: "Rollouts" },
  { href: "/budgets", label: "Budgets" },
  { href: "/reports", label: "Reports" },
  { href: "/ingestion", label: "Ingestion" },
  { href: "/settings", label: "Settings" },
] as const;

export function Nav({ who, role }: { who: string; role: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  // A team's own page is a team filter too: from /teams/support, "Workloads" opens support's workloads.
  const teamPage = /^\/teams\/([^/]+)/.exec(pathname)?.[1];
  const params = { get: (k: string) => search.get(k) ?? (k === "team" && teamPage ? decodeURIComponent(teamPage) : null) };
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  // Narrow windows (CSS, under 900 px) fold the links behind a Menu button; a navigation folds them again.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  const current = NAV_ITEMS.find((i) => isActive(i.href))?.label;
  return (
    <nav className={open ? "sidebar open" : "sidebar"} aria-label="Main">
      <div className="brand">
        Right<span>size</span>
      </div>
      <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="nav-links" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">☰</span> {current ?? "Menu"}
      </button>
      <div className="nav-links" id="nav-links">
      {NAV_ITEMS.map((item) => (
        <Link key={item.href} href={carriesFilters(item.href) ? carryFilters(item.href, params) : item.href} className={isActive(item.href) ? "active" : undefined} aria-current={isActive(item.href) ? "page" : undefined}>
          {item.label}
        </Link>
      ))}
      </div>
      <div className="spacer" />
      <div className="who">
        <b title={who}>{who}</b>
        {role} ·{" "}
        <a href="#" onClick={(e) => { e.preventDefault(); // redirect: false, then a relative navigation: the user lands on the sign-in page of the origin they browse,
          // not on NEXTAUTH_URL's host (which differs behind a proxy or on a second hostname).
          void signOut({ redirect: false }).then(() => window.location.assign("/signin")); }} className="signout">
          Sign out
        </a>
      </div>
    </nav>
  );
}
