import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Appends to the audit log: who did what to which thing. */
export async function audit(actor: string, action: string, target: string | null, details?: Prisma.InputJsonValue) {
  await prisma().auditLog.create({ data: { actor, action, target, details } });
}
