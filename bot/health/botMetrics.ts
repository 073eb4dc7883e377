import { DiscordAPIError, HTTPError } from "discord.js";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { Verdict } from "../../retrieval/types.js";

/** How a question reached the bot: /ask, a mention, or a follow-up in a live conversation (reply or thread). */
export type QuestionSource = "slash" | "mention" | "followup";

/** What went wrong: answering or handling a command, a Discord REST call, the gateway client. */
export type FailureKind = "answer" | "discord_api" | "gateway";

/** What handlers record; the one implementation below turns it into Prometheus metrics. */
export interface BotMetrics {
  questionAnswered(verdict: Verdict, source: QuestionSource, seconds: number): void;
  failed(kind: FailureKind): void;
  /** Discord answered a REST request with 429 Too Many Requests. */
  discordRateLimited(): void;
  /** discord.js held a request back to respect a rate limit (after a 429, or a bucket it knows is empty). */
  rateLimitWaited(global: boolean): void;
}

/** A failure from a Discord REST call, or one in the bot's own answering and command code. */
export function failureKind(error: unknown): FailureKind {
  return error instanceof DiscordAPIError || error instanceof HTTPError ? "discord_api" : "answer";
}

/** Answers take tens of milliseconds on a quiet machine and seconds on a loaded one. */
const ANSWER_SECONDS_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The bot's metrics in a registry of its own (not prom-client's global one), so bots started in
 * one test process, or shards, never share or collide; with Node's process metrics beside them.
 */
export class PrometheusBotMetrics implements BotMetrics {
  readonly registry = new Registry();
  private readonly questions = new Counter({
    name: "corpus_bot_questions_total",
    help: "Questions answered, by verdict (answered, related, none) and how they were asked (slash, mention, followup).",
    labelNames: ["verdict", "source"] as const,
    registers: [this.registry],
  });
  private readonly answerSeconds = new Histogram({
    name: "corpus_bot_answer_duration_seconds",
    help: "Time from a question to its rendered answer (reading, retrieval, verdict), in seconds.",
    buckets: ANSWER_SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: "corpus_bot_errors_total",
    help: "Failures, by kind: answer (answering or a command failed), discord_api (a Discord REST call failed), gateway (client error).",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  private readonly rateLimits = new Counter({
    name: "corpus_bot_discord_rate_limited_total",
    help: "Discord REST responses with status 429 (Too Many Requests).",
    registers: [this.registry],
  });
  private readonly rateLimitWaits = new Counter({
    name: "corpus_bot_discord_rate_limit_waits_total",
    help: "Times discord.js held a REST request back to respect a rate limit, by whether the limit was global.",
    labelNames: ["global"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every series exists from the start, so a rate() over them is defined before the first event.
    for (const kind of ["answer", "discord_api", "gateway"] satisfies FailureKind[]) this.failures.labels({ kind }).inc(0);
    for (const global of ["true", "false"]) this.rateLimitWaits.labels({ global }).inc(0);
  }

  questionAnswered(verdict: Verdict, source: QuestionSource, seconds: number): void {
    this.questions.labels({ verdict, source }).inc();
    this.answerSeconds.observe(seconds);
  }

  failed(kind: FailureKind): void {
    this.failures.labels({ kind }).inc();
  }

  discordRateLimited(): void {
    this.rateLimits.inc();
  }

  rateLimitWaited(global: boolean): void {
    this.rateLimitWaits.labels({ global: String(global) }).inc();
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
