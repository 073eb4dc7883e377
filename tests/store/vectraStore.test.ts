/**
 * The vectra store spreads each kind of unit over shards (one JSON file each cannot exceed V8's
 * longest string): what is written comes back whole and in order, the nearest chunks are those of
 * all shards together, and an index written before sharding (one folder per kind) still loads.
 */
import { mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexFingerprint, INDEX_FORMAT_VERSION, type Manifest } from "../../retrieval/store/manifest.js";
import type { VectorUnit } from "../../retrieval/store/vectorStore.js";
import { openVectraStore } from "../../retrieval/store/vectraStore.js";

const DIMENSIONS = 4;
let dir: string;

/** Units with distinct, deterministic vectors (a point on a spiral), `docId` cycling over three documents. */
function units(kind: string, count: number): VectorUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${kind}-${i}`,
    docId: `doc-${i % 3}`,
    start: i * 10,
    end: i * 10 + 9,
    vector: [Math.cos(i), Math.sin(i), Math.cos(i / 2), 1 + i / 10],
  }));
}

function manifest(chunks: number, sentences: number): Manifest {
  const parts = { embedder: { id: "test", dimensions: DIMENSIONS }, settings: {}, files: { "a.txt": "x" } };
  return { formatVersion: INDEX_FORMAT_VERSION, fingerprint: indexFingerprint(parts), ...parts, counts: { chunks, sentences }, builtAt: new Date(0).toISOString() };
}

const cosine = (a: readonly number[], b: readonly number[]) => {
  const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
  return dot / Math.hypot(...a) / Math.hypot(...b);
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "vectra-shards-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the vectra store's shards", () => {
  it("writes at most the shard size per folder and loads every unit back in order", async () => {
    const store = openVectraStore(dir, 3);
    const chunks = units("chunk", 7);
    const sentences = units("sentence", 3);
    await store.write(manifest(7, 3), chunks, sentences);
    const generation = await store.currentGeneration();
    expect((await readdir(join(dir, generation))).sort()).toEqual(["chunks", "chunks.1", "chunks.2", "manifest.json", "sentences"]);
    const loaded = await store.load(manifest(7, 3).fingerprint);
    if (loaded.status !== "ok") throw new Error(`not loaded: ${loaded.status}`);
    expect(loaded.index.chunkSpans.map((u) => u.id)).toEqual(chunks.map((u) => u.id));
    expect(loaded.index.sentenceSpans.map((u) => u.id)).toEqual(sentences.map((u) => u.id));
    const query = [0.5, -0.5, 0.5, 0.5];
    const similarities = await loaded.index.vectors.sentenceSimilarities(query, ["sentence-2", "sentence-9"]);
    expect([...similarities.keys()]).toEqual(["sentence-2"]);
    // Stored as 32-bit floats, as every embedder computes them.
    expect(similarities.get("sentence-2")).toBeCloseTo(query.reduce((s, x, i) => s + x * sentences[2]!.vector[i]!, 0), 6);
    expect((await loaded.index.vectors.unitVectors(new Set(["doc-1"]))).map((u) => u.id)).toEqual(["chunk-1", "chunk-4", "sentence-1"]);
  });

  it("finds the nearest chunks across all shards, as one brute-force search would", async () => {
    const store = openVectraStore(dir, 3);
    const chunks = units("chunk", 8);
    await store.write(manifest(8, 0), chunks, []);
    const loaded = await store.load(manifest(8, 0).fingerprint);
    if (loaded.status !== "ok") throw new Error(`not loaded: ${loaded.status}`);
    for (const query of [chunks[6]!.vector, [1, 0, 0, 0], [0, -1, 0.5, 0.2]]) {
      const expected = chunks.map((c) => ({ id: c.id, score: cosine(query, c.vector) })).sort((a, b) => b.score - a.score).slice(0, 4);
      const nearest = await loaded.index.vectors.nearestChunks(query, 4);
      expect(nearest.map((h) => h.id)).toEqual(expected.map((h) => h.id));
      nearest.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 6));
    }
  });

  it("reports a generation whose shard count disagrees with the manifest as corrupt", async () => {
    const store = openVectraStore(dir, 2);
    await store.write(manifest(5, 1), units("chunk", 5), units("sentence", 1));
    const generation = join(dir, await store.currentGeneration());
    // A lost middle shard hides every shard after it, so the count no longer matches.
    await rename(join(generation, "chunks.1"), join(generation, "lost"));
    const loaded = await store.load(manifest(5, 1).fingerprint);
    expect(loaded).toEqual({ status: "corrupt", reason: "item counts differ from the manifest" });
  });

  it("keeps the layout of an index written before shards when one shard holds all, and reads it whatever the shard size", async () => {
    await openVectraStore(dir).write(manifest(4, 2), units("chunk", 4), units("sentence", 2));
    const generation = await openVectraStore(dir).currentGeneration();
    expect((await readdir(join(dir, generation))).sort()).toEqual(["chunks", "manifest.json", "sentences"]);
    const loaded = await openVectraStore(dir, 1).load(manifest(4, 2).fingerprint);
    if (loaded.status !== "ok") throw new Error(`not loaded: ${loaded.status}`);
    expect(loaded.index.chunkSpans).toHaveLength(4);
  });
});
