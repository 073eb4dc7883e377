import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { escapeText } from "../../bot/render/escape.js";
import { CUT_MARK, cutAtBoundary, fitEscaped, fitPlain } from "../../bot/render/fitText.js";
import { unescapeDiscord } from "../support/discordMessages.js";

const articlesDir = fileURLToPath(new URL("../../corpus/articles", import.meta.url));
const articles = readdirSync(articlesDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => readFileSync(join(articlesDir, name), "utf8"));

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function* lcg(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

describe("cutAtBoundary", () => {
  it("keeps text that fits", () => {
    expect(cutAtBoundary("Short text.", 50)).toBe("Short text.");
  });

  it("cuts at the last sentence end that fits", () => {
    const text = "The first sentence is here. The second one is longer than the room left.";
    expect(cutAtBoundary(text, 50)).toBe("The first sentence is here.");
  });

  it("keeps a closing quote with its sentence", () => {
    const text = "He said “we will respond.” Then the talks ended without any agreement at all.";
    expect(cutAtBoundary(text, 40)).toBe("He said “we will respond.”");
  });

  it("falls back to a word boundary when the only sentence end is too early", () => {
    const text = "Hi. This sentence runs on for quite a while without stopping anywhere";
    expect(cutAtBoundary(text, 40)).toBe("Hi. This sentence runs on for quite a");
  });

  it("counts a space right after the room as a word end", () => {
    expect(cutAtBoundary("abc defg hij", 8)).toBe("abc defg");
  });

  it("cuts inside a word only when a single word is longer than the room", () => {
    expect(cutAtBoundary("Supercalifragilistic", 5)).toBe("Super");
  });

  it("never cuts mid-word in real article text", () => {
    const random = lcg(7);
    for (const text of articles) {
      for (let i = 0; i < 200; i++) {
        const max = 20 + Math.floor(random.next().value! * 800);
        const cut = cutAtBoundary(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        if (cut.length < text.length) {
          expect(cut).toMatch(/\S$/);
          expect(text[cut.length]).toMatch(/\s/);
          expect(cut.length).toBeGreaterThan(max / 3);
        }
      }
    }
  });
});

describe("escapeText", () => {
  it("breaks every mention form", () => {
    const escaped = escapeText("@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678> </ask:1> <t:1700000000:R>");
    expect(escaped).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d|<\/|<t:/);
    expect(unescapeDiscord(escaped)).toBe("@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678> </ask:1> <t:1700000000:R>");
  });

  it("escapes Markdown so article text cannot reformat the message", () => {
    const text = "**bold** _it_ __under__ ~~gone~~ ||spoiler|| `code` ```block``` \\ back\n# Heading\n- item\n1. first\n[link](http://example.com)";
    const escaped = escapeText(text);
    expect(escaped).not.toMatch(/(^|[^\\])\*\*/);
    expect(escaped).toContain("\\# Heading");
    expect(escaped).toContain("\\- item");
    expect(escaped).toContain("1\\. first");
    expect(unescapeDiscord(escaped)).toBe(text);
  });
});

describe("fitEscaped", () => {
  it("fits the escaped text and marks the cut, leaving a prefix of the original", () => {
    const random = lcg(11);
    const tricky = "Asterisks *everywhere* and @everyone and <@&1234567890123456789> plus __underscores__ in every single sentence. ";
    for (const text of [...articles, tricky.repeat(40)]) {
      for (let i = 0; i < 100; i++) {
        const max = 10 + Math.floor(random.next().value! * 1500);
        const shown = fitEscaped(text, max);
        expect(shown.length).toBeLessThanOrEqual(max);
        const cut = shown.endsWith(CUT_MARK);
        const raw = unescapeDiscord(cut ? shown.slice(0, -CUT_MARK.length) : shown);
        expect(text.startsWith(raw)).toBe(true);
        expect(cut).toBe(raw.length < text.length);
        expect(shown).not.toMatch(/@everyone|<@&\d/);
      }
    }
  });

  it("returns short text escaped and unmarked", () => {
    expect(fitEscaped("a *b*", 100)).toBe("a \\*b\\*");
  });
});

describe("fitPlain", () => {
  it("cuts at a boundary with the mark", () => {
    const shown = fitPlain("one two three four five six", 15);
    expect(shown).toBe("one two three …");
    expect(shown.length).toBeLessThanOrEqual(15);
  });
});
