import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { GET } from "@/app/api/health/route";
import { closePool } from "@/lib/db/pool";

useTestDatabase();

describe("GET /api/health", () => {
  it("says ok when the database answers", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database is down", async () => {
    const real = process.env.DATABASE_URL;
    await closePool();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect((await res.json()).db).not.toBe("ok");
    } finally {
      await closePool();
      process.env.DATABASE_URL = real;
    }
  });
});
