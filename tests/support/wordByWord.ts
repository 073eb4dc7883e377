import { tokenize } from "../../retrieval/text/tokenize.js";
import type { QueryConcept } from "../../retrieval/query/understandQuestion.js";

/**
 * A question read word by word, each word searched as itself: the words in `names` are its names,
 * and `close` gives words standing for a word ("buy": ["bought"]) at weight 0.5.
 */
export function readWordByWord(searched: string, { names = [], close = {} }: { names?: readonly string[]; close?: Record<string, string[]> } = {}): { searched: string; concepts: QueryConcept[] } {
  const concepts = searched
    .toLowerCase()
    .split(/\s+/u)
    .flatMap((typed) =>
      tokenize(typed).map((term) => ({ typed, name: names.includes(typed), forms: [{ term, weight: 1 }, ...(close[typed] ?? []).map((w) => ({ term: tokenize(w)[0]!, weight: 0.5 }))] })),
    );
  return { searched, concepts };
}
