import { requirePagePrincipal } from "@/lib/auth/session";
import { Nav } from "@/components/shell/nav";

// Every page under (app) needs a signed-in user; requirePagePrincipal redirects to /signin otherwise.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const principal = await requirePagePrincipal();
  return (
    <div className="shell">
      {/* Keyboard and screen-reader users skip the sidebar's nine links. */}
      <a className="skip-link" href="#main">Skip to content</a>
      <Nav who={principal.label} role={principal.role} />
      <main className="main" id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
