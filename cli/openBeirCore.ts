import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../retrieval/engine.js";
import type { BeirDataset } from "../retrieval/eval/beir.js";
import type { Logger } from "../retrieval/log.js";
import { openSearchCore, type SearchCore } from "../retrieval/searchCore.js";
import type { Embedder } from "../retrieval/types.js";
import { stderrProgress } from "./progress.js";

/**
 * The search core over a BEIR folder's documents, kept under `<DATA_DIR>/eval/<name>-<hash>`:
 * built once per corpus file, shared by `eval` and `fit-verdict`.
 */
export async function openBeirCore(dir: string, dataset: BeirDataset, embedder: Embedder, options: { embedSentences: boolean; logger: Logger }): Promise<SearchCore> {
  const corpusHash = createHash("sha256").update(await readFile(join(dir, "corpus.jsonl"))).digest("hex");
  return openSearchCore(dataset.docs, {
    indexDir: join(resolve(PROJECT_ROOT, process.env.DATA_DIR?.trim() || "data"), "eval", `${dataset.name}-${corpusHash.slice(0, 12)}`),
    embedder,
    files: { "corpus.jsonl": corpusHash },
    embedSentences: options.embedSentences,
    logger: options.logger,
    onProgress: stderrProgress(),
  });
}
