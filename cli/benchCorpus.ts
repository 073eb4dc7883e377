import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT, coreLexicon, explainAnswer, scoreQuestion } from "../retrieval/engine.js";
import { createEmbedder, embedderConfigFromEnv } from "../retrieval/embed/createEmbedder.js";
import { loadCorpus } from "../retrieval/corpus/loadCorpus.js";
import { loadBeirDataset } from "../retrieval/eval/beir.js";
import { percentile } from "../retrieval/eval/metrics.js";
import { openWordNet } from "../retrieval/query/wordnet.js";
import { openSearchCore } from "../retrieval/searchCore.js";
import { sha256 } from "../retrieval/store/manifest.js";
import { openVectorStore } from "../retrieval/store/openVectorStore.js";
import type { VectorStoreConfig } from "../retrieval/store/vectorStoreConfig.js";
import type { Document, Embedder } from "../retrieval/types.js";
import { ANSWERABLE, UNANSWERABLE } from "../tests/fixtures/questions.js";
import { DEV_QUESTIONS } from "../tests/fixtures/devQuestions.js";
import { cliLogger } from "./runCli.js";
import { stderrProgress } from "./progress.js";
import { runBenchChild } from "./benchChild.js";

/** Where one store keeps the benchmark's index: a fresh place, removed afterwards. */
const benchStoreSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("vectra"), indexDir: z.string() }),
  z.object({ kind: z.literal("postgres"), indexDir: z.string(), databaseUrl: z.string(), dataDir: z.string() }),
]);
export type BenchStore = z.infer<typeof benchStoreSchema>;
export const BENCH_STORES = ["vectra", "postgres"] as const;
const BENCH_INDEX_NAME = "bench";

/** A corpus to measure: its documents and the questions asked of it. */
interface BenchCorpus {
  name: string;
  docs: Document[];
  questions: string[];
}

/**
 * A folder of articles (`<name>.txt` + meta) is asked the seed question sets; a BEIR folder
 * (corpus.jsonl) is taken as articles, one per document, and asked its own queries.
 */
async function loadBenchCorpus(dir: string, maxQuestions: number): Promise<BenchCorpus> {
  const isBeir = await stat(join(dir, "corpus.jsonl")).then(
    () => true,
    () => false,
  );
  if (isBeir) {
    const dataset = await loadBeirDataset(dir);
    return { name: dataset.name, docs: dataset.docs, questions: dataset.queries.slice(0, maxQuestions).map((q) => q.text) };
  }
  const questions = [...ANSWERABLE.map((q) => q.question), ...UNANSWERABLE, ...DEV_QUESTIONS.map((q) => q.q)].slice(0, maxQuestions);
  return { name: dir, docs: await loadCorpus(dir, PROJECT_ROOT), questions };
}

/** What a store's index is a function of: the documents' texts. */
const filesOf = (docs: readonly Document[]) => Object.fromEntries(docs.map((d) => [d.file, sha256(d.text)]));

/**
 * The embedder, remembering every passage vector it made: the second store's build reuses the
 * first's vectors, so each store's build is timed as the shared embedding plus its own writing.
 */
function rememberingEmbedder(embedder: Embedder): Embedder & { embedSeconds: number } {
  const made = new Map<string, number[]>();
  const wrapped = {
    id: embedder.id,
    dimensions: embedder.dimensions,
    embedSeconds: 0,
    embedQueries: (texts: string[]) => embedder.embedQueries(texts),
    embedPassages: async (texts: string[], onProgress?: (done: number, total: number) => void) => {
      const fresh = [...new Set(texts.filter((t) => !made.has(t)))];
      const started = performance.now();
      const vectors = fresh.length ? await embedder.embedPassages(fresh, onProgress) : [];
      wrapped.embedSeconds += (performance.now() - started) / 1000;
      fresh.forEach((t, i) => made.set(t, vectors[i]!));
      return texts.map((t) => made.get(t)!);
    },
  };
  return wrapped;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Bytes the store's index takes on disk: vectra's folder, or the whole PostgreSQL data folder (catalog and WAL included). */
async function storeBytes(store: BenchStore): Promise<number> {
  return folderBytes(store.kind === "vectra" ? store.indexDir : store.dataDir);
}

/** The search core over the corpus in the store: built when the store has no index yet, else loaded. */
async function openStoreCore(corpus: BenchCorpus, place: BenchStore, embedder: Embedder, onProgress?: Parameters<typeof openSearchCore>[1]["onProgress"]) {
  const config: VectorStoreConfig = place.kind === "vectra" ? { kind: "vectra" } : { kind: "postgres", databaseUrl: place.databaseUrl, connectAttempts: 3 };
  const store = await openVectorStore(config, { indexDir: place.indexDir, indexName: BENCH_INDEX_NAME }, cliLogger());
  const core = await openSearchCore(corpus.docs, { indexDir: place.indexDir, store, embedder, files: filesOf(corpus.docs), logger: cliLogger(), ...(onProgress ? { onProgress } : {}) });
  return { core, store };
}

const childReportSchema = z.object({ coldStartMs: z.number(), p50: z.number(), p95: z.number(), rssMb: z.number(), questions: z.number() });
type ChildReport = z.infer<typeof childReportSchema>;

/**
 * In a fresh process: load the built index, answer every question; report ms from process start to
 * the first answer (the cold start), query latencies and the peak RSS.
 */
export async function benchCorpusChild(dir: string, storeJson: string, maxQuestions: number): Promise<void> {
  const place = benchStoreSchema.parse(JSON.parse(storeJson));
  const corpus = await loadBenchCorpus(dir, maxQuestions);
  const embedder = await createEmbedder(embedderConfigFromEnv(process.env));
  const { core, store } = await openStoreCore(corpus, place, embedder);
  if (core.built) throw new Error("the benchmark child built the index instead of loading it");
  const lexicon = coreLexicon(core, { thesaurus: openWordNet() });
  const latencies: number[] = [];
  let coldStartMs = 0;
  let rss = process.memoryUsage().rss;
  for (const question of corpus.questions) {
    const started = performance.now();
    explainAnswer(core, await scoreQuestion(core, embedder, question, {}, lexicon));
    latencies.push(performance.now() - started);
    if (latencies.length === 1) coldStartMs = performance.now();
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  // The first answer pays the cold start; the rest are the steady state.
  const steady = latencies.slice(1);
  const report: ChildReport = { coldStartMs, p50: percentile(steady, 0.5), p95: percentile(steady, 0.95), rssMb: rss / 2 ** 20, questions: latencies.length };
  await store.close();
  process.stdout.write(JSON.stringify(report) + "\n");
}

function runChild(dir: string, store: BenchStore, maxQuestions: number): Promise<ChildReport> {
  return runBenchChild(["--corpus-child", dir, "--store", JSON.stringify(store), "--questions", String(maxQuestions)], childReportSchema, `benchmark child for ${store.kind}`);
}

export interface StoreFigures {
  store: BenchStore["kind"];
  articles: number;
  chunks: number;
  sentences: number;
  /** Seconds embedding (once, shared by the stores) and the store's own part of the build. */
  embed_s: number;
  store_write_s: number;
  build_s: number;
  disk_mb: number;
  cold_start_ms: number;
  query_p50_ms: number;
  query_p95_ms: number;
  rss_mb: number;
  questions: number;
}

/** A store whose build failed: what it had embedded by then, and why. */
export interface StoreFailure {
  store: BenchStore["kind"];
  articles: number;
  embed_s: number;
  error: string;
}

/** Builds the corpus's index in each store from nothing, then measures loading and answering from it. */
export async function benchCorpus(dir: string, stores: readonly BenchStore["kind"][], maxQuestions: number): Promise<(StoreFigures | StoreFailure)[]> {
  const corpus = await loadBenchCorpus(resolve(dir), maxQuestions);
  const embedder = rememberingEmbedder(await createEmbedder(embedderConfigFromEnv(process.env), { logger: cliLogger() }));
  const scratch = await mkdtemp(join(tmpdir(), "corpus-bench-corpus-"));
  const figures: StoreFigures[] = [];
  const failed: StoreFailure[] = [];
  // PostgreSQL is PGlite on a folder of its own, served on 127.0.0.1 as `npm run pg:serve` serves it. PGlite is
  // imported only here: bench.ts imports this module, and loading it cost every bench run and cold-start child
  // about 0.8 s and 45 MB of RSS.
  const database = stores.includes("postgres")
    ? await (await import("./pgliteServer.js")).startPgliteServer({ dataDir: join(scratch, "postgres") })
    : undefined;
  try {
    for (const kind of stores) {
      const indexDir = join(scratch, kind, "index");
      const place: BenchStore = kind === "vectra" ? { kind, indexDir } : { kind, indexDir, databaseUrl: database!.url, dataDir: join(scratch, "postgres") };
      const embeddedBefore = embedder.embedSeconds;
      const started = performance.now();
      let opened: Awaited<ReturnType<typeof openStoreCore>>;
      try {
        opened = await openStoreCore(corpus, place, embedder, stderrProgress());
      } catch (error) {
        // A store that cannot hold this corpus is a finding too (vectra's one JSON file has a size limit); the next store still runs.
        failed.push({ store: kind, articles: corpus.docs.length, embed_s: round(embedder.embedSeconds, 1), error: (error as Error).message });
        continue;
      }
      const { core, store } = opened;
      const buildSeconds = (performance.now() - started) / 1000;
      await store.close();
      const embedSeconds = embedder.embedSeconds - embeddedBefore;
      // Embedding is done once; the later store's build is charged the same embedding time.
      const sharedEmbed = embedder.embedSeconds;
      const storeWrite = buildSeconds - embedSeconds;
      const child = await runChild(resolve(dir), place, maxQuestions);
      figures.push({
        store: kind,
        articles: corpus.docs.length,
        chunks: core.chunks.length,
        sentences: core.sentences.length,
        embed_s: round(sharedEmbed, 1),
        store_write_s: round(storeWrite, 1),
        build_s: round(sharedEmbed + storeWrite, 1),
        disk_mb: round((await storeBytes(place)) / 2 ** 20, 1),
        cold_start_ms: Math.round(child.coldStartMs),
        query_p50_ms: round(child.p50, 1),
        query_p95_ms: round(child.p95, 1),
        rss_mb: Math.round(child.rssMb),
        questions: child.questions,
      });
    }
  } finally {
    await database?.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return [...figures, ...failed];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
