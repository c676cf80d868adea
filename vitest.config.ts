import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**", "web/dist/**"],
    setupFiles: ["test/helpers/fail-on-console.ts"],
    // one store built from the shipped data for the golden and browser tests (inject("shushiStoreDir"))
    globalSetup: ["test/helpers/global-store.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    typecheck: { enabled: true, tsconfig: "./tsconfig.json", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
  },
});
