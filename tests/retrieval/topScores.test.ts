import { describe, expect, it } from "vitest";
import { topScores } from "../../retrieval/topScores.js";

/** What sorting every score gives: best first, ties by position. */
function sortedAll(scores: Float64Array, k: number, positions?: number[]) {
  return (positions ?? [...scores.keys()]).map((position) => ({ position, score: scores[position]! })).sort((a, b) => b.score - a.score || a.position - b.position).slice(0, k);
}

/** A fixed pseudo-random sequence, with few distinct values so that ties are many. */
function scoresWithTies(length: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * 7) / 2 - 1;
  });
}

describe("topScores", () => {
  it("gives the k best as a full sort does, ties kept in position order, for every k", () => {
    for (const seed of [1, 2, 3]) {
      const scores = scoresWithTies(60, seed);
      for (const k of [0, 1, 5, 17, 59, 60, 100]) expect(topScores(scores, k)).toEqual(sortedAll(scores, k));
    }
  });

  it("ranks only the positions given, in any order", () => {
    const scores = scoresWithTies(40, 9);
    const positions = [39, 3, 17, 4, 22, 8, 30, 1, 12, 25, 6, 33, 19, 2, 28];
    for (const k of [1, 3, 6, 10]) expect(topScores(scores, k, positions)).toEqual(sortedAll(scores, k, positions));
    expect(topScores(scores, 3, [])).toEqual([]);
  });
});
