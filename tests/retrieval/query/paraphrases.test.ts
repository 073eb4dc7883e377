import { describe, expect, it } from "vitest";
import { paraphraseTerms } from "../../../retrieval/query/paraphrases.js";
import { tokenize } from "../../../retrieval/text/tokenize.js";

/** An index holding the terms of these words, and no thesaurus: only the news word groups relate words. */
const indexOf = (text: string) => {
  const terms = new Set(tokenize(text));
  return { hasTerm: (t: string) => terms.has(t) };
};
const termsFor = (form: string, text: string) => paraphraseTerms(form, indexOf(text)).map((t) => t.term);

describe("paraphraseTerms", () => {
  it("gives the words news reports use for what people type, where the index holds them, below the typed word", () => {
    const index = "militias launched cruise missiles from Iraqi territory at the port of Eilat after the boss was killed";
    const term = (word: string) => tokenize(word)[0]!;
    expect(termsFor("fired", index)).toContain(term("launched"));
    expect(termsFor("soil", index)).toContain(term("territory"));
    expect(termsFor("harbor", index)).toContain(term("port"));
    for (const t of paraphraseTerms("fired", indexOf(index))) expect(t.weight).toBeLessThan(1);
  });

  it("adds nothing the index lacks, and nothing for a word no group holds", () => {
    expect(termsFor("fired", "the council met on Monday")).toEqual([]);
    expect(termsFor("pancake", "militias launched missiles")).toEqual([]);
  });
});
