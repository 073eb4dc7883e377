import { describe, expect, it } from "vitest";
import { countedTerms, countedWords, countsThing } from "../../retrieval/verdict/countedThing.js";
import type { QueryConcept } from "../../retrieval/query/understandQuestion.js";
import { tokenize } from "../../retrieval/text/tokenize.js";

const concept = (typed: string, ...terms: string[]): QueryConcept => ({ typed, forms: terms.map((term, i) => ({ term, weight: i === 0 ? 1 : 0.5 })), name: false });

describe("countedWords: what a 'how many' question counts", () => {
  it("takes the noun phrase after 'how many', up to three words", () => {
    expect(countedWords("how many us soldiers did the militia attacks in jordan kill")).toEqual(["us", "soldiers"]);
    expect(countedWords("How many drones does Kataib Hezbollah have?")).toEqual(["drones"]);
    expect(countedWords("how many people in yemen were hurt")).toEqual(["people"]);
    expect(countedWords("how many years ago was hezbollah set up")).toEqual(["years"]);
    expect(countedWords("how many soldiers died")).toEqual(["soldiers", "died"]);
  });

  it("takes no verb into the counted thing, stopping at the auxiliary of a passive question", () => {
    expect(countedWords("how many people were injured in the drone strike")).toEqual(["people"]);
    expect(countedWords("how many ppl got hurt in the drone strike")).toEqual(["ppl"]);
  });

  it("finds none when the question counts nothing it names", () => {
    expect(countedWords("why did the militias attack eilat")).toEqual([]);
    expect(countedWords("how many of them were killed")).toEqual([]);
  });
});

describe("countsThing: a number of the counted thing in a sentence", () => {
  const soldiers = countedTerms("how many soldiers died", [concept("soldiers", "soldier", "troop")])!;

  it("finds a number just before the counted thing, or a term standing for it", () => {
    expect(countsThing(tokenize("Kataib Hezbollah killed three US soldiers in Jordan."), soldiers)).toBe(true);
    expect(countsThing(tokenize("More than 2,500 troops remain."), soldiers)).toBe(true);
  });

  it("does not take a number of something else for it", () => {
    expect(countsThing(tokenize("Soldiers attacked the base on several occasions."), soldiers)).toBe(false);
    expect(countsThing(tokenize("On September 26 soldiers were on alert."), soldiers)).toBe(true);
    expect(countsThing(tokenize("In 2020 the base was hit, and soldiers were moved far from it since."), soldiers)).toBe(false);
  });

  it("counts people as persons and times as 'twice'", () => {
    const people = countedTerms("how many people were in the car", [concept("people", "peopl")])!;
    expect(countsThing(tokenize("One person in the car was killed."), people)).toBe(true);
    const times = countedTerms("how many times has israel struck yemen", [concept("times", "time")])!;
    expect(countsThing(tokenize("Israel has struck Yemen directly twice."), times)).toBe(true);
  });

  it("finds the number right after the verb a passive question says of the counted thing", () => {
    const injured = countedTerms("how many people were injured in the strike", [concept("people", "peopl"), concept("injured", "injur", "wound")])!;
    expect(countsThing(tokenize("The strike killed three US service personnel and injured 30."), injured)).toBe(true);
    expect(countsThing(tokenize("At least 12 were wounded."), injured)).toBe(true);
    const hurt = countedTerms("how many people got hurt in the strike", [concept("people", "peopl"), concept("hurt", "hurt", "injur")])!;
    expect(countsThing(tokenize("The strike killed three US service personnel and injured 30."), hurt)).toBe(true);
    expect(countsThing(tokenize("Three soldiers were killed and many more were injured."), injured)).toBe(false);
    // A day of a month after the verb dates it.
    expect(countsThing(tokenize("Many were injured on 25 September."), injured)).toBe(false);
  });

  it("takes no verb from an active question: its subject, not its count, follows the auxiliary", () => {
    const drones = countedTerms("how many drones did the militias send", [concept("drones", "drone"), concept("militias", "militia"), concept("send", "send")])!;
    expect(countsThing(tokenize("The militias send 12 messages a day."), drones)).toBe(false);
  });
});
