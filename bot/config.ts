import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "../retrieval/log.js";
import { DEFAULT_MAX_BYTES } from "../retrieval/ingest/prepareArticle.js";

/** Everything the bot reads from the environment, validated once at start-up. */
export interface BotConfig {
  token: string;
  /** Needed only to register commands; the running bot learns its id from Discord. */
  appId?: string;
  /** Register commands to this one server (instant) instead of globally. */
  guildId?: string;
  /** Channels where the bot answers; empty means every channel it can see. */
  allowedChannelIds: string[];
  modelDir?: string;
  embedder?: "use-lite" | "transformers";
  embeddingModel?: string;
  dataDir?: string;
  logLevel: LogLevel;
  askCooldownSeconds: number;
  maxAnswersInFlight: number;
  /** A follow-up conversation expires after this many minutes without a question. */
  conversationMinutes: number;
  /** The SQLite file feedback and per-server settings are kept in; default `<DATA_DIR>/bot.sqlite`. */
  databaseFile?: string;
  /** Seconds between checks for articles added or removed elsewhere (0: never); default 10. */
  corpusRefreshSeconds?: number;
  /** Largest article file /ingest accepts, in bytes; default 1 MB. */
  ingestMaxBytes?: number;
  /** REST base URL (without /v10); only tests set it, to point the bot at a stand-in server. */
  discordApiUrl?: string;
  /** Where /healthz and /metrics are served (HEALTH_PORT, HEALTH_HOST); unset: not served. Port 0 takes a free port. */
  health?: { port: number; host: string };
}

/** Configuration that cannot be used, with one sentence per problem for the person running the bot. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

export const MISSING_TOKEN_MESSAGE =
  'DISCORD_TOKEN is not set: put the bot token in .env or the environment to run the bot (`npm run ask -- "question"` answers from the command line without Discord).';

const snowflake = (name: string) =>
  z.string().regex(/^\d{17,20}$/, `${name} must be a Discord id (17 to 20 digits; enable Developer Mode and use "Copy ID").`);

/** Empty strings count as unset, as they do in a .env file with `NAME=`. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const wholeNumber = (name: string, min: number, fallback: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? fallback : Number(value)),
    z.number({ error: `${name} must be a whole number.` }).int(`${name} must be a whole number.`).min(min, `${name} must be at least ${min}.`),
  );

const HEALTH_PORT_MESSAGE = "HEALTH_PORT must be a TCP port number from 0 to 65535 (0: any free port).";

const envSchema = z.object({
  DISCORD_TOKEN: z.string({ error: MISSING_TOKEN_MESSAGE }).trim().min(1, MISSING_TOKEN_MESSAGE),
  DISCORD_APP_ID: optional(snowflake("DISCORD_APP_ID")),
  DISCORD_GUILD_ID: optional(snowflake("DISCORD_GUILD_ID")),
  ALLOWED_CHANNEL_IDS: optional(
    z
      .string()
      .transform((list) => list.split(",").map((id) => id.trim()).filter((id) => id.length > 0))
      .pipe(z.array(snowflake("Each id in ALLOWED_CHANNEL_IDS"))),
  ),
  MODEL_DIR: optional(z.string()),
  EMBEDDER: optional(z.enum(["use-lite", "transformers"], { error: 'EMBEDDER must be "use-lite" or "transformers".' })),
  EMBEDDING_MODEL: optional(z.string().regex(/^[\w.-]+\/[\w.-]+$/, "EMBEDDING_MODEL must be a model id such as Xenova/bge-small-en-v1.5.")),
  DATA_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.` })),
  ASK_COOLDOWN_SECONDS: wholeNumber("ASK_COOLDOWN_SECONDS", 0, 10),
  MAX_ANSWERS_IN_FLIGHT: wholeNumber("MAX_ANSWERS_IN_FLIGHT", 1, 4),
  CONVERSATION_MINUTES: wholeNumber("CONVERSATION_MINUTES", 1, 30),
  BOT_DATABASE: optional(z.string().regex(/\.(sqlite3?|db)$/, "BOT_DATABASE must be a file path ending in .sqlite, .sqlite3 or .db.")),
  CORPUS_REFRESH_SECONDS: wholeNumber("CORPUS_REFRESH_SECONDS", 0, 10),
  INGEST_MAX_BYTES: wholeNumber("INGEST_MAX_BYTES", 1, DEFAULT_MAX_BYTES),
  DISCORD_API_URL: optional(z.url({ error: "DISCORD_API_URL must be a URL such as http://127.0.0.1:8080/api." })),
  HEALTH_PORT: optional(
    z.coerce
      .number({ error: HEALTH_PORT_MESSAGE })
      .int(HEALTH_PORT_MESSAGE)
      .min(0, HEALTH_PORT_MESSAGE)
      .max(65_535, HEALTH_PORT_MESSAGE),
  ),
  HEALTH_HOST: optional(z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: "HEALTH_HOST must be an IP address or host name such as 127.0.0.1 or 0.0.0.0." })),
});

/** Validates the environment; throws ConfigError listing every missing or malformed value. */
export function parseConfig(env: NodeJS.ProcessEnv): BotConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    ...(e.DISCORD_APP_ID ? { appId: e.DISCORD_APP_ID } : {}),
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    allowedChannelIds: e.ALLOWED_CHANNEL_IDS ?? [],
    ...(e.MODEL_DIR ? { modelDir: e.MODEL_DIR } : {}),
    ...(e.EMBEDDER ? { embedder: e.EMBEDDER } : {}),
    ...(e.EMBEDDING_MODEL ? { embeddingModel: e.EMBEDDING_MODEL } : {}),
    ...(e.DATA_DIR ? { dataDir: e.DATA_DIR } : {}),
    logLevel: e.LOG_LEVEL ?? "info",
    askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    maxAnswersInFlight: e.MAX_ANSWERS_IN_FLIGHT,
    conversationMinutes: e.CONVERSATION_MINUTES,
    ...(e.BOT_DATABASE ? { databaseFile: e.BOT_DATABASE } : {}),
    corpusRefreshSeconds: e.CORPUS_REFRESH_SECONDS,
    ingestMaxBytes: e.INGEST_MAX_BYTES,
    ...(e.DISCORD_API_URL ? { discordApiUrl: e.DISCORD_API_URL.replace(/\/+$/, "") } : {}),
    // Loopback unless told otherwise: metrics and health are for the machine's own probes and scrapers.
    ...(e.HEALTH_PORT !== undefined ? { health: { port: e.HEALTH_PORT, host: e.HEALTH_HOST ?? "127.0.0.1" } } : {}),
  };
}

/**
 * Reads `.env` (values already in the environment win) and validates; on bad configuration prints
 * one line per problem and exits with status 1, since nothing can run without it.
 */
export function loadConfigOrExit(): BotConfig {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
