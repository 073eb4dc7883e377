import { afterAll, describe, expect, it } from "vitest";
import { verbNotAround } from "../../retrieval/verdict/unstatedVerbs.js";
import { openWordNet } from "../../retrieval/query/wordnet.js";
import { tokenize } from "../../retrieval/text/tokenize.js";
import { readWordByWord } from "../support/wordByWord.js";

const wordnet = openWordNet();
afterAll(() => wordnet.close());
const isVerb = (form: string) => wordnet.isVerb(form);

/** A question read word by word, plus the other forms and close words given. */
const understood = (searched: string, close: Record<string, string[]> = {}) => readWordByWord(searched, { close });
/** A one-sentence passage: its words are the window's. */
const window = (text: string) => ({ window: new Set(tokenize(text)), sentence: text });

describe("verbNotAround", () => {
  it("names the verb of a 'why did' question that the passage does not say, past its subject", () => {
    const passage = window("Saudi Arabia bought ten missile batteries of the Cheongung system in February.");
    expect(verbNotAround(understood("why did saudi arabia cancel its cheongung order"), passage, isVerb)).toBe("cancel");
    expect(verbNotAround(understood("why did the iraqi government send weapons"), window("The government delivered food."), isVerb)).toBe("send");
  });

  it("takes the verb as said by another form of it or a close word for it, as the question's reading gives them", () => {
    expect(verbNotAround(understood("why did saudi arabia buy the system", { buy: ["bought"] }), window("Saudi Arabia bought ten batteries."), isVerb)).toBeUndefined();
    expect(verbNotAround(understood("why did israel hit yemen", { hit: ["struck"] }), window("Israel has struck Yemen directly twice."), isVerb)).toBeUndefined();
  });

  it("leaves other questions, and verbs of wanting or thinking, alone", () => {
    const passage = window("Iran is apprehensive about activating the Iraqi front.");
    expect(verbNotAround(understood("why did iran want the iraqi front kept small"), passage, isVerb)).toBeUndefined();
    expect(verbNotAround(understood("when did iran cancel the plan"), passage, isVerb)).toBeUndefined();
    expect(verbNotAround(understood("why is iran cancelling the plan"), passage, isVerb)).toBeUndefined();
  });

  it("names the verb the passage says only as what may happen", () => {
    const passage = window("Should the movement be required to leave Qatar, there is a possibility that it might relocate its center of gravity to Baghdad.");
    expect(verbNotAround(understood("why did hamas relocate to baghdad"), passage, isVerb)).toBe("relocate");
    expect(verbNotAround(understood("why did hamas leave qatar"), passage, isVerb)).toBe("leave");
    expect(verbNotAround(understood("why did the militias attack eilat"), window("The militias could attack Eilat again."), isVerb)).toBe("attack");
    // Said once as fact, it is stated, whatever else the sentence supposes.
    expect(verbNotAround(understood("why did the militias attack eilat"), window("The militias attacked Eilat, and could attack it again."), isVerb)).toBeUndefined();
  });

  it("leaves a light verb alone, whose meaning is in the words after it", () => {
    const passage = window("An Israeli drone strike killed an IRI commander near Damascus airport.");
    expect(verbNotAround(understood("why did israel go after the iri commander"), passage, isVerb)).toBeUndefined();
    expect(verbNotAround(understood("why did israel take out the iri commander"), passage, isVerb)).toBeUndefined();
    expect(verbNotAround(understood("why did israel arrest the iri commander"), passage, isVerb)).toBe("arrest");
  });
});
