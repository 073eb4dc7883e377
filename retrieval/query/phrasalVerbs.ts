import { termOf, wordForm } from "../text/tokenize.js";
import { PARAPHRASE_WEIGHT } from "./paraphrases.js";
import { relatedTerms } from "./relatedTerms.js";
import type { QueryLexicon, WeightedTerm } from "./understandQuestion.js";

/** Words that, after a verb, make a phrasal verb with a meaning of its own ("pull out", "set up"). */
const PARTICLES = new Set(["up", "down", "out", "off", "over", "back", "away", "in", "on", "through", "together", "apart"]);

/**
 * What news reports write for phrasal verbs people use of war, in senses WordNet lacks ("take out"
 * is "remove" there, never "kill"). Written as general news vocabulary, not from any question set.
 */
const RETALIATED = ["retaliate", "retaliated", "retaliation", "respond", "responded", "response"];
const NEWS_PHRASALS: Record<string, readonly string[]> = {
  "take out": ["kill", "killed", "eliminate", "eliminated", "destroy", "destroyed", "assassinated"],
  "wipe out": ["destroy", "destroyed", "kill", "killed", "eliminate", "eliminated"],
  "go after": ["target", "targeted", "attack", "attacked", "strike", "struck"],
  "hit back": RETALIATED,
  "strike back": RETALIATED,
  "fire back": RETALIATED,
  "back down": ["retreat", "retreated", "concede", "conceded", "deterred"],
};

/**
 * Search terms for what a verb means with the particle after it: "pull out" is "withdraw", "set up"
 * is "establish", "blow up" is "explode", none of which the verb alone says. The thesaurus lists
 * such phrasal verbs as words of their own; the verb's irregular forms find them ("shot down").
 */
export function phrasalVerbTerms(verb: string, next: string | undefined, lexicon: Pick<QueryLexicon, "hasTerm" | "thesaurus">): WeightedTerm[] {
  if (next === undefined || !PARTICLES.has(next) || !lexicon.thesaurus) return [];
  const lemmas = new Set([verb, ...lexicon.thesaurus.related(verb).flatMap((r) => (r.relation === "inflection" ? [r.word] : []))]);
  const news = [...lemmas].flatMap((lemma) => NEWS_PHRASALS[`${lemma} ${next}`] ?? []).flatMap((word) => {
    const term = termOf(wordForm(word));
    return term !== undefined && lexicon.hasTerm(term) ? [{ term, weight: PARAPHRASE_WEIGHT }] : [];
  });
  return [...[...lemmas].flatMap((lemma) => relatedTerms(`${lemma} ${next}`, lexicon)), ...news];
}
