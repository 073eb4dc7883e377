/** A ranked list entry: a unit (chunk or document) by position, with the score that ranked it. */
export interface Ranked {
  id: number;
  score: number;
}

export interface FusionOptions {
  /** RRF's damping constant: larger flattens the advantage of the very top ranks. */
  k?: number;
  /** Weight per input list (default 1 each). */
  weights?: number[];
}

export const DEFAULT_RRF_K = 60;

/**
 * Reciprocal rank fusion: each list contributes weight / (k + rank). It needs no score
 * calibration between BM25 and cosine similarity, which live on unrelated scales.
 */
export function reciprocalRankFusion(lists: Ranked[][], options: FusionOptions = {}): Ranked[] {
  const k = options.k ?? DEFAULT_RRF_K;
  const fused = new Map<number, number>();
  lists.forEach((list, l) => {
    const weight = options.weights?.[l] ?? 1;
    list.forEach((entry, rank) => fused.set(entry.id, (fused.get(entry.id) ?? 0) + weight / (k + rank + 1)));
  });
  return [...fused.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
