import { availableParallelism } from "node:os";
import { z } from "zod";
import type { Embedder } from "../types.js";
import type { Logger } from "../log.js";
import { loadSingleThreadEmbedder } from "./singleThread.js";
import { withEmbedPool } from "./embedPool.js";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const EMBED_WORKERS_ERROR = "EMBED_WORKERS must be a whole number from 1 to 64: the threads that embed an index build (1: this thread alone; more: that many worker threads embed it, this one only questions and small batches)";

/** Which embedder to run, from the environment: EMBEDDER, EMBEDDING_MODEL, MODEL_DIR, EMBED_WORKERS. */
export const embedderConfigSchema = z.object({
  EMBEDDER: z.preprocess(
    emptyToUndefined,
    z.enum(["use-lite", "transformers"], { error: "EMBEDDER must be use-lite (offline default) or transformers" }).default("use-lite"),
  ),
  EMBEDDING_MODEL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, { error: "EMBEDDING_MODEL must be a model id like Xenova/bge-small-en-v1.5" })
      .default("Xenova/bge-small-en-v1.5"),
  ),
  MODEL_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  // One per core by default: each embeds with one core (TensorFlow.js's WebAssembly backend runs single-threaded in Node).
  EMBED_WORKERS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: EMBED_WORKERS_ERROR })
      .int({ error: EMBED_WORKERS_ERROR })
      .min(1, { error: EMBED_WORKERS_ERROR })
      .max(64, { error: EMBED_WORKERS_ERROR })
      .default(availableParallelism()),
  ),
});
export type EmbedderConfig = z.infer<typeof embedderConfigSchema>;

export function embedderConfigFromEnv(env: NodeJS.ProcessEnv): EmbedderConfig {
  const parsed = embedderConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}

/**
 * Loads the configured embedder, logging how long the model took to load. With EMBED_WORKERS
 * above 1, large passage batches are embedded by that many worker threads loading the same model.
 */
export async function createEmbedder(
  config: EmbedderConfig,
  options: { logger?: Logger; onProgress?: (done: number, total: number) => void } = {},
): Promise<Embedder> {
  const started = performance.now();
  options.logger?.info({ event: "model.loading", embedder: config.EMBEDDER, model: config.EMBEDDER === "transformers" ? config.EMBEDDING_MODEL : undefined }, "loading the embedding model");
  const local = await loadSingleThreadEmbedder(config, options.onProgress);
  const { embedder } = local;
  options.logger?.info({ event: "model.loaded", embedder: embedder.id, dimensions: embedder.dimensions, ms: Math.round(performance.now() - started) }, "embedding model loaded");
  if (config.EMBED_WORKERS === 1) return embedder;
  const choice = { EMBEDDER: config.EMBEDDER, EMBEDDING_MODEL: config.EMBEDDING_MODEL, MODEL_DIR: config.MODEL_DIR };
  return withEmbedPool({ choice, workerCount: config.EMBED_WORKERS, local, ...(options.logger ? { logger: options.logger } : {}) });
}
