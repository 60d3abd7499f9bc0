export const ROLES = ["admin", "finance", "lead", "viewer"] as const;
export type RoleName = (typeof ROLES)[number];

/**
 * What each role may do. `lead` sees only the teams they belong to (team scope), the others see all teams.
 */
export type Permission = "read" | "manage_users" | "manage_settings" | "manage_budgets" | "edit_workloads" | "ingest" | "read_prices";

const PERMISSIONS: Record<RoleName, Permission[]> = {
  // read_prices: negotiated price overrides are commercial terms, for administrators and finance only.
  admin: ["read", "manage_users", "manage_settings", "manage_budgets", "edit_workloads", "ingest", "read_prices"],
  finance: ["read", "manage_budgets", "read_prices"],
  lead: ["read", "edit_workloads"],
  viewer: ["read"],
};

export function roleCan(role: RoleName, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}
