import { describe, expect, it } from "vitest";
import { splitRunTogether, wordsWrittenAsOne } from "../../../retrieval/query/runTogether.js";

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

describe("wordsWrittenAsOne: two typed words the articles write as one", () => {
  const articles = new Set(["thinktank", "airstrike", "warplanes", "into", "ongoing"]);
  const joined = (question: string) => wordsWrittenAsOne(question.split(" "), (form) => articles.has(form));

  it("finds each pair the articles write as one word, at its first word", () => {
    expect(joined("which think tank compiled the data")).toEqual([{ at: 1, form: "thinktank" }]);
    expect(joined("did the air strike or the war planes hit it")).toEqual([
      { at: 2, form: "airstrike" },
      { at: 6, form: "warplanes" },
    ]);
  });

  it("joins no stop word and no number, and nothing the articles do not write", () => {
    expect(joined("they went in to the base")).toEqual([]);
    expect(joined("the fighting is on going")).toEqual([]);
    expect(joined("a tank brigade")).toEqual([]);
  });
});
