import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Embedder } from "../types.js";
import { embedInBatches } from "./normalize.js";

/** The model cannot be loaded from where configuration says it is; the message says what to fix. */
export class ModelNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelNotFoundError";
  }
}

/** What each model family expects before a query and before a passage, and how it pools tokens. */
export function modelConventions(model: string): { queryPrefix: string; passagePrefix: string; pooling: "mean" | "cls" } {
  const name = model.toLowerCase();
  if (name.includes("bge")) return { queryPrefix: "Represent this sentence for searching relevant passages: ", passagePrefix: "", pooling: "cls" };
  if (name.includes("e5")) return { queryPrefix: "query: ", passagePrefix: "passage: ", pooling: "mean" };
  if (name.includes("nomic")) return { queryPrefix: "search_query: ", passagePrefix: "search_document: ", pooling: "mean" };
  return { queryPrefix: "", passagePrefix: "", pooling: "mean" };
}

/** Files transformers.js reads for a quantized feature-extraction model, relative to `<MODEL_DIR>/<model>`. */
export const REQUIRED_MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", join("onnx", "model_quantized.onnx")];

const modelConfigSchema = z.object({ hidden_size: z.number().int().positive() }).loose();

/** Checks `<modelDir>/<model>/` has every file before transformers.js tries (and fails obscurely). */
export async function checkModelDir(modelDir: string, model: string): Promise<{ dimensions: number }> {
  const folder = join(modelDir, model);
  const missing: string[] = [];
  for (const file of REQUIRED_MODEL_FILES) {
    await access(join(folder, file)).catch(() => missing.push(join(folder, file)));
  }
  if (missing.length > 0) {
    throw new ModelNotFoundError(
      `MODEL_DIR=${modelDir} does not hold the model ${model}: missing ${missing.join(", ")}. ` +
        `Put the model there in transformers.js's layout (<MODEL_DIR>/${model}/config.json, tokenizer.json, onnx/model_quantized.onnx), ` +
        `unset MODEL_DIR to download it (needs network), or use EMBEDDER=use-lite, which works offline.`,
    );
  }
  const config = modelConfigSchema.safeParse(JSON.parse(await readFile(join(folder, "config.json"), "utf8")));
  if (!config.success) throw new ModelNotFoundError(`${join(folder, "config.json")} has no hidden_size: it is not a transformer model config.`);
  return { dimensions: config.data.hidden_size };
}

export interface TransformersOptions {
  model: string;
  /** Local folder in transformers.js's layout; when set, nothing is downloaded. */
  modelDir?: string;
  /** Where downloads are cached (default: transformers.js's own cache). */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export const TRANSFORMERS_BATCH_SIZE = 32;

/**
 * Feature extraction with @xenova/transformers (ONNX, quantized): downloaded and cached on a
 * machine with network, or loaded from MODEL_DIR with remote loading off.
 */
export async function createTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const local = options.modelDir ? await checkModelDir(options.modelDir, options.model) : undefined;
  const { pipeline, env } = await import("@xenova/transformers");
  if (options.modelDir) {
    env.localModelPath = options.modelDir;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
  }
  if (options.cacheDir) env.cacheDir = options.cacheDir;
  let extractor: Awaited<ReturnType<typeof pipeline>>;
  try {
    extractor = await pipeline("feature-extraction", options.model, {
      quantized: true,
      progress_callback: (event: { status?: string; loaded?: number; total?: number }) => {
        if (event.status === "progress" && event.total) options.onProgress?.(event.loaded ?? 0, event.total);
      },
    });
  } catch (error) {
    throw new ModelNotFoundError(
      `The model ${options.model} could not be loaded${options.modelDir ? ` from MODEL_DIR=${options.modelDir}` : " (download failed; set MODEL_DIR to a local copy)"}: ${(error as Error).message}`,
    );
  }
  const conventions = modelConventions(options.model);
  const embed = async (batch: string[]) => {
    const output = await extractor(batch, { pooling: conventions.pooling, normalize: true });
    return (output as { tolist(): number[][] }).tolist();
  };
  const probe = await embed(["dimension probe"]);
  const dimensions = local?.dimensions ?? probe[0]!.length;
  return {
    id: `transformers/${options.model}`,
    dimensions,
    embedQueries: (texts) => embedInBatches(texts.map((t) => conventions.queryPrefix + t), TRANSFORMERS_BATCH_SIZE, embed),
    embedPassages: (texts, onProgress) => embedInBatches(texts.map((t) => conventions.passagePrefix + t), TRANSFORMERS_BATCH_SIZE, embed, onProgress),
  };
}
