import { test, expect, type Browser, type Page } from "./test";
import { IDP_ACCOUNTS, OIDC_NAME, oidcIssuer } from "./oidc/accounts";

/**
 * Single sign-on through a real OpenID provider (e2e/oidc/provider.ts, oidc-provider in its own process, started
 * by playwright.config.ts): authorization code flow with PKCE, ID token validated by the app, provisioning on the
 * first sign-in, the same account on the second, sign-out, and the refusals. Roles come from the IdP's groups
 * through OIDC_ROLE_MAP = "finops-admins=admin,finance=finance,team-*=lead:*,everyone=viewer".
 */
test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

const SHOTS = process.env.E2E_SCREENSHOTS; // a folder: also save the Settings screenshots there

/** Clicks the SSO button and, when the IdP has no session yet, signs in at its login form. */
async function signInWithSso(page: Page, login: string, { idpLoginForm = true } = {}) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }).click();
  if (idpLoginForm) {
    await expect(page).toHaveURL(new RegExp(`^${oidcIssuer()}/interaction/`));
    await page.locator("input[name=login]").fill(login);
    await page.locator("input[name=password]").fill("any password works at the dev login");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
}

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: "test-results/.auth/admin.json", baseURL: `http://localhost:${process.env.E2E_PORT}`, viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function usersNamed(page: Page, email: string) {
  const body = (await (await page.request.get("/api/v1/users")).json()) as { users: { id: number; email: string; role: string; teams: string[]; ssoManaged: boolean }[] };
  return body.users.filter((u) => u.email === email);
}

const forge = (page: Page, claim: "aud" | "iss" | null, value = "") =>
  claim ? page.request.post(`${oidcIssuer()}/__e2e/forge`, { data: { claim, value } }) : page.request.delete(`${oidcIssuer()}/__e2e/forge`);

test("first sign-in provisions the account from the IdP's groups, with PKCE; the second reuses it; sign-out ends the session", async ({ page, browser }) => {
  const lead = IDP_ACCOUNTS["sso-lead"];
  await signInWithSso(page, "sso-lead");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toContainText(lead.email);
  // groups everyone (viewer) + team-support (lead:support): lead, the stronger role, of team support
  await expect(nav.locator(".who")).toContainText(/lead\s*·/);

  // The authorization request carried a PKCE S256 challenge (the provider refuses requests without one).
  const auth = await (await page.request.get(`${oidcIssuer()}/__e2e/last-authorization`)).json();
  expect(auth).toMatchObject({ code_challenge_method: "S256", state: "present" });
  expect(auth.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/); // base64url of a sha256 = 43 characters

  const admin = await adminPage(browser);
  const [provisioned] = await usersNamed(admin, lead.email);
  expect(provisioned).toMatchObject({ role: "lead", teams: ["support"], ssoManaged: true });

  await nav.getByRole("link", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  // Second sign-in: the IdP still has its own session, so it answers at once; the same account comes back.
  await signInWithSso(page, "sso-lead", { idpLoginForm: false });
  await expect(nav).toContainText(lead.email);
  const again = await usersNamed(admin, lead.email);
  expect(again.map((u) => u.id)).toEqual([provisioned.id]);

  // Settings: the SSO user is shown as managed by SSO, without a role picker.
  await admin.goto("/settings?tab=users");
  const row = admin.getByRole("row").filter({ hasText: lead.email });
  await expect(row.getByText("managed by SSO")).toBeVisible();
  await expect(row.getByRole("combobox")).toHaveCount(0);
  await expect(admin.getByRole("combobox", { name: "Role of lead@e2e.test" })).toBeVisible(); // a local user stays editable
  if (SHOTS) await admin.screenshot({ path: `${SHOTS}/settings-users-sso.png`, fullPage: true });
  await admin.context().close();
});

test("an unverified email is refused and creates no account", async ({ page, browser }) => {
  await signInWithSso(page, "sso-unverified");
  await expect(page).toHaveURL(/\/signin\?(.*&)?error=SsoEmailUnverified\b/);
  await expect(page.getByTestId("sign-in-error")).toContainText("did not confirm that you own this email address");
  const admin = await adminPage(browser);
  expect(await usersNamed(admin, IDP_ACCOUNTS["sso-unverified"].email)).toEqual([]);
  await admin.context().close();
});

for (const [claim, value] of [["aud", "some-other-client"], ["iss", "http://localhost:1/evil"]] as const) {
  test(`an ID token with a wrong ${claim === "aud" ? "audience" : "issuer"} is refused`, async ({ page, browser }) => {
    // The provider signs the token with its own key; only the claim is wrong, so the app's validation must catch it.
    expect((await forge(page, claim, value)).ok()).toBe(true);
    try {
      await signInWithSso(page, "sso-forged");
      await expect(page).toHaveURL(/\/signin\?(.*&)?error=OAuthCallback\b/);
      await expect(page.getByTestId("sign-in-error")).toContainText("could not be verified");
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
    } finally {
      await forge(page, null);
    }
    const admin = await adminPage(browser);
    expect(await usersNamed(admin, IDP_ACCOUNTS["sso-forged"].email)).toEqual([]);
    await admin.context().close();
  });
}

test("a user disabled in Settings cannot sign in through SSO either", async ({ page, browser }) => {
  const fin = IDP_ACCOUNTS["sso-finance"];
  await signInWithSso(page, "sso-finance");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toContainText(fin.email);
  await nav.getByRole("link", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const admin = await adminPage(browser);
  await admin.goto("/settings?tab=users");
  const row = admin.getByRole("row").filter({ hasText: fin.email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("disabled", { exact: true })).toBeVisible();
  await admin.context().close();

  await signInWithSso(page, "sso-finance", { idpLoginForm: false }); // the IdP session is still alive
  await expect(page).toHaveURL(/\/signin\?(.*&)?error=SsoDisabled\b/);
  await expect(page.getByTestId("sign-in-error")).toContainText("This account is disabled");
});

test("Settings > API keys: a key with an expiry date shows it, and its last use after a call", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto("/settings?tab=keys");
  await admin.getByLabel("Name").fill("quarterly-export");
  await admin.getByLabel("Expires on (optional, UTC)").fill("2099-03-31");
  await admin.getByLabel("read", { exact: true }).check();
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())!;
  const row = admin.getByRole("row").filter({ hasText: "quarterly-export" });
  await expect(row).toContainText("2099-03-31");
  await expect(row).toContainText("never"); // not used yet

  expect((await admin.request.get("/api/v1/spend?groupBy=team", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
  await admin.reload();
  await expect(row.locator("td").nth(6)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/); // Last used column

  // A second key, revoked from the list: it shows as revoked.
  await admin.getByLabel("Name").fill("old-gateway");
  await admin.getByRole("button", { name: "Create key" }).click();
  const oldRow = admin.getByRole("row").filter({ hasText: "old-gateway" });
  await oldRow.getByRole("button", { name: "Revoke" }).click();
  // Revoking asks first (Settings > API keys confirmation dialog).
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(oldRow.getByText("revoked", { exact: true })).toBeVisible();
  if (SHOTS) await admin.screenshot({ path: `${SHOTS}/settings-keys-expiry.png`, fullPage: true });
  await admin.context().close();
});
