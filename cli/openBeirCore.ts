import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../retrieval/engine.js";
import type { BeirDataset } from "../retrieval/eval/beir.js";
import type { Logger } from "../retrieval/log.js";
import { openSearchCore, type SearchCore } from "../retrieval/searchCore.js";
import { openVectorStore } from "../retrieval/store/openVectorStore.js";
import { vectorStoreConfigFromEnv } from "../retrieval/store/vectorStoreConfig.js";
import type { Embedder } from "../retrieval/types.js";
import { stderrProgress } from "./progress.js";

/**
 * The search core over a BEIR folder's documents, kept in the store VECTOR_STORE names: under
 * `<DATA_DIR>/eval/<name>-<hash>`, or as the index `eval/<name>-<hash>` of DATABASE_URL. Built once
 * per corpus file, shared by `eval` and `fit-verdict`; the store stays open while the process runs.
 */
export async function openBeirCore(dir: string, dataset: BeirDataset, embedder: Embedder, options: { embedSentences: boolean; logger: Logger }): Promise<SearchCore> {
  const corpusHash = createHash("sha256").update(await readFile(join(dir, "corpus.jsonl"))).digest("hex");
  const name = `${dataset.name}-${corpusHash.slice(0, 12)}`;
  const indexDir = join(resolve(PROJECT_ROOT, process.env.DATA_DIR?.trim() || "data"), "eval", name);
  const store = await openVectorStore(vectorStoreConfigFromEnv(process.env), { indexDir, indexName: `eval/${name}` }, options.logger);
  return openSearchCore(dataset.docs, {
    indexDir,
    store,
    embedder,
    files: { "corpus.jsonl": corpusHash },
    embedSentences: options.embedSentences,
    logger: options.logger,
    onProgress: stderrProgress(),
  });
}
