import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import UsersSection from "@/components/settings/users";
import KeysSection from "@/components/settings/keys";
import RulesSection from "@/components/settings/rules";
import ModelTiersSection from "@/components/settings/model-tiers";
import PricesSection from "@/components/settings/prices";
import AccountSection from "@/components/settings/account";
import CurrencySection from "@/components/settings/currency";
import DimensionsSection from "@/components/settings/dimensions";

const TABS = [
  { id: "users", label: "Users", permission: "manage_users", Section: UsersSection },
  { id: "keys", label: "API keys", permission: "manage_users", Section: KeysSection },
  { id: "rules", label: "Attribution rules", permission: "manage_settings", Section: RulesSection },
  { id: "models", label: "Model tiers", permission: "manage_settings", Section: ModelTiersSection },
  { id: "prices", label: "Prices", permission: "manage_settings", Section: PricesSection },
  { id: "currency", label: "Currency", permission: "manage_settings", Section: CurrencySection },
  { id: "dimensions", label: "Dimensions", permission: "manage_settings", Section: DimensionsSection },
  { id: "account", label: "My account", permission: "read", Section: AccountSection },
] as const;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const principal = await requirePagePrincipal();
  const tabs = TABS.filter((t) => can(principal, t.permission));
  const { tab } = await searchParams;
  const active = tabs.find((t) => t.id === tab) ?? tabs[0];
  return (
    <>
      <PageHeader title="Settings" subtitle="Users, API keys, attribution rules, model tiers, prices, currency and tag dimensions." />
      {active && (
        <>
          <div className="tabs" role="tablist">
            {tabs.map((t) => (
              <Link key={t.id} href={`/settings?tab=${t.id}`} role="tab" aria-selected={t.id === active.id} className={t.id === active.id ? "tab active" : "tab"}>
                {t.label}
              </Link>
            ))}
          </div>
          <active.Section />
        </>
      )}
    </>
  );
}
