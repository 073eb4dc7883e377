import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../retrieval/log.js";

/** What one endpoint answers. */
export interface EndpointReply {
  status: number;
  contentType: string;
  body: string;
}

export interface HealthServerOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Endpoints by path (`/healthz`, `/metrics`); each is asked afresh on every GET or HEAD. */
  endpoints: Record<string, () => Promise<EndpointReply>>;
}

export interface HealthServer {
  /** The port listened on: the one asked for, or the one the system chose for port 0. */
  readonly port: number;
  readonly url: string;
  /** Stops listening and drops open connections (a scraper's keep-alive would hold the close). Safe to call twice. */
  close(): Promise<void>;
}

/** Listening failed; the message says what to change, for the person running the bot. */
export class HealthServerError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "HealthServerError";
  }
}

export const jsonReply = (status: number, value: unknown): EndpointReply => ({ status, contentType: "application/json; charset=utf-8", body: JSON.stringify(value) });

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE") return `HEALTH_PORT ${port} is already in use on ${host}: another process is listening there; choose a free port or stop that process.`;
  if (error.code === "EACCES") return `HEALTH_PORT ${port} on ${host} may not be listened on by this user (ports below 1024 need privileges); choose a port above 1024.`;
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") return `HEALTH_HOST ${host} is not an address of this machine; use 127.0.0.1 or 0.0.0.0.`;
  return `the health server could not listen on ${where}: ${error.message}`;
}

/** Serves the endpoints over plain HTTP: GET and HEAD only (405 otherwise), 404 for any other path. */
export async function startHealthServer({ port, host, logger, endpoints }: HealthServerOptions): Promise<HealthServer> {
  const reply = async (request: IncomingMessage): Promise<EndpointReply> => {
    if (request.method !== "GET" && request.method !== "HEAD") return jsonReply(405, { error: `${request.method} is not supported; use GET or HEAD.` });
    const path = new URL(request.url ?? "/", "http://health").pathname;
    const endpoint = Object.hasOwn(endpoints, path) ? endpoints[path] : undefined;
    if (!endpoint) return jsonReply(404, { error: `nothing at ${path}; try ${Object.keys(endpoints).join(" or ")}.` });
    try {
      return await endpoint();
    } catch (error) {
      logger.error({ event: "health-endpoint-failed", path, err: error }, `${path} failed`);
      return jsonReply(500, { error: `${path} failed; see the bot's log.` });
    }
  };
  const send = (response: ServerResponse, { status, contentType, body }: EndpointReply) => {
    const headers = { "content-type": contentType, "content-length": Buffer.byteLength(body), "cache-control": "no-store" };
    response.writeHead(status, { ...headers, ...(status === 405 ? { allow: "GET, HEAD" } : {}) });
    // Node sends the headers alone for a HEAD request.
    response.end(body);
  };
  const server = createServer((request, response) => void reply(request).then((answer) => send(response, answer)));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    throw new HealthServerError(listenProblem(error as NodeJS.ErrnoException, host, port), { cause: error });
  }
  server.on("error", (error) => logger.error({ event: "health-server-error", err: error }, "health server error"));
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  logger.info({ event: "health-server-started", host, port: bound, url }, `serving /healthz and /metrics on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => logger.info({ event: "health-server-stopped", port: bound }, "health server stopped")));
  return { port: bound, url, close };
}
