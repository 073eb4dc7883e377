/**
 * `npm run start:sharded`: runs bot/main.ts in one process per shard under discord.js's
 * ShardingManager, for bots in more servers than one gateway connection may serve. With HEALTH_PORT
 * set, each shard process serves its own /healthz and /metrics on HEALTH_PORT + its shard id; this
 * manager process serves neither.
 */
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from "discord.js";
import { createLogger } from "../retrieval/log.js";
import { loadConfigOrExit } from "./config.js";
import { openEngineLogged } from "./openEngineLogged.js";
import { shardHealthPort } from "./health/shardHealthPort.js";

/** Each shard loads the model and the index before it logs in; allow for a slow machine. */
const SHARD_READY_TIMEOUT_MS = 180_000;

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });

// Build (or check) the index once here, so the shard processes only ever load it, never race to build it.
const engine = await openEngineLogged(config, logger);
await engine.close();

// Discord's recommended shard count, asked through the configured REST base (the manager's own
// "auto" always asks discord.com).
const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.token);
const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;

const manager = new ShardingManager(fileURLToPath(new URL("./main.ts", import.meta.url)), {
  token: config.token,
  totalShards: shards,
  // Resolved here so the shard processes find tsx whatever the working directory.
  execArgv: ["--import", import.meta.resolve("tsx")],
});
manager.on("shardCreate", (shard) => {
  const health = config.health ? { healthPort: shardHealthPort(config.health.port, [shard.id]) } : {};
  logger.info({ event: "shard-created", shard: shard.id, ...health }, `launched shard ${shard.id}`);
  shard.on("death", () => logger.warn({ event: "shard-exited", shard: shard.id }, `shard ${shard.id} exited`));
});

/** Each shard finishes its answers in flight on SIGTERM (see main.ts); wait for all of them to exit. */
async function stop(signal: NodeJS.Signals): Promise<void> {
  logger.info({ event: "signal", signal }, `received ${signal}; stopping ${manager.shards.size} shards`);
  manager.respawn = false;
  await Promise.all(
    manager.shards.map(
      (shard) =>
        new Promise<void>((resolve) => {
          if (!shard.process || shard.process.exitCode !== null) return resolve();
          shard.process.once("exit", () => resolve());
          shard.process.kill("SIGTERM");
        }),
    ),
  );
  process.exit(0);
}
process.once("SIGINT", (signal) => void stop(signal));
process.once("SIGTERM", (signal) => void stop(signal));

try {
  await manager.spawn({ timeout: SHARD_READY_TIMEOUT_MS });
  logger.info({ event: "shards-ready", shards: manager.shards.size }, "all shards are connected");
} catch (error) {
  logger.fatal({ event: "sharding-failed", err: error }, `starting the shards failed: ${(error as Error).message}`);
  process.exit(1);
}
