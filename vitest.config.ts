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
    // Two forks already fill the two cores: an embedding worker per fork would only add start-up and
    // memory. The pool has its own tests (tests/retrieval/embedPool.test.ts), which set EMBED_WORKERS.
    env: { EMBED_WORKERS: "1" },
  },
});
