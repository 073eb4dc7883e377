/**
 * The `k` highest of `scores` at `positions` (every position when omitted), best first and ties by
 * position: what sorting all of them would give, found in one pass that keeps the best `k` so far in
 * a heap (worst on top), so ranking 17,000 chunks for 400 costs little more than reading them.
 * BM25 and the embedded vector search both rank this way.
 */
export function topScores(scores: Float64Array, k: number, positions?: readonly number[]): { position: number; score: number }[] {
  const count = positions ? positions.length : scores.length;
  const size = Math.min(k, count);
  if (size <= 0) return [];
  const heap = new Int32Array(size);
  // a ranks below b: a lower score, or the same score further down.
  const below = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < size && below(heap[left]!, heap[worst]!)) worst = left;
      if (right < size && below(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < size; i++) heap[i] = positions ? positions[i]! : i;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let i = size; i < count; i++) {
    const position = positions ? positions[i]! : i;
    if (below(heap[0]!, position)) {
      heap[0] = position;
      siftDown(0);
    }
  }
  return Array.from(heap, (position) => ({ position, score: scores[position]! })).sort((a, b) => b.score - a.score || a.position - b.position);
}
