import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexReachable } from "../../retrieval/store/indexReachable.js";

describe("indexReachable", () => {
  let indexDir: string;
  beforeEach(async () => {
    indexDir = await mkdtemp(join(tmpdir(), "index-reachable-"));
    await mkdir(join(indexDir, "gen-abc-1"));
    await writeFile(join(indexDir, "gen-abc-1", "manifest.json"), "{}");
    await writeFile(join(indexDir, "CURRENT"), "gen-abc-1\n");
  });
  afterEach(async () => {
    await rm(indexDir, { recursive: true, force: true });
  });

  it("is true when CURRENT names a generation whose manifest can be read", async () => {
    expect(await indexReachable(indexDir)).toBe(true);
  });

  it("is false without CURRENT, with a malformed CURRENT, or when its generation is gone", async () => {
    expect(await indexReachable(join(indexDir, "missing"))).toBe(false);
    await writeFile(join(indexDir, "CURRENT"), "../../etc");
    expect(await indexReachable(indexDir)).toBe(false);
    await writeFile(join(indexDir, "CURRENT"), "gen-abc-2");
    expect(await indexReachable(indexDir)).toBe(false);
  });
});
