import { describe, expect, it } from "vitest";
import { KeyExpirySchema, keyRefusal } from "./api-key-expiry";

describe("KeyExpirySchema", () => {
  it("reads a date as the start of that UTC day, and a date-time as given", () => {
    expect(KeyExpirySchema.parse("2027-01-31").toISOString()).toBe("2027-01-31T00:00:00.000Z");
    // 09:30 at +02:00 is 07:30 UTC.
    expect(KeyExpirySchema.parse("2027-01-31T09:30:00+02:00").toISOString()).toBe("2027-01-31T07:30:00.000Z");
  });
  it("refuses anything else", () => {
    for (const bad of ["31/01/2027", "2027-13-01", "next week"]) expect(KeyExpirySchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("keyRefusal", () => {
  const key = { prefix: "rs_0badc0de", revokedAt: null, expiresAt: new Date("2027-01-31T00:00:00Z") };
  it("says a key expired from its expiry instant on, not before", () => {
    expect(keyRefusal(key, new Date("2027-01-30T23:59:59Z"))).toBeNull();
    expect(keyRefusal(key, new Date("2027-01-31T00:00:00Z"))).toBe(
      "API key rs_0badc0de expired on 2027-01-31T00:00:00.000Z; create a new key (Settings > API keys or rightsize keys create)",
    );
  });
  it("says a key was revoked, and lets a key without expiry work", () => {
    expect(keyRefusal({ ...key, revokedAt: new Date("2026-12-01T10:00:00Z") }, new Date("2026-12-02T00:00:00Z"))).toBe("API key rs_0badc0de was revoked on 2026-12-01T10:00:00.000Z");
    expect(keyRefusal({ ...key, expiresAt: null }, new Date("2099-01-01T00:00:00Z"))).toBeNull();
  });
});
