import { describe, expect, it } from "vitest";
import { scoreSentence, type PassageQuery, type SentenceRecord } from "../../retrieval/selectPassages.js";
import { questionAnswerType } from "../../retrieval/answerType.js";
import { tokenize } from "../../retrieval/text/tokenize.js";

// One vector for question and sentences: dense similarity is equal, so only the words decide.
const VECTOR = [1, 0, 0];

function record(text: string, before = ""): SentenceRecord {
  const tokens = tokenize(text);
  return { docId: "d", index: 0, start: 0, end: text.length, vector: VECTOR, tokens, terms: new Set(tokens), windowTerms: new Set([...tokens, ...tokenize(before)]) };
}

function query(question: string): PassageQuery {
  return { vector: VECTOR, terms: tokenize(question), answerType: questionAnswerType(question), question, names: [], idf: () => 1 };
}

const score = (q: PassageQuery, text: string, before = "") => scoreSentence(q, record(text, before), 1, text);

describe("scoreSentence", () => {
  it("ranks the sentence holding the kind of phrase asked for above one that only repeats the question's words", () => {
    const q = query("When was the Harbour Bridge opened?");
    const withYear = score(q, "The Harbour Bridge opened in 1932.");
    const withoutYear = score(q, "The Harbour Bridge was opened by the premier.");
    expect(withYear.typeMatch).toBe(true);
    expect(withoutYear.typeMatch).toBe(false);
    expect(withYear.supported).toBe(true);
    expect(withoutYear.supported).toBe(false);
    expect(withYear.score).toBeGreaterThan(withoutYear.score);
  });

  it("counts the question's words in the sentences just before as coverage, and ranks on it", () => {
    const q = query("How many cars cross the Harbour Bridge each day?");
    const leaning = score(q, "About 160,000 cars cross it each day.", "The Harbour Bridge spans the harbour.");
    const alone = score(q, "About 160,000 cars cross it each day.");
    expect(leaning.lexical).toBe(alone.lexical);
    expect(alone.supported && leaning.supported).toBe(true);
    expect(leaning.coverage).toBeGreaterThan(alone.coverage);
    expect(leaning.score).toBeGreaterThan(alone.score);
  });

  it("keeps the score a weighted mean in [0, 1]", () => {
    const q = query("When was the Harbour Bridge opened?");
    for (const text of ["The Harbour Bridge opened in 1932.", "Trains run every ten minutes.", ""]) {
      const { score: s } = score(q, text);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
