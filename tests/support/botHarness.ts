/** Starts the real bot (bot/app.ts) with the real engine against a fresh Discord stand-in. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { startBot, type RunningBot } from "../../bot/app.js";
import type { BotConfig } from "../../bot/config.js";
import type { BotEngine } from "../../bot/context.js";
import { loadActorRegistry, type ActorRegistry } from "../../retrieval/actors/index.js";
import { PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { openTestEngine } from "./testEngine.js";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createLogger } from "../../retrieval/log.js";
import { DiscordStandIn } from "./discordStandIn.js";

export const TEST_TOKEN = "stand-in-token.ABCDEFGHIJKLMNOPQRSTUVWX.yz0123456789";

export { openTestEngine };

/**
 * The hooks every end-to-end file needs: the shared engine over the seed corpus, and a failure on
 * any unhandled rejection (how discord.js reports payloads it cannot parse).
 */
export function useEndToEndSuite(): { readonly engine: Engine } {
  let engine: Engine | undefined;
  const unhandled = trackUnhandledRejections();
  beforeAll(async () => {
    engine = await openTestEngine();
  });
  afterEach(() => {
    expect(unhandled.rejections).toEqual([]);
  });
  afterAll(() => unhandled.dispose());
  return {
    get engine() {
      if (!engine) throw new Error("the engine is opened in beforeAll");
      return engine;
    },
  };
}

let actors: Promise<ActorRegistry> | undefined;

/** The actor registry over the seed corpus the test engine indexes, built once per test process. */
export function testActorRegistry(): Promise<ActorRegistry> {
  actors ??= loadActorRegistry({ projectRoot: PROJECT_ROOT });
  return actors;
}

export function articleText(file: string): string {
  return readFileSync(join(PROJECT_ROOT, file), "utf8");
}

export interface LogLine {
  level: string;
  event?: string;
  msg?: string;
  [key: string]: unknown;
}

export interface BotHarness {
  standIn: DiscordStandIn;
  bot: RunningBot;
  config: BotConfig;
  /** Every log line the bot wrote, parsed. */
  logs: LogLine[];
  /** Every raw log line, to check that the token never appears. */
  rawLogs: string[];
  stop(): Promise<void>;
}

/** `overrides` may depend on the stand-in, e.g. to allow only its channel. */
export async function startHarness(
  engine: BotEngine,
  overrides: Partial<BotConfig> | ((standIn: DiscordStandIn) => Partial<BotConfig>) = {},
  { clock }: { clock?: () => number } = {},
): Promise<BotHarness> {
  const standIn = await DiscordStandIn.start();
  const rawLogs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      rawLogs.push(...chunk.toString("utf8").split("\n").filter((line) => line.length > 0));
      done();
    },
  });
  const chosen = typeof overrides === "function" ? overrides(standIn) : overrides;
  // A fresh SQLite file per bot, removed on stop, unless the test names one (to read it back after a restart).
  const ownDatabase = chosen.databaseFile === undefined ? mkdtempSync(join(tmpdir(), "bot-db-")) : undefined;
  const config: BotConfig = {
    token: TEST_TOKEN,
    allowedChannelIds: [],
    logLevel: "debug",
    askCooldownSeconds: 0,
    maxAnswersInFlight: 4,
    conversationMinutes: 30,
    ...(ownDatabase ? { databaseFile: join(ownDatabase, "bot.sqlite") } : {}),
    discordApiUrl: standIn.apiUrl,
    ...chosen,
  };
  const logger = createLogger({ level: config.logLevel, secrets: [config.token], destination });
  const bot = await startBot({ config, engine, actors: await testActorRegistry(), logger, ...(clock ? { clock } : {}) });
  return {
    standIn,
    bot,
    config,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as LogLine);
    },
    async stop() {
      await bot.shutdown();
      await standIn.close();
      if (ownDatabase) rmSync(ownDatabase, { recursive: true, force: true });
    },
  };
}

/** Collects unhandled rejections (how discord.js reports payloads it cannot parse) so a test can fail on them. */
export function trackUnhandledRejections(): { rejections: unknown[]; dispose(): void } {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  return { rejections, dispose: () => process.off("unhandledRejection", onRejection) };
}

/**
 * Resolves once the bot has written a log line matching `predicate` (e.g. that it finished a
 * message, so what it keeps is kept); rejects after `ms`. Polls: logs arrive as the bot writes them.
 */
export async function waitForLog(harness: BotHarness, predicate: (line: LogLine) => boolean, ms = 10_000): Promise<LogLine> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = harness.logs.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching log line within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Rejects when `promise` takes longer than `ms`, so waits on the network are bounded. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
