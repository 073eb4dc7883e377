import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { CONVERSATIONS } from "../fixtures/conversations.js";

const ARTICLES = join(PROJECT_ROOT, "corpus", "articles");
const TEXTS = readdirSync(ARTICLES)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(ARTICLES, f), "utf8"));

describe("conversation set", () => {
  it("holds at least 30 conversations, each opening alone and followed up at least once", () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CONVERSATIONS.map((c) => c.id)).size).toBe(CONVERSATIONS.length);
    for (const conversation of CONVERSATIONS) {
      expect(conversation.turns[0]!.kind).toBe("opening");
      expect(conversation.turns.length).toBeGreaterThanOrEqual(2);
      expect(conversation.turns.slice(1).every((t) => t.kind !== "opening")).toBe(true);
    }
  });

  it("has every gold phrase verbatim in an article", () => {
    const missing = CONVERSATIONS.flatMap((c) => c.turns.flatMap((t) => t.any.filter((g) => !TEXTS.some((text) => text.includes(g))).map((g) => `${c.id}: ${g}`)));
    expect(missing).toEqual([]);
  });

  it("writes every leaning follow-up out in full, differently from how it was typed", () => {
    const leaning = CONVERSATIONS.flatMap((c) => c.turns.filter((t) => t.kind !== "opening" && t.kind !== "new-topic"));
    expect(leaning.length).toBeGreaterThanOrEqual(40);
    for (const turn of leaning) expect(turn.full).not.toBe(turn.q);
    const kinds = new Set(leaning.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(["ellipsis", "implicit", "possessive", "pronoun", "why-when"]);
  });
});
