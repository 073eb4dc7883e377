import { termOf, WORD_PATTERN, wordForm } from "../text/tokenize.js";

/** A "why" question, after any opener ("so why…", "lol why…"). */
const ASKS_WHY = /^\s*(?:[\p{L}]+\s+)?why\b/iu;
/** Negation in a question, with its apostrophe or without, as people type it ("dont"). */
const QUESTION_NEGATION = /\b(?:not|never|no|nothing|none|dont|doesnt|didnt|cant|wont|isnt|arent|wasnt|werent|hasnt|havent)\b|n['’]t\b/iu;
/** Negation in a passage: the words it governs follow it ("not as capable as", "don't want"). */
const PASSAGE_NEGATION = /\b(?:not|never|no|nor|neither)\b|n['’]t\b/giu;
/** How many words after a negation it still governs. */
const NEGATION_REACH = 4;

/**
 * A "why" question takes what it asks the reason for as given ("why did Knights say the militias
 * are more capable than Hezbollah"). A sentence that negates one of the question's words ("are not
 * as capable as Hezbollah") states no reason for it: the premise is false, or not this sentence's.
 * `askedTerms` are the terms of the question's words other than names; the question must not
 * negate anything itself ("why didn't…" asks about a negation). Returns the denying words, if any.
 */
export function deniedPremise(question: string, askedTerms: ReadonlySet<string>, sentence: string): string | undefined {
  if (!ASKS_WHY.test(question) || QUESTION_NEGATION.test(question)) return undefined;
  for (const negation of sentence.matchAll(PASSAGE_NEGATION)) {
    // "don't" is denied from the word's start.
    const from = negation[0].startsWith("n") && /[\p{L}]/u.test(sentence[negation.index - 1] ?? "") ? sentence.lastIndexOf(" ", negation.index) + 1 : negation.index;
    const after = negation.index + negation[0].length;
    const words = [...sentence.slice(after).matchAll(WORD_PATTERN)].slice(0, NEGATION_REACH);
    const denied = words.findIndex((w) => askedTerms.has(termOf(wordForm(w[0])) ?? ""));
    if (denied >= 0) {
      const word = words[denied]!;
      return sentence.slice(from, after + word.index + word[0].length).trim();
    }
  }
  return undefined;
}
