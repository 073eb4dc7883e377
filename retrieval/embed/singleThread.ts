import type { Embedder } from "../types.js";
import { createUseLiteEmbedder, USE_LITE_BATCH_SIZE } from "./useLite.js";
import { createTransformersEmbedder, TRANSFORMERS_BATCH_SIZE } from "./transformers.js";

/** Which model to load: the part of the embedder configuration a worker thread needs too. */
export interface ModelChoice {
  EMBEDDER: "use-lite" | "transformers";
  EMBEDDING_MODEL: string;
  MODEL_DIR?: string | undefined;
}

/**
 * The configured model on this thread, with the batch size its `embedPassages` cuts texts into:
 * a pool cuts the same batches, so every thread gets the vectors this one would.
 */
export async function loadSingleThreadEmbedder(
  choice: ModelChoice,
  onProgress?: (done: number, total: number) => void,
): Promise<{ embedder: Embedder; batchSize: number }> {
  if (choice.EMBEDDER === "use-lite") return { embedder: await createUseLiteEmbedder(), batchSize: USE_LITE_BATCH_SIZE };
  const embedder = await createTransformersEmbedder({
    model: choice.EMBEDDING_MODEL,
    ...(choice.MODEL_DIR ? { modelDir: choice.MODEL_DIR } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { embedder, batchSize: TRANSFORMERS_BATCH_SIZE };
}
