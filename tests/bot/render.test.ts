import { describe, expect, it } from "vitest";
import { renderAnswer, renderPassagePage, sourceLine, MORE_PASSAGES_LABEL, RELATED_PREFIX } from "../../bot/render/answerEmbed.js";
import { renderArticleList } from "../../bot/render/articleList.js";
import { renderHelp } from "../../bot/render/help.js";
import { renderNotice } from "../../bot/render/message.js";
import { COVERAGE_HEADING, REFUSAL_TITLE, SMALL_TALK_TITLES } from "../../bot/render/refusal.js";
import type { Answer, ArticleInfo, Excerpt, SourceRef } from "../../retrieval/types.js";
import { expectWithinDiscordLimits, quotesIn, reasonIn, searchedNoteIn, unescapeDiscord } from "../support/discordMessages.js";

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

function refusalOf(question: string, extra: Partial<Answer> = {}): Answer {
  return { question, searched: question, rewrites: [], verdict: "none", answered: false, excerpts: [], morePassages: [], sources: [], refusal: "None of the articles is about this.", ...extra };
}

function article(i: number, extra: Partial<ArticleInfo> = {}): ArticleInfo {
  return { docId: `doc-${i}`, file: `corpus/articles/doc-${i}.txt`, title: `Headline ${i}`, publisher: "Wire", date: "2024-10-01", characters: 1000, ...extra };
}

/** A small corpus with one near-copy, as the seed corpus has. */
const corpus = [article(1), article(2, { duplicateOf: "doc-1", title: "Headline 1" }), article(3, { publisher: undefined })];

describe("renderAnswer", () => {
  it("quotes each excerpt verbatim with its citation and lists the cited sources", () => {
    const excerpts = [excerpt(1, "The minister said the talks would resume."), excerpt(2, "Rockets were fired at the base on Monday.")];
    const message = renderAnswer(answerWith(excerpts, [source(1), source(2)]), corpus);
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
    const message = renderAnswer(answerWith([excerpt(2, "Only the second source is quoted.")], [source(1), source(2), source(3)]), corpus);
    expect(message.embeds[0]!.fields![0]!.value).toBe(sourceLine(source(2)));
  });

  it("adds the More passages button when given its id", () => {
    const message = renderAnswer(answerWith([excerpt(1, "A quote.")], [source(1)], [excerpt(1, "Another.")]), corpus, "more:abc:0");
    expect(message.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, custom_id: "more:abc:0", label: MORE_PASSAGES_LABEL }] }]);
  });

  it("stays within every limit with huge excerpts, titles and source lists, cutting at sentence ends", () => {
    const excerpts = [excerpt(1, longText(200)), excerpt(2, longText(150)), excerpt(3, longText(100))];
    const sources = Array.from({ length: 40 }, (_, i) => source(i + 1, `A very long headline about regional politics and the ceasefire talks, part ${i + 1} `.repeat(5)));
    const answer = { ...answerWith(excerpts, sources), question: "Why? ".repeat(300) };
    const message = renderAnswer(answer, corpus);
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
    const message = renderAnswer(answerWith([excerpt(1, "First line.\nSecond line.")], [source(1)]), corpus);
    expect(message.embeds[0]!.description).toBe("> First line.\n> Second line. **[1]**");
  });

  it("neutralises mentions and Markdown in article and question text", () => {
    const answer = { ...answerWith([excerpt(1, "@everyone look at <@&123456789012345678> and **this**.")], [source(1, "@here <#123456789012345678>")]), question: "@everyone?" };
    const message = renderAnswer(answer, corpus);
    const text = JSON.stringify(message.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@&\d|<#\d/);
    expect(quotesIn(message.embeds[0]!.description!)[0]!.text).toBe("@everyone look at <@&123456789012345678> and **this**.");
  });

  it("renders an unanswered question as a refusal", () => {
    const refusal = "None of the articles mentions chocolate cake.";
    const message = renderAnswer(refusalOf("Recipe for cake?", { refusal }), corpus);
    expect(message.embeds[0]!.title).toBe(REFUSAL_TITLE);
    expect(message.embeds[0]!.description).toContain(refusal);
    expect(message.embeds[0]!.footer!.text).toBe("Question: Recipe for cake?");
    expect(message.components).toEqual([]);
    expectWithinDiscordLimits(message);
  });

  it("shows the question in a refusal's footer unable to ping", () => {
    const message = renderAnswer(refusalOf("@everyone <@&123456789012345678>?"), corpus);
    expect(message.embeds[0]!.footer!.text).not.toMatch(/@everyone|<@&\d/);
    expect(unescapeDiscord(message.embeds[0]!.footer!.text)).toBe("Question: @everyone <@&123456789012345678>?");
  });
});

describe("a related answer", () => {
  const related = (question: string): Answer => ({ ...answerWith([excerpt(1, "Qaani took over the Quds Force in 2020.")], [source(1)]), question, verdict: "related", answered: false });

  it("says in its title that the quotes are the closest passages, not a confirmed answer, and still quotes and cites them", () => {
    const message = renderAnswer(related("Where was Qaani born?"), corpus);
    const [embed] = message.embeds;
    expect(embed!.title).toBe("No confirmed answer — closest passages to: Where was Qaani born?");
    expect(quotesIn(embed!.description!)).toEqual([{ text: "Qaani took over the Quds Force in 2020.", citation: 1, cut: false }]);
    expect(embed!.fields![0]!.value).toBe(sourceLine(source(1)));
  });

  it("says under the title why no passage is confirmed, escaped and unable to ping, above the quotes", () => {
    const refusal = "The articles touch on this, but none of the passages found states what the question asks (none mentions @everyone **japan**).";
    const message = renderAnswer({ ...related("when did iraq order the system from @everyone **japan**"), refusal }, corpus);
    const description = message.embeds[0]!.description!;
    expectWithinDiscordLimits(message);
    expect(reasonIn(description)).toBe(refusal);
    expect(description).not.toMatch(/@everyone/);
    expect(quotesIn(description)).toEqual([{ text: "Qaani took over the Quds Force in 2020.", citation: 1, cut: false }]);
    // An answer confirmed by its passage needs no reason.
    expect(reasonIn(renderAnswer({ ...related("Where was Qaani born?"), verdict: "answered", answered: true, refusal }, corpus).embeds[0]!.description!)).toBeUndefined();
  });

  it("keeps the whole note and fits the title with a long question, escaped and unable to ping", () => {
    const question = `@everyone where **exactly** was he born? ${"And when, and to whom? ".repeat(60)}`;
    const message = renderAnswer(related(question), corpus);
    const title = message.embeds[0]!.title!;
    expectWithinDiscordLimits(message);
    expect(title.startsWith(RELATED_PREFIX)).toBe(true);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).not.toMatch(/@everyone/);
    expect(title).toContain("\\*\\*exactly\\*\\*");
    expect(unescapeDiscord(title)).toMatch(/^No confirmed answer — closest passages to: @everyone where \*\*exactly\*\* was he born\? And when.* …$/);
  });
});

describe("what was searched", () => {
  const sistani = { question: "who is sistany", searched: "who is Sistani", rewrites: [{ from: "sistany", to: "Sistani", kind: "spelling" as const }] };

  it("names the words read as others above the quotes of an answer", () => {
    const message = renderAnswer({ ...answerWith([excerpt(1, "Sistani is Iraq's top Shia cleric.")], [source(1)]), ...sistani }, corpus);
    const description = message.embeds[0]!.description!;
    expect(description.split("\n\n")[0]).toBe("*Read “sistany” as “Sistani”*");
    expect(quotesIn(description)).toEqual([{ text: "Sistani is Iraq's top Shia cleric.", citation: 1, cut: false }]);
    expect(unescapeDiscord(message.embeds[0]!.title!)).toBe("who is sistany");
  });

  it("lists every rewrite in question order", () => {
    const answer = {
      ...answerWith([excerpt(1, "A quote.")], [source(1)]),
      question: "did KH attack eilat with drnoes",
      searched: "did Kataib Hezbollah attack eilat with drones",
      rewrites: [{ from: "KH", to: "Kataib Hezbollah", kind: "alias" as const }, { from: "drnoes", to: "drones", kind: "typo" as const }],
    };
    expect(searchedNoteIn(renderAnswer(answer, corpus).embeds[0]!.description!)).toBe("Read “KH” as “Kataib Hezbollah”, “drnoes” as “drones”");
  });

  it("shows the question searched when only chat noise was removed", () => {
    const answer = { ...answerWith([excerpt(1, "A quote.")], [source(1)]), question: "hey bot who is qaani lol", searched: "who is qaani" };
    expect(searchedNoteIn(renderAnswer(answer, corpus).embeds[0]!.description!)).toBe("Searched for “who is qaani”");
  });

  it("says nothing when the question was searched as typed", () => {
    const description = renderAnswer(answerWith([excerpt(1, "A quote.")], [source(1)]), corpus).embeds[0]!.description!;
    expect(searchedNoteIn(description)).toBeUndefined();
    expect(description).toBe("> A quote. **[1]**");
  });

  it("is shown on related answers and refusals too", () => {
    const related = renderAnswer({ ...answerWith([excerpt(1, "A quote.")], [source(1)]), ...sistani, verdict: "related", answered: false }, corpus);
    expect(searchedNoteIn(related.embeds[0]!.description!)).toBe("Read “sistany” as “Sistani”");
    const refusal = renderAnswer(refusalOf("how do i bake sourdouhg", { searched: "how do i bake sourdough", rewrites: [{ from: "sourdouhg", to: "sourdough", kind: "typo" }] }), corpus);
    expect(searchedNoteIn(refusal.embeds[0]!.description!)).toBe("Read “sourdouhg” as “sourdough”");
  });

  it("escapes Markdown and mentions in what was typed and searched", () => {
    const answer = {
      ...answerWith([excerpt(1, "A quote.")], [source(1)]),
      question: "@everyone what did __KH__ say <@&123456789012345678>",
      searched: "@everyone what did __Kataib Hezbollah__ say <@&123456789012345678>",
      rewrites: [{ from: "__KH__ @here", to: "*Kataib* <#123456789012345678>", kind: "alias" as const }],
    };
    const noisy = { ...answer, rewrites: [] };
    for (const message of [renderAnswer(answer, corpus), renderAnswer(noisy, corpus), renderAnswer({ ...refusalOf(answer.question), searched: answer.searched }, corpus)]) {
      expect(JSON.stringify(message.embeds)).not.toMatch(/@everyone|@here|<@&\d|<#\d/);
      expect(message.embeds[0]!.description).not.toMatch(/[^\\]__/);
    }
    expect(searchedNoteIn(renderAnswer(answer, corpus).embeds[0]!.description!)).toBe("Read “__KH__ @here” as “*Kataib* <#123456789012345678>”");
    expect(searchedNoteIn(renderAnswer(noisy, corpus).embeds[0]!.description!)).toBe(`Searched for “${answer.searched}”`);
  });

  it("fits a long searched question and many rewrites in one short line, within the limits", () => {
    const long = { ...answerWith([excerpt(1, longText(200))], [source(1)]), question: "who? ".repeat(200), searched: "who is it ".repeat(100) };
    const many = {
      ...long,
      rewrites: Array.from({ length: 80 }, (_, i) => ({ from: `wrod${i}`.repeat(20), to: `word${i}`.repeat(20), kind: "typo" as const })),
    };
    for (const answer of [long, many, { ...refusalOf(long.question), searched: long.searched, rewrites: many.rewrites }]) {
      const message = renderAnswer(answer, corpus);
      expectWithinDiscordLimits(message);
      const note = message.embeds[0]!.description!.split("\n\n")[0]!;
      expect(note.length).toBeLessThanOrEqual(300);
      expect(note).toMatch(/^\*(Searched for “who is it .* …”|Read .*, …and \d+ more)\*$/);
    }
    expect(quotesIn(renderAnswer(long, corpus).embeds[0]!.description!)[0]!.cut).toBe(true);
  });
});

describe("a refusal", () => {
  const linesOf = (message: ReturnType<typeof renderAnswer>) => message.embeds[0]!.description!.split("\n\n").find((p) => p.startsWith(COVERAGE_HEADING))!.split("\n").slice(1);

  it("quotes nothing and lists what the corpus covers, each story once", () => {
    const message = renderAnswer(refusalOf("how do i make a sourdough starter"), corpus);
    const description = message.embeds[0]!.description!;
    expect(description).toBe(
      [
        "None of the articles is about this.",
        `${COVERAGE_HEADING}\n• **Headline 1** — Wire, 2024-10-01\n• **Headline 3** — 2024-10-01`,
        "Ask about what the articles cover; `/sources` lists them all.",
      ].join("\n\n"),
    );
    expect(description).not.toMatch(/^>/m);
    expect(message.embeds[0]!.fields).toBeUndefined();
    expect(message.components).toEqual([]);
  });

  it("shows the first ten stories of a large corpus and counts the rest, within the limits", () => {
    const articles = Array.from({ length: 300 }, (_, i) => article(i, { title: `A long headline about the regional conflict and the talks, number ${i} `.repeat(5) }));
    const copies = articles.slice(0, 50).map((a, i) => article(1000 + i, { title: a.title, duplicateOf: a.docId }));
    const message = renderAnswer(refusalOf("Why? ".repeat(200), { refusal: "No. ".repeat(400) }), [...articles, ...copies]);
    expectWithinDiscordLimits(message);
    const lines = linesOf(message);
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe("…and 290 more");
    for (const [index, line] of lines.slice(0, 10).entries()) expect(line).toMatch(new RegExp(`^• \\*\\*A long headline .*number ${index} .* …\\*\\* — Wire, 2024-10-01$`));
  });

  it("escapes Markdown and mentions in article titles", () => {
    const message = renderAnswer(refusalOf("q"), [article(1, { title: "@everyone **Breaking** <@&123456789012345678> _news_", publisher: "@here" })]);
    expect(JSON.stringify(message.embeds)).not.toMatch(/@everyone|@here|<@&\d/);
    const [line] = linesOf(message);
    expect(unescapeDiscord(line!)).toBe("• **@everyone **Breaking** <@&123456789012345678> _news_** — @here, 2024-10-01");
    expect(line).toContain("\\*\\*Breaking\\*\\*");
  });

  it("leaves the list out for an empty corpus", () => {
    const description = renderAnswer(refusalOf("q"), []).embeds[0]!.description!;
    expect(description).not.toContain(COVERAGE_HEADING);
    expect(description).toContain("/sources");
  });
});

describe("a greeting, thanks or a request for help", () => {
  it("answers thanks with a line, and a greeting or help with what the bot does and what the articles cover, refusing nothing", () => {
    const thanks = renderAnswer(refusalOf("thanks @everyone!", { smallTalk: "thanks", refusal: "Glad to help." }), corpus);
    expect(thanks.content).toBe("Glad to help.");
    expect(thanks.embeds).toEqual([]);
    expect(thanks.allowedMentions).toEqual({ parse: [], repliedUser: false });
    for (const kind of ["greeting", "help"] as const) {
      const message = renderAnswer(refusalOf("hi", { smallTalk: kind, refusal: "I answer questions about the articles." }), corpus);
      expectWithinDiscordLimits(message);
      const embed = message.embeds[0]!;
      expect(embed.title).toBe(SMALL_TALK_TITLES[kind]);
      expect(embed.title).not.toBe(REFUSAL_TITLE);
      expect(embed.description).toContain("I answer questions about the articles.");
      expect(embed.description).toContain(`${COVERAGE_HEADING}\n• **Headline 1**`);
      expect(message.components).toEqual([]);
    }
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
    for (const part of ["/ask", "/sources", "More passages", "mention", "/ingest", "/remove-article"]) expect(description).toContain(part);
    expect(description).toContain("every 10 s");
  });
});
