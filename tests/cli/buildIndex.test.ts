import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runNpmScript } from "../support/runCli.js";

describe("npm run index", () => {
  it("builds the index into DATA_DIR with progress on stderr, then finds it current", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "corpus-index-cli-"));
    try {
      const first = await runNpmScript("index", [], undefined, { DATA_DIR: dataDir });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Built index: 5 articles, \d+ chunks, \d+ sentences, use-lite/);
      expect(first.stderr).toMatch(/Indexing the corpus: \d+\/\d+ \(100%\)/);
      expect((await readdir(join(dataDir, "index"))).filter((n) => n.startsWith("gen-"))).toHaveLength(1);
      const second = await runNpmScript("index", [], undefined, { DATA_DIR: dataDir });
      expect(second.stdout).toMatch(/^Loaded the current index: 5 articles/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
