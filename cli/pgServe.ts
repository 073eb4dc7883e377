import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { startPgliteServer } from "./pgliteServer.js";

/**
 * `npm run pg:serve -- [--port 5432] [--data DIR]`: a local PostgreSQL with pgvector for trying
 * VECTOR_STORE=postgres with no installation (PGlite; one backend, see cli/pgliteServer.ts). Prints
 * the DATABASE_URL to use and serves until stopped. `--data` keeps the database on disk.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "5432" }, data: { type: "string" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be a TCP port number from 0 to 65535");
  const server = await startPgliteServer({ port, ...(values.data ? { dataDir: resolve(values.data) } : {}) });
  process.stdout.write(`DATABASE_URL=${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
