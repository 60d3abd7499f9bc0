import { describe, expect, it } from "vitest";
import { accessForGroups, claimValues, groupsOverflowed, matchGroup, parseRoleMap } from "./role-map";

describe("parseRoleMap", () => {
  it("reads roles, fixed teams and team wildcards", () => {
    expect(parseRoleMap("finops-admins=admin, finance=finance,team-*=lead:*, platform-leads=lead:Platform ,everyone=viewer")).toEqual([
      { group: "finops-admins", role: "admin", team: null },
      { group: "finance", role: "finance", team: null },
      { group: "team-*", role: "lead", team: "*" },
      { group: "platform-leads", role: "lead", team: "Platform" },
      { group: "everyone", role: "viewer", team: null },
    ]);
  });

  it("accepts a trailing comma and a bare lead", () => {
    expect(parseRoleMap("leads=lead,")).toEqual([{ group: "leads", role: "lead", team: null }]);
  });

  it.each([
    ["", "give at least one rule"],
    ["finops-admins", 'rule 1 "finops-admins": expected GROUP=ROLE'],
    ["a=admin,=viewer", 'rule 2 "=viewer": expected GROUP=ROLE'],
    ["a=owner", 'rule 1 "a=owner": role must be one of admin, finance, lead, viewer, got "owner"'],
    ["a=admin:team", "only lead takes a team"],
    ["a=lead:", 'give a team slug after "lead:"'],
    ["leads=lead:*", "lead:* needs a * in the group pattern"],
    ["*-team-*=lead:*", "one * at most"],
    ["a=lead:x:y", "single colon"],
    ["a=admin,,b=viewer", 'rule 2 "": expected GROUP=ROLE'],
  ])("refuses %j naming the rule", (text, message) => {
    expect(() => parseRoleMap(text)).toThrow(message);
  });
});

describe("matchGroup", () => {
  it("matches whole names case-insensitively and returns what * stood for", () => {
    expect(matchGroup("finance", "Finance")).toBe("");
    expect(matchGroup("finance", "finance-eu")).toBeNull(); // whole name, not a prefix
    expect(matchGroup("team-*", "team-support")).toBe("support");
    expect(matchGroup("team-*", "Team-Support")).toBe("support"); // slugs are lower case
    expect(matchGroup("team-*", "team-")).toBeNull(); // * stands for at least one character
    expect(matchGroup("*-leads", "platform-leads")).toBe("platform");
    expect(matchGroup("rs-*-lead", "rs-search-lead")).toBe("search");
    expect(matchGroup("rs-*-lead", "rs-lead")).toBeNull();
  });
});

describe("accessForGroups", () => {
  const rules = parseRoleMap("finops-admins=admin,finance=finance,team-*=lead:*,platform-leads=lead:platform,everyone=viewer");

  it("gives the strongest role and every team a lead rule names", () => {
    // team-support -> lead:support; platform-leads -> lead:platform; everyone -> viewer. Strongest: lead (> viewer).
    expect(accessForGroups(["everyone", "team-support", "platform-leads"], rules)).toEqual({ role: "lead", teams: ["platform", "support"] });
    // finops-admins -> admin beats lead; the team membership is still recorded.
    expect(accessForGroups(["team-search", "finops-admins"], rules)).toEqual({ role: "admin", teams: ["search"] });
    // finance (2) beats viewer (0).
    expect(accessForGroups(["everyone", "finance"], rules)).toEqual({ role: "finance", teams: [] });
  });

  it("gives nothing when no rule matches, so leaving every group removes access", () => {
    expect(accessForGroups(["contractors"], rules)).toBeNull();
    expect(accessForGroups([], rules)).toBeNull();
  });
});

// The claim shapes the README walk-through configures, as each IdP puts them in the ID token.
describe("claimValues with each identity provider's claims", () => {
  it("Okta: a groups claim of group names", () => {
    const okta = { sub: "00u1a2b3c4", groups: ["Everyone", "finops-admins", "team-support"] };
    expect(accessForGroups(claimValues(okta, "groups"), parseRoleMap("finops-admins=admin,team-*=lead:*"))).toEqual({ role: "admin", teams: ["support"] });
  });

  it("Entra ID: app roles in `roles`, or group object ids in `groups`", () => {
    const entraRoles = { oid: "4f0c…", roles: ["rightsize.finance"] };
    expect(accessForGroups(claimValues(entraRoles, "roles"), parseRoleMap("rightsize.admin=admin,rightsize.finance=finance"))).toEqual({ role: "finance", teams: [] });
    const entraGroups = { groups: ["0b6e0c9a-2f0d-4c55-9a8b-1b0a5c0e7d11"] };
    expect(accessForGroups(claimValues(entraGroups, "groups"), parseRoleMap("0B6E0C9A-2F0D-4C55-9A8B-1B0A5C0E7D11=lead:search"))).toEqual({ role: "lead", teams: ["search"] });
  });

  it("Entra ID: a user in too many groups gets a pointer instead of the groups", () => {
    const overage = { _claim_names: { groups: "src1" }, _claim_sources: { src1: { endpoint: "https://graph.microsoft.com/v1.0/users/x/getMemberObjects" } } };
    expect(groupsOverflowed(overage, "groups")).toBe(true);
    expect(groupsOverflowed({ groups: [] }, "groups")).toBe(false);
  });

  it("Keycloak: group paths with a leading slash, and realm roles under realm_access.roles", () => {
    const keycloak = { groups: ["/finance", "/team-data"], realm_access: { roles: ["offline_access", "rightsize-admin"] } };
    expect(claimValues(keycloak, "groups")).toEqual(["/finance", "/team-data"]);
    expect(accessForGroups(claimValues(keycloak, "groups"), parseRoleMap("/finance=finance,/team-*=lead:*"))).toEqual({ role: "finance", teams: ["data"] });
    expect(claimValues(keycloak, "realm_access.roles")).toEqual(["offline_access", "rightsize-admin"]);
  });

  it("a single group as a string, and a missing claim as no groups", () => {
    expect(claimValues({ groups: "finance" }, "groups")).toEqual(["finance"]);
    expect(claimValues({}, "groups")).toEqual([]);
    expect(claimValues({ "https://example.com/groups": ["a"] }, "https://example.com/groups")).toEqual(["a"]);
  });
});
