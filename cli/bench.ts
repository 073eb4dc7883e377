import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "./runCli.js";
import { runBenchChild } from "./benchChild.js";
import { BENCH_STORES, benchCorpus, benchCorpusChild } from "./benchCorpus.js";
import { openEngine, PROJECT_ROOT } from "../retrieval/engine.js";
import { percentile } from "../retrieval/eval/metrics.js";
import { ANSWERABLE, UNANSWERABLE } from "../tests/fixtures/questions.js";
import { createEmbedder, embedderConfigFromEnv } from "../retrieval/embed/createEmbedder.js";
import { loadSingleThreadEmbedder } from "../retrieval/embed/singleThread.js";
import type { Embedder } from "../retrieval/types.js";

/** The article added to the seed corpus: a saved news page, as people add them. */
const ADDED_PAGE = join(PROJECT_ROOT, "tests", "ingestPages", "basra-palms.html");

/**
 * Seconds to add one article to a copy of the seed corpus whose index is built (the new article
 * alone is embedded), to remove it again, and to rebuild that corpus's index from nothing.
 */
async function ingestTimes(builtDataDir: string): Promise<{ add: number; remove: number; rebuild: number }> {
  // Imported here, after the questions: the HTML stack (linkedom, Readability, chardet) is no part of
  // answering, and imported with bench.ts it added about 23 MB to the answering RSS and 0.5 s to
  // every cold-start child.
  const { addArticle, prepareArticle, rebuildCorpusIndex, removeArticle, withIndexLock } = await import("../retrieval/ingest/index.js");
  const root = await mkdtemp(join(tmpdir(), "corpus-bench-ingest-"));
  try {
    await cp(join(PROJECT_ROOT, "corpus"), join(root, "corpus"), { recursive: true });
    await cp(join(builtDataDir, "index"), join(root, "data", "index"), { recursive: true });
    const context = { projectRoot: root, corpusDir: join(root, "corpus", "articles"), dataDir: join(root, "data"), embedder: await createEmbedder(embedderConfigFromEnv(process.env)) };
    const prepared = prepareArticle({ name: "basra-palms.html", bytes: await readFile(ADDED_PAGE) }, {});
    let started = performance.now();
    const added = await addArticle(prepared, context);
    const add = (performance.now() - started) / 1000;
    await rm(join(root, "data", "index"), { recursive: true, force: true });
    started = performance.now();
    await withIndexLock(context.dataDir, () => rebuildCorpusIndex(context));
    const rebuild = (performance.now() - started) / 1000;
    started = performance.now();
    await removeArticle(added.docId, context);
    return { add, remove: (performance.now() - started) / 1000, rebuild };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The embedder, noting the passages each embedPassages call is given: the build's texts, as it cut them. */
function recordingPassages(embedder: Embedder, calls: string[][]): Embedder {
  return { ...embedder, embedPassages: (texts, onProgress) => (calls.push(texts), embedder.embedPassages(texts, onProgress)) };
}

/** Passages a second of the bare embedder (one thread, no pool, model loaded) over the same calls the build made. */
async function bareEmbedUnitsPerSecond(calls: readonly string[][]): Promise<number> {
  const { embedder } = await loadSingleThreadEmbedder(embedderConfigFromEnv(process.env));
  const started = performance.now();
  for (const texts of calls) await embedder.embedPassages(texts);
  return calls.flat().length / ((performance.now() - started) / 1000);
}

/** The highest RSS seen until stopped: sampled on a timer, so between the main thread's model batches. */
function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const flagsSchema = z.object({
  json: z.boolean().default(false),
  rounds: z.coerce.number().int().positive().default(5),
  coldChild: z.string().optional(),
  corpus: z.string().optional(),
  corpusChild: z.string().optional(),
  store: z.string().optional(),
  stores: z
    .string()
    .default(BENCH_STORES.join(","))
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(BENCH_STORES, { error: `--stores is a comma-separated list of: ${BENCH_STORES.join(", ")}` }))),
  questions: z.coerce.number().int().positive().default(200),
});
const COLD_QUESTION = "Who is Esmail Qaani?";

/** In a fresh process: open the built index and answer one question; print ms since the process started. */
async function coldChild(dataDir: string): Promise<void> {
  const engine = await openEngine({ dataDir });
  const answer = await engine.ask(COLD_QUESTION);
  if (!answer.answered || engine.builtIndex) throw new Error("cold start did not load the index and answer");
  process.stdout.write(JSON.stringify({ ms: performance.now() }) + "\n");
}

async function runColdChild(dataDir: string): Promise<number> {
  return (await runBenchChild(["--cold-child", dataDir], z.object({ ms: z.number() }), "cold-start child")).ms;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean" },
      rounds: { type: "string" },
      "cold-child": { type: "string" },
      corpus: { type: "string" },
      "corpus-child": { type: "string" },
      store: { type: "string" },
      stores: { type: "string" },
      questions: { type: "string" },
    },
  });
  const flags = flagsSchema.parse({ ...values, coldChild: values["cold-child"], corpusChild: values["corpus-child"] });
  if (flags.coldChild) return coldChild(flags.coldChild);
  if (flags.corpusChild) return benchCorpusChild(flags.corpusChild, flags.store ?? "", flags.questions);
  if (flags.corpus) {
    const figures = await benchCorpus(flags.corpus, flags.stores, flags.questions);
    process.stdout.write(flags.json ? JSON.stringify(figures) + "\n" : figures.map((f) => Object.entries(f).map(([k, v]) => `${k.padEnd(16)} ${v}`).join("\n")).join("\n\n") + "\n");
    return;
  }

  const dataDir = await mkdtemp(join(tmpdir(), "corpus-bench-"));
  try {
    let rss = process.memoryUsage().rss;
    const buildStarted = performance.now();
    const buildRss = peakRss();
    const embedCalls: string[][] = [];
    // As openEngine would load it (EMBED_WORKERS applies), with the passages it embeds noted for the bare run.
    const embedder = recordingPassages(await createEmbedder(embedderConfigFromEnv(process.env)), embedCalls);
    const engine = await openEngine({ dataDir, embedder });
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const buildPeakRss = buildRss.stop();
    const { chunks, sentences } = engine.indexStats;
    const cold = [await runColdChild(dataDir), await runColdChild(dataDir), await runColdChild(dataDir)];
    const questions = [...ANSWERABLE.map((q) => q.question), ...UNANSWERABLE];
    const latency: number[] = [];
    for (let round = 0; round < flags.rounds; round++) {
      for (const question of questions) {
        const started = performance.now();
        await engine.ask(question);
        latency.push(performance.now() - started);
        rss = Math.max(rss, process.memoryUsage().rss);
      }
    }
    const ingest = await ingestTimes(dataDir);
    // After the questions: a second model on this thread must not count in their RSS.
    const bareUnitsPerSecond = await bareEmbedUnitsPerSecond(embedCalls);
    const indexUnitsPerSecond = (chunks + sentences) / buildSeconds;
    const round = (seconds: number) => Math.round(seconds * 100) / 100;
    const report = {
      chunks,
      index_chunks_per_s: Math.round((chunks / buildSeconds) * 10) / 10,
      cold_start_ms: Math.round(percentile(cold, 0.5)),
      query_p50_ms: Math.round(percentile(latency, 0.5) * 10) / 10,
      query_p95_ms: Math.round(percentile(latency, 0.95) * 10) / 10,
      rss_mb: Math.round(rss / 2 ** 20),
      index_build_s: Math.round(buildSeconds * 10) / 10,
      // The build embeds every sentence too (for answer extraction), not only the chunks.
      index_units_per_s: Math.round(indexUnitsPerSecond * 10) / 10,
      // The same passages through the bare single-thread embedder, model already loaded: the build (model
      // load, corpus, index written, embedding on EMBED_WORKERS threads) over that is build_speedup.
      bare_embed_units_per_s: Math.round(bareUnitsPerSecond * 10) / 10,
      build_speedup: Math.round((indexUnitsPerSecond / bareUnitsPerSecond) * 100) / 100,
      embed_threads: embedderConfigFromEnv(process.env).EMBED_WORKERS,
      build_peak_rss_mb: Math.round(buildPeakRss / 2 ** 20),
      queries: latency.length,
      // One saved page added to the seed corpus (only it is embedded), beside rebuilding that corpus's index from nothing.
      add_article_s: round(ingest.add),
      full_rebuild_s: round(ingest.rebuild),
      remove_article_s: round(ingest.remove),
      embedder: engine.embedderId,
    };
    process.stdout.write(flags.json ? JSON.stringify(report) + "\n" : Object.entries(report).map(([k, v]) => `${k.padEnd(20)} ${v}`).join("\n") + "\n");
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

runCli(async () => {
  await main();
  return 0;
});
