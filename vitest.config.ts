import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The embedding model takes a few seconds to load on 2 cores; index builds share it per file.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Test files build their own indexes in temp folders; two workers match the two cores.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: "forks",
  },
});
