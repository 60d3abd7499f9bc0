import { defineConfig } from "prisma/config";

// Migrations are plain SQL applied by lib/db/migrate.ts (the schema engine is not downloadable here).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
