import { beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { useTestDatabase } from "../db";
import { request, userWithSession } from "../factories";
import { checkCredentials } from "@/lib/auth/sign-in";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
import { EMAIL_LOCK_AFTER, PAIR_LOCK_AFTER } from "@/lib/auth/throttle";
import { pool } from "@/lib/db/pool";
import { GET as getTeams } from "@/app/api/v1/teams/route";
import { POST as changePassword } from "@/app/api/v1/account/password/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";

// Issue 10 item 5: atomic sign-in throttling, per email + address, and sessions that end.
useTestDatabase();

// Counts password checks (the real check still runs).
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: (...args: Parameters<typeof real.verifyPassword>) => (checks.n++, real.verifyPassword(...args)) };
});

const PASSWORD = "correct-horse-battery"; // tests/factories.ts userWithSession
const noWait = async () => {};
let admin: { cookie: string; user: { id: number } };

beforeAll(async () => {
  admin = await userWithSession("admin@throttle.test", "admin");
  for (const who of ["burst", "victim", "sprayed"]) await userWithSession(`${who}@throttle.test`, "viewer");
});

describe("sign-in throttling", () => {
  it("counts each attempt before its password check: of 25 parallel guesses only 10 reach the password check", async () => {
    // All 25 start together. Counted one by one in the database, 10 of them may be checked and 15 are refused
    // unchecked. A throttle that reads the count, checks, then writes lets all 25 read "0 failures" and check.
    checks.n = 0;
    const results = await Promise.all(Array.from({ length: 25 }, () => checkCredentials("burst@throttle.test", "wrong", "203.0.113.5", noWait)));
    expect(results.filter((r) => r !== null)).toHaveLength(0);
    expect(checks.n).toBe(PAIR_LOCK_AFTER);
    const counted = await pool().query(`SELECT failures FROM login_failures WHERE key = 'pair:burst@throttle.test|203.0.113.5'`);
    expect(counted.rows[0].failures).toBe(25);
    // After the burst, even the right password from that address is refused (pair locked, 26 > 10).
    expect(await checkCredentials("burst@throttle.test", PASSWORD, "203.0.113.5", noWait)).toBeNull();
  });

  it("a stranger cannot lock a known user out: the lock is per email + address", async () => {
    for (let i = 0; i < PAIR_LOCK_AFTER + 5; i++) await checkCredentials("victim@throttle.test", "wrong", "198.51.100.66", noWait);
    expect(await checkCredentials("victim@throttle.test", PASSWORD, "198.51.100.66", noWait)).toBeNull(); // the stranger's pair
    expect(await checkCredentials("victim@throttle.test", PASSWORD, "192.0.2.10", noWait)).not.toBeNull(); // the user elsewhere
  });

  it("locks an email globally only past a much higher threshold (many addresses guessing one account)", async () => {
    expect(EMAIL_LOCK_AFTER).toBeGreaterThanOrEqual(10 * PAIR_LOCK_AFTER);
    // 99 failures from many addresses already counted (as 99 pair attempts elsewhere would leave them): the
    // 100th attempt is still allowed, the 101st is refused from a brand-new address, right password or not.
    await pool().query(`INSERT INTO login_failures (key, failures, last_at) VALUES ('email:sprayed@throttle.test', $1, now())`, [EMAIL_LOCK_AFTER - 1]);
    expect(await checkCredentials("sprayed@throttle.test", "wrong", "192.0.2.98", noWait)).toBeNull();
    expect(await checkCredentials("sprayed@throttle.test", PASSWORD, "192.0.2.98", noWait)).toBeNull();
    expect(await checkCredentials("sprayed@throttle.test", PASSWORD, "192.0.2.99", noWait)).toBeNull();
  });

  it("trusts X-Forwarded-For only with RIGHTSIZE_TRUST_PROXY=1, and then only the entry the proxy added", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", [PEER_HEADER]: "10.0.0.2" });
    expect(clientAddress(headers, false)).toBe("10.0.0.2"); // the socket's address, whatever the header claims
    expect(clientAddress(headers, true)).toBe("203.0.113.9"); // the last entry: the address our proxy saw
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6" }, false)).toBeNull();
  });
});

describe("sessions end", () => {
  const teams = async (cookie: string) => (await getTeams(request("/api/v1/teams", { cookie }))).status;

  it("when the password changes (every session of the user, the one that changed it too)", async () => {
    const u = await userWithSession("changer@throttle.test", "viewer");
    const other = `next-auth.session-token=${await encode({ token: { uid: u.user.id, sv: 0 }, secret: process.env.NEXTAUTH_SECRET! })}`;
    expect(await teams(other)).toBe(200);
    const res = await changePassword(request("/api/v1/account/password", { cookie: u.cookie, body: { currentPassword: PASSWORD, newPassword: "another-password-9" } }));
    expect(res.status).toBe(200);
    expect(await teams(other)).toBe(401);
    expect(await teams(u.cookie)).toBe(401);
    // A session from signing in after the change carries the new version (1) and works.
    const fresh = `next-auth.session-token=${await encode({ token: { uid: u.user.id, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! })}`;
    expect(await teams(fresh)).toBe(200);
  });

  it("when the user is disabled, and stay ended after re-enabling", async () => {
    const u = await userWithSession("disabled@throttle.test", "viewer");
    expect(await teams(u.cookie)).toBe(200);
    const patch = (body: object) =>
      patchUser(request(`/api/v1/users/${u.user.id}`, { method: "PATCH", cookie: admin.cookie, body }), { params: Promise.resolve({ id: String(u.user.id) }) });
    expect((await patch({ disabled: true })).status).toBe(200);
    expect(await teams(u.cookie)).toBe(401);
    expect((await patch({ disabled: false })).status).toBe(200);
    expect(await teams(u.cookie)).toBe(401);
  });
});
