import { describe, expect, it } from "vitest";
import { MENTIONED_IN, MENTIONED_WITH, renderActorAnswer, renderActorNotFound, renderActorProfile } from "../../bot/render/actorEmbed.js";
import type { ActorExcerpt, ActorProfile, ActorSource } from "../../retrieval/actors/index.js";
import type { ArticleInfo } from "../../retrieval/types.js";
import { expectWithinDiscordLimits, quotesIn, unescapeDiscord } from "../support/discordMessages.js";

const PINGS = /@everyone|@here|<@&?\d/;

function source(n: number, mentions: number, extra: Partial<ActorSource> = {}): ActorSource {
  return { docId: `doc-${n}`, file: `corpus/articles/doc-${n}.txt`, title: `Article number ${n}`, mentions, ...extra };
}

function article(n: number, extra: Partial<ArticleInfo> = {}): ArticleInfo {
  return { docId: `doc-${n}`, file: `corpus/articles/doc-${n}.txt`, title: `Article number ${n}`, publisher: "The Daily Test", date: "2024-10-01", characters: 1000, ...extra };
}

function excerpt(n: number, text: string): ActorExcerpt {
  return { text, docId: `doc-${n}`, file: `corpus/articles/doc-${n}.txt`, start: 100, end: 100 + text.length, title: `Article number ${n}`, score: 0.9 };
}

function profile(extra: Partial<ActorProfile> = {}): ActorProfile {
  return {
    id: "kataib-hezbollah",
    name: "Kataib Hezbollah",
    kind: "armed group",
    curated: true,
    aliases: ["Ktaeb Hezbollah", "Hezbollah Brigades"],
    otherAliases: ["KH"],
    mentions: 9,
    sources: [source(2, 5), source(1, 2, { copyOf: "corpus/articles/doc-2.txt" }), source(3, 2)],
    excerpts: [
      excerpt(2, "Ktaeb Hezbollah (Hezbollah Brigades) is the most powerful of the militias."),
      excerpt(3, "Abu Haidar al-Khafaji, a senior leader from the Iraqi militia Kataib Hezbollah, was killed."),
    ],
    related: [
      { id: "israel", name: "Israel", kind: "state", sentences: 4 },
      { id: "babylon-front", name: "Babylon Front", kind: "unknown", sentences: 1 },
    ],
    ...extra,
  };
}

const sentence = (n: number) => `Sentence ${n} says the militia, a group of fighters, struck the base on Tuesday night.`;
const longText = (sentences: number) => Array.from({ length: sentences }, (_, i) => sentence(i)).join(" ");

/** The quote blocks after the description's header (kind and counts, then the names used). */
function quotesOf(message: ReturnType<typeof renderActorProfile>) {
  return quotesIn(message.embeds[0]!.description!.split("\n\n").slice(1).join("\n\n"));
}

function field(message: ReturnType<typeof renderActorProfile>, name: string): string {
  const found = message.embeds[0]!.fields?.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found.value;
}

describe("renderActorProfile", () => {
  const articles = [article(1, { publisher: "Al Majalla" }), article(2), article(3, { date: "2024-09-26" })];

  it("shows the canonical name, kind, names used, articles with counts, verbatim quotes and related actors", () => {
    const actor = profile();
    const message = renderActorProfile(actor, articles);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(message.embeds).toHaveLength(1);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe("Kataib Hezbollah");

    const [header, aliases] = embed.description!.split("\n");
    expect(header).toBe("**Armed group** · 9 mentions in 3 articles");
    expect(aliases).toBe("Also called Ktaeb Hezbollah, Hezbollah Brigades");
    expect(embed.description).not.toContain("KH");

    const lines = field(message, MENTIONED_IN).split("\n");
    expect(lines).toEqual([
      "**[1]** Article number 2 — The Daily Test, 2024-10-01 · 5 mentions",
      "**[2]** Article number 1 — Al Majalla, 2024-10-01 · 2 mentions *(copy of [1])*",
      "**[3]** Article number 3 — The Daily Test, 2024-09-26 · 2 mentions",
    ]);

    // Quotes come after the header; [n] is the position of the quoted article under "Mentioned in".
    const quotes = quotesOf(message);
    expect(quotes).toEqual([
      { text: actor.excerpts[0]!.text, citation: 1, cut: false },
      { text: actor.excerpts[1]!.text, citation: 3, cut: false },
    ]);

    expect(field(message, MENTIONED_WITH)).toBe("**Israel** (state) · named together in 4 sentences\n**Babylon Front** · named together in 1 sentence");
    expect(embed.footer?.text).toContain("word for word");
  });

  it("says a copy's original is another article when that one does not mention the actor", () => {
    const message = renderActorProfile(profile({ sources: [source(1, 1, { copyOf: "corpus/articles/doc-9.txt" })], excerpts: [] }), articles);
    expect(field(message, MENTIONED_IN)).toBe("**[1]** Article number 1 — Al Majalla, 2024-10-01 · 1 mention *(copy of another article)*");
  });

  it("has no quote block and no related field when the profile has neither", () => {
    const message = renderActorProfile(profile({ excerpts: [], related: [], aliases: [] }), articles);
    expect(message.embeds[0]!.description).toBe("**Armed group** · 9 mentions in 3 articles");
    expect(message.embeds[0]!.fields!.map((f) => f.name)).toEqual([MENTIONED_IN]);
  });

  it("escapes names, aliases, titles and quotes so nothing pings or formats, and keeps the words", () => {
    const hostile = "@everyone **Brigades** <@&123456789012345678> @here";
    const quoteText = "Officials said @everyone in <@&123456789012345678> should _leave_ at once.";
    const actor = profile({
      name: `${hostile} Group`,
      aliases: [hostile],
      sources: [source(1, 3, { title: hostile })],
      excerpts: [excerpt(1, quoteText)],
      related: [{ id: "x", name: hostile, kind: "person", sentences: 2 }],
    });
    const message = renderActorProfile(actor, [article(1, { publisher: "@here News" })]);
    expect(JSON.stringify(message.embeds)).not.toMatch(PINGS);
    const embed = message.embeds[0]!;
    expect(unescapeDiscord(embed.title!)).toBe(`${hostile} Group`);
    expect(embed.title).toContain("\\*\\*Brigades\\*\\*");
    expect(unescapeDiscord(embed.description!.split("\n")[1]!)).toBe(`Also called ${hostile}`);
    const quotes = quotesOf(message);
    expect(quotes).toEqual([{ text: quoteText, citation: 1, cut: false }]);
    expect(unescapeDiscord(field(message, MENTIONED_IN))).toContain(hostile);
    expect(unescapeDiscord(field(message, MENTIONED_WITH))).toContain(hostile);
  });

  it("stays within every Discord limit with huge inputs, cutting quotes at a sentence end with a visible mark", () => {
    const longTitle = "A very long headline about the militias and the ceasefire talks in the region ".repeat(10);
    const sources = Array.from({ length: 400 }, (_, i) => source(i + 1, 1000 - i, { title: longTitle, ...(i % 3 === 0 ? { copyOf: `corpus/articles/doc-${i + 2}.txt` } : {}) }));
    // The quotes cite articles far down the list: their lines must still be shown.
    const excerpts = [excerpt(398, longText(300)), excerpt(399, longText(200)), excerpt(400, longText(100))];
    const actor = profile({
      name: "Name ".repeat(2000),
      aliases: Array.from({ length: 500 }, (_, i) => `Alias number ${i} `.repeat(20)),
      mentions: 123_456,
      sources,
      excerpts,
      related: Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, name: `Related actor ${i} `.repeat(30), kind: "person" as const, sentences: 60 - i })),
    });
    const articles = sources.map((_, i) => article(i + 1, { publisher: "Publisher ".repeat(50), date: "2024-10-01".repeat(10) }));
    const message = renderActorProfile(actor, articles);
    expectWithinDiscordLimits(message);

    const embed = message.embeds[0]!;
    const quotes = quotesOf(message);
    expect(quotes.map((q) => q.citation)).toEqual([398, 399, 400]);
    for (const [index, quote] of quotes.entries()) {
      expect(quote.cut).toBe(true);
      expect(excerpts[index]!.text.startsWith(quote.text)).toBe(true);
      expect(quote.text).toMatch(/night\.$/);
      expect(quote.text.length).toBeGreaterThan(500);
    }

    const lines = field(message, MENTIONED_IN).split("\n");
    for (const citation of [398, 399, 400]) expect(lines.some((line) => line.startsWith(`**[${citation}]** `))).toBe(true);
    const more = /^…and (\d+) more$/.exec(lines.at(-1)!);
    expect(lines.length - 1 + Number(more?.[1])).toBe(400);

    const related = field(message, MENTIONED_WITH).split("\n");
    expect(related.length - 1 + Number(/^…and (\d+) more$/.exec(related.at(-1)!)?.[1])).toBe(60);
    expect(embed.description!.split("\n")[1]).toMatch(/…and \d+ more$/);
  });
});

describe("renderActorNotFound", () => {
  it("says no actor has that name, with the suggestions escaped", () => {
    const message = renderActorNotFound("Mohamed", ["Mohammed Shia' Al-Sudani", "@everyone **Front**"]);
    const embed = message.embeds[0]!;
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(embed.title).toBe("No actor called “Mohamed” in the articles");
    expect(embed.description).toMatch(/^Did you mean \*\*Mohammed Shia' Al-Sudani\*\*, \*\*@\u200beveryone \\\*\\\*Front\\\*\\\*\*\*\?/);
    expect(JSON.stringify(message.embeds)).not.toMatch(PINGS);
  });

  it("escapes the name asked for and keeps the title within its limit", () => {
    const message = renderActorNotFound(`@everyone <@&123456789012345678> ${"x".repeat(500)}`, []);
    expectWithinDiscordLimits(message);
    expect(JSON.stringify(message.embeds)).not.toMatch(PINGS);
    expect(message.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(message.embeds[0]!.description).toContain("No name in the articles is close");
  });

  it("is what renderActorAnswer shows for an answer without an actor", () => {
    const answer = { query: "Nobody", found: false, actor: null, suggestions: ["Somebody"] };
    expect(renderActorAnswer(answer, [])).toEqual(renderActorNotFound("Nobody", ["Somebody"]));
  });
});
