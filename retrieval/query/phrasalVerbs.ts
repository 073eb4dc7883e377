import { relatedTerms } from "./relatedTerms.js";
import type { QueryLexicon, WeightedTerm } from "./understandQuestion.js";

/** Words that, after a verb, make a phrasal verb with a meaning of its own ("pull out", "set up"). */
const PARTICLES = new Set(["up", "down", "out", "off", "over", "back", "away", "in", "on", "through", "together", "apart"]);

/**
 * Search terms for what a verb means with the particle after it: "pull out" is "withdraw", "set up"
 * is "establish", "blow up" is "explode", none of which the verb alone says. The thesaurus lists
 * such phrasal verbs as words of their own; the verb's irregular forms find them ("shot down").
 */
export function phrasalVerbTerms(verb: string, next: string | undefined, lexicon: Pick<QueryLexicon, "hasTerm" | "thesaurus">): WeightedTerm[] {
  if (next === undefined || !PARTICLES.has(next) || !lexicon.thesaurus) return [];
  const lemmas = new Set([verb, ...lexicon.thesaurus.related(verb).flatMap((r) => (r.relation === "inflection" ? [r.word] : []))]);
  return [...lemmas].flatMap((lemma) => relatedTerms(`${lemma} ${next}`, lexicon));
}
