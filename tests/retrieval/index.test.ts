import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngine, PROJECT_ROOT } from "../../retrieval/engine.js";
import { createEmbedder, embedderConfigFromEnv } from "../../retrieval/embed/createEmbedder.js";
import type { Embedder } from "../../retrieval/types.js";
import { memoryLogger } from "../support/memoryLogger.js";

// A small corpus of two seed articles in a temporary project, indexed with the real default embedder.
let root: string;
let embedder: Embedder;
const SOURCE = join(PROJECT_ROOT, "corpus", "articles");

async function copyArticle(prefix: string) {
  for (const name of (await readdir(SOURCE)).filter((n) => n.startsWith(prefix))) await cp(join(SOURCE, name), join(root, "corpus", "articles", name));
}

async function open() {
  const log = memoryLogger();
  const engine = await openEngine({ projectRoot: root, dataDir: join(root, "data"), embedder, logger: log.logger });
  const rebuild = log.lines().find((l) => l.event === "index.rebuild");
  const built = log.lines().find((l) => l.event === "index.built");
  return { engine, reason: rebuild?.reason as string | undefined, reused: built?.reusedVectors as number | undefined };
}

const indexDir = () => join(root, "data", "index");
const current = async () => (await readFile(join(indexDir(), "CURRENT"), "utf8")).trim();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "corpus-index-"));
  await mkdir(join(root, "corpus", "articles"), { recursive: true });
  await copyArticle("003_");
  await copyArticle("004_");
  embedder = await createEmbedder(embedderConfigFromEnv({}));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the index on disk", () => {
  it("is built on first use and loaded, not rebuilt, when nothing changed", async () => {
    const first = await open();
    expect(first.engine.builtIndex).toBe(true);
    expect(first.reason).toBe("no index yet");
    const second = await open();
    expect(second.engine.builtIndex).toBe(false);
    expect(second.reason).toBeUndefined();
    const answer = await second.engine.ask("What is the Arabic name for the Popular Mobilization Units?");
    expect(answer.excerpts[0]!.text).toContain("Hashd al-Shaabi");
  });

  it("notices an added article and rebuilds, atomically replacing the current generation", async () => {
    const before = await current();
    await copyArticle("002_");
    const { engine, reason, reused } = await open();
    expect(engine.builtIndex).toBe(true);
    expect(reason).toMatch(/added corpus\/articles\/002_/);
    // Only the new article is embedded: every vector of the two unchanged ones is reused.
    const unchanged = engine.documents().filter((d) => !d.id.startsWith("002_"));
    const unchangedUnits = unchanged.reduce((n, d) => n + engine.sentences(d.id).length, 0);
    expect(reused).toBeGreaterThan(unchangedUnits);
    expect(reused).toBeLessThan(engine.indexStats.chunks + engine.indexStats.sentences);
    const after = await current();
    expect(after).not.toBe(before);
    // Generations no longer current are deleted (a reader loading one reads the new CURRENT instead).
    expect((await readdir(indexDir())).filter((n) => n.startsWith("gen-"))).toEqual([after]);
    const answer = await engine.ask("How many ballistic missiles did Iran launch at Israel on 1 October?");
    expect(answer.excerpts[0]!.file).toMatch(/002_/);
  });

  it("rebuilds when an article's text changes", async () => {
    const name = (await readdir(join(root, "corpus", "articles"))).find((n) => n.startsWith("003_") && n.endsWith(".txt"))!;
    const path = join(root, "corpus", "articles", name);
    await writeFile(path, (await readFile(path, "utf8")) + "\nA sentence added later for the test of rebuilding.\n");
    const { engine, reason } = await open();
    expect(engine.builtIndex).toBe(true);
    expect(reason).toContain(`changed corpus/articles/${name}`);
  });

  it("rebuilds with a clear message when the index files are corrupt", async () => {
    const generation = join(indexDir(), await current());
    await writeFile(join(generation, "chunks", "index.json"), "{ not json");
    const { engine, reason, reused } = await open();
    expect(engine.builtIndex).toBe(true);
    expect(reason).toMatch(/corrupt/);
    expect(reused).toBe(0);
    const again = await open();
    expect(again.engine.builtIndex).toBe(false);
  });

  it("rebuilds when CURRENT names a generation that is gone or malformed", async () => {
    await writeFile(join(indexDir(), "CURRENT"), "gen-does-not-exist");
    expect((await open()).reason).toMatch(/corrupt/);
    await writeFile(join(indexDir(), "CURRENT"), "../../etc");
    expect((await open()).reason).toMatch(/corrupt/);
  });

  it("rebuilds when the embedder changes, and the manifest records it", async () => {
    const renamed: Embedder = { ...embedder, id: `${embedder.id}+variant`, embedQueries: embedder.embedQueries, embedPassages: embedder.embedPassages };
    const log = memoryLogger();
    const engine = await openEngine({ projectRoot: root, dataDir: join(root, "data"), embedder: renamed, logger: log.logger });
    expect(engine.builtIndex).toBe(true);
    expect(log.lines().find((l) => l.event === "index.rebuild")?.reason).toMatch(/embedder changed/);
    const manifest = JSON.parse(await readFile(join(indexDir(), await current(), "manifest.json"), "utf8"));
    expect(manifest.embedder).toEqual({ id: renamed.id, dimensions: 512 });
  });
});
