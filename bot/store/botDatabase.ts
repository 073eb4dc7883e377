import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { PROJECT_ROOT } from "../../retrieval/engine.js";

/**
 * The bot's durable state in one SQLite file (better-sqlite3): the answers people can rate, their
 * 👍/👎 feedback, and per-server settings. Every write is one transaction in WAL mode with
 * synchronous=FULL, so a crash loses nothing committed, and other processes (shards, `npm run
 * feedback`) read and write safely beside it. People are stored as a salted hash, never their id.
 */

/** `<DATA_DIR>/bot.sqlite`, DATA_DIR being relative to the project as the index's is. */
export function defaultDatabaseFile(dataDir?: string): string {
  return resolve(PROJECT_ROOT, dataDir?.trim() || "data", "bot.sqlite");
}

export type Vote = "up" | "down";
export const MAX_FEEDBACK_COMMENT_CHARS = 500;

export interface Citation {
  file: string;
  start: number;
  end: number;
}

/** An answer as it was given, kept so feedback on it says what was asked, understood, decided and quoted. */
export interface AnswerRecord {
  id: string;
  createdAt: string;
  guildId: string | null;
  question: string;
  understood: string;
  verdict: "answered" | "related" | "none";
  citations: Citation[];
}

export interface FeedbackRow {
  answerId: string;
  question: string;
  understood: string;
  verdict: AnswerRecord["verdict"];
  citations: Citation[];
  vote: Vote;
  comment: string | null;
  /** The person, as a salted hash. */
  user: string;
  createdAt: string;
  updatedAt: string;
}

/** What a server set with /settings; unset fields fall back to the .env defaults. */
export interface StoredSettings {
  allowedChannelIds?: string[];
  answerInThreads?: boolean;
  cooldownSeconds?: number;
}

const citationsSchema = z.array(z.object({ file: z.string(), start: z.number().int(), end: z.number().int() }));
const verdictSchema = z.enum(["answered", "related", "none"]);
const answerRowSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  guild_id: z.string().nullable(),
  question: z.string(),
  understood: z.string(),
  verdict: verdictSchema,
  citations: z.string().transform((json) => citationsSchema.parse(JSON.parse(json))),
});
const feedbackRowSchema = z.object({
  answer_id: z.string(),
  question: z.string(),
  understood: z.string(),
  verdict: verdictSchema,
  citations: z.string().transform((json) => citationsSchema.parse(JSON.parse(json))),
  vote: z.enum(["up", "down"]),
  comment: z.string().nullable(),
  user_hash: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
const settingsRowSchema = z.object({
  allowed_channel_ids: z.string().nullable().transform((json) => (json === null ? undefined : z.array(z.string().regex(/^\d{17,20}$/)).parse(JSON.parse(json)))),
  answer_in_threads: z.number().int().nullable().transform((n) => (n === null ? undefined : n === 1)),
  cooldown_seconds: z.number().int().min(0).nullable().transform((n) => n ?? undefined),
});

/** Each migration moves the schema one version up; `PRAGMA user_version` records where a file is. */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        guild_id TEXT,
        question TEXT NOT NULL,
        understood TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('answered', 'related', 'none')),
        citations TEXT NOT NULL
      );
      CREATE TABLE feedback (
        answer_id TEXT NOT NULL REFERENCES answers(id),
        user_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        comment TEXT CHECK (comment IS NULL OR length(comment) <= ${MAX_FEEDBACK_COMMENT_CHARS}),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      );
      CREATE TABLE guild_settings (
        guild_id TEXT PRIMARY KEY,
        allowed_channel_ids TEXT,
        answer_in_threads INTEGER,
        cooldown_seconds INTEGER,
        updated_at TEXT NOT NULL
      );
    `);
    db.prepare("INSERT INTO meta (key, value) VALUES ('user_salt', ?)").run(randomBytes(32).toString("hex"));
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Answers nobody rated are forgotten after this many days (their buttons then say so); rated ones are kept. */
export const UNRATED_ANSWER_DAYS = 30;

export class BotDatabase {
  private readonly salt: string;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.salt = z.object({ value: z.string().min(32) }).parse(db.prepare("SELECT value FROM meta WHERE key = 'user_salt'").get()).value;
  }

  /** Opens (creating when missing) and migrates the database; `readonly` opens an existing file without writing. */
  static open(file: string, { readonly = false }: { readonly?: boolean } = {}): BotDatabase {
    if (!readonly) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { readonly, fileMustExist: readonly });
    try {
      db.pragma("busy_timeout = 5000");
      if (!readonly) {
        db.pragma("journal_mode = WAL");
        db.pragma("synchronous = FULL");
        db.pragma("foreign_keys = ON");
        migrate(db);
        const cutoff = new Date(Date.now() - UNRATED_ANSWER_DAYS * 86_400_000).toISOString();
        db.prepare("DELETE FROM answers WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.answer_id = answers.id)").run(cutoff);
      } else if ((db.pragma("user_version", { simple: true }) as number) > SCHEMA_VERSION) {
        throw new Error(`${file} was written by a newer version of the bot (schema ${String(db.pragma("user_version", { simple: true }))}).`);
      }
      return new BotDatabase(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The salted hash a person is stored as. */
  userHash(userId: string): string {
    return createHmac("sha256", this.salt).update(userId).digest("hex").slice(0, 32);
  }

  recordAnswer(answer: Omit<AnswerRecord, "id" | "createdAt">): AnswerRecord {
    const record: AnswerRecord = { id: randomBytes(9).toString("base64url"), createdAt: new Date().toISOString(), ...answer };
    this.db
      .prepare("INSERT INTO answers (id, created_at, guild_id, question, understood, verdict, citations) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(record.id, record.createdAt, record.guildId, record.question, record.understood, record.verdict, JSON.stringify(record.citations));
    return record;
  }

  answer(id: string): AnswerRecord | undefined {
    const row = this.db.prepare("SELECT * FROM answers WHERE id = ?").get(id);
    if (row === undefined) return undefined;
    const r = answerRowSchema.parse(row);
    return { id: r.id, createdAt: r.created_at, guildId: r.guild_id, question: r.question, understood: r.understood, verdict: r.verdict, citations: r.citations };
  }

  /** A person's vote on an answer; a second vote by the same person replaces the first (and its comment). */
  vote(answerId: string, userId: string, vote: Vote, comment: string | null = null): void {
    if (comment !== null && comment.length > MAX_FEEDBACK_COMMENT_CHARS) throw new RangeError(`a feedback comment holds at most ${MAX_FEEDBACK_COMMENT_CHARS} characters`);
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_hash, vote, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, comment = excluded.comment, updated_at = excluded.updated_at`,
      )
      .run(answerId, this.userHash(userId), vote, comment, now, now);
  }

  /** Every vote with its answer, oldest first. */
  feedback(): FeedbackRow[] {
    const rows = this.db
      .prepare(
        `SELECT f.answer_id, a.question, a.understood, a.verdict, a.citations, f.vote, f.comment, f.user_hash, f.created_at, f.updated_at
         FROM feedback f JOIN answers a ON a.id = f.answer_id ORDER BY f.created_at, f.answer_id, f.user_hash`,
      )
      .all();
    return rows.map((row) => {
      const r = feedbackRowSchema.parse(row);
      return {
        answerId: r.answer_id,
        question: r.question,
        understood: r.understood,
        verdict: r.verdict,
        citations: r.citations,
        vote: r.vote,
        comment: r.comment,
        user: r.user_hash,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  settings(guildId: string): StoredSettings {
    const row = this.db.prepare("SELECT allowed_channel_ids, answer_in_threads, cooldown_seconds FROM guild_settings WHERE guild_id = ?").get(guildId);
    if (row === undefined) return {};
    const r = settingsRowSchema.parse(row);
    return {
      ...(r.allowed_channel_ids !== undefined ? { allowedChannelIds: r.allowed_channel_ids } : {}),
      ...(r.answer_in_threads !== undefined ? { answerInThreads: r.answer_in_threads } : {}),
      ...(r.cooldown_seconds !== undefined ? { cooldownSeconds: r.cooldown_seconds } : {}),
    };
  }

  /** Changes some of a server's settings; `null` clears one back to the default. */
  updateSettings(guildId: string, change: { [K in keyof StoredSettings]?: StoredSettings[K] | null }): StoredSettings {
    const write = this.db.transaction(() => {
      const next = { ...this.settings(guildId) };
      for (const key of Object.keys(change) as (keyof StoredSettings)[]) {
        const value = change[key];
        if (value === null || value === undefined) delete next[key];
        else (next as Record<string, unknown>)[key] = value;
      }
      this.db
        .prepare(
          `INSERT INTO guild_settings (guild_id, allowed_channel_ids, answer_in_threads, cooldown_seconds, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (guild_id) DO UPDATE SET allowed_channel_ids = excluded.allowed_channel_ids, answer_in_threads = excluded.answer_in_threads,
             cooldown_seconds = excluded.cooldown_seconds, updated_at = excluded.updated_at`,
        )
        .run(
          guildId,
          next.allowedChannelIds ? JSON.stringify(next.allowedChannelIds) : null,
          next.answerInThreads === undefined ? null : Number(next.answerInThreads),
          next.cooldownSeconds ?? null,
          new Date().toISOString(),
        );
      return next;
    });
    return write.immediate();
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Database.Database): void {
  const at = db.pragma("user_version", { simple: true }) as number;
  if (at > SCHEMA_VERSION) throw new Error(`the database was written by a newer version of the bot (schema ${at}, this one knows ${SCHEMA_VERSION}).`);
  for (let version = at; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      MIGRATIONS[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
