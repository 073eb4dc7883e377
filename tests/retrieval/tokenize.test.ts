import { describe, expect, it } from "vitest";
import { tokenize } from "../../retrieval/text/tokenize.js";

describe("tokenize", () => {
  it("folds case, diacritics and apostrophes, drops stop words and stems", () => {
    expect(tokenize("Mohammed Shia’ Al-Sudani")).toEqual(tokenize("mohammed shia' al sudani"));
    expect(tokenize("Shīʿa militias attacked")).toEqual(tokenize("Shia militia attacks"));
    expect(tokenize("What is the")).toEqual([]);
  });

  it("reads an irregular past as its verb, as stemming reads a regular one", () => {
    expect(tokenize("groups that grew out of the war")).toEqual(tokenize("groups that grow out of the war"));
    expect(tokenize("Sharafi oversaw the projects")).toEqual(tokenize("Sharafi oversees the projects"));
    expect(tokenize("a US strike struck the base")).toEqual(tokenize("a US strike strikes the base"));
    // "found" is as often "to found" as "to find": left alone.
    expect(tokenize("Hezbollah was found")).toEqual(tokenize("Hezbollah was founded"));
  });

  it("keeps the country US apart from the pronoun us", () => {
    expect(tokenize("US forces")).toEqual(tokenize("U.S. forces"));
    expect(tokenize("US forces")).toContain("unitedst");
    expect(tokenize("tell us more")).not.toContain("unitedst");
    // "the United States" is the country "the US" is, not "united" and "states".
    expect(tokenize("the United States military")).toEqual(tokenize("the US military"));
    expect(tokenize("the united states of america")).toContain("unitedst");
  });

  it("keeps numbers whole", () => {
    expect(tokenize("more than 100,000 fighters in 2024")).toEqual(expect.arrayContaining(["100", "000", "2024"]));
  });
});
