import type { UnderstoodQuestion } from "../query/understandQuestion.js";
import { isStopWord, wordForm } from "../text/tokenize.js";

/** "this year", "these days": a time told from now, which says itself which it is. */
const TIME_WORDS = new Set("year years week weeks month months season seasons weekend morning afternoon evening night time times day days past summer winter spring autumn decade century".split(" "));

/** A demonstrative before a word: "this drive", "these uprisings", "those fighters". */
const POINTING = /\b(?:this|these|those)\s+([\p{L}][\p{L}'’-]*)/giu;

/**
 * The phrase of a question that points at something it never names ("Who caught a 16-yard pass on
 * this drive?", "where did these uprisings take place"), as one asked after reading a paragraph does.
 * With no name of its own, nothing in the question says which drive or which uprisings, so no passage
 * can be confirmed as its answer. A question naming anyone or anything ("these iraqi militias") says
 * which; a time told from now ("this year") needs no naming.
 */
export function unnamedReferent(understood: Pick<UnderstoodQuestion, "searched" | "concepts">): string | undefined {
  if (understood.concepts.some((c) => c.name)) return undefined;
  for (const match of understood.searched.matchAll(POINTING)) {
    const word = wordForm(match[1]!);
    if (!isStopWord(word) && !TIME_WORDS.has(word)) return match[0];
  }
  return undefined;
}
