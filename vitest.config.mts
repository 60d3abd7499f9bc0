import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": import.meta.dirname, "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: ["**/*.integration.test.ts", "**/*.citus.test.ts", "node_modules/**", "e2e/**"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          globalSetup: ["tests/integration-global-setup.ts"],
          // One throwaway cluster; files run one after another so each can reset the tables it uses.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
