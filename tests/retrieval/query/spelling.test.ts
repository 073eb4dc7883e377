import { describe, expect, it } from "vitest";
import { correctToDictionary, correctWord, editDistance, isFunctionWord, transliterationKey, typoTolerance } from "../../../retrieval/query/spelling.js";
import { buildVocabulary } from "../../../retrieval/query/vocabulary.js";
import type { Document } from "../../../retrieval/types.js";

const TEXT =
  "The senior cleric Ali al-Sistani spoke. Kataib Hezbollah and Harakat al-Nujaba attacked. The US killed Abu Mahdi al-Muhandis. " +
  "Esmail Qaani visited Baghdad. Ktaeb Hezbollah attacks continued, and the funeral was held in Najaf. The missile attacks grew.";
const doc: Document = { id: "a", file: "a.txt", title: "A", text: TEXT, regions: [{ start: 0, end: TEXT.length }] };
const vocabulary = buildVocabulary([doc]);

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("attcak", "attack", 2)).toBe(1);
    expect(editDistance("missle", "missile", 2)).toBe(1);
    expect(editDistance("funerl", "funeral", 2)).toBe(1);
  });

  it("stops at the bound", () => {
    expect(editDistance("baghdad", "najaf", 1)).toBe(2);
  });
});

describe("typoTolerance", () => {
  it("allows no typo under five letters, one from five, two from nine", () => {
    expect([4, 5, 8, 9].map(typoTolerance)).toEqual([0, 1, 1, 2]);
  });
});

describe("transliterationKey", () => {
  it("gives one key to the spellings of a name", () => {
    expect(new Set(["kataib", "ktaeb", "kataeb"].map(transliterationKey)).size).toBe(1);
    expect(transliterationKey("nujabba")).toBe(transliterationKey("nujaba"));
    expect(transliterationKey("muhandes")).toBe(transliterationKey("muhandis"));
    expect(transliterationKey("ghaani")).toBe(transliterationKey("qaani"));
    expect(transliterationKey("hezbollah")).toBe(transliterationKey("hezbolla"));
  });

  it("keeps names with other consonants apart", () => {
    expect(transliterationKey("najaf")).not.toBe(transliterationKey("nujaba"));
  });
});

describe("correctWord", () => {
  it("reads a misspelt name as the corpus spells it", () => {
    expect(correctWord("sistany", vocabulary)?.form).toBe("sistani");
    expect(correctWord("nujabba", vocabulary)).toEqual({ form: "nujaba", kind: "spelling" });
    expect(correctWord("muhandes", vocabulary)).toEqual({ form: "muhandis", kind: "spelling" });
    expect(correctWord("qaany", vocabulary)?.form).toBe("qaani");
  });

  it("corrects a word of four letters only to a name of five it is missing a letter of", () => {
    // "Qaani" and "Najaf" are names of five; "qani" and "naja" leave a letter out, "nafj" swaps two.
    expect(correctWord("qani", vocabulary)).toEqual({ form: "qaani", kind: "typo" });
    expect(correctWord("naja", vocabulary)).toEqual({ form: "najaf", kind: "typo" });
    expect(correctWord("nafj", vocabulary)).toBeUndefined();
    // Not an ordinary word of five, nor a name's own plural.
    expect(correctWord("spok", vocabulary)).toBeUndefined();
    const units = buildVocabulary([{ ...doc, text: "The Popular Mobilization Units grew.", regions: [{ start: 0, end: 36 }] }]);
    expect(correctWord("unit", units)).toBeUndefined();
  });

  it("corrects a typo in an ordinary word within the tolerance", () => {
    expect(correctWord("attaks", vocabulary)).toEqual({ form: "attacks", kind: "typo" });
    expect(correctWord("funerl", vocabulary)).toEqual({ form: "funeral", kind: "typo" });
    expect(correctWord("missle", vocabulary)).toEqual({ form: "missile", kind: "typo" });
  });

  it("corrects a typo in a word the corpus uses only in the other number, keeping the number typed", () => {
    // The corpus says "attacked", "attacks" and "missile", never "attack" or "missiles".
    expect(correctWord("attak", vocabulary)).toEqual({ form: "attack", kind: "typo" });
    expect(correctWord("misiles", vocabulary)).toEqual({ form: "missiles", kind: "typo" });
    // Within the tolerance only: two slips in a word of seven letters are too many.
    expect(correctWord("mizsles", vocabulary)).toBeUndefined();
  });

  it("takes a typo of an ordinary word for that word, never for a name sharing its consonants", () => {
    const text = "The teacher met Margaret Thatcher. The level rose, said Lovell. Ross works with words.";
    const words = buildVocabulary([{ id: "b", file: "b.txt", title: "B", text, regions: [{ start: 0, end: text.length }] }]);
    expect(correctWord("teacehr", words)).toEqual({ form: "teacher", kind: "typo" });
    expect(correctWord("leevel", words)).toEqual({ form: "level", kind: "typo" });
    // Under five letters a word gets no typo, and no name by its consonants either.
    expect(correctWord("wors", words)).toBeUndefined();
  });

  it("corrects towards the words of the articles' titles and publishers, which the prose may never use", () => {
    const text = "Drones struck the port.";
    const words = buildVocabulary([{ id: "c", file: "c.txt", title: "Port hit", publisher: "The Jerusalem Post", text, regions: [{ start: 0, end: text.length }] }]);
    expect(correctWord("jeruslem", words)).toEqual({ form: "jerusalem", kind: "typo" });
  });

  it("leaves short words, numbers and words near nothing alone", () => {
    expect(correctWord("naj", vocabulary)).toBeUndefined();
    expect(correctWord("nfaj", vocabulary)).toBeUndefined();
    expect(correctWord("2024x", vocabulary)).toBeUndefined();
    expect(correctWord("photography", vocabulary)).toBeUndefined();
  });

  it("knows the English words the dictionary leaves out, which are never slips", () => {
    expect(["among", "towards", "upon", "whilst", "via"].every(isFunctionWord)).toBe(true);
    expect(isFunctionWord("attack")).toBe(false);
  });
});

describe("correctToDictionary", () => {
  const dictionary = new Set(["hitting", "hiting", "hating", "competing", "whined", "team"]);
  const isWord = (form: string) => dictionary.has(form);
  // What each leads to in a corpus that says "struck" and "targeted", never "hit".
  const reach = (form: string) => ({ hitting: 3, hiting: 3, competing: 1, whined: 0 })[form] ?? 0;

  it("reads a slip as the dictionary word one edit away that leads into the corpus", () => {
    expect(correctToDictionary("competingg", isWord, reach)).toBe("competing");
    // A letter left out is put back before one is changed: "hitting", not "hiting"; "hating" leads nowhere.
    expect(correctToDictionary("htting", isWord, reach)).toBe("hitting");
  });

  it("corrects nothing that leads nowhere, nothing under five letters and no number", () => {
    expect(correctToDictionary("whhined", isWord, reach)).toBeUndefined();
    expect(correctToDictionary("tean", isWord, () => 1)).toBeUndefined();
    expect(correctToDictionary("hittin9", isWord, reach)).toBeUndefined();
  });
});

describe("buildVocabulary", () => {
  it("knows names by their capitals inside sentences, not at a sentence start", () => {
    expect(vocabulary.names.has("sistani")).toBe(true);
    expect(vocabulary.names.has("najaf")).toBe(true);
    expect(vocabulary.names.has("missile")).toBe(false);
    expect(vocabulary.names.has("funeral")).toBe(false);
  });
});
