import type { ActorRegistry } from "../retrieval/actors/index.js";
import type { Engine } from "../retrieval/engine.js";
import type { Logger } from "../retrieval/log.js";
import type { ConversationStore, SubjectFinder } from "../retrieval/conversation/index.js";
import type { BotConfig } from "./config.js";
import type { PageStore } from "./pageStore.js";
import type { AnswerGate } from "./rateLimit.js";
import type { BotDatabase } from "./store/botDatabase.js";
import type { BotMetrics } from "./health/botMetrics.js";

/**
 * The part of the answer engine the bot uses; an engine that can also refresh, add and remove
 * articles gets /ingest, /remove-article and picks up articles added elsewhere.
 */
export type BotEngine = Pick<Engine, "ask" | "articles" | "health"> & Partial<Pick<Engine, "refresh" | "addArticle" | "removeArticle" | "actors">>;

/** What every command and event handler is given. */
export interface BotContext {
  engine: BotEngine;
  /** Built once at start-up from the engine's documents; /actor reads it. */
  actors: ActorRegistry;
  config: BotConfig;
  logger: Logger;
  gate: AnswerGate;
  pages: PageStore;
  /** Follow-up conversations, reached through the answers and threads that carry them. */
  conversations: ConversationStore;
  /** Finds who and what a question is about, for reading follow-ups. */
  finder: SubjectFinder;
  /** Kept answers, 👍/👎 feedback and per-server settings (SQLite). */
  db: BotDatabase;
  /** Counts questions, failures and rate limits for /metrics; handlers record, they never see prom-client. */
  metrics: BotMetrics;
}
