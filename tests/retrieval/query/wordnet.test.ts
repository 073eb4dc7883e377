import { afterAll, describe, expect, it } from "vitest";
import { openWordNet } from "../../../retrieval/query/wordnet.js";
import { relatedTerms } from "../../../retrieval/query/relatedTerms.js";

const wordnet = openWordNet();
afterAll(() => wordnet.close());

describe("openWordNet", () => {
  it("reduces inflected words to their lemmas, irregular ones too", () => {
    expect(wordnet.lemmas("killed")).toContainEqual({ pos: "verb", lemma: "kill" });
    expect(wordnet.lemmas("bought")).toContainEqual({ pos: "verb", lemma: "buy" });
    expect(wordnet.isWord("photography")).toBe(true);
    expect(wordnet.isWord("sistany")).toBe(false);
  });

  it("takes off only the endings English inflects with, so a slip is no word to leave uncorrected", () => {
    expect(wordnet.lemmas("boxes")).toContainEqual({ pos: "noun", lemma: "box" });
    expect(wordnet.lemmas("goes")).toContainEqual({ pos: "verb", lemma: "go" });
    expect(wordnet.lemmas("planned")).toContainEqual({ pos: "verb", lemma: "plan" });
    expect(wordnet.lemmas("bigger")).toContainEqual({ pos: "adj", lemma: "big" });
    // "rockes" (for "rockets") is no form of "rock", nor "mattter" (for "matter") of "matt".
    expect(wordnet.isWord("rockes")).toBe(false);
    expect(wordnet.isWord("mattter")).toBe(false);
  });

  it("relates a word to its lemma's other forms, so 'buying' finds 'bought'", () => {
    const forms = wordnet.related("buying").filter((r) => r.relation === "inflection").map((r) => r.word);
    expect(forms).toEqual(expect.arrayContaining(["buy", "bought"]));
    expect(wordnet.related("buy").filter((r) => r.relation === "inflection").map((r) => r.word)).not.toContain("buy");
  });

  it("gives synonyms of the commonest senses", () => {
    const synonyms = wordnet.related("purchase").filter((r) => r.relation === "synonym").map((r) => r.word);
    expect(synonyms).toContain("buy");
  });

  it("tells which word class each related word's sense is, so a noun after 'the' is not expanded as a verb", () => {
    const weather = wordnet.related("weather");
    expect(weather).toContainEqual(expect.objectContaining({ word: "endure", pos: "verb" }));
    const lexicon = { thesaurus: wordnet, hasTerm: (term: string) => ["endur", "condit"].includes(term) };
    expect(relatedTerms("weather", lexicon).map((t) => t.term)).toEqual(expect.arrayContaining(["endur", "condit"]));
    expect(relatedTerms("weather", lexicon, true).map((t) => t.term)).toEqual(["condit"]);
  });

  it("knows words that name one place or person, and a lowercase word only when it is no other kind of word", () => {
    expect(wordnet.namesEntity("japan", false)).toBe(true);
    expect(wordnet.namesEntity("tel aviv", false)).toBe(true);
    expect(wordnet.namesEntity("Beirut", true)).toBe(true);
    // "swift" is mostly an adjective; "Swift" capitalised is the writer.
    expect(wordnet.namesEntity("swift", false)).toBe(false);
    expect(wordnet.namesEntity("swift", true)).toBe(true);
    expect(wordnet.namesEntity("turkey", true)).toBe(false);
    expect(wordnet.namesEntity("order", false)).toBe(false);
    expect(wordnet.namesEntity("sistany", false)).toBe(false);
  });
});
