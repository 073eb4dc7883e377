/**
 * The real bot (discord.js client, commands, rendering) with the real answer engine, against the
 * Discord stand-in: what people see when they use /ask, mentions, More passages, /sources and /help.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILURE_NOTICE } from "../../bot/answering.js";
import { expiredNotice } from "../../bot/morePassages.js";
import { registerCommands } from "../../bot/registerCommands.js";
import { RELATED_PREFIX } from "../../bot/render/answerEmbed.js";
import { COVERAGE_HEADING, REFUSAL_TITLE, SMALL_TALK_TITLES } from "../../bot/render/refusal.js";
import { MAX_QUESTION_CHARS, parseQuestion, QuestionError } from "../../retrieval/question.js";
import type { Answer, Verdict } from "../../retrieval/types.js";
import { articleText, startHarness, TEST_TOKEN, useEndToEndSuite, type BotHarness } from "../support/botHarness.js";
import { expectWithinDiscordLimits, quotesIn, reasonIn, searchedNoteIn, unescapeDiscord } from "../support/discordMessages.js";
import type { RecordedRequest } from "../support/discordStandIn.js";

const EPHEMERAL = 64;
const CALLBACK = { reply: 4, defer: 5 } as const;

const suite = useEndToEndSuite();

/** The message a rejected question gets, as the engine words it. */
function questionErrorFor(question: string): string {
  try {
    parseQuestion(question);
  } catch (error) {
    if (error instanceof QuestionError) return error.message;
  }
  throw new Error(`expected ${JSON.stringify(question)} to be rejected`);
}

/** Every quote is verbatim text of the article its citation names, in the engine's order. */
function expectVerbatimQuotes(description: string, excerpts: Answer["excerpts"], answer: Answer): void {
  const quotes = quotesIn(description);
  expect(quotes.map((quote) => quote.citation)).toEqual(excerpts.map((excerpt) => excerpt.citation));
  for (const quote of quotes) {
    const source = answer.sources.find((s) => s.citation === quote.citation);
    expect(source).toBeDefined();
    expect(quote.text.length).toBeGreaterThan(20);
    expect(articleText(source!.file)).toContain(quote.text);
  }
}

function isCallback(interaction: { id: string; token: string }) {
  return (request: RecordedRequest) => request.method === "POST" && request.path === `/interactions/${interaction.id}/${interaction.token}/callback` && request.status === 204;
}

function isOriginalEdit(interaction: { token: string }) {
  return (request: RecordedRequest) => request.method === "PATCH" && request.path.endsWith(`/${interaction.token}/messages/@original`) && request.status === 200;
}

/** Every body the bot sent respects the limits and allows no mentions. */
function expectSafeBodies(requests: RecordedRequest[]): void {
  for (const request of requests.filter((r) => r.body && r.method !== "PUT")) {
    const message = request.body.data ?? request.body;
    if (request.body.type === CALLBACK.defer) continue;
    expectWithinDiscordLimits(message);
    expect(message.allowed_mentions?.parse).toEqual([]);
  }
}

describe("command registration", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(() => harness.stop());

  it("registers /ask, /actor, /sources, /help, /ingest, /remove-article and /settings to one server, or globally", async () => {
    const { standIn } = harness;
    const target = { token: TEST_TOKEN, appId: standIn.applicationId, apiUrl: standIn.apiUrl };
    const inGuild = await registerCommands({ ...target, guildId: standIn.guildId });
    expect(inGuild).toEqual({ scope: "guild", names: ["ask", "actor", "sources", "help", "ingest", "remove-article", "settings"] });
    const put = await standIn.waitForRequest((r) => r.method === "PUT" && r.path === `/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`);
    const ask = put.body.find((command: { name: string }) => command.name === "ask");
    expect(ask.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true, max_length: MAX_QUESTION_CHARS }),
      expect.objectContaining({ name: "public", type: 5 }),
    ]);

    expect(await registerCommands(target)).toEqual({ scope: "global", names: ["ask", "actor", "sources", "help", "ingest", "remove-article", "settings"] });
    await standIn.waitForRequest((r) => r.method === "PUT" && r.path === `/applications/${standIn.applicationId}/commands`);
  });
});

describe("answering", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(async () => {
    expectSafeBodies(harness.standIn.requests);
    expect(harness.rawLogs.join("\n")).not.toContain(TEST_TOKEN);
    await harness.stop();
  });

  it("/ask defers privately at once, then edits in quotes that are verbatim corpus text, with sources", async () => {
    const { standIn } = harness;
    const question = "Who is Esmail Qaani?";
    const expected = await suite.engine.ask(question);
    expect(expected.answered).toBe(true);

    const interaction = standIn.sendCommand("ask", { question });
    const edit = await standIn.waitForRequest(isOriginalEdit(interaction));
    const requests = standIn.requestsFor(interaction);
    expect(requests.map((r) => `${r.method} ${r.body?.type ?? ""}`)).toEqual([`POST ${CALLBACK.defer}`, "PATCH "]);
    expect(requests[0]!.body.data.flags).toBe(EPHEMERAL);

    const embed = edit.body.embeds[0];
    expect(edit.body.embeds).toHaveLength(1);
    expect(unescapeDiscord(embed.title)).toBe(question);
    expectVerbatimQuotes(embed.description, expected.excerpts, expected);
    const sourceLines = embed.fields[0].value.split("\n");
    for (const citation of new Set(expected.excerpts.map((e) => e.citation))) {
      const source = expected.sources.find((s) => s.citation === citation)!;
      const line = sourceLines.find((l: string) => l.startsWith(`**[${citation}]** `));
      expect(unescapeDiscord(line)).toContain(source.title);
      if (source.publisher) expect(line).toContain(source.publisher);
      if (source.date) expect(line).toContain(source.date);
    }
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("/ask with public:true defers visibly", async () => {
    const interaction = harness.standIn.sendCommand("ask", { question: "Who attacked Eilat?", public: true });
    await harness.standIn.waitForRequest(isOriginalEdit(interaction));
    const [deferral] = harness.standIn.requestsFor(interaction);
    expect(deferral!.body.type).toBe(CALLBACK.defer);
    expect((deferral!.body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it("answers a mention as a reply, without the Message Content intent", async () => {
    const { standIn } = harness;
    const question = "Who attacked Eilat?";
    const expected = await suite.engine.ask(question);
    const message = standIn.sendMessage(`<@${standIn.applicationId}> ${question}`);
    const reply = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${standIn.channelId}/messages` && r.body?.message_reference?.message_id === message.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(unescapeDiscord(reply.body.embeds[0].title)).toBe(question);
    expectVerbatimQuotes(reply.body.embeds[0].description, expected.excerpts, expected);
    // The bot identified with Guilds + GuildMessages only: no privileged Message Content intent (1 << 15).
    expect(harness.bot.client.options.intents.has(1 << 15)).toBe(false);
  });

  it("pages through further passages with the More passages button", async () => {
    const { standIn } = harness;
    const question = "Who is Esmail Qaani?";
    const expected = await suite.engine.ask(question);
    expect(expected.morePassages.length).toBeGreaterThan(3);

    const ask = standIn.sendCommand("ask", { question });
    const edit = await standIn.waitForRequest(isOriginalEdit(ask));
    const button = edit.body.components[0].components[0];
    expect(button.label).toBe("More passages");

    let message = standIn.originalMessage(ask)!;
    let customId: string | undefined = button.custom_id;
    let shown = 0;
    let pages = 0;
    while (customId) {
      const click = standIn.clickButton(message, customId, { user: standIn.user("someone-else") });
      const reply = await standIn.waitForRequest(isCallback(click));
      expect(reply.body.type).toBe(CALLBACK.reply);
      expect(reply.body.data.flags).toBe(EPHEMERAL);
      const page = reply.body.data.embeds[0];
      const excerpts = expected.morePassages.slice(shown, shown + 3);
      expectVerbatimQuotes(page.description, excerpts, expected);
      expect(page.footer.text).toContain(`Further passages ${shown + 1}–${shown + excerpts.length} of ${expected.morePassages.length}`);
      shown += excerpts.length;
      pages += 1;
      customId = reply.body.data.components?.[0]?.components[0]?.custom_id;
      message = standIn.originalMessage(click)!;
    }
    expect(shown).toBe(expected.morePassages.length);
    expect(pages).toBe(Math.ceil(expected.morePassages.length / 3));
  });

  it("tells whoever clicks an expired More passages button, privately", async () => {
    const { standIn } = harness;
    const ask = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
    await standIn.waitForRequest(isOriginalEdit(ask));
    const click = standIn.clickButton(standIn.originalMessage(ask)!, "more:expiredAnswr:0");
    const reply = await standIn.waitForRequest(isCallback(click));
    expect(reply.body.data).toMatchObject({ content: expiredNotice(harness.bot.context.pages.ttlMinutes), flags: EPHEMERAL });
  });

  it("/sources lists every corpus article with its publisher and date", async () => {
    const interaction = harness.standIn.sendCommand("sources");
    const reply = await harness.standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.type).toBe(CALLBACK.reply);
    const lines: string[] = reply.body.data.embeds.flatMap((embed: { description: string }) => embed.description.split("\n"));
    const articles = suite.engine.articles();
    expect(lines).toHaveLength(articles.length);
    for (const [index, article] of articles.entries()) {
      expect(unescapeDiscord(lines[index]!)).toContain(article.title);
      if (article.publisher) expect(lines[index]).toContain(article.publisher);
      if (article.date) expect(lines[index]).toContain(article.date);
      if (article.duplicateOf) expect(lines[index]).toContain("copy of");
    }
  });

  it("/help explains the commands privately", async () => {
    const interaction = harness.standIn.sendCommand("help");
    const reply = await harness.standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.embeds[0].description).toContain("/ask");
  });

  it("refuses an off-topic question, and the reply reads as a refusal", async () => {
    const question = "What is the recipe for a chocolate cake?";
    const expected = await suite.engine.ask(question);
    expect(expected.answered).toBe(false);
    const interaction = harness.standIn.sendCommand("ask", { question });
    const edit = await harness.standIn.waitForRequest(isOriginalEdit(interaction));
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe(REFUSAL_TITLE);
    expect(unescapeDiscord(embed.description)).toContain(expected.refusal);
    expect(embed.description).not.toMatch(/^>/m);
    expect(edit.body.components).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["1,000+ characters", "Who leads the Iraqi militias ".repeat(40)],
  ])("answers a %s question with the reason, privately and without deferring", async (_, question) => {
    const interaction = harness.standIn.sendCommand("ask", { question });
    const reply = await harness.standIn.waitForRequest(isCallback(interaction));
    expect(reply.body).toEqual({
      type: CALLBACK.reply,
      data: expect.objectContaining({ content: questionErrorFor(question), flags: EPHEMERAL, allowed_mentions: { parse: [], replied_user: false } }),
    });
    expect(harness.standIn.requestsFor(interaction)).toHaveLength(1);
  });

  it("answers an empty mention with the reason", async () => {
    const { standIn } = harness;
    const message = standIn.sendMessage(`<@${standIn.applicationId}>`);
    const reply = await standIn.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === message.id);
    expect(reply.body.content).toBe(questionErrorFor(""));
  });

  it("never pings for a question holding @everyone and a role mention, and escapes its Markdown", async () => {
    const { standIn } = harness;
    const question = `@everyone <@&${standIn.roleId}> @here who **attacked** Eilat?`;
    const pings = /@everyone|@here|<@&\d/;

    const interaction = standIn.sendCommand("ask", { question, public: true });
    const edit = await standIn.waitForRequest(isOriginalEdit(interaction));
    const message = standIn.sendMessage(`<@${standIn.applicationId}> ${question}`);
    const reply = await standIn.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === message.id);

    for (const body of [edit.body, reply.body]) {
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(JSON.stringify({ content: body.content, embeds: body.embeds })).not.toMatch(pings);
      // The markup is no part of the question; the words are, with their Markdown shown, not applied
      // (after the related note, which the engine may give this question: its verdict is not what is tested here).
      const shownQuestion = "who \\*\\*attacked\\*\\* Eilat?";
      expect([shownQuestion, `${RELATED_PREFIX}${shownQuestion}`]).toContain(body.embeds[0].title);
      expect(quotesIn(body.embeds[0].description).length).toBeGreaterThan(0);
    }
  });
});

/** The engine's answer to a question picked for its verdict, failing loudly if the engine no longer gives it that verdict. */
async function askExpecting(question: string, verdict: Verdict): Promise<Answer> {
  const answer = await suite.engine.ask(question);
  expect(answer.verdict, `the engine's verdict for ${JSON.stringify(question)}`).toBe(verdict);
  return answer;
}

/** The two ways to ask, each returning the body of the bot's reply. */
const ASKING_WAYS = {
  "/ask": async ({ standIn }: BotHarness, question: string) => (await standIn.waitForRequest(isOriginalEdit(standIn.sendCommand("ask", { question })))).body,
  "a mention": async ({ standIn }: BotHarness, question: string) => {
    const message = standIn.sendMessage(`<@${standIn.applicationId}> ${question}`);
    const isReply = (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${standIn.channelId}/messages` && r.body?.message_reference?.message_id === message.id;
    return (await standIn.waitForRequest(isReply)).body;
  },
} as const;

describe.each(Object.keys(ASKING_WAYS) as (keyof typeof ASKING_WAYS)[])("related and off-topic questions, asked with %s", (way) => {
  let harness: BotHarness;
  const ask = (question: string) => ASKING_WAYS[way](harness, question);
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(async () => {
    expectSafeBodies(harness.standIn.requests);
    await harness.stop();
  });

  it("answers thanks with a line, and help with how to ask and what the articles cover, pinging no one", async () => {
    const thanks = await ask("thanks!!");
    expect(thanks.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(thanks.content).toMatch(/^Glad to help/);
    expect(thanks.embeds ?? []).toEqual([]);
    const help = await ask("hey, how does this work?");
    expectWithinDiscordLimits(help);
    expect(help.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(help.embeds[0].title).toBe(SMALL_TALK_TITLES.help);
    expect(help.embeds[0].description).toContain("/actor");
    expect(help.embeds[0].description).toContain(COVERAGE_HEADING);
  });

  it("answers an off-topic question with no quotes and the corpus's stories, each once", async () => {
    const question = "how do i make a sourdough starter";
    const expected = await askExpecting(question, "none");
    const body = await ask(question);
    expectWithinDiscordLimits(body);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.components).toEqual([]);
    const embed = body.embeds[0];
    expect(embed.title).toBe(REFUSAL_TITLE);
    expect(embed.description).not.toMatch(/^>/m);
    expect(unescapeDiscord(embed.description)).toContain(expected.refusal);

    const coverage: string = embed.description.split("\n\n").find((paragraph: string) => paragraph.startsWith(COVERAGE_HEADING));
    const lines = coverage.split("\n").slice(1).map(unescapeDiscord);
    const stories = suite.engine.articles().filter((article) => !article.duplicateOf);
    expect(stories.length).toBeLessThan(suite.engine.articles().length);
    expect(lines).toHaveLength(stories.length);
    for (const story of stories) {
      const line = lines.find((l) => l.startsWith(`• **${story.title}**`));
      expect(line, story.title).toBeDefined();
      if (story.publisher) expect(line).toContain(story.publisher);
    }
  });

  it("titles a related answer as not confirmed, and quotes verbatim slices of the cited articles", async () => {
    const question = "where was esmail qaani born";
    const expected = await askExpecting(question, "related");
    const body = await ask(question);
    expectWithinDiscordLimits(body);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = body.embeds[0];
    expect(unescapeDiscord(embed.title)).toBe(`${RELATED_PREFIX}${question}`);
    expect(reasonIn(embed.description)).toBe(expected.refusal);
    expectVerbatimQuotes(embed.description, expected.excerpts, expected);
    for (const citation of new Set(expected.excerpts.map((e) => e.citation))) {
      const source = expected.sources.find((s) => s.citation === citation)!;
      expect(unescapeDiscord(embed.fields[0].value)).toContain(`[${citation}]** ${source.title}`);
    }
  });

  it("says which words it read as others", async () => {
    const question = "who is sistany";
    const expected = await suite.engine.ask(question);
    expect(expected.rewrites).toEqual([{ from: "sistany", to: "Sistani", kind: "spelling" }]);
    const body = await ask(question);
    expect(searchedNoteIn(body.embeds[0].description)).toBe("Read “sistany” as “Sistani”");
    expect(unescapeDiscord(body.embeds[0].title)).toBe(question);
  });
});

describe("limits and channels", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine, { askCooldownSeconds: 60 });
  });
  afterAll(() => harness.stop());

  it("tells a person over the cooldown, privately, when to ask again", async () => {
    const { standIn } = harness;
    const user = standIn.user("eager");
    const first = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" }, { user });
    await standIn.waitForRequest(isOriginalEdit(first));
    const second = standIn.sendCommand("ask", { question: "Who attacked Eilat?" }, { user });
    const reply = await standIn.waitForRequest(isCallback(second));
    expect(reply.body.type).toBe(CALLBACK.reply);
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    const retryAt = Number(/<t:(\d+):R>/.exec(reply.body.data.content)?.[1]);
    expect(retryAt * 1000).toBeGreaterThan(Date.now());
    expect(retryAt * 1000).toBeLessThanOrEqual(Date.now() + 61_000);

    // Someone else is not held up by that person's cooldown.
    const other = standIn.sendCommand("ask", { question: "Who attacked Eilat?" }, { user: standIn.user("patient") });
    await standIn.waitForRequest(isOriginalEdit(other));
  });
});

describe("allowed channels", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine, (standIn) => ({ allowedChannelIds: [standIn.channelId] }));
  });
  afterAll(() => harness.stop());

  it("answers /ask elsewhere with where it answers, privately", async () => {
    const { standIn } = harness;
    const interaction = standIn.sendCommand("ask", { question: "Who attacked Eilat?" }, { channelId: standIn.otherChannelId });
    const reply = await standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.data).toMatchObject({ content: `I answer questions only in <#${standIn.channelId}>.`, flags: EPHEMERAL });
  });

  it("ignores mentions outside the allowed channels", async () => {
    const { standIn } = harness;
    const ignored = standIn.sendMessage(`<@${standIn.applicationId}> Who attacked Eilat?`, { channelId: standIn.otherChannelId });
    const answered = standIn.sendMessage(`<@${standIn.applicationId}> Who attacked Eilat?`);
    // Messages are handled in order, so once the second is answered the first has been passed over.
    await standIn.waitForRequest((r) => r.body?.message_reference?.message_id === answered.id);
    expect(standIn.requests.filter((r) => r.body?.message_reference?.message_id === ignored.id)).toEqual([]);
    expect(standIn.requests.filter((r) => r.path === `/channels/${standIn.otherChannelId}/messages`)).toEqual([]);
  });
});

describe("failures", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    // The real engine, except that answering fails the way a broken index would.
    const failing = { articles: () => suite.engine.articles(), health: () => suite.engine.health(), ask: () => Promise.reject(new Error("chunk vectors are missing")) };
    harness = await startHarness(failing);
  });
  afterAll(() => harness.stop());

  const failureLogged = (id: string) =>
    harness.logs.find((line) => (line.interaction === id || line.message === id) && (line.err as { message?: string } | undefined)?.message === "chunk vectors are missing");

  it("tells the asker privately and logs the detail, for a private /ask", async () => {
    const interaction = harness.standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
    const edit = await harness.standIn.waitForRequest(isOriginalEdit(interaction));
    expect(edit.body.content).toBe(FAILURE_NOTICE);
    expect(edit.body.embeds).toEqual([]);
    expect(failureLogged(interaction.id)?.level).toBe("error");
  });

  it("replaces a public deferral with a private message", async () => {
    const { standIn } = harness;
    const interaction = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?", public: true });
    const followUp = await standIn.waitForRequest((r) => r.method === "POST" && r.path.endsWith(`/webhooks/${standIn.applicationId}/${interaction.token}`));
    expect(followUp.body).toMatchObject({ content: FAILURE_NOTICE, flags: EPHEMERAL });
    expect(standIn.requestsFor(interaction).map((r) => r.method)).toEqual(["POST", "DELETE", "POST"]);
    expect(failureLogged(interaction.id)).toBeDefined();
  });

  it("replies to a mention with the short message", async () => {
    const { standIn } = harness;
    const message = standIn.sendMessage(`<@${standIn.applicationId}> Who is Esmail Qaani?`);
    const reply = await standIn.waitForRequest((r) => r.body?.message_reference?.message_id === message.id);
    expect(reply.body.content).toBe(FAILURE_NOTICE);
    expect(failureLogged(message.id)).toBeDefined();
    expect(harness.bot.context.gate.inFlight).toBe(0);
  });
});
