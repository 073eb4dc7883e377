import { describe, expect, it } from "vitest";
import { splitRunTogether } from "../../../retrieval/query/runTogether.js";

const corpus = new Set(["drone", "strike", "eilat", "hassan", "many", "war"]);
const dictionary = new Set([...corpus, "however", "blink"]);
const split = (text: string) => splitRunTogether(text, (form) => dictionary.has(form), (form) => corpus.has(form));

describe("splitRunTogether: two words typed without a space", () => {
  it("splits where both halves are small words or words of the corpus, one a small word, and says so", () => {
    expect(split("howmany drones hit eilat")).toEqual({ text: "how many drones hit eilat", rewrites: [{ from: "howmany", to: "how many", kind: "typo" }] });
    expect(split("whois hassan").text).toBe("who is hassan");
    expect(split("dronestrike ofthe eilat").text).toBe("dronestrike of the eilat");
  });

  it("leaves words of the corpus or the dictionary, short words, and words no split makes two words of", () => {
    expect(split("however the strike").text).toBe("however the strike");
    expect(split("blinken and them").rewrites).toEqual([]);
    expect(split("the strikehow").text).toBe("the strikehow");
    expect(split("isis").text).toBe("isis");
    expect(split("what did anwar say").text).toBe("what did anwar say");
  });
});
