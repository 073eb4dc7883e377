import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Connections the socket server accepts at once. PGlite is one PostgreSQL backend: statements from
 * all connections are queued and run one at a time, and an open transaction holds the others back
 * until it ends; so this is room for a few processes' pools (4 each), not parallelism.
 */
export const PGLITE_MAX_CONNECTIONS = 8;

/** A PostgreSQL server with pgvector, in this process: PGlite (PostgreSQL in WebAssembly) on a TCP port. */
export interface PgliteServer {
  /** postgres:// URL for `pg` (and DATABASE_URL). */
  url: string;
  port: number;
  /** Stops accepting and drops every connection; the database stays, for `listen` again. */
  stopListening(): Promise<void>;
  /** Listens again on the same port (after stopListening): as a restarted server would. */
  listen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts PGlite with the vector extension and serves it on 127.0.0.1 (`port` 0: any free one).
 * `dataDir` keeps the database on disk; without it the database lives in memory.
 */
export async function startPgliteServer(options: { port?: number; dataDir?: string } = {}): Promise<PgliteServer> {
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { vector } });
  let port = options.port ?? 0;
  let server: PGLiteSocketServer | undefined;
  const listen = async () => {
    server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: PGLITE_MAX_CONNECTIONS });
    await server.start();
    port = Number(server.getServerConn().split(":").pop());
  };
  await listen();
  const stopListening = async () => {
    await server?.stop();
    server = undefined;
  };
  return {
    // PGlite accepts any user and password; this one exists in every PGlite database.
    get url() {
      return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    },
    get port() {
      return port;
    },
    stopListening,
    listen,
    close: async () => {
      await stopListening();
      await db.close();
    },
  };
}
