import type { SentenceScore } from "./selectPassages.js";

/**
 * When to say "the corpus does not answer this" instead of quoting something loosely related.
 * Set on the seed question set (tests/fixtures/questions.ts) before the bigram feature joined the
 * score: its answerable questions scored 0.57 and up, off-topic ones 0.36 at most, and 0.54 also
 * turned away on-topic near misses around 0.52 that pass the support checks (answer type, the
 * question's words and names, its key word). The score is now a mean over weights summing to 1.2
 * rather than 1, so 0.54 became 0.45.
 */
export const REFUSAL_THRESHOLDS = {
  /** Best sentence score below this: nothing answers. */
  minScore: 0.45,
};

export type Verdict = { answered: true } | { answered: false; refusal: string };

export function decideAnswered(best: SentenceScore | undefined, questionTerms: number): Verdict {
  if (!best) return { answered: false, refusal: "The corpus has no passage on this question." };
  if (questionTerms === 0) {
    return { answered: false, refusal: "The question has no searchable words (only very common ones); please be more specific." };
  }
  if (best.score < REFUSAL_THRESHOLDS.minScore && best.lexical === 0) {
    return { answered: false, refusal: "None of the articles in the corpus is about this." };
  }
  if (!best.supported) {
    const names = best.missingNames.length ? ` (none mentions ${best.missingNames.join(", ")} there)` : "";
    return { answered: false, refusal: `The articles touch on this, but none of them states what the question asks${names}.` };
  }
  if (best.score < REFUSAL_THRESHOLDS.minScore) return { answered: false, refusal: "None of the articles in the corpus answers this question." };
  return { answered: true };
}
