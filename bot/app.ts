import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Client, Events, GatewayIntentBits, RESTEvents } from "discord.js";
import type { ActorRegistry } from "../retrieval/actors/index.js";
import type { Logger } from "../retrieval/log.js";
import type { BotConfig } from "./config.js";
import type { BotContext, BotEngine } from "./context.js";
import { createInteractionHandler } from "./interactions.js";
import { createMentionHandler } from "./mentions.js";
import { PageStore } from "./pageStore.js";
import { AnswerGate } from "./rateLimit.js";
import { NO_MENTIONS } from "./render/message.js";
import { watchCorpus } from "./corpusWatch.js";
import { ConversationStore, createSubjectFinder } from "../retrieval/conversation/index.js";
import { BotDatabase, defaultDatabaseFile } from "./store/botDatabase.js";
import { PrometheusBotMetrics } from "./health/botMetrics.js";
import type { HealthServer } from "./health/healthServer.js";
import { serveHealth } from "./health/serveHealth.js";

/** Longest a shutdown waits for answers in flight before it disconnects anyway. */
const SHUTDOWN_GRACE_MS = 30_000;

export interface RunningBot {
  client: Client<true>;
  context: BotContext;
  /** The /healthz and /metrics server, when HEALTH_PORT is set. */
  health?: HealthServer;
  /** Stops taking questions, lets answers in flight finish, then disconnects. Safe to call twice. */
  shutdown(): Promise<void>;
}

export interface StartBotOptions {
  config: BotConfig;
  engine: BotEngine;
  actors: ActorRegistry;
  logger: Logger;
  /** Time for conversation expiry; tests pass a clock they move. */
  clock?: () => number;
}

/** Connects to Discord with an engine that is already open, and answers until shut down. */
export async function startBot({ config, engine, actors, logger: given, clock }: StartBotOptions): Promise<RunningBot> {
  const db = BotDatabase.open(config.databaseFile ?? defaultDatabaseFile(config.dataDir));
  // A person's Discord id is never logged: `user` fields holding one are logged as the salted hash feedback uses.
  const logger = given.child({}, { serializers: { user: (value: unknown) => (typeof value === "string" && /^\d{17,20}$/.test(value) ? `user-${db.userHash(value)}` : value) } });
  const metrics = new PrometheusBotMetrics();
  const context: BotContext = {
    engine,
    actors,
    config,
    logger,
    gate: new AnswerGate({ cooldownSeconds: config.askCooldownSeconds, maxInFlight: config.maxAnswersInFlight }),
    pages: new PageStore(),
    conversations: new ConversationStore({ ttlMs: config.conversationMinutes * 60_000, ...(clock ? { now: clock } : {}) }),
    finder: createSubjectFinder(actors),
    db,
    metrics,
  };
  logger.info({ event: "database-open", schema: context.db.schemaVersion }, "feedback and settings database open");
  // Guild messages without the privileged Message Content intent: mentions of the bot still carry their text.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });

  const onInteraction = createInteractionHandler(context);
  const onMention = createMentionHandler(context);
  const interactionListener = (interaction: Parameters<typeof onInteraction>[0]) => void onInteraction(interaction);
  const messageListener = (message: Parameters<typeof onMention>[0]) => void onMention(message);
  client.on(Events.InteractionCreate, interactionListener);
  client.on(Events.MessageCreate, messageListener);
  client.on(Events.Error, (error) => {
    metrics.failed("gateway");
    logger.error({ event: "client-error", err: error }, "discord client error");
  });
  client.on(Events.Warn, (message) => logger.warn({ event: "client-warning" }, message));
  client.on(Events.ShardDisconnect, (closeEvent, shard) => logger.warn({ event: "shard-disconnect", shard, code: closeEvent.code }, "gateway disconnected"));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ event: "shard-reconnecting", shard }, "reconnecting to the gateway"));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ event: "shard-resumed", shard, replayed }, "gateway session resumed"));
  client.rest.on(RESTEvents.RateLimited, (info) => {
    metrics.rateLimitWaited(info.global);
    logger.warn({ event: "rate-limited", route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, "Discord rate limit hit; waiting");
  });
  // A 429 itself emits no RateLimited (that is the wait before the retry); only the response shows it.
  client.rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 429) metrics.discordRateLimited();
  });

  const ready = once(client, Events.ClientReady);
  let health: HealthServer | undefined;
  try {
    // Before login, so a port in use fails the start at once and probes see the connecting bot as down.
    if (config.health) health = await serveHealth({ client, engine, metrics, logger, listen: config.health });
    await client.login(config.token);
    await ready;
  } catch (error) {
    await health?.close();
    await client.destroy();
    context.db.close();
    throw error;
  }
  const readyClient = client as Client<true>;
  logger.info({ event: "ready", user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, "connected to Discord");
  // Articles added by the command line or another shard are picked up without a restart.
  const stopWatching = watchCorpus(context, config.corpusRefreshSeconds ?? 10);

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      const watchStopped = stopWatching();
      client.off(Events.InteractionCreate, interactionListener);
      client.off(Events.MessageCreate, messageListener);
      logger.info({ event: "shutdown", inFlight: context.gate.inFlight }, "shutting down: finishing answers in flight");
      const finished = await Promise.race([context.gate.whenIdle().then(() => true), sleep(SHUTDOWN_GRACE_MS, false, { ref: false })]);
      if (!finished) logger.warn({ event: "shutdown-timeout", inFlight: context.gate.inFlight }, "answers still in flight after the grace period");
      await watchStopped;
      await client.destroy();
      context.db.close();
      logger.info({ event: "disconnected" }, "disconnected from Discord");
      await health?.close();
    })());

  return { client: readyClient, context, ...(health ? { health } : {}), shutdown };
}
