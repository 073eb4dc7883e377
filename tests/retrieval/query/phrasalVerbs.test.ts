import { describe, expect, it } from "vitest";
import { openWordNet } from "../../../retrieval/query/wordnet.js";
import { phrasalVerbTerms } from "../../../retrieval/query/phrasalVerbs.js";
import { termOf } from "../../../retrieval/text/tokenize.js";

const thesaurus = openWordNet();
const corpusTerms = new Set(["establish", "found", "explode", "resign", "withdraw", "kill"].map((w) => termOf(w)!));
const lexicon = { hasTerm: (t: string) => corpusTerms.has(t), thesaurus };
const terms = (verb: string, next?: string) => phrasalVerbTerms(verb, next, lexicon).map((t) => t.term);

describe("phrasalVerbTerms: what a verb means with its particle", () => {
  it("finds the news word for a phrasal verb, in any form of the verb", () => {
    expect(terms("set", "up")).toEqual(expect.arrayContaining([termOf("establish"), termOf("found")]));
    expect(terms("blew", "up")).toContain(termOf("explode"));
    expect(terms("stepping", "down")).toContain(termOf("resign"));
  });

  it("knows what news reports write for phrasal verbs of war WordNet lacks", () => {
    // WordNet has "take out" as "remove" only.
    expect(terms("took", "out")).toContain(termOf("kill"));
    expect(terms("take", "out")).toContain(termOf("kill"));
    expect(terms("took", "over")).not.toContain(termOf("kill"));
  });

  it("adds nothing for a verb without a particle, or a pair that is no phrasal verb", () => {
    expect(terms("set")).toEqual([]);
    expect(terms("set", "the")).toEqual([]);
    expect(terms("eat", "up")).not.toContain(termOf("kill"));
  });

  it("weighs what it adds below the typed word", () => {
    for (const t of phrasalVerbTerms("set", "up", lexicon)) expect(t.weight).toBeLessThan(1);
  });
});
