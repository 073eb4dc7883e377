import { Worker } from "node:worker_threads";
import type { Embedder } from "../types.js";
import type { Logger } from "../log.js";
import type { ModelChoice } from "./singleThread.js";
import type { JobMessage, WorkerMessage } from "./workerProtocol.js";

/** A passage costs the model about as much as 125 more characters would: its fixed cost. */
const CHARS_PER_PASSAGE = 125;

/**
 * Less work than this (characters, plus CHARS_PER_PASSAGE a passage) is embedded on the main
 * thread alone: about 5 s of one thread. Workers take about 2.5 s to start and load their model,
 * so n single-thread seconds take about 2.5 + n / 2 on two cores: from 5 s the pool is no slower,
 * and it keeps long passages off this thread's model (see embedOnLanes); below, the workers' models
 * (about 160 MB each) would be held for little. The seed corpus's 54 chunks (37,000) and 176
 * sentences (46,500) and a long added article reach it; a typical added article and every question
 * stay on this thread.
 */
const POOL_MIN_WORK = 32_000;

/** The model's work for these passages, in characters (see CHARS_PER_PASSAGE). */
function embeddingWork(texts: readonly string[]): number {
  return texts.reduce((work, text) => work + text.length + CHARS_PER_PASSAGE, 0);
}

/** Workers left idle this long are stopped, so the bot's steady-state memory holds one model. */
const POOL_IDLE_MS = 3_000;

const WORKER_ENTRY = new URL("./embedWorker.mjs", import.meta.url);

/** One worker thread holding a model: jobs in flight keep the process alive, an idle worker does not. */
class EmbedWorker {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (vectors: number[][]) => void; reject: (error: Error) => void }>();
  private nextJobId = 0;
  private failure: Error | undefined;

  constructor(
    readonly name: string,
    choice: ModelChoice,
    private readonly onFailure: (error: Error) => void,
  ) {
    this.worker = new Worker(WORKER_ENTRY, { workerData: { ...choice } });
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on("message", (message: WorkerMessage) => (message.type === "ready" ? resolve() : this.settle(message)));
      this.worker.on("error", (error) => reject(this.fail(new Error(`${this.name} failed: ${error.message}`))));
      this.worker.on("exit", (code) => reject(this.fail(new Error(`${this.name} stopped (exit code ${code}) before its batches were embedded`))));
    });
    // A failure reaches onFailure and every job; this promise alone must not crash the process.
    this.ready.catch(() => undefined);
  }

  embed(texts: string[]): Promise<number[][]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextJobId++;
    const job: JobMessage = { id, texts };
    this.worker.ref();
    this.worker.postMessage(job);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Stops the thread; stopping on purpose is no failure, but jobs still in flight are refused. */
  terminate(): void {
    this.failure ??= new Error(`${this.name} was stopped before its batches were embedded`);
    this.rejectPending(this.failure);
    void this.worker.terminate();
  }

  /** The first failure is kept and reported once; a later exit of the same worker adds nothing. */
  private fail(error: Error): Error {
    if (this.failure) return this.failure;
    this.failure = error;
    this.rejectPending(error);
    this.onFailure(error);
    return error;
  }

  private rejectPending(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  private settle(message: Exclude<WorkerMessage, { type: "ready" }>): void {
    const job = this.pending.get(message.id);
    if (!job) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker.unref();
    if (message.type === "vectors") job.resolve(message.vectors);
    else job.reject(new Error(`${this.name} could not embed a batch: ${message.message}`));
  }
}

export interface EmbedPoolOptions {
  choice: ModelChoice;
  /** Worker threads that embed a large batch, this thread none of it. */
  workerCount: number;
  /** The model already loaded on this thread, and the batch size its `embedPassages` cuts. */
  local: { embedder: Embedder; batchSize: number };
  logger?: Logger;
  /** Work (see embeddingWork) from which a batch is shared with workers; default POOL_MIN_WORK. */
  minPooledWork?: number;
  idleMs?: number;
}

/** Cuts texts into the batches the single-thread embedder makes, so each gets the same vectors. */
function cutBatches(texts: readonly string[], batchSize: number): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
  return batches;
}

/**
 * Embeds batches on the workers' lanes, each taking the next batch when free; vectors come back in
 * the texts' order and progress counts finished texts. The first failure rejects at once and stops
 * lanes taking more.
 */
function embedOnLanes(
  batches: string[][],
  workers: readonly EmbedWorker[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ vectors: number[][]; batchesByThread: number[] }> {
  const total = batches.reduce((n, b) => n + b.length, 0);
  const results: number[][][] = new Array(batches.length);
  // One entry per worker: how the work was shared, for the log.
  const batchesByThread = workers.map(() => 0);
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  return new Promise((resolve, reject) => {
    const runLane = async (thread: number, embed: (texts: string[]) => Promise<number[][]>) => {
      for (let i = next; !failure && i < batches.length; i = next) {
        next++;
        results[i] = await embed(batches[i]!);
        if (failure) return;
        batchesByThread[thread]!++;
        done += batches[i]!.length;
        onProgress?.(done, total);
        if (done === total) resolve({ vectors: results.flat(), batchesByThread });
      }
    };
    const fail = (error: Error) => {
      failure ??= error;
      reject(failure);
    };
    if (total === 0) resolve({ vectors: [], batchesByThread });
    // This thread embeds none of it, not even while the workers load their models: a batch of long
    // passages grows its model's WebAssembly memory, which is never given back, by about 50 MB, held
    // for as long as the bot answers questions (seed corpus: 100 MB of external memory after building
    // so, 159 MB when this thread embedded while the workers loaded).
    workers.forEach((worker, w) => {
      // Two lanes per worker keep a second batch queued there while this thread takes the first's vectors.
      const workerLane = () => worker.ready.then(() => runLane(w, (texts) => worker.embed(texts)));
      workerLane().catch(fail);
      workerLane().catch(fail);
    });
  });
}

/**
 * The embedder with large passage batches (an index build, a long added article) spread over
 * `workerCount` worker threads. Questions and small batches stay on this thread, for latency and memory;
 * workers start on the first large batch and stop after `idleMs` without one.
 */
export function withEmbedPool(options: EmbedPoolOptions): Embedder {
  const { embedder: local, batchSize } = options.local;
  const minPooledWork = options.minPooledWork ?? POOL_MIN_WORK;
  const idleMs = options.idleMs ?? POOL_IDLE_MS;
  let workers: EmbedWorker[] | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  const stopWorkers = (reason: string) => {
    if (!workers) return;
    options.logger?.info({ event: "embed.pool.stop", workers: workers.length, reason }, "stopping the embedding workers");
    for (const worker of workers) worker.terminate();
    workers = undefined;
  };
  const startWorkers = (): EmbedWorker[] => {
    const started = performance.now();
    const count = options.workerCount;
    options.logger?.info({ event: "embed.pool.start", workers: count }, "starting embedding workers");
    const fresh = Array.from({ length: count }, (_, i) => {
      const worker = new EmbedWorker(`embedding worker ${i + 1} of ${count}`, options.choice, (error) => {
        options.logger?.error({ event: "embed.pool.failed", worker: worker.name, err: error.message }, "an embedding worker failed");
        // A pool with a dead worker is not reused: the next large batch starts a fresh one.
        if (workers === fresh) stopWorkers("a worker failed");
      });
      void worker.ready.then(
        () => options.logger?.info({ event: "embed.pool.ready", worker: worker.name, ms: Math.round(performance.now() - started) }, "embedding worker loaded its model"),
        () => undefined, // logged by onFailure
      );
      return worker;
    });
    return fresh;
  };

  let callsInFlight = 0;
  const embedPooled = async (texts: string[], onProgress?: (done: number, total: number) => void) => {
    clearTimeout(idleTimer);
    workers ??= startWorkers();
    callsInFlight++;
    const started = performance.now();
    try {
      const { vectors, batchesByThread } = await embedOnLanes(cutBatches(texts, batchSize), workers, onProgress);
      options.logger?.info({ event: "embed.pooled", texts: texts.length, batchesByThread, ms: Math.round(performance.now() - started) }, "embedded on the pool");
      return vectors;
    } finally {
      // Unref'd: an idle pool never keeps a finished command's process alive.
      if (--callsInFlight === 0) idleTimer = setTimeout(() => stopWorkers("idle"), idleMs).unref();
    }
  };

  return {
    id: local.id,
    dimensions: local.dimensions,
    embedQueries: (texts) => local.embedQueries(texts),
    embedPassages: (texts, onProgress) =>
      // One worker beside an idle main thread would gain nothing: a pool has two or more.
      options.workerCount > 1 && embeddingWork(texts) >= minPooledWork ? embedPooled(texts, onProgress) : local.embedPassages(texts, onProgress),
  };
}
