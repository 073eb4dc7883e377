import type { Logger } from "../log.js";
import type { VectorStore } from "./vectorStore.js";
import type { VectorStoreConfig } from "./vectorStoreConfig.js";
import { openVectraStore } from "./vectraStore.js";

/** The bot's corpus index's name in a shared database (evaluation sets are named `eval/<set>-<hash>`). */
export const CORPUS_INDEX_NAME = "corpus";

/** Where one index lives in either store: vectra's folder, or its name in the shared database. */
export interface IndexPlace {
  indexDir: string;
  indexName: string;
}

/** Opens the configured store for one index (for PostgreSQL: connects, retrying, and migrates). */
export async function openVectorStore(config: VectorStoreConfig, place: IndexPlace, logger?: Logger): Promise<VectorStore> {
  if (config.kind === "vectra") return openVectraStore(place.indexDir);
  // Loaded only when asked for: the default store's processes (every CLI run's cold start) skip `pg`.
  const { openPostgresStore } = await import("./postgresStore.js");
  return openPostgresStore({
    databaseUrl: config.databaseUrl,
    indexName: config.indexName ?? place.indexName,
    connectAttempts: config.connectAttempts,
    ...(logger ? { logger } : {}),
  });
}
