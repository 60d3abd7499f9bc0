import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { useTestDatabase } from "./db";
import { migrate, migrationLogLine } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";

useTestDatabase();

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "rs-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migrator", () => {
  it("leaves the database as it was when a migration fails, and names the file", async () => {
    const url = process.env.DATABASE_URL!;
    // A separate database, so the main test database keeps its schema.
    await pool().query("DROP DATABASE IF EXISTS migrate_probe");
    await pool().query("CREATE DATABASE migrate_probe");
    const probeUrl = url.replace(/\/[^/]+$/, "/migrate_probe");
    const dir = migrationsDir({
      "001_ok": "CREATE TABLE a (id int);",
      "002_broken": "CREATE TABLE b (id int); INSERT INTO nope VALUES (1);",
    });
    await expect(migrate(probeUrl, dir)).rejects.toThrow(/Migration 002_broken\/migration.sql failed/);
    const client = new pg.Client({ connectionString: probeUrl });
    await client.connect();
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const applied = await client.query(`SELECT migration_name FROM "_prisma_migrations"`);
    await client.end();
    expect(tables.rows.map((r) => r.tablename)).toEqual(["_prisma_migrations", "a"]); // no table b
    expect(applied.rows.map((r) => r.migration_name)).toEqual(["001_ok"]);
    // Running again applies nothing new and still fails on the same file.
    await expect(migrate(probeUrl, dir)).rejects.toThrow(/002_broken/);
    await pool().query("DROP DATABASE migrate_probe WITH (FORCE)");
  });

  it("says which migration it is applying before it runs, and how long it took after (start-up log)", async () => {
    await pool().query("DROP DATABASE IF EXISTS migrate_log_probe");
    await pool().query("CREATE DATABASE migrate_log_probe");
    const probeUrl = process.env.DATABASE_URL!.replace(/\/[^/]+$/, "/migrate_log_probe");
    const first = migrationsDir({ "001_a": "CREATE TABLE a (id int);" });
    await migrate(probeUrl, first);
    // Only pending migrations are numbered: 001 is already applied, so 002 and 003 are "1 of 2" and "2 of 2".
    const dir = migrationsDir({ "001_a": "CREATE TABLE a (id int);", "002_b": "CREATE TABLE b (id int);", "003_c": "CREATE TABLE c (id int);" });
    const lines: string[] = [];
    await migrate(probeUrl, dir, { onProgress: (event) => lines.push(migrationLogLine(event)) });
    expect(lines.map((l) => l.replace(/in \d+\.\d s$/, "in N s"))).toEqual([
      "Applying migration 1 of 2: 002_b...",
      "Applied migration 1 of 2: 002_b in N s",
      "Applying migration 2 of 2: 003_c...",
      "Applied migration 2 of 2: 003_c in N s",
    ]);
    await pool().query("DROP DATABASE migrate_log_probe WITH (FORCE)");
  });

  it("is idempotent on the real migrations", async () => {
    const result = await migrate(process.env.DATABASE_URL!);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
  });
});
