/**
 * The engine and the corpus changing under it: a crash between writing an article and swapping the
 * index is recovered on the next start; a running engine picks up changes made by another process;
 * a question in flight finishes on the index it started with.
 */
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, embedderConfigFromEnv } from "../../retrieval/embed/createEmbedder.js";
import { openEngine, PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { addArticle, prepareArticle } from "../../retrieval/ingest/index.js";
import type { Embedder } from "../../retrieval/types.js";
import { verifyAnswer } from "../../retrieval/verify/index.js";
import { makeTempCorpus, SHORT_SEED, type TempCorpus } from "../support/tempCorpus.js";

const page = (name: string) => ({ name, bytes: readFileSync(join(PROJECT_ROOT, "tests", "ingestPages", name)) });

const PALMS_QUESTION = "How many palm offshoots did the Basra Agriculture Directorate hand out?";

let corpus: TempCorpus;
let embedder: Embedder;
/** Holds embedQueries (asking) until released, when armed: a question kept in flight. */
let queryGate: Promise<void> | undefined;

beforeAll(async () => {
  corpus = await makeTempCorpus([SHORT_SEED]);
  const real = await createEmbedder(embedderConfigFromEnv(process.env));
  embedder = {
    id: real.id,
    dimensions: real.dimensions,
    embedPassages: (texts, onProgress) => real.embedPassages(texts, onProgress),
    embedQueries: async (texts) => {
      const vectors = real.embedQueries(texts);
      if (queryGate) await queryGate;
      return vectors;
    },
  };
});
afterAll(async () => {
  await corpus.remove();
});

const open = () => openEngine({ corpusDir: corpus.corpusDir, dataDir: corpus.dataDir, embedder });
const current = async () => (await readFile(join(corpus.dataDir, "index", "CURRENT"), "utf8")).trim();

describe("the engine and a changing corpus", () => {
  let running: Engine;
  let palmsId: string;

  it("recovers on the next start from a crash between writing the article and swapping the index", async () => {
    running = await open();
    expect(running.articles().map((a) => a.docId)).toEqual([SHORT_SEED]);
    const before = await current();

    // The process dies while embedding the new article: the article is written, the index is not swapped.
    const dying: Embedder = { ...embedder, embedPassages: async () => Promise.reject(new Error("killed while indexing")) };
    await expect(addArticle(prepareArticle(page("basra-palms.html"), {}), { ...corpus.location, embedder: dying })).rejects.toThrow("killed while indexing");
    const written = (await readdir(corpus.corpusDir)).filter((n) => n.endsWith(".txt"));
    expect(written).toHaveLength(2);
    palmsId = written.find((n) => !n.startsWith(SHORT_SEED))!.replace(/\.txt$/, "");
    expect(await current()).toBe(before);
    // What else a crash can leave: a half-written generation and a temporary file.
    const crashedGeneration = `gen-${(Date.now() - 1000).toString(36)}-crash-000000`;
    await mkdir(join(corpus.dataDir, "index", crashedGeneration, "chunks"), { recursive: true });
    await writeFile(join(corpus.corpusDir, `.${palmsId}.txt.99999.dead.tmp`), "half an artic");
    expect(await readdir(corpus.dataDir)).not.toContain("index.lock");

    // The next start notices the change, indexes the article (under the lock) and answers from it.
    const next = await open();
    expect(next.builtIndex).toBe(true);
    expect(await current()).not.toBe(before);
    expect(next.articles().map((a) => a.docId)).toEqual([SHORT_SEED, palmsId]);
    const answer = await next.ask(PALMS_QUESTION);
    expect(answer.excerpts[0]).toMatchObject({ docId: palmsId, text: expect.stringContaining("12,000 palm offshoots") });
    expect(verifyAnswer(answer, { corpusDir: corpus.corpusDir }).problems).toEqual([]);
  });

  it("a running engine picks up what another process added, with its actors", async () => {
    expect(running.articles()).toHaveLength(1);
    expect(await running.refresh()).toEqual({ changed: true, articles: 2 });
    expect(running.builtIndex).toBe(false); // the other process built it; this one only loaded it
    expect(running.articles().map((a) => a.docId)).toContain(palmsId);
    expect(running.actors.actors.some((a) => a.name.includes("Eidani"))).toBe(true);
    expect((await running.ask(PALMS_QUESTION)).excerpts[0]?.docId).toBe(palmsId);
    // Nothing changed since: nothing is reloaded.
    expect(await running.refresh()).toEqual({ changed: false, articles: 2 });
  });

  it("a question in flight finishes on the index it started with while an article is removed", async () => {
    let release!: () => void;
    queryGate = new Promise((resolve) => (release = resolve));
    const inFlight = running.ask(PALMS_QUESTION);
    const removed = await running.removeArticle(palmsId);
    expect(removed.docId).toBe(palmsId);
    expect(running.articles().map((a) => a.docId)).toEqual([SHORT_SEED]);
    release();
    queryGate = undefined;
    const answer = await inFlight;
    expect(answer.excerpts[0]?.docId).toBe(palmsId);
    // Asked now, the removed article is gone from the answers.
    const after = await running.ask(PALMS_QUESTION);
    expect(after.excerpts.every((e) => e.docId !== palmsId)).toBe(true);
    // The crash's leftovers are gone: the temporary file and every generation but the current and the one before.
    expect((await readdir(corpus.corpusDir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect((await readdir(join(corpus.dataDir, "index"))).filter((n) => n.startsWith("gen-crash") || n.includes("-crash-"))).toEqual([]);
  });
});
