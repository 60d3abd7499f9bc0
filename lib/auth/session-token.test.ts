import { describe, expect, it } from "vitest";
import { sessionUserId, ssoSessionEnd } from "./session-token";

describe("sessionUserId", () => {
  const signedInAt = Date.UTC(2026, 11, 2, 9, 0, 0); // 09:00:00 UTC = 1796202000 s
  it("a single sign-on session ends 60 minutes after sign-in", () => {
    const token = { uid: 7, ssoUntil: ssoSessionEnd(signedInAt) };
    expect(token.ssoUntil).toBe(1796202000 + 3600); // 10:00:00 UTC
    expect(sessionUserId(token, Date.UTC(2026, 11, 2, 9, 59, 59))).toBe(7);
    expect(sessionUserId(token, Date.UTC(2026, 11, 2, 10, 0, 0))).toBeNull();
  });
  it("a password session has no such cap; no uid means no user", () => {
    expect(sessionUserId({ uid: 3 }, Date.UTC(2030, 0, 1))).toBe(3);
    expect(sessionUserId({}, signedInAt)).toBeNull();
    expect(sessionUserId(null)).toBeNull();
  });
});
