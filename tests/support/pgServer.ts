import { afterAll, beforeAll } from "vitest";
import { startPgliteServer, type PgliteServer } from "../../cli/pgliteServer.js";
import type { VectorStoreConfig } from "../../retrieval/store/vectorStoreConfig.js";

/**
 * A real PostgreSQL (PGlite with pgvector, served on a free 127.0.0.1 port) for one test file,
 * spoken to by `pg` over the wire as a server would be. Started before the file's tests, closed after.
 */
export function usePgliteServer(): { server: () => PgliteServer; config: (indexName?: string) => VectorStoreConfig } {
  let server: PgliteServer | undefined;
  beforeAll(async () => {
    server = await startPgliteServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    server: () => server!,
    config: (indexName) => ({ kind: "postgres", databaseUrl: server!.url, connectAttempts: 2, ...(indexName ? { indexName } : {}) }),
  };
}
