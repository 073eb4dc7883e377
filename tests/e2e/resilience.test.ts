/**
 * The bot under load and trouble, against the Discord stand-in with the real engine: bursts of
 * questions, REST rate limits, a dropped gateway connection, and shutting down mid-answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleText, startHarness, useEndToEndSuite, within, type BotHarness } from "../support/botHarness.js";
import { quotesIn } from "../support/discordMessages.js";
import type { RecordedRequest } from "../support/discordStandIn.js";

const QUESTIONS = [
  "Who is Esmail Qaani?",
  "Who attacked Eilat?",
  "How many drones and missiles have Iraqi militias launched at Israel?",
  "What is Kataib Hezbollah?",
  "Where is the Victoria military base?",
];

const suite = useEndToEndSuite();

const isOriginalEdit = (token: string) => (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200;

/** Each quote of an edited answer is verbatim text of its cited article. */
async function expectAnswerTo(question: string, edit: RecordedRequest): Promise<void> {
  const expected = await suite.engine.ask(question);
  const quotes = quotesIn(edit.body.embeds[0].description);
  expect(quotes.map((q) => q.citation)).toEqual(expected.excerpts.map((e) => e.citation));
  for (const quote of quotes) expect(articleText(expected.sources.find((s) => s.citation === quote.citation)!.file)).toContain(quote.text);
}

describe("a burst of questions", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine, { askCooldownSeconds: 10, maxAnswersInFlight: 20 });
  });
  afterAll(() => harness.stop());

  it("answers 20 concurrent /ask interactions from 20 people, each exactly once", async () => {
    const { standIn } = harness;
    const sent = Array.from({ length: 20 }, (_, i) => {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      return { question, interaction: standIn.sendCommand("ask", { question }, { user: standIn.user(`reader-${i}`) }) };
    });
    const edits = await Promise.all(sent.map(({ interaction }) => standIn.waitForRequest(isOriginalEdit(interaction.token), 30_000)));
    for (const [index, { question }] of sent.entries()) await expectAnswerTo(question, edits[index]!);

    // A last round trip, so a duplicate reply sent late would have arrived by now.
    const help = standIn.sendCommand("help");
    await standIn.waitForRequest((r) => r.path.includes(`/${help.token}/`));
    for (const { interaction } of sent) {
      const requests = standIn.requestsFor(interaction);
      expect(requests.map((r) => `${r.method} ${r.body?.type ?? ""}`)).toEqual(["POST 5", "PATCH "]);
    }
    expect(harness.bot.context.gate.inFlight).toBe(0);
  });
});

describe("REST rate limits", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(() => harness.stop());

  it("waits out a 429 with retry_after on an answer edit, then delivers it and keeps working", async () => {
    const { standIn } = harness;
    standIn.rateLimitNext("PATCH", /\/messages\/@original$/, 0.25);
    const question = "Who attacked Eilat?";
    const interaction = standIn.sendCommand("ask", { question });
    const edit = await standIn.waitForRequest(isOriginalEdit(interaction.token));
    await expectAnswerTo(question, edit);
    const attempts = standIn.requests.filter((r) => r.method === "PATCH" && r.path.includes(interaction.token));
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(harness.logs.some((line) => line.event === "rate-limited")).toBe(true);

    const next = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
    await expectAnswerTo("Who is Esmail Qaani?", await standIn.waitForRequest(isOriginalEdit(next.token)));
  });

  it("waits out a 429 on a mention reply", async () => {
    const { standIn } = harness;
    standIn.rateLimitNext("POST", new RegExp(`^/channels/${standIn.channelId}/messages$`), 0.25);
    const message = standIn.sendMessage(`<@${standIn.applicationId}> Who is Esmail Qaani?`);
    const isReply = (r: RecordedRequest) => r.body?.message_reference?.message_id === message.id;
    await standIn.waitForRequest((r) => isReply(r) && r.status === 200);
    expect(standIn.requests.filter(isReply).map((r) => r.status)).toEqual([429, 200]);
  });
});

describe("gateway interruptions", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(() => harness.stop());

  it("resumes the session after the gateway drops the connection, and answers what arrived meanwhile", async () => {
    const { standIn } = harness;
    const identifies = standIn.gatewayOps.filter((op) => op === 2).length;
    const resumed = standIn.nextSessionReady();
    standIn.dropGatewayConnections();
    // Sent while the bot is disconnected: the stand-in replays it on RESUME, as Discord does.
    const missed = standIn.sendCommand("ask", { question: "Who attacked Eilat?" });
    await within(10_000, resumed, "resuming the gateway session");

    expect(standIn.gatewayOps.filter((op) => op === 6)).toHaveLength(1);
    expect(standIn.gatewayOps.filter((op) => op === 2)).toHaveLength(identifies);
    await expectAnswerTo("Who attacked Eilat?", await standIn.waitForRequest(isOriginalEdit(missed.token)));

    const after = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
    await expectAnswerTo("Who is Esmail Qaani?", await standIn.waitForRequest(isOriginalEdit(after.token)));
    expect(harness.logs.some((line) => line.event === "shard-resumed")).toBe(true);
  });
});

describe("graceful shutdown", () => {
  it("finishes an answer in flight before disconnecting", async () => {
    const harness = await startHarness(suite.engine);
    const { standIn } = harness;
    const interaction = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
    // The deferral has reached Discord, so the answer is being worked on.
    await standIn.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(harness.bot.context.gate.inFlight).toBe(1);
    await harness.bot.shutdown();

    expect(standIn.requests.some(isOriginalEdit(interaction.token))).toBe(true);
    const shutdown = harness.logs.find((line) => line.event === "shutdown");
    expect(shutdown?.inFlight).toBe(1);
    expect(harness.logs.findIndex((line) => line.event === "disconnected")).toBeGreaterThan(harness.logs.indexOf(shutdown!));
    await standIn.close();
  });
});
