import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { prisma } from "@/lib/db/prisma";
import { principalForApiKey } from "@/lib/auth/api-keys";

useTestDatabase();

function rightsize(...args: string[]) {
  const result = spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("rightsize CLI", () => {
  it("prints help and exits 0", () => {
    const r = rightsize("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("users create");
    expect(r.stdout).toContain("keys create");
    expect(rightsize("keys", "--help").stdout).toContain("--scope ingest,read");
  });

  it("refuses bad arguments with one line and a non-zero exit", () => {
    for (const args of [["nope"], ["users", "create", "--email", "a@b.c", "--password", "longenough", "--role", "boss"], ["demo", "--events", "-5"], ["users", "create", "--bogus"]]) {
      const r = rightsize(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^rightsize: /);
    }
  });

  it("creates users and keys that work", async () => {
    await prisma().team.create({ data: { slug: "search", name: "Search" } });
    const user = rightsize("users", "create", "--email", "Lead@Example.com", "--password", "a-good-password", "--role", "lead", "--team", "search");
    expect(user.code, user.stderr).toBe(0);
    const stored = await prisma().user.findUniqueOrThrow({ where: { email: "lead@example.com" }, include: { teams: true } });
    expect(stored.role).toBe("lead");
    expect(stored.teams).toHaveLength(1);
    expect(stored.passwordHash).not.toContain("a-good-password");

    const key = rightsize("keys", "create", "--name", "gateway", "--scope", "ingest,read", "--team", "search");
    expect(key.code, key.stderr).toBe(0);
    expect(key.stdout).toMatch(/^rs_[0-9a-f]{8}_\S+$/);
    const principal = await principalForApiKey(key.stdout);
    expect(principal?.scopes.sort()).toEqual(["ingest", "read"]);
    expect(principal?.teamIds).toHaveLength(1);
    // The key itself is never stored.
    const rows = await prisma().apiKey.findMany();
    expect(JSON.stringify(rows)).not.toContain(key.stdout);
  });

  it("reports a duplicate user as a one-line error", () => {
    const r = rightsize("users", "create", "--email", "lead@example.com", "--password", "a-good-password", "--role", "viewer");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rightsize: email: a user lead@example.com already exists");
  });
});
