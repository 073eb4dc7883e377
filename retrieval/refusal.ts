import type { SentenceScore } from "./selectPassages.js";

/**
 * When to say "the corpus does not answer this" instead of quoting something loosely related.
 * Thresholds were set on the seed question set (answerable and unanswerable questions, see
 * tests/fixtures/questions.ts) and are reported in the README with the rates they give.
 */
export const REFUSAL_THRESHOLDS = {
  /** Best sentence score below this: nothing answers. */
  minScore: 0.42,
  /** A sentence that shares few of the question's key words must be semantically very close. */
  minLexical: 0.34,
  minDenseWhenLexicalLow: 0.55,
};

export type Verdict = { answered: true } | { answered: false; refusal: string };

export function decideAnswered(best: SentenceScore | undefined, questionTerms: number): Verdict {
  const t = REFUSAL_THRESHOLDS;
  if (!best) return { answered: false, refusal: "The corpus has no passage on this question." };
  if (questionTerms === 0 && best.dense < t.minDenseWhenLexicalLow) {
    return { answered: false, refusal: "The question has no searchable words (only very common ones); please be more specific." };
  }
  if (!best.typeMatch) {
    return { answered: false, refusal: "The articles discuss this topic but none of them states what the question asks for." };
  }
  if (best.score < t.minScore || (best.lexical < t.minLexical && best.dense < t.minDenseWhenLexicalLow)) {
    return { answered: false, refusal: "None of the articles in the corpus answers this question." };
  }
  return { answered: true };
}
