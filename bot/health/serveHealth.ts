import type { Client } from "discord.js";
import type { Logger } from "../../retrieval/log.js";
import type { BotEngine } from "../context.js";
import type { PrometheusBotMetrics } from "./botMetrics.js";
import { checkHealth } from "./healthReport.js";
import { jsonReply, startHealthServer, type HealthServer } from "./healthServer.js";
import { shardHealthPort } from "./shardHealthPort.js";

export interface ServeHealthOptions {
  client: Client;
  engine: Pick<BotEngine, "health">;
  metrics: PrometheusBotMetrics;
  logger: Logger;
  /** HEALTH_PORT and HEALTH_HOST; a shard adds its id to the port. */
  listen: { port: number; host: string };
}

/** Serves GET /healthz (200 when the gateway is connected and the store reachable, else 503) and GET /metrics. */
export function serveHealth({ client, engine, metrics, logger, listen }: ServeHealthOptions): Promise<HealthServer> {
  return startHealthServer({
    port: shardHealthPort(listen.port, client.shard?.ids),
    host: listen.host,
    logger,
    endpoints: {
      "/healthz": async () => {
        const report = await checkHealth(client, engine);
        return jsonReply(report.status === "ok" ? 200 : 503, report);
      },
      "/metrics": async () => ({ status: 200, ...(await metrics.exposition()) }),
    },
  });
}
