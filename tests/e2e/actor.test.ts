/**
 * /actor end to end: the real bot and the actor registry over the seed corpus, against the Discord
 * stand-in — registration, autocomplete interactions, profiles with verbatim quotes, unknown and
 * malformed names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../bot/registerCommands.js";
import { MENTIONED_IN } from "../../bot/render/actorEmbed.js";
import { ActorQueryError, MAX_ACTOR_QUERY_CHARS, parseActorQuery, resolveActor, type ActorProfile, type ActorRegistry } from "../../retrieval/actors/index.js";
import { articleText, startHarness, testActorRegistry, TEST_TOKEN, useEndToEndSuite, type BotHarness } from "../support/botHarness.js";
import { expectWithinDiscordLimits, quotesIn, unescapeDiscord } from "../support/discordMessages.js";
import type { RecordedRequest } from "../support/discordStandIn.js";

const EPHEMERAL = 64;
const CALLBACK = { reply: 4, autocomplete: 8 } as const;
const PINGS = /@everyone|@here|<@&?\d/;

let registry: ActorRegistry;
const suite = useEndToEndSuite();

beforeAll(async () => {
  registry = await testActorRegistry();
});


function isCallback(interaction: { id: string; token: string }) {
  return (request: RecordedRequest) => request.method === "POST" && request.path === `/interactions/${interaction.id}/${interaction.token}/callback` && request.status === 204;
}

/** The message a malformed name gets, as the registry words it. */
function queryErrorFor(name: string): string {
  try {
    parseActorQuery(name);
  } catch (error) {
    if (error instanceof ActorQueryError) return error.message;
  }
  throw new Error(`expected ${JSON.stringify(name)} to be rejected`);
}

function profileOf(name: string): ActorProfile {
  const answer = resolveActor(registry, name);
  if (!answer.actor) throw new Error(`expected the registry to know ${JSON.stringify(name)}`);
  return answer.actor;
}

describe("/actor", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine);
  });
  afterAll(async () => {
    // Every message body the bot sent respects the limits and allows no mentions.
    for (const request of harness.standIn.requests.filter((r) => r.body && r.method === "POST" && r.body.type === CALLBACK.reply)) {
      expectWithinDiscordLimits(request.body.data);
      expect(request.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    expect(harness.rawLogs.join("\n")).not.toContain(TEST_TOKEN);
    await harness.stop();
  });

  /** Runs /actor and returns the reply Discord got (the bot replies at once; the registry is in memory). */
  async function actor(options: Record<string, string | boolean>) {
    const interaction = harness.standIn.sendCommand("actor", options);
    const reply = await harness.standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.type).toBe(CALLBACK.reply);
    expect(harness.standIn.requestsFor(interaction)).toHaveLength(1);
    return reply.body.data;
  }

  async function autocomplete(typed: string): Promise<{ name: string; value: string }[]> {
    const interaction = harness.standIn.sendAutocomplete("actor", "name", typed);
    const reply = await harness.standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.type).toBe(CALLBACK.autocomplete);
    return reply.body.data.choices;
  }

  it("is registered with an autocompleted name of at most 200 characters", async () => {
    const { standIn } = harness;
    const registration = await registerCommands({ token: TEST_TOKEN, appId: standIn.applicationId, apiUrl: standIn.apiUrl, guildId: standIn.guildId });
    expect(registration.names).toContain("actor");
    const put = await standIn.waitForRequest((r) => r.method === "PUT" && r.path === `/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`);
    const command = put.body.find((c: { name: string }) => c.name === "actor");
    expect(command.options).toEqual([
      expect.objectContaining({ name: "name", type: 3, required: true, autocomplete: true, max_length: MAX_ACTOR_QUERY_CHARS }),
      expect.objectContaining({ name: "public", type: 5 }),
    ]);
  });

  it("autocompletes a few typed letters with canonical names, at most 25, each within 100 characters", async () => {
    const choices = await autocomplete("qaa");
    expect(choices[0]).toEqual({ name: "Esmail Qaani", value: "Esmail Qaani" });
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
      // Every choice looks up to the actor it names.
      expect(profileOf(choice.value).name).toBe(choice.value);
    }
  });

  it("autocompletes an empty box with the most mentioned actors, 25 at most", async () => {
    expect(registry.actors.length).toBeGreaterThan(25);
    const choices = await autocomplete("");
    expect(choices).toHaveLength(25);
    const mentions = choices.map((c) => registry.totalMentions(profileOf(c.value).id));
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });

  it("answers autocomplete for input that is no name with no choices", async () => {
    expect(await autocomplete("?!")).toEqual([]);
    expect(await autocomplete("x".repeat(MAX_ACTOR_QUERY_CHARS + 1))).toEqual([]);
  });

  it.each([
    ["Kataib Hezbolah", "Kataib Hezbollah"],
    ["ktaeb hezbollah", "Kataib Hezbollah"],
    ["Hezbollah Brigades", "Kataib Hezbollah"],
    ["Qaani", "Esmail Qaani"],
    ["al sudani", "Mohammed Shia' Al-Sudani"],
    ["Hashd al-Shaabi", "Popular Mobilization Forces"],
  ])("finds %s as %s", async (typed, canonical) => {
    const reply = await actor({ name: typed });
    expect(unescapeDiscord(reply.embeds[0].title)).toBe(canonical);
  });

  it("shows the PMF privately: names used, articles with mention counts, and quotes verbatim from the cited article", async () => {
    const profile = profileOf("PMF");
    const reply = await actor({ name: "PMF" });
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.embeds).toHaveLength(1);
    const embed = reply.embeds[0];
    expect(embed.title).toBe("Popular Mobilization Forces");

    const [header, aliases, ...rest] = embed.description.split("\n");
    expect(header).toBe(`**Armed group** · ${profile.mentions} mentions in ${profile.sources.length} articles`);
    for (const alias of ["Popular Mobilization Units", "Popular Mobilisation Forces", "PMF", "Hashd al-Shaabi"]) expect(unescapeDiscord(aliases!)).toContain(alias);
    expect(rest[0]).toBe("");

    const lines: string[] = embed.fields.find((f: { name: string }) => f.name === MENTIONED_IN).value.split("\n");
    expect(lines).toHaveLength(profile.sources.length);
    expect(profile.sources.reduce((sum, s) => sum + s.mentions, 0)).toBe(profile.mentions);
    for (const [index, source] of profile.sources.entries()) {
      expect(lines[index]!.startsWith(`**[${index + 1}]** `)).toBe(true);
      expect(unescapeDiscord(lines[index]!)).toContain(source.title);
      expect(lines[index]).toContain(`· ${source.mentions} mention${source.mentions === 1 ? "" : "s"}`);
    }

    const quotes = quotesIn(rest.slice(1).join("\n"));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes).toHaveLength(profile.excerpts.length);
    for (const [index, quote] of quotes.entries()) {
      const excerpt = profile.excerpts[index]!;
      const cited = profile.sources[quote.citation - 1]!;
      expect(cited.docId).toBe(excerpt.docId);
      expect(quote.cut).toBe(false);
      expect(quote.text).toBe(excerpt.text);
      const text = articleText(cited.file);
      expect(text).toContain(quote.text);
      expect(text.slice(excerpt.start, excerpt.end)).toBe(quote.text);
    }
    expect(quotes.map((q) => q.text).join(" ")).toMatch(/Popular Mobili[sz]ation|Hashd al-Shaabi|PMF/);
  });

  it("shows the profile to the channel with public:true", async () => {
    const reply = await actor({ name: "Qaani", public: true });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(reply.embeds[0].title).toBe("Esmail Qaani");
  });

  it("says plainly that an unknown name is no actor in the articles, with suggestions", async () => {
    const { suggestions } = resolveActor(registry, "Mohamed");
    expect(suggestions.length).toBeGreaterThan(0);
    const reply = await actor({ name: "Mohamed" });
    const embed = reply.embeds[0];
    expect(embed.title).toBe("No actor called “Mohamed” in the articles");
    for (const name of suggestions) expect(unescapeDiscord(embed.description)).toContain(`**${name}**`);
    expect(embed.description).not.toMatch(/^>/m);
  });

  it("never pings for a name holding @everyone and a role mention", async () => {
    const name = `@everyone <@&${harness.standIn.roleId}> @here Nobody`;
    const reply = await actor({ name, public: true });
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify({ content: reply.content, embeds: reply.embeds })).not.toMatch(PINGS);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["without letters", "1234 !!"],
    ["too long", "Kataib ".repeat(40)],
  ])("answers a name that is %s with the reason, privately", async (_, name) => {
    const reply = await actor({ name });
    expect(reply).toEqual(expect.objectContaining({ content: queryErrorFor(name), flags: EPHEMERAL, embeds: [], allowed_mentions: { parse: [], replied_user: false } }));
  });
});

describe("/actor in a channel the bot does not answer in", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine, (standIn) => ({ allowedChannelIds: [standIn.channelId] }));
  });
  afterAll(() => harness.stop());

  it("says where it answers, privately", async () => {
    const { standIn } = harness;
    const interaction = standIn.sendCommand("actor", { name: "PMF" }, { channelId: standIn.otherChannelId });
    const reply = await standIn.waitForRequest(isCallback(interaction));
    expect(reply.body.data).toMatchObject({ content: `I answer questions only in <#${standIn.channelId}>.`, flags: EPHEMERAL });
  });
});
