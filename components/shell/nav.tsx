"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";

export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/teams", label: "Teams" },
  { href: "/workloads", label: "Workloads" },
  { href: "/models", label: "Models" },
  { href: "/whatif", label: "What-if" },
  { href: "/rollouts", label: "Rollouts" },
  { href: "/budgets", label: "Budgets" },
  { href: "/reports", label: "Reports" },
  { href: "/ingestion", label: "Ingestion" },
  { href: "/settings", label: "Settings" },
] as const;

export function Nav({ who, role }: { who: string; role: string }) {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        Right<span>size</span>
      </div>
      {NAV_ITEMS.map((item) => (
        <Link key={item.href} href={item.href} className={isActive(item.href) ? "active" : undefined}>
          {item.label}
        </Link>
      ))}
      <div className="spacer" />
      <div className="who">
        <b title={who}>{who}</b>
        {role} ·{" "}
        <a href="#" onClick={(e) => { e.preventDefault(); void signOut({ callbackUrl: "/signin" }); }} style={{ color: "#9fb7ff" }}>
          Sign out
        </a>
      </div>
    </nav>
  );
}
