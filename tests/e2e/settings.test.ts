/**
 * /settings through the real bot against the Discord stand-in: only members with Manage Server,
 * channels checked against the server's, and every setting read on the next question (channels,
 * cooldown, answers in threads, with and without the permission to start one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedChannelsNotice } from "../../bot/answering.js";
import { MANAGE_SERVER_NEEDED, notAChannelNotice } from "../../bot/commands/settings.js";
import { startHarness, useEndToEndSuite, waitForLog, type BotHarness } from "../support/botHarness.js";
import { searchedNoteIn } from "../support/discordMessages.js";
import type { RecordedRequest } from "../support/discordStandIn.js";

const EPHEMERAL = 64;
/** The stand-in's @everyone permissions plus Manage Server (1 << 5). */
const MANAGER = (1071698660929n | (1n << 5n)).toString();
const suite = useEndToEndSuite();

const callbackOf = (interaction: { id: string; token: string }) => (r: RecordedRequest) => r.method === "POST" && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`;

describe("/settings", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(() => harness.stop());

  async function settings(subcommand: string, options: Record<string, string | number | boolean> = {}, permissions = MANAGER): Promise<string> {
    const command = harness.standIn.sendCommand("settings", options, { subcommand, permissions, user: harness.standIn.user("admin") });
    const reply = await harness.standIn.waitForRequest(callbackOf(command));
    expect(reply.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    return reply.body.data.content;
  }

  it("is denied, privately, to a member without Manage Server, and changes nothing", async () => {
    expect(await settings("cooldown", { seconds: 99 }, "1071698660929")).toBe(MANAGE_SERVER_NEEDED);
    expect(await settings("show", {}, "0")).toBe(MANAGE_SERVER_NEEDED);
    expect(harness.bot.context.db.settings(harness.standIn.guildId)).toEqual({});
  });

  it("shows the defaults, then restricts answers to the channels given, and says plainly when a value is not a channel", async () => {
    const { standIn } = harness;
    expect(await settings("show")).toMatch(/Channels I answer in: every channel I can see \(default\)/);
    expect(await settings("channels", { channels: `<#${standIn.channelId}> general` })).toBe(notAChannelNotice("general"));
    expect(await settings("channels", { channels: "<#123456789012345678>" })).toBe(notAChannelNotice("<#123456789012345678>"));
    expect(harness.bot.context.db.settings(standIn.guildId)).toEqual({});

    expect(await settings("channels", { channels: `<#${standIn.otherChannelId}>` })).toContain(`Channels I answer in: <#${standIn.otherChannelId}> (set here)`);
    const ask = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" }, { channelId: standIn.channelId });
    expect((await standIn.waitForRequest(callbackOf(ask))).body.data.content).toBe(allowedChannelsNotice({ allowedChannelIds: [standIn.otherChannelId] }));
    expect(await settings("channels", { channels: "default" })).toMatch(/every channel I can see \(default\)/);
  });

  it("applies a server's cooldown to the next question", async () => {
    const { standIn } = harness;
    expect(await settings("cooldown", { seconds: 120 })).toContain("Cooldown between one person's questions: 120 s (set here)");
    const asker = standIn.user("hasty");
    const first = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" }, { user: asker });
    expect((await standIn.waitForRequest(callbackOf(first))).body.type).toBe(5);
    const second = standIn.sendCommand("ask", { question: "Who is Daniel Hagari?" }, { user: asker });
    expect((await standIn.waitForRequest(callbackOf(second))).body.data.content).toMatch(/^You asked a moment ago; you can ask again <t:\d+:R>\.$/);
    await settings("cooldown", { seconds: 0 });
  });

  it("answers a mention in a new thread named from the question when threads are on, and follow-ups there continue it", async () => {
    const { standIn } = harness;
    expect(await settings("threads", { enabled: true })).toContain("Answer mentions in a new thread: on (set here)");
    const question = standIn.sendMessage(`<@${standIn.applicationId}> who was Abu Haidar al-Khafaji?`, { author: standIn.user("threader") });
    const started = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${standIn.channelId}/messages/${question.id}/threads`);
    expect(started.body.name).toBe("who was Abu Haidar al-Khafaji?");
    const answer = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${question.id}/messages`);
    expect(answer.body.embeds[0].description).toMatch(/Khafaji/);
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const logged = await waitForLog(harness, (l) => l.event === "mention" && l.message === question.id && l.verdict !== undefined);
    expect(logged.thread).toBe(true);

    const followUp = standIn.sendMessage(`<@${standIn.applicationId}> where was his funeral?`, { author: standIn.user("threader"), channelId: question.id });
    const reply = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${question.id}/messages` && r.body?.message_reference?.message_id === followUp.id);
    expect(searchedNoteIn(reply.body.embeds[0].description)).toBe("↪ where was Abu Haidar al-Khafaji's funeral?");
  });

  it("answers in place when it may not start a thread, and logs why once", async () => {
    const { standIn } = harness;
    standIn.threadsDenied.add(standIn.channelId);
    for (const q of ["Who is Esmail Qaani?", "Who is Daniel Hagari?"]) {
      const message = standIn.sendMessage(`<@${standIn.applicationId}> ${q}`, { author: standIn.user(`denied-${q}`) });
      const reply = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${standIn.channelId}/messages` && r.body?.message_reference?.message_id === message.id);
      expect(reply.body.embeds).toHaveLength(1);
    }
    expect(harness.logs.filter((l) => l.event === "thread-not-started")).toHaveLength(1);
    standIn.threadsDenied.delete(standIn.channelId);
    await settings("threads", { enabled: false });
  });
});
