import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotDatabase, MAX_FEEDBACK_COMMENT_CHARS, SCHEMA_VERSION, UNRATED_ANSWER_DAYS } from "../../bot/store/botDatabase.js";
import { runCommand } from "../support/runCli.js";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bot-db-test-"));
  file = join(dir, "bot.sqlite");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ANSWER = { guildId: "100000000000000001", question: "where was his funeral?", understood: "where was Abu Haidar al-Khafaji's funeral?", verdict: "answered" as const, citations: [{ file: "corpus/articles/004_c24fbb7f4fd09cd6.txt", start: 10, end: 90 }] };
const USER = "123456789012345678";

describe("BotDatabase", () => {
  it("creates and migrates a new file to the current schema, and opens it again without migrating twice", () => {
    const db = BotDatabase.open(file);
    expect(db.schemaVersion).toBe(SCHEMA_VERSION);
    const salt = db.userHash(USER);
    db.close();
    const again = BotDatabase.open(file);
    expect(again.schemaVersion).toBe(SCHEMA_VERSION);
    // The salt is made once, at migration: the same person hashes the same after a restart.
    expect(again.userHash(USER)).toBe(salt);
    again.close();
  });

  it("refuses a file written by a newer schema instead of misreading it", () => {
    BotDatabase.open(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => BotDatabase.open(file)).toThrow(/newer version/);
  });

  it("keeps one vote per person and answer, the second replacing the first, under a salted hash never the raw id", () => {
    const db = BotDatabase.open(file);
    const answer = db.recordAnswer(ANSWER);
    db.vote(answer.id, USER, "up");
    db.vote(answer.id, USER, "down", "quotes the wrong article");
    db.vote(answer.id, "223456789012345678", "up");
    const rows = db.feedback();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.vote === "down")).toMatchObject({ question: ANSWER.question, understood: ANSWER.understood, verdict: "answered", citations: ANSWER.citations, answerId: answer.id, comment: "quotes the wrong article" });
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.user) && r.user !== USER)).toBe(true);
    expect(() => db.vote(answer.id, USER, "down", "x".repeat(MAX_FEEDBACK_COMMENT_CHARS + 1))).toThrow(RangeError);
    db.close();
    expect(readFileSync(file).includes(Buffer.from(USER))).toBe(false);
  });

  it("forgets, on the next start, answers nobody rated within the retention period, and keeps rated ones", () => {
    const db = BotDatabase.open(file);
    const rated = db.recordAnswer(ANSWER);
    const unrated = db.recordAnswer(ANSWER);
    const fresh = db.recordAnswer(ANSWER);
    db.vote(rated.id, USER, "up");
    db.close();
    const raw = new Database(file);
    raw.prepare("UPDATE answers SET created_at = ? WHERE id IN (?, ?)").run(new Date(Date.now() - (UNRATED_ANSWER_DAYS + 1) * 86_400_000).toISOString(), rated.id, unrated.id);
    raw.close();
    const reopened = BotDatabase.open(file);
    expect([rated, unrated, fresh].map((a) => reopened.answer(a.id) !== undefined)).toEqual([true, false, true]);
    reopened.close();
  });

  it("stores per-server settings, changes some, and clears one back to the default", () => {
    const db = BotDatabase.open(file);
    expect(db.settings("g1")).toEqual({});
    db.updateSettings("g1", { allowedChannelIds: ["100000000000000002"], cooldownSeconds: 5 });
    db.updateSettings("g1", { answerInThreads: true });
    expect(db.settings("g1")).toEqual({ allowedChannelIds: ["100000000000000002"], cooldownSeconds: 5, answerInThreads: true });
    db.updateSettings("g1", { allowedChannelIds: null });
    expect(db.settings("g1")).toEqual({ cooldownSeconds: 5, answerInThreads: true });
    expect(db.settings("g2")).toEqual({});
    db.close();
  });

  it("takes votes from two processes writing at once (two shards), and loses nothing committed when one dies without closing", async () => {
    const db = BotDatabase.open(file);
    const answer = db.recordAnswer(ANSWER);
    const writer = (shard: number, dies: boolean) =>
      [
        `import { BotDatabase } from "./bot/store/botDatabase.ts";`,
        `const db = BotDatabase.open(${JSON.stringify(file)});`,
        `for (let i = 0; i < 150; i++) db.vote(${JSON.stringify(answer.id)}, "${shard}" + String(i).padStart(17, "0"), i % 2 ? "up" : "down", "shard ${shard}");`,
        dies ? `process.kill(process.pid, "SIGKILL");` : `db.close();`,
      ].join("\n");
    const results = await Promise.all([runCommand("npx", ["tsx", "--input-type=module", "-e", writer(1, false)]), runCommand("npx", ["tsx", "--input-type=module", "-e", writer(2, true)])]);
    expect(results[0]).toMatchObject({ code: 0, stderr: "" });
    expect(results[1]!.code).not.toBe(0);
    db.close();
    // Reopened as after a restart: every committed vote of both, the killed one's included.
    const reopened = BotDatabase.open(file);
    const rows = reopened.feedback();
    expect(rows).toHaveLength(300);
    expect(rows.filter((r) => r.comment === "shard 2")).toHaveLength(150);
    reopened.close();
  });

});
