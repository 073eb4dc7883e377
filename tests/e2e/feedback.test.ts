/**
 * 👍/👎 feedback through the real bot against the Discord stand-in: the buttons on every answer, the
 * 👎 modal, a replaced vote, a note over the limit, and the stored rows read back after a restart.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_FIELD, commentTooLongNotice, THANKS_DOWN, THANKS_UP } from "../../bot/feedback.js";
import { startHarness, useEndToEndSuite, waitForLog, type BotHarness } from "../support/botHarness.js";
import type { DiscordMessage, DiscordUser, RecordedRequest } from "../support/discordStandIn.js";
import { runNpmScript } from "../support/runCli.js";

const EPHEMERAL = 64;
const MODAL = 9;
const suite = useEndToEndSuite();

const isOriginalEdit = (interaction: { token: string }) => (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`) && r.status === 200;
const callbackOf = (interaction: { id: string; token: string }) => (r: RecordedRequest) => r.method === "POST" && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`;

/** The custom_ids of a message's buttons, by label or emoji. */
function buttonsOf(message: DiscordMessage): Record<string, string> {
  const buttons = message.components.flatMap((row: any) => row.components);
  return Object.fromEntries(buttons.map((b: any) => [b.emoji?.name ?? b.label, b.custom_id]));
}

describe("feedback", () => {
  let dir: string;
  let file: string;
  let harness: BotHarness;
  let answer: DiscordMessage;
  let writer: DiscordUser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "feedback-e2e-"));
    file = join(dir, "bot.sqlite");
    harness = await startHarness(suite.engine, { databaseFile: file });
    const ask = harness.standIn.sendCommand("ask", { question: "Where was Khafaji's funeral held?", public: true });
    await harness.standIn.waitForRequest(isOriginalEdit(ask));
    answer = harness.standIn.originalMessage(ask)!;
  });
  afterAll(async () => {
    await harness.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("puts 👍 and 👎 on an answer, but none on a refusal", async () => {
    expect(Object.keys(buttonsOf(answer))).toEqual(expect.arrayContaining(["👍", "👎"]));
    const refusal = harness.standIn.sendCommand("ask", { question: "What is the recipe for a chocolate cake?", public: true });
    const edit = await harness.standIn.waitForRequest(isOriginalEdit(refusal));
    expect(edit.body.components ?? []).toEqual([]);
  });

  it("thanks a 👍 privately, opens a modal for 👎, keeps the note, and a second vote replaces the first", async () => {
    const { standIn } = harness;
    const reader = standIn.user("reader");
    const up = standIn.clickButton(answer, buttonsOf(answer)["👍"]!, { user: reader });
    expect((await standIn.waitForRequest(callbackOf(up))).body).toMatchObject({ type: 4, data: { content: THANKS_UP, flags: EPHEMERAL } });

    const down = standIn.clickButton(answer, buttonsOf(answer)["👎"]!, { user: reader });
    const modal = await standIn.waitForRequest(callbackOf(down));
    expect(modal.body.type).toBe(MODAL);
    const input = modal.body.data.components[0].components[0];
    expect(input).toMatchObject({ custom_id: COMMENT_FIELD, required: false, max_length: 500 });

    const submit = standIn.submitModal(modal.body.data.custom_id, { [COMMENT_FIELD]: "The quote is right but <@1234> should see the date too" }, { user: reader, message: answer });
    expect((await standIn.waitForRequest(callbackOf(submit))).body).toMatchObject({ type: 4, data: { content: THANKS_DOWN, flags: EPHEMERAL } });

    const other = standIn.clickButton(answer, buttonsOf(answer)["👍"]!, { user: standIn.user("someone-else") });
    await standIn.waitForRequest(callbackOf(other));

    const rows = harness.bot.context.db.feedback();
    expect(rows).toHaveLength(2);
    const mine = rows.find((r) => r.user === harness.bot.context.db.userHash(reader.id))!;
    expect(mine).toMatchObject({ vote: "down", comment: "The quote is right but <@1234> should see the date too", question: "Where was Khafaji's funeral held?", verdict: "answered" });
    expect(mine.citations[0]!.file).toMatch(/^corpus\/articles\//);
    expect(rows.map((r) => r.user)).not.toContain(reader.id);
  });

  it("tells the person privately when the note is over 500 characters, and keeps the 👎 without it", async () => {
    const { standIn } = harness;
    writer = standIn.user("long-writer");
    const down = standIn.clickButton(answer, buttonsOf(answer)["👎"]!, { user: writer });
    const modal = await standIn.waitForRequest(callbackOf(down));
    const submit = standIn.submitModal(modal.body.data.custom_id, { [COMMENT_FIELD]: "x".repeat(620) }, { user: writer, message: answer });
    expect((await standIn.waitForRequest(callbackOf(submit))).body).toMatchObject({ type: 4, data: { content: commentTooLongNotice(620), flags: EPHEMERAL } });
    const row = harness.bot.context.db.feedback().find((r) => r.user === harness.bot.context.db.userHash(writer.id));
    expect(row).toMatchObject({ vote: "down", comment: null });
  });

  it("reads the stored rows back after a restart, takes clicks on old answers, and npm run feedback reports them", async () => {
    const before = harness.bot.context.db.feedback();
    await harness.stop();
    harness = await startHarness(suite.engine, { databaseFile: file });
    expect(harness.bot.context.db.feedback()).toEqual(before);

    const { standIn } = harness;
    // The same person (same Discord id) after the restart: their 👎 becomes a 👍.
    const again = standIn.clickButton(answer, buttonsOf(answer)["👍"]!, { user: writer });
    expect((await standIn.waitForRequest(callbackOf(again))).body.data.content).toBe(THANKS_UP);
    expect(harness.bot.context.db.feedback().filter((r) => r.vote === "up")).toHaveLength(2);
    // Nothing identifies a person in the file: only salted hashes.
    for (const part of [file, `${file}-wal`].filter(existsSync)) expect(readFileSync(part).includes(Buffer.from(writer.id))).toBe(false);

    const summary = await runNpmScript("feedback", ["--db", file]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^3 votes on 1 answers: 👍 2, 👎 1$/m);
    expect(summary.stdout).toContain("“The quote is right but <@1234> should see the date too”");
    const exported = await runNpmScript("feedback", ["--db", file, "--jsonl"]);
    const lines = exported.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ question: "Where was Khafaji's funeral held?", verdict: "answered", citations: [expect.objectContaining({ file: expect.stringMatching(/^corpus\//) })] });
  });
});

describe("logs", () => {
  it("never hold a person's Discord id, only the salted hash feedback is kept under", async () => {
    const harness = await startHarness(suite.engine);
    try {
      const { standIn } = harness;
      const person = standIn.user("private-person");
      const ask = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?", public: true }, { user: person });
      await standIn.waitForRequest(isOriginalEdit(ask));
      const message = standIn.sendMessage(`<@${standIn.applicationId}> Who is Daniel Hagari?`, { author: person });
      await standIn.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === message.id);
      const answered = await waitForLog(harness, (l) => l.event === "answered");
      await waitForLog(harness, (l) => l.event === "mention" && l.message === message.id && l.verdict !== undefined);
      expect(answered.user).toBe(`user-${harness.bot.context.db.userHash(person.id)}`);
      expect(harness.rawLogs.join("\n")).not.toContain(person.id);
    } finally {
      await harness.stop();
    }
  });
});
