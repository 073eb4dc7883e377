import { describe, expect, it } from "vitest";
import { unnamedReferent } from "../../retrieval/verdict/unnamedReferent.js";
import { readWordByWord } from "../support/wordByWord.js";

/** A question read word by word; the words given as names are its names. */
const understood = (searched: string, names: string[] = []) => readWordByWord(searched, { names });

describe("unnamedReferent", () => {
  it("finds what a question naming nothing points at, as a question asked after a paragraph does", () => {
    expect(unnamedReferent(understood("Who caught a 16-yard pass on this drive?"))).toBe("this drive");
    expect(unnamedReferent(understood("where did these uprisings take place"))).toBe("these uprisings");
    expect(unnamedReferent(understood("how many rockets hit this base"))).toBe("this base");
  });

  it("finds none when the question names what it points at, or points at a time told from now", () => {
    expect(unnamedReferent(understood("how big are these iraqi militias", ["iraqi"]))).toBeUndefined();
    expect(unnamedReferent(understood("how many rockets hit the base"))).toBeUndefined();
    expect(unnamedReferent(understood("how many air raids were there this year"))).toBeUndefined();
    expect(unnamedReferent(understood("why is this such a bad moment"))).toBeUndefined();
    expect(unnamedReferent(understood("have the militias gotten any better at this"))).toBeUndefined();
  });
});
