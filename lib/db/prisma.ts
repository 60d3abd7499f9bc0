import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "./pool";

const globalForPrisma = globalThis as unknown as { rightsizePrisma?: PrismaClient };

/** The Prisma client, over the shared pg pool (Prisma 7 runs without native engines through adapter-pg). */
export function prisma(): PrismaClient {
  return (globalForPrisma.rightsizePrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) }));
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.rightsizePrisma;
  globalForPrisma.rightsizePrisma = undefined;
  await client?.$disconnect();
}
