import { describe, expect, it } from "vitest";
import { bm25Idf, createBm25Index, searchBm25 } from "../../retrieval/bm25.js";

const units = [
  ["qaani", "visited", "baghdad"],
  ["militias", "fired", "rockets"],
  ["qaani", "met", "militias"],
];
// A caption: searchable, but not part of what makes a word rare in the articles' prose.
const caption = ["blinken", "met", "sudani", "qaani"];

describe("BM25 index", () => {
  it("ranks units by the query's rare words, weighted by how the query counts them", () => {
    const index = createBm25Index(units);
    expect(searchBm25(index, [{ term: "rockets", weight: 1 }], 10).map((h) => h.unit)).toEqual([1]);
    const both = searchBm25(index, [{ term: "qaani", weight: 1 }, { term: "militias", weight: 0.5 }], 10);
    expect(both[0]!.unit).toBe(2);
    expect(bm25Idf(index, "rockets")).toBeGreaterThan(bm25Idf(index, "qaani"));
  });

  it("finds uncounted units but leaves every word's IDF and the average length as the counted units make them", () => {
    const counted = createBm25Index(units);
    const withCaption = createBm25Index([...units, caption], {}, new Set([3]));
    for (const term of ["qaani", "met", "militias", "rockets", "blinken"]) expect(bm25Idf(withCaption, term)).toBe(bm25Idf(counted, term));
    expect(withCaption.averageLength).toBe(counted.averageLength);
    expect(searchBm25(withCaption, [{ term: "blinken", weight: 1 }], 10).map((h) => h.unit)).toEqual([3]);
    // Counted, the caption would make "qaani" and "met" commoner.
    expect(bm25Idf(createBm25Index([...units, caption]), "qaani")).toBeLessThan(bm25Idf(counted, "qaani"));
  });
});
