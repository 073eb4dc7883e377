/**
 * Follow-up questions through the real bot against the Discord stand-in: a reply to an answer and
 * a mention or /ask in a thread that grew from one continue its conversation; a new topic, another
 * person and an expired conversation are kept apart.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { expiredConversationNotice } from "../../bot/followUps.js";
import { articleText, startHarness, useEndToEndSuite, waitForLog, type BotHarness } from "../support/botHarness.js";
import { expectWithinDiscordLimits, quotesIn, searchedNoteIn, unescapeDiscord } from "../support/discordMessages.js";
import type { DiscordMessage, DiscordStandIn, DiscordUser, RecordedRequest } from "../support/discordStandIn.js";

const EPHEMERAL = 64;
const corpus = readdirSync(join(PROJECT_ROOT, "corpus", "articles"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => articleText(`corpus/articles/${f}`));
const suite = useEndToEndSuite();

/** The bot's reply to `message`, as posted (REST body) and as stored (the message people reply to). */
async function replyTo(harness: BotHarness, message: DiscordMessage): Promise<{ body: any; posted: DiscordMessage }> {
  const { standIn } = harness;
  const request = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${message.channel_id}/messages` && r.body?.message_reference?.message_id === message.id);
  const posted = [...standIn.messages.values()].find((m) => m.message_reference?.message_id === message.id);
  expect(posted).toBeDefined();
  expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expectWithinDiscordLimits(request.body);
  await handled(harness, message.id);
  return { body: request.body, posted: posted! };
}

const ask = (standIn: DiscordStandIn, question: string, options: { author?: DiscordUser; channelId?: string; replyTo?: DiscordMessage } = {}) =>
  options.replyTo ? standIn.sendMessage(question, options) : standIn.sendMessage(`<@${standIn.applicationId}> ${question}`, options);

/** The quotes of an answer are verbatim article text; returns them joined, for checking what they say. */
function verbatimQuotes(body: any): string {
  const description: string = body.embeds[0].description;
  const quotes = quotesIn(description);
  expect(quotes.length).toBeGreaterThan(0);
  for (const quote of quotes) expect(corpus.some((text) => text.includes(quote.text))).toBe(true);
  return quotes.map((q) => q.text).join("\n");
}

/** Resolves once the bot has logged that it finished with a message (or interaction), so what it keeps is kept. */
async function handled(harness: BotHarness, messageId?: string, interactionId?: string): Promise<void> {
  await waitForLog(harness, (l) => (messageId !== undefined && l.message === messageId && (l.verdict !== undefined || l.outcome !== undefined)) || (interactionId !== undefined && l.interaction === interactionId));
}

const isOriginalEdit = (interaction: { token: string }) => (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`) && r.status === 200;

describe("follow-up questions", () => {
  let harness: BotHarness;
  let now = Date.now();
  beforeAll(async () => {
    harness = await startHarness(suite.engine, {}, { clock: () => now });
  });
  afterAll(() => harness.stop());

  it("answers a reply to its answer as a follow-up, shows how it was understood, and quotes verbatim", async () => {
    const { standIn } = harness;
    const first = await replyTo(harness, ask(standIn, "who was Abu Haidar al-Khafaji?"));
    expect(searchedNoteIn(first.body.embeds[0].description)).toBeUndefined();
    const followUp = await replyTo(harness, ask(standIn, "where was his funeral?", { replyTo: first.posted }));
    expect(searchedNoteIn(followUp.body.embeds[0].description)).toBe("↪ where was Abu Haidar al-Khafaji's funeral?");
    expect(unescapeDiscord(followUp.body.embeds[0].title)).toBe("where was his funeral?");
    expect(verbatimQuotes(followUp.body)).toContain("Najaf");
    // And the reply to that reply still leans on the same person.
    const again = await replyTo(harness, ask(standIn, "how was he killed?", { replyTo: followUp.posted }));
    expect(searchedNoteIn(again.body.embeds[0].description)).toBe("↪ how was Abu Haidar al-Khafaji killed?");
    expect(verbatimQuotes(again.body)).toMatch(/Damascus/);
  });

  it("does not let the previous topic leak into a question that names its own subject", async () => {
    const { standIn } = harness;
    const first = await replyTo(harness, ask(standIn, "who was Abu Haidar al-Khafaji?"));
    const switched = await replyTo(harness, ask(standIn, "who represents Hamas in Baghdad?", { replyTo: first.posted }));
    const description: string = switched.body.embeds[0].description;
    expect(searchedNoteIn(description)).toBeUndefined();
    expect(description).not.toMatch(/Khafaji/);
    expect(verbatimQuotes(switched.body)).toContain("Mohammed al-Hafi");
  });

  it("continues the conversation of the answer a thread grew from, by mention and by /ask", async () => {
    const { standIn } = harness;
    const opening = standIn.sendCommand("ask", { question: "who is Esmail Qaani?", public: true });
    await standIn.waitForRequest(isOriginalEdit(opening));
    await handled(harness, undefined, opening.id);
    const answer = standIn.originalMessage(opening)!;
    const threadId = standIn.createThread(answer, "who is Esmail Qaani?");

    const inThread = await replyTo(harness, ask(standIn, "why did he visit baghdad?", { channelId: threadId }));
    expect(searchedNoteIn(inThread.body.embeds[0].description)).toBe("↪ why did Esmail Qaani visit baghdad?");
    expect(verbatimQuotes(inThread.body)).toMatch(/reorganise the Iraqi front|put aside their differences/);

    const command = standIn.sendCommand("ask", { question: "what did he ask the shiite factions to do?" }, { channelId: threadId });
    const edit = await standIn.waitForRequest(isOriginalEdit(command));
    expect(searchedNoteIn(edit.body.embeds[0].description)).toBe("↪ what did Esmail Qaani ask the shiite factions to do?");
    expect(verbatimQuotes(edit.body)).toContain("put aside their differences");
  });

  it("keeps two people's conversations in one channel apart", async () => {
    const { standIn } = harness;
    const alice = standIn.user("alice");
    const bob = standIn.user("bob");
    const aliceAnswer = await replyTo(harness, ask(standIn, "who was Abu Haidar al-Khafaji?", { author: alice }));
    const bobAnswer = await replyTo(harness, ask(standIn, "who is Esmail Qaani?", { author: bob }));

    const bobFollowUp = await replyTo(harness, ask(standIn, "why did he visit baghdad?", { author: bob, replyTo: bobAnswer.posted }));
    expect(searchedNoteIn(bobFollowUp.body.embeds[0].description)).toBe("↪ why did Esmail Qaani visit baghdad?");
    // Bob following up on Alice's answer gets his own copy of her conversation...
    const bobOnAlice = await replyTo(harness, ask(standIn, "who represents hamas in baghdad?", { author: bob, replyTo: aliceAnswer.posted }));
    expect(searchedNoteIn(bobOnAlice.body.embeds[0].description)).toBeUndefined();
    // ...so Alice's still ends with Khafaji, whatever Bob asked since.
    const aliceFollowUp = await replyTo(harness, ask(standIn, "where was his funeral?", { author: alice, replyTo: aliceAnswer.posted }));
    expect(searchedNoteIn(aliceFollowUp.body.embeds[0].description)).toBe("↪ where was Abu Haidar al-Khafaji's funeral?");
  });

  it("tells whoever follows up on an expired conversation, and still answers a question that stands alone", async () => {
    const { standIn } = harness;
    const opening = standIn.sendCommand("ask", { question: "who was Abu Haidar al-Khafaji?", public: true });
    await standIn.waitForRequest(isOriginalEdit(opening));
    const answer = standIn.originalMessage(opening)!;
    const threadId = standIn.createThread(answer, "Khafaji");
    const question = ask(standIn, "who is Esmail Qaani?");
    const first = await replyTo(harness, question);
    // The bot keeps the conversation once Discord has answered its reply; then the clock moves on.
    await handled(harness, undefined, opening.id);
    now += 31 * 60_000;

    // Told privately, in a direct message...
    const reader = standIn.user("reader");
    const late = ask(standIn, "why did he visit baghdad?", { replyTo: first.posted });
    const direct = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${standIn.dmChannels.get(reader.id)}/messages`);
    expect(direct.body).toMatchObject({ content: expiredConversationNotice(30), embeds: [], allowed_mentions: { parse: [] } });
    expect((await waitForLog(harness, (l) => l.message === late.id && l.outcome !== undefined)).privately).toBe(true);
    expect(standIn.requests.some((r) => r.body?.message_reference?.message_id === late.id)).toBe(false);
    // ...or in the channel when the person takes no direct messages.
    standIn.dmsClosed.add(reader.id);
    const expired = await replyTo(harness, ask(standIn, "and the houthis?", { replyTo: first.posted }));
    expect(expired.body.content).toBe(expiredConversationNotice(30));
    expect(expired.body.embeds).toEqual([]);

    const command = standIn.sendCommand("ask", { question: "where was his funeral?" }, { channelId: threadId });
    const notice = await standIn.waitForRequest((r) => r.path === `/interactions/${command.id}/${command.token}/callback`);
    expect(notice.body).toMatchObject({ type: 4, data: { content: expiredConversationNotice(30), flags: EPHEMERAL } });

    const standalone = await replyTo(harness, ask(standIn, "Where was Khafaji's funeral held?", { replyTo: first.posted }));
    expect(verbatimQuotes(standalone.body)).toContain("Najaf");
  });
});
