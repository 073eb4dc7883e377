import { afterAll, describe, expect, it } from "vitest";
import { isForeignTerm } from "../../../retrieval/query/foreignTerms.js";
import { openWordNet } from "../../../retrieval/query/wordnet.js";

const thesaurus = openWordNet();
afterAll(() => thesaurus.close());

describe("isForeignTerm", () => {
  it("takes a word no dictionary knows, nor one slip from any word, for a term from elsewhere", () => {
    for (const term of ["shawarma", "bitcoin", "macbook", "heathrow", "tiktok"]) expect(isForeignTerm(term, thesaurus)).toBe(true);
  });

  it("never takes a dictionary word, a function word or a typing slip for one", () => {
    // Words, inflected words and words WordNet leaves out (pronouns).
    for (const word of ["weather", "killed", "everyone"]) expect(isForeignTerm(word, thesaurus)).toBe(false);
    // One edit from a word: a possessive without its apostrophe, a dropped "g", a swapped or missing letter.
    for (const slip of ["everyones", "teamin", "critisizing", "latly", "jpost", "blinken"]) expect(isForeignTerm(slip, thesaurus)).toBe(false);
  });

  it("leaves short words, numbers and codes alone: too many are a slip from something", () => {
    for (const form of ["xbox", "nba", "10k", "ps5", "2022", "0x80070005"]) expect(isForeignTerm(form, thesaurus)).toBe(false);
  });
});
