import { describe, expect, it } from "vitest";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "../../retrieval/eval/metrics.js";

describe("ranking metrics (trec_eval conventions, binary relevance)", () => {
  const relevant = new Set(["a", "b"]);

  it("nDCG@k divides by the ideal ranking of every relevant document", () => {
    expect(ndcgAt(10, ["a", "b", "x"], relevant)).toBeCloseTo(1, 10);
    // One relevant document at rank 2 of two relevant: (1/log2 3) / (1 + 1/log2 3).
    expect(ndcgAt(10, ["x", "a"], relevant)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 10);
    expect(ndcgAt(1, ["x", "a"], relevant)).toBe(0);
  });

  it("recall@k and reciprocal rank@k", () => {
    expect(recallAt(2, ["a", "x", "b"], relevant)).toBe(0.5);
    expect(recallAt(3, ["a", "x", "b"], relevant)).toBe(1);
    expect(reciprocalRankAt(10, ["x", "y", "b"], relevant)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRankAt(2, ["x", "y", "b"], relevant)).toBe(0);
  });

  it("mean and nearest-rank percentiles", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(percentile([], 0.5)).toBe(0);
  });
});
