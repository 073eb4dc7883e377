/**
 * The PostgreSQL store against a real server (PGlite over its socket, spoken to by `pg`): the same
 * answers as vectra on the seed corpus, articles added by one process picked up by another from the
 * database, and a database that is down or drops handled with a clear error that hides the password.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, embedderConfigFromEnv } from "../../retrieval/embed/createEmbedder.js";
import { openEngine, PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { prepareArticle } from "../../retrieval/ingest/index.js";
import type { Answer, Embedder } from "../../retrieval/types.js";
import { ANSWERABLE, UNANSWERABLE } from "../fixtures/questions.js";
import { memoryLogger } from "../support/memoryLogger.js";
import { usePgliteServer } from "../support/pgServer.js";
import { makeTempCorpus, SHORT_SEED, type TempCorpus } from "../support/tempCorpus.js";
import { TEST_DATA_DIR } from "../support/testEngine.js";

const pgServer = usePgliteServer();
const PALMS_QUESTION = "How many palm offshoots did the Basra Agriculture Directorate hand out?";
const page = (name: string) => ({ name, bytes: readFileSync(join(PROJECT_ROOT, "tests", "ingestPages", name)) });
/** What a reader sees of an answer: the verdict and every passage, in order. */
const quoted = (answer: Answer) => ({
  verdict: answer.verdict,
  excerpts: answer.excerpts.map((e) => `${e.file}:${e.start}-${e.end}`),
  more: answer.morePassages.map((e) => `${e.file}:${e.start}-${e.end}`),
});

let embedder: Embedder;
let scratch: string;
let seedOnPostgres: Engine;

beforeAll(async () => {
  embedder = await createEmbedder(embedderConfigFromEnv(process.env));
  scratch = await mkdtemp(join(tmpdir(), "pg-store-"));
  seedOnPostgres = await openEngine({ dataDir: scratch, embedder, vectorStore: pgServer.config("seed") });
});
afterAll(async () => {
  await seedOnPostgres?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe("the PostgreSQL store", () => {
  it("gives the seed questions the same excerpts, in the same order, as vectra", async () => {
    const vectra = await openEngine({ dataDir: TEST_DATA_DIR, embedder, vectorStore: { kind: "vectra" } });
    expect(seedOnPostgres.builtIndex).toBe(true);
    expect(seedOnPostgres.indexStats).toEqual(vectra.indexStats);
    for (const question of [...ANSWERABLE.map((q) => q.question), ...UNANSWERABLE]) {
      expect({ question, ...quoted(await seedOnPostgres.ask(question)) }).toEqual({ question, ...quoted(await vectra.ask(question)) });
    }
    const again = await openEngine({ dataDir: scratch, embedder, vectorStore: pgServer.config("seed") });
    expect(again.builtIndex).toBe(false);
    await again.close();
  });

  it("reports its generation and that the database is reachable", async () => {
    expect(await seedOnPostgres.health()).toEqual({ generation: expect.stringMatching(/^[0-9a-f]{64}$/), store: "postgres", storeReachable: true });
  });

  describe("many readers, one writer", () => {
    let corpus: TempCorpus;
    let writer: Engine;
    let reader: Engine;
    beforeAll(async () => {
      corpus = await makeTempCorpus([SHORT_SEED]);
      const open = () => openEngine({ corpusDir: corpus.corpusDir, dataDir: corpus.dataDir, embedder, vectorStore: pgServer.config("shared") });
      writer = await open();
      reader = await open();
    });
    afterAll(async () => {
      await Promise.all([writer?.close(), reader?.close()]);
      await corpus.remove();
    });

    it("an article added by one engine is read by another from the database, not built again; so is its removal", async () => {
      expect(reader.builtIndex).toBe(false);
      const added = await writer.addArticle(prepareArticle(page("basra-palms.html"), {}));
      expect(await reader.refresh()).toEqual({ changed: true, articles: 2 });
      expect(reader.builtIndex).toBe(false);
      expect((await reader.health()).generation).toBe((await writer.health()).generation);
      expect((await reader.ask(PALMS_QUESTION)).excerpts[0]).toMatchObject({ docId: added.docId, text: expect.stringContaining("12,000 palm offshoots") });

      await writer.removeArticle(added.docId);
      expect(await reader.refresh()).toEqual({ changed: true, articles: 1 });
      expect(reader.builtIndex).toBe(false);
      expect((await reader.ask(PALMS_QUESTION)).excerpts.every((e) => e.docId === SHORT_SEED)).toBe(true);
    });
  });

  it("a database that drops mid-run fails the question with a redacted error, and answers again once it is back", async () => {
    const question = ANSWERABLE[0]!.question;
    const before = quoted(await seedOnPostgres.ask(question));
    await pgServer.server().stopListening();
    try {
      const failed = seedOnPostgres.ask(question);
      await expect(failed).rejects.toThrow(`PostgreSQL at DATABASE_URL postgres://postgres:***@127.0.0.1:${pgServer.server().port}/postgres`);
      await expect(failed).rejects.not.toThrow(":postgres@");
      expect((await seedOnPostgres.health()).storeReachable).toBe(false);
    } finally {
      await pgServer.server().listen();
    }
    expect(quoted(await seedOnPostgres.ask(question))).toEqual(before);
    expect((await seedOnPostgres.health()).storeReachable).toBe(true);
  });

  it("a database unreachable at start is retried, then named in a clear error; the password is in no message or log", async () => {
    const password = "n0t-in-any-log-Zq81";
    const { logger, raw, lines } = memoryLogger();
    const opening = openEngine({
      dataDir: scratch,
      embedder,
      logger,
      vectorStore: { kind: "postgres", databaseUrl: `postgres://bot:${password}@127.0.0.1:1/news`, connectAttempts: 2 },
    });
    await expect(opening).rejects.toThrow("PostgreSQL at DATABASE_URL postgres://bot:***@127.0.0.1:1/news is still unreachable after 2 tries");
    await expect(opening).rejects.not.toThrow(password);
    expect(lines().filter((l) => l.event === "database.retry")).toHaveLength(1);
    expect(raw()).toContain("postgres://bot:***@127.0.0.1:1/news");
    expect(raw()).not.toContain(password);
  });
});
