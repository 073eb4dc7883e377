import { afterAll, describe, expect, it } from "vitest";
import { isForeignTerm } from "../../../retrieval/query/foreignTerms.js";
import { openWordNet } from "../../../retrieval/query/wordnet.js";
import { buildVocabulary } from "../../../retrieval/query/vocabulary.js";

const thesaurus = openWordNet();
afterAll(() => thesaurus.close());
/** The articles' words, by first letter, as the vocabulary keeps them. */
const vocabulary = buildVocabulary([{ id: "a", file: "a.txt", title: "", text: "The assassination of the leader was reported.", regions: [{ start: 0, end: 46 }] }]);

describe("isForeignTerm", () => {
  it("takes a word no dictionary knows, nor one slip from any word, for a term from elsewhere", () => {
    for (const term of ["shawarma", "bitcoin", "macbook", "heathrow", "tiktok"]) expect(isForeignTerm(term, thesaurus, vocabulary)).toBe(true);
  });

  it("never takes a dictionary word, a function word or a typing slip for one", () => {
    // Words, inflected words and words WordNet leaves out (pronouns).
    for (const word of ["weather", "killed", "everyone"]) expect(isForeignTerm(word, thesaurus, vocabulary)).toBe(false);
    // One edit from a word: a possessive without its apostrophe, a dropped "g", a swapped or missing letter.
    for (const slip of ["everyones", "teamin", "critisizing", "latly", "jpost", "blinken"]) expect(isForeignTerm(slip, thesaurus, vocabulary)).toBe(false);
  });

  it("takes a word a third of its letters or fewer off one of the articles' words for a bad slip of it", () => {
    expect(isForeignTerm("asasinatin", thesaurus, vocabulary)).toBe(false);
  });

  it("takes three or four letters no slip explains for an acronym or name from elsewhere", () => {
    // "best gpu for gaming" had been answered from "the strategic game in the Middle East".
    for (const term of ["gpu", "nba", "xbox"]) expect(isForeignTerm(term, thesaurus, vocabulary)).toBe(true);
    // One slip from a small word, an articles' word or an English word of four letters or more.
    for (const slip of ["teh", "wra", "hepl"]) expect(isForeignTerm(slip, thesaurus, vocabulary)).toBe(false);
  });

  it("leaves two letters, runs of letters no word is as long as, numbers and codes alone", () => {
    for (const form of ["zq", "10k", "ps5", "2022", "0x80070005", "x".repeat(979)]) expect(isForeignTerm(form, thesaurus, vocabulary)).toBe(false);
  });
});
