/**
 * A worker thread of the embedding pool: loads the same model as the main thread, says when it is
 * ready, then embeds each batch it is sent, one at a time, with the model's own `embedPassages`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { loadSingleThreadEmbedder } from "./singleThread.js";
import type { JobMessage, WorkerMessage } from "./workerProtocol.js";

const choiceSchema = z.object({
  EMBEDDER: z.enum(["use-lite", "transformers"]),
  EMBEDDING_MODEL: z.string(),
  MODEL_DIR: z.string().optional(),
});
const jobSchema = z.object({ id: z.number().int(), texts: z.array(z.string()) });

const port = parentPort;
if (!port) throw new Error("embedWorker.ts runs as a worker thread of the embedding pool, not on its own");
const post = (message: WorkerMessage) => port.postMessage(message);

// A model that fails to load throws here: the worker exits with the error, which the pool reports.
const { embedder } = await loadSingleThreadEmbedder(choiceSchema.parse(workerData));
post({ type: "ready" });

// One batch at a time even when two are queued: the pool keeps a second one waiting so this thread never idles.
let queue: Promise<void> = Promise.resolve();
port.on("message", (raw: unknown) => {
  const job: JobMessage = jobSchema.parse(raw);
  queue = queue.then(async () => {
    try {
      post({ type: "vectors", id: job.id, vectors: await embedder.embedPassages(job.texts) });
    } catch (error) {
      post({ type: "failed", id: job.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
});
