import { describe, expect, it } from "vitest";
import { nearestByCosine, packVectors } from "../../retrieval/store/packedVectors.js";

/** A seeded pseudo-random vector, so the test is the same every run. */
function vectors(count: number, dimensions: number, seed: number): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return Array.from({ length: count }, () => Array.from({ length: dimensions }, next));
}

const cosine = (a: readonly number[], b: readonly number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * Math.fround(b[i]!);
    na += a[i]! * a[i]!;
    nb += Math.fround(b[i]!) ** 2;
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb));
};

describe("nearestByCosine", () => {
  for (const dimensions of [8, 7, 512]) {
    it(`ranks rows as plain cosine similarity does, best first (${dimensions} dimensions)`, () => {
      const rows = vectors(300, dimensions, dimensions);
      const [query] = vectors(1, dimensions, 99);
      const expected = rows.map((r, row) => ({ row, score: cosine(query!, r) })).sort((a, b) => b.score - a.score || a.row - b.row);
      const found = nearestByCosine(packVectors(rows, dimensions), query!, 10);
      expect(found.map((f) => f.row)).toEqual(expected.slice(0, 10).map((e) => e.row));
      found.forEach((f, i) => expect(f.score).toBeCloseTo(expected[i]!.score, 12));
    });
  }

  it("gives identical vectors identical scores, tied in row order", () => {
    const [a, b] = vectors(2, 16, 5);
    const found = nearestByCosine(packVectors([b!, a!, b!, a!], 16), a!, 4);
    expect(found.map((f) => f.row)).toEqual([1, 3, 0, 2]);
    expect(found[0]!.score).toBe(found[1]!.score);
  });
});
