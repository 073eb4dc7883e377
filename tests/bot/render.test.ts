import { describe, expect, it } from "vitest";
import { renderAnswer, renderPassagePage, sourceLine, MORE_PASSAGES_LABEL } from "../../bot/render/answerEmbed.js";
import { renderArticleList } from "../../bot/render/articleList.js";
import { renderHelp } from "../../bot/render/help.js";
import { renderNotice } from "../../bot/render/message.js";
import { REFUSAL_TITLE } from "../../bot/render/refusal.js";
import type { Answer, ArticleInfo, Excerpt, SourceRef } from "../../retrieval/types.js";
import { expectWithinDiscordLimits, quotesIn, unescapeDiscord } from "../support/discordMessages.js";

function source(citation: number, title = `Article number ${citation}`): SourceRef {
  return { citation, docId: `doc-${citation}`, file: `corpus/articles/doc-${citation}.txt`, title, publisher: "The Daily Test", date: "2024-10-0" + ((citation % 9) + 1) };
}

function excerpt(citation: number, text: string): Excerpt {
  return { text, docId: `doc-${citation}`, file: `corpus/articles/doc-${citation}.txt`, start: 0, end: text.length, title: `Article number ${citation}`, score: 0.9, citation };
}

const sentence = (n: number) => `Sentence ${n} reports that officials met on Tuesday to discuss the ceasefire proposal in detail.`;
const longText = (sentences: number) => Array.from({ length: sentences }, (_, i) => sentence(i)).join(" ");

function answerWith(excerpts: Excerpt[], sources: SourceRef[], morePassages: Excerpt[] = []): Answer {
  return { question: "What did the officials discuss?", searched: "What did the officials discuss?", rewrites: [], verdict: "answered", answered: true, excerpts, morePassages, sources };
}

describe("renderAnswer", () => {
  it("quotes each excerpt verbatim with its citation and lists the cited sources", () => {
    const excerpts = [excerpt(1, "The minister said the talks would resume."), excerpt(2, "Rockets were fired at the base on Monday.")];
    const message = renderAnswer(answerWith(excerpts, [source(1), source(2)]));
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    const [embed] = message.embeds;
    expect(message.embeds).toHaveLength(1);
    expect(quotesIn(embed!.description!)).toEqual([
      { text: "The minister said the talks would resume.", citation: 1, cut: false },
      { text: "Rockets were fired at the base on Monday.", citation: 2, cut: false },
    ]);
    expect(embed!.fields).toEqual([{ name: "Sources", value: `${sourceLine(source(1))}\n${sourceLine(source(2))}` }]);
    expect(embed!.fields![0]!.value).toContain("**[1]** Article number 1 — The Daily Test, 2024-10-02");
    expect(unescapeDiscord(embed!.title!)).toBe("What did the officials discuss?");
    expect(message.components).toEqual([]);
  });

  it("lists only the sources the shown excerpts cite", () => {
    const message = renderAnswer(answerWith([excerpt(2, "Only the second source is quoted.")], [source(1), source(2), source(3)]));
    expect(message.embeds[0]!.fields![0]!.value).toBe(sourceLine(source(2)));
  });

  it("adds the More passages button when given its id", () => {
    const message = renderAnswer(answerWith([excerpt(1, "A quote.")], [source(1)], [excerpt(1, "Another.")]), "more:abc:0");
    expect(message.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, custom_id: "more:abc:0", label: MORE_PASSAGES_LABEL }] }]);
  });

  it("stays within every limit with huge excerpts, titles and source lists, cutting at sentence ends", () => {
    const excerpts = [excerpt(1, longText(200)), excerpt(2, longText(150)), excerpt(3, longText(100))];
    const sources = Array.from({ length: 40 }, (_, i) => source(i + 1, `A very long headline about regional politics and the ceasefire talks, part ${i + 1} `.repeat(5)));
    const answer = { ...answerWith(excerpts, sources), question: "Why? ".repeat(300) };
    const message = renderAnswer(answer);
    expectWithinDiscordLimits(message);
    const quotes = quotesIn(message.embeds[0]!.description!);
    expect(quotes.map((q) => q.citation)).toEqual([1, 2, 3]);
    for (const [index, quote] of quotes.entries()) {
      expect(quote.cut).toBe(true);
      expect(excerpts[index]!.text.startsWith(quote.text)).toBe(true);
      expect(quote.text).toMatch(/detail\.$/);
      expect(quote.text.length).toBeGreaterThan(1000);
    }
  });

  it("counts the sources that do not fit one field", () => {
    const excerpts = Array.from({ length: 30 }, (_, i) => excerpt(i + 1, `Quote ${i + 1}.`));
    const sources = excerpts.map((e) => source(e.citation, "Headline ".repeat(20)));
    const message = renderPassagePage({ question: "q", excerpts, sources });
    expectWithinDiscordLimits(message);
    const lines = message.embeds[0]!.fields![0]!.value.split("\n");
    const more = /^…and (\d+) more$/.exec(lines.at(-1)!);
    expect(more).not.toBeNull();
    expect(lines.length - 1 + Number(more![1])).toBe(30);
  });

  it("keeps every line of a multi-line excerpt inside the quote", () => {
    const message = renderAnswer(answerWith([excerpt(1, "First line.\nSecond line.")], [source(1)]));
    expect(message.embeds[0]!.description).toBe("> First line.\n> Second line. **[1]**");
  });

  it("neutralises mentions and Markdown in article and question text", () => {
    const answer = { ...answerWith([excerpt(1, "@everyone look at <@&123456789012345678> and **this**.")], [source(1, "@here <#123456789012345678>")]), question: "@everyone?" };
    const message = renderAnswer(answer);
    const text = JSON.stringify(message.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@&\d|<#\d/);
    expect(quotesIn(message.embeds[0]!.description!)[0]!.text).toBe("@everyone look at <@&123456789012345678> and **this**.");
  });

  it("renders an unanswered question as a refusal", () => {
    const refusal = "None of the articles mentions chocolate cake.";
    const message = renderAnswer({ question: "Recipe for cake?", searched: "Recipe for cake?", rewrites: [], verdict: "none", answered: false, excerpts: [], morePassages: [], sources: [], refusal });
    expect(message.embeds[0]!.title).toBe(REFUSAL_TITLE);
    expect(message.embeds[0]!.description).toContain(refusal);
    expect(message.embeds[0]!.footer!.text).toBe("Question: Recipe for cake?");
    expect(message.components).toEqual([]);
    expectWithinDiscordLimits(message);
  });

  it("shows the question in a refusal's footer unable to ping", () => {
    const message = renderAnswer({ question: "@everyone <@&123456789012345678>?", searched: "@everyone <@&123456789012345678>?", rewrites: [], verdict: "none", answered: false, excerpts: [], morePassages: [], sources: [], refusal: "No." });
    expect(message.embeds[0]!.footer!.text).not.toMatch(/@everyone|<@&\d/);
    expect(unescapeDiscord(message.embeds[0]!.footer!.text)).toBe("Question: @everyone <@&123456789012345678>?");
  });
});

describe("renderPassagePage", () => {
  it("shows its position and the next page's button", () => {
    const message = renderPassagePage({
      question: "q",
      excerpts: [excerpt(2, "More text.")],
      sources: [source(1), source(2)],
      position: "Further passages 4–6 of 9",
      moreButtonId: "more:abc:2",
    });
    expect(message.embeds[0]!.footer!.text).toMatch(/^Further passages 4–6 of 9 · /);
    expect(message.components[0]!.components[0]!).toMatchObject({ custom_id: "more:abc:2" });
  });
});

describe("renderArticleList", () => {
  const article = (i: number, extra: Partial<ArticleInfo> = {}): ArticleInfo => ({
    docId: `doc-${i}`,
    file: `corpus/articles/doc-${i}.txt`,
    title: `Headline ${i}`,
    publisher: "Wire",
    date: "2024-10-01",
    characters: 1000,
    ...extra,
  });

  it("lists every article with publisher and date, noting copies", () => {
    const message = renderArticleList([article(1), article(2, { duplicateOf: "doc-1", publisher: undefined })]);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]!.title).toBe("Articles I answer from (2)");
    expect(message.embeds[0]!.description!.split("\n")).toEqual([
      "• **Headline 1** — Wire, 2024-10-01",
      "• **Headline 2** — 2024-10-01 *(copy of Headline 1; answers quote that one)*",
    ]);
  });

  it("packs a huge corpus within the limits and counts what does not fit", () => {
    const articles = Array.from({ length: 500 }, (_, i) => article(i, { title: `A long headline about the regional conflict, number ${i} `.repeat(4) }));
    const message = renderArticleList(articles);
    expectWithinDiscordLimits(message);
    const lines = message.embeds.flatMap((embed) => embed.description!.split("\n"));
    const more = /^…and (\d+) more$/.exec(lines.at(-1)!);
    expect(lines.length - 1 + Number(more![1])).toBe(500);
  });

  it("spreads over several embeds when one description is too small", () => {
    const articles = Array.from({ length: 60 }, (_, i) => article(i, { title: `Headline ${i} `.repeat(6) }));
    const message = renderArticleList(articles);
    expectWithinDiscordLimits(message);
    expect(message.embeds.length).toBeGreaterThan(1);
    expect(message.embeds.flatMap((embed) => embed.description!.split("\n"))).toHaveLength(60);
  });

  it("says so when the corpus is empty", () => {
    expect(renderArticleList([]).embeds[0]!.description).toBe("The corpus has no articles.");
  });
});

describe("renderNotice and renderHelp", () => {
  it("keeps notices within 2,000 characters", () => {
    const message = renderNotice("word ".repeat(1000));
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(message.content.endsWith(" …")).toBe(true);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("explains the commands", () => {
    const description = renderHelp({ cooldownSeconds: 10 }).embeds[0]!.description!;
    for (const part of ["/ask", "/sources", "More passages", "mention"]) expect(description).toContain(part);
    expect(description).toContain("every 10 s");
  });
});
