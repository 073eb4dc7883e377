import { topScores } from "./topScores.js";

/** An inverted index over tokenized units (chunks or documents) for BM25 ranking. */
export interface Bm25Index {
  postings: Map<string, { unit: number; tf: number }[]>;
  lengths: Float64Array;
  averageLength: number;
  /** Units counted in the statistics (document frequency, unit count, average length). */
  counted: number;
  /** Document frequency over the counted units. */
  frequency: Map<string, number>;
  k1: number;
  b: number;
}

/**
 * k1 and b as Anserini's BEIR baselines use them (0.9, 0.4): short, dense news and science
 * passages reward little term repetition and only a mild length penalty.
 */
export const BM25_DEFAULTS = { k1: 0.9, b: 0.4 };

/**
 * `uncounted` units are found and scored like the rest but leave the statistics alone: a photo
 * caption is searchable, yet a word's rarity is what the articles' own prose makes it.
 */
export function createBm25Index(units: readonly (readonly string[])[], params: Partial<{ k1: number; b: number }> = {}, uncounted: ReadonlySet<number> = new Set()): Bm25Index {
  const postings = new Map<string, { unit: number; tf: number }[]>();
  const frequency = new Map<string, number>();
  const lengths = new Float64Array(units.length);
  let total = 0;
  units.forEach((terms, unit) => {
    lengths[unit] = terms.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const isCounted = !uncounted.has(unit);
    if (isCounted) total += terms.length;
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ unit, tf });
      if (isCounted) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  });
  const counted = units.length - uncounted.size;
  return { postings, lengths, averageLength: counted ? total / counted : 0, counted, frequency, ...BM25_DEFAULTS, ...params };
}

/** Lucene's IDF: never negative, so a term in most units still counts a little. */
export function bm25Idf(index: Bm25Index, term: string): number {
  const df = index.frequency.get(term) ?? 0;
  const n = index.counted;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Units ranked by BM25 for the query terms, each counting by its weight (a typed word 1), best first. */
export function searchBm25(index: Bm25Index, terms: readonly { term: string; weight: number }[], limit: number): { unit: number; score: number }[] {
  const { k1, b, lengths, averageLength } = index;
  const scores = new Float64Array(lengths.length);
  const seen = new Uint8Array(lengths.length);
  const touched: number[] = [];
  for (const { term, weight } of terms) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = weight * bm25Idf(index, term);
    for (const { unit, tf } of list) {
      const norm = k1 * (1 - b + (b * lengths[unit]!) / (averageLength || 1));
      if (!seen[unit]) {
        seen[unit] = 1;
        touched.push(unit);
      }
      scores[unit] = scores[unit]! + (idf * tf * (k1 + 1)) / (tf + norm);
    }
  }
  return topScores(scores, limit, touched).map(({ position, score }) => ({ unit: position, score }));
}
