import { z } from "zod";
import type { Embedder } from "../types.js";
import type { Logger } from "../log.js";
import { createUseLiteEmbedder } from "./useLite.js";
import { createTransformersEmbedder } from "./transformers.js";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Which embedder to run, from the environment: EMBEDDER, EMBEDDING_MODEL, MODEL_DIR. */
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
});
export type EmbedderConfig = z.infer<typeof embedderConfigSchema>;

export function embedderConfigFromEnv(env: NodeJS.ProcessEnv): EmbedderConfig {
  const parsed = embedderConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}

/** Loads the configured embedder, logging how long the model took to load. */
export async function createEmbedder(
  config: EmbedderConfig,
  options: { logger?: Logger; onProgress?: (done: number, total: number) => void } = {},
): Promise<Embedder> {
  const started = performance.now();
  options.logger?.info({ event: "model.loading", embedder: config.EMBEDDER, model: config.EMBEDDER === "transformers" ? config.EMBEDDING_MODEL : undefined }, "loading the embedding model");
  const embedder =
    config.EMBEDDER === "use-lite"
      ? await createUseLiteEmbedder()
      : await createTransformersEmbedder({
          model: config.EMBEDDING_MODEL,
          ...(config.MODEL_DIR ? { modelDir: config.MODEL_DIR } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
  options.logger?.info({ event: "model.loaded", embedder: embedder.id, dimensions: embedder.dimensions, ms: Math.round(performance.now() - started) }, "embedding model loaded");
  return embedder;
}
