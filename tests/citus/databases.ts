import { inject, vi } from "vitest";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { resetDatabase } from "../db";

/**
 * The two databases of the Citus suite and a way to run app code against either: the app keeps one pg pool and one
 * Prisma client per process (lib/db), so switching closes both and points DATABASE_URL at the other database.
 */
export const DATABASES = { plain: () => inject("plainUrl"), citus: () => inject("citusUrl") } as const;
export type DatabaseName = keyof typeof DATABASES;

export async function onDatabase<T>(url: string, fn: () => Promise<T>): Promise<T> {
  await disconnectPrisma();
  await closePool();
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "citus-test-secret-0123456789";
  return fn();
}

/** Runs `fn` on plain PostgreSQL, then on Citus, each from empty tables; returns both results. */
export async function onBoth<T>(fn: (db: DatabaseName) => Promise<T>): Promise<Record<DatabaseName, T>> {
  const plain = await onDatabase(DATABASES.plain(), async () => (await resetDatabase(), fn("plain")));
  const citus = await onDatabase(DATABASES.citus(), async () => (await resetDatabase(), fn("citus")));
  return { plain, citus };
}

export async function closeDatabases(): Promise<void> {
  await disconnectPrisma();
  await closePool();
}

/**
 * Runs `fn` with the process clock (Date only: timers and the database are untouched) at one fixed instant, so
 * "this month so far" and friends mean the same on both databases.
 */
export async function atFixedTime<T>(now: Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ now, toFake: ["Date"] });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** Wall-clock stamps of when a row was written or an answer computed: they differ between any two runs. */
const CLOCK_FIELDS = new Set(["generatedAt", "evaluatedAt", "firstSeen", "createdAt", "updatedAt", "dataAsOf"]);

/** An answer as data: JSON parsed (an object's key order is not part of the answer), clock stamps left out. */
export function asData(body: string): unknown {
  if (!body.startsWith("{") && !body.startsWith("[")) return body;
  return JSON.parse(body, (key, value) => (CLOCK_FIELDS.has(key) ? undefined : value));
}
