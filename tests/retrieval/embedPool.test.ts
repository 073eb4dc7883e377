import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, embedderConfigFromEnv } from "../../retrieval/embed/createEmbedder.js";
import { withEmbedPool } from "../../retrieval/embed/embedPool.js";
import { loadSingleThreadEmbedder } from "../../retrieval/embed/singleThread.js";
import { createLogger } from "../../retrieval/log.js";
import type { Embedder } from "../../retrieval/types.js";

/** A logger whose JSON lines the test can read back, to see what the pool did. */
function capturedLogger() {
  const events: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) events.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: "info", destination }), events };
}

// Three model batches of 16, of different lengths, so batch boundaries and padding both matter.
const TEXTS = Array.from({ length: 48 }, (_, i) => `Passage ${i}: the militia claimed a drone attack near Erbil${" and its airport".repeat(i % 5)}.`);

describe("EMBED_WORKERS", () => {
  it("defaults to one thread per core and accepts a whole number from 1 to 64", () => {
    expect(embedderConfigFromEnv({}).EMBED_WORKERS).toBe(availableParallelism());
    expect(embedderConfigFromEnv({ EMBED_WORKERS: "" }).EMBED_WORKERS).toBe(availableParallelism());
    expect(embedderConfigFromEnv({ EMBED_WORKERS: "1" }).EMBED_WORKERS).toBe(1);
    expect(embedderConfigFromEnv({ EMBED_WORKERS: " 2 " }).EMBED_WORKERS).toBe(2);
  });

  it("rejects anything else, naming the variable and what it means", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65"]) {
      expect(() => embedderConfigFromEnv({ EMBED_WORKERS: bad })).toThrow(/^EMBED_WORKERS: EMBED_WORKERS must be a whole number from 1 to 64: the threads that embed/);
    }
  });
});

describe("the embedding pool", () => {
  let single: { embedder: Embedder; batchSize: number };
  let expected: number[][];

  beforeAll(async () => {
    single = await loadSingleThreadEmbedder(embedderConfigFromEnv({}));
    expected = await single.embedder.embedPassages(TEXTS);
  });

  it("gives the single thread's vectors bit for bit, in order, embedded by the workers alone", async () => {
    const { logger, events } = capturedLogger();
    const workerCount = embedderConfigFromEnv({ EMBED_WORKERS: "2" }).EMBED_WORKERS;
    const pooled = withEmbedPool({ choice: embedderConfigFromEnv({}), workerCount, local: single, logger, minPooledWork: 0, idleMs: 60_000 });
    // The first call starts the workers and waits for their models: this thread embeds none of it,
    // so its model's memory stays the size a question needs.
    const progress: Array<[number, number]> = [];
    const vectors = await pooled.embedPassages(TEXTS, (done, total) => progress.push([done, total]));
    // Equal to the last bit (toEqual on numbers): each batch is the same batch, embedded by the same WebAssembly code.
    expect(vectors).toEqual(expected);
    expect(events.filter((e) => e.event === "embed.pool.ready")).toHaveLength(2);
    const shared = events.filter((e) => e.event === "embed.pooled").at(-1);
    expect(shared).toMatchObject({ texts: TEXTS.length, batchesByThread: [expect.any(Number), expect.any(Number)] });
    expect((shared!.batchesByThread as number[])[0]! + (shared!.batchesByThread as number[])[1]!).toBe(3);
    // A second call finds the workers loaded and gives the same vectors.
    expect(await pooled.embedPassages(TEXTS)).toEqual(expected);
    expect(progress.map(([done]) => done)).toEqual([16, 32, 48]);
    expect(progress.every(([, total]) => total === TEXTS.length)).toBe(true);
  });

  it("keeps small batches and questions on this thread: no worker is started for them", async () => {
    const { logger, events } = capturedLogger();
    const embedder = await createEmbedder(embedderConfigFromEnv({ EMBED_WORKERS: "2" }), { logger });
    expect(await embedder.embedPassages(TEXTS)).toEqual(expected);
    // A vector depends (in the last bits) on the batch it is embedded in: a question alone is compared with a question alone.
    expect(await embedder.embedQueries([TEXTS[0]!])).toEqual(await single.embedder.embedQueries([TEXTS[0]!]));
    expect(events.some((e) => e.event === "embed.pool.start")).toBe(false);
  });

  describe("when a worker cannot load its model", () => {
    let emptyModelDir: string;
    beforeAll(async () => {
      emptyModelDir = await mkdtemp(join(tmpdir(), "embed-pool-models-"));
    });
    afterAll(async () => {
      await rm(emptyModelDir, { recursive: true, force: true });
    });

    it("rejects with the worker's reason instead of hanging, and logs the failure", async () => {
      const { logger, events } = capturedLogger();
      // This thread has its model; the workers are told to load one from an empty folder and fail.
      const choice = embedderConfigFromEnv({ EMBEDDER: "transformers", MODEL_DIR: emptyModelDir });
      const pooled = withEmbedPool({ choice, workerCount: 2, local: single, logger, minPooledWork: 0 });
      await expect(pooled.embedPassages(TEXTS)).rejects.toThrow(/^embedding worker [12] of 2 failed: MODEL_DIR=.* does not hold the model/);
      expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(["embed.pool.start", "embed.pool.failed", "embed.pool.stop"]));
    });
  });
});
