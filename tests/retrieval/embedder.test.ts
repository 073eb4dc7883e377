import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, embedderConfigFromEnv } from "../../retrieval/embed/createEmbedder.js";
import { checkModelDir, createTransformersEmbedder, modelConventions, ModelNotFoundError } from "../../retrieval/embed/transformers.js";
import { PROJECT_ROOT } from "../../retrieval/engine.js";

// Real config and tokenizer of Xenova/all-MiniLM-L6-v2, without its ONNX weights (none can be had here).
const SHARED_MODELS = join(PROJECT_ROOT, "..", "shared", "models");
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe("embedder configuration", () => {
  it("defaults to the offline USE-lite embedder", () => {
    for (const env of [{}, { EMBEDDER: "", MODEL_DIR: "" }]) {
      const config = embedderConfigFromEnv(env);
      expect(config.EMBEDDER).toBe("use-lite");
      expect(config.MODEL_DIR).toBeUndefined();
    }
  });

  it("rejects unknown embedders and malformed model ids with the variable named", () => {
    expect(() => embedderConfigFromEnv({ EMBEDDER: "openai" })).toThrow(/EMBEDDER must be use-lite .* or transformers/);
    expect(() => embedderConfigFromEnv({ EMBEDDER: "transformers", EMBEDDING_MODEL: "no slash" })).toThrow(/EMBEDDING_MODEL/);
  });

  it("knows the prefixes and pooling each model family expects", () => {
    expect(modelConventions("Xenova/bge-small-en-v1.5")).toMatchObject({ queryPrefix: expect.stringMatching(/^Represent this sentence/), pooling: "cls" });
    expect(modelConventions("Xenova/e5-small-v2")).toMatchObject({ queryPrefix: "query: ", passagePrefix: "passage: " });
    expect(modelConventions("Xenova/all-MiniLM-L6-v2")).toMatchObject({ queryPrefix: "", passagePrefix: "", pooling: "mean" });
  });
});

describe("the transformers embedder with MODEL_DIR", () => {
  it("names MODEL_DIR and the missing weights file when the ONNX model is absent", async () => {
    const attempt = createTransformersEmbedder({ model: "Xenova/all-MiniLM-L6-v2", modelDir: SHARED_MODELS });
    await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(attempt).rejects.toThrow(`MODEL_DIR=${SHARED_MODELS}`);
    // config.json and the tokenizer are there, so only the weights are reported missing.
    const message = ((await attempt.catch((e: unknown) => e)) as Error).message;
    expect(/missing (.*?)\. Put/.exec(message)?.[1]).toBe(join(SHARED_MODELS, "Xenova/all-MiniLM-L6-v2", "onnx", "model_quantized.onnx"));
  });

  it("names every missing file when the model folder does not exist", async () => {
    const empty = await mkdtemp(join(tmpdir(), "models-"));
    try {
      await expect(checkModelDir(empty, "Xenova/bge-small-en-v1.5")).rejects.toThrow(/config\.json.*tokenizer\.json.*model_quantized\.onnx/s);
      await expect(createEmbedder(embedderConfigFromEnv({ EMBEDDER: "transformers", MODEL_DIR: empty }))).rejects.toThrow(/MODEL_DIR=.*EMBEDDER=use-lite/s);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe("the USE-lite embedder", () => {
  it("embeds offline into 512-dimensional unit vectors that rank related text higher", async () => {
    const embedder = await createEmbedder(embedderConfigFromEnv({}));
    expect(embedder.dimensions).toBe(512);
    const [query] = await embedder.embedQueries(["Which militia attacked Israel with drones?"]);
    const passages = await embedder.embedPassages(["Iraqi militias launched drones at Eilat.", "The recipe needs flour, sugar and eggs."]);
    for (const v of [query!, ...passages]) {
      expect(v).toHaveLength(512);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
    expect(dot(query!, passages[0]!)).toBeGreaterThan(dot(query!, passages[1]!) + 0.1);
  });
});
