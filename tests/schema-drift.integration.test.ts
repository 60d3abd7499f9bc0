import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { useTestDatabase } from "./db";
import { readFileSync } from "node:fs";

interface RuntimeDataModel {
  models: Record<string, { dbName: string | null; fields: { name: string; kind: string; type: string; dbName?: string }[] }>;
}

useTestDatabase();

// The generated client's runtime data model names every model, field and column; the schema file adds what that
// metadata leaves out (optional `?`, lists `[]`, native types `@db.X`).
const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const runtimeModels = JSON.parse(readFileSync("lib/generated/prisma/internal/class.ts", "utf8").match(/runtimeDataModel = JSON.parse\((".*")\)/)![1]) as string;

function schemaField(model: string, field: string): { optional: boolean; list: boolean; native: string | null } {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)![1];
  const line = new RegExp(`^\\s*${field}\\s+(\\w+)(\\[\\])?(\\?)?(.*)$`, "m").exec(block)!;
  return { list: Boolean(line[2]), optional: Boolean(line[3]), native: /@db\.(\w+)/.exec(line[4])?.[1] ?? null };
}

function expectedType(type: string, kind: string, native: string | null, list: boolean): string {
  if (list) return "ARRAY";
  if (kind === "enum") return "USER-DEFINED";
  const byNative: Record<string, string> = { Uuid: "uuid", Date: "date", SmallInt: "smallint", Timestamptz: "timestamp with time zone" };
  if (native && byNative[native]) return byNative[native];
  const byType: Record<string, string> = {
    String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", DateTime: "timestamp without time zone",
    Decimal: "numeric", Json: "jsonb", Float: "double precision",
  };
  return byType[type];
}

describe("schema.prisma and the migrated database", () => {
  it("have the same tables, columns, types and nullability", async () => {
    // Partitions (usage_events_YYYY_MM, which Prisma cannot declare) are left out: they have their parent's columns.
    const columns = await pool().query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable FROM information_schema.columns c
       JOIN pg_class r ON r.relname = c.table_name AND r.relnamespace = 'public'::regnamespace
       WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' AND NOT r.relispartition`,
    );
    const actual = new Map(columns.rows.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const expected = new Map<string, { type: string; nullable: boolean }>();
    const models = (JSON.parse(runtimeModels as string) as RuntimeDataModel).models;
    for (const [name, model] of Object.entries(models)) {
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const declared = schemaField(name, field.name);
        expected.set(`${model.dbName ?? name}.${field.dbName ?? field.name}`, {
          type: expectedType(field.type, field.kind, declared.native, declared.list),
          nullable: declared.optional || declared.list,
        });
      }
    }
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, want] of expected) {
      const got = actual.get(key)!;
      expect({ key, type: got.data_type, nullable: got.is_nullable === "YES" }).toEqual({ key, type: want.type, nullable: want.nullable });
    }
  });

  it("has usage_events partitioned by month with the primary key (occurred_at, dedup_key) Prisma declares", async () => {
    const key = await pool().query<{ def: string; strategy: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def, pt.partstrat AS strategy FROM pg_constraint c
       JOIN pg_partitioned_table pt ON pt.partrelid = c.conrelid WHERE c.conrelid = 'usage_events'::regclass AND c.contype = 'p'`,
    );
    expect(key.rows).toEqual([{ def: "PRIMARY KEY (occurred_at, dedup_key)", strategy: "r" }]);
    expect(schemaText).toMatch(/@@id\(\[occurredAt, dedupKey\]\)\n\s*@@map\("usage_events"\)/);
  });

  it("records migrations the way prisma migrate deploy does", async () => {
    const rows = await pool().query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });
});
