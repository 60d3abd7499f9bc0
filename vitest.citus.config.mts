import { defineConfig } from "vitest/config";
import path from "node:path";

/**
 * `npm run test:citus`: the suite that runs against a real Citus cluster (a coordinator and two workers started by
 * tests/citus/global-setup.ts). Kept apart from vitest.config.mts so `npm test` needs no Citus on a fresh clone.
 */
const alias = { "@": import.meta.dirname, "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    name: "citus",
    include: ["tests/citus/**/*.citus.test.ts"],
    environment: "node",
    globalSetup: ["tests/citus/global-setup.ts"],
    // One cluster; files run one after another and each resets the tables it uses.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
