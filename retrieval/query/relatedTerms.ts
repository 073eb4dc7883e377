import { termOf, wordForm } from "../text/tokenize.js";
import type { QueryLexicon, WeightedTerm } from "./understandQuestion.js";

export type Relation = "inflection" | "synonym" | "hypernym" | "hyponym" | "derived" | "similar";

/** The word class of the sense a related word comes from: the typed word as noun, verb, adjective or adverb. */
export type WordClass = "noun" | "verb" | "adj" | "adv";

/** A lexical database of English (WordNet): which words exist, and which are related to which. */
export interface Thesaurus {
  /** True for a word in the dictionary, in any inflection ("killed"): such a word is not a typo. */
  isWord(form: string): boolean;
  /** Words related to the word's lemmas; `sense` ranks the meaning, most common first (0-based). */
  related(form: string): { word: string; relation: Relation; sense: number; pos?: WordClass }[];
  /**
   * True when the words ("japan", "tel aviv") name one particular place, person or thing in their
   * commonest sense, and, unless `capitalised`, are no other kind of word ("swift").
   */
  namesEntity?(words: string, capitalised: boolean): boolean;
  /** True for a verb's base form ("declare", not "declared" or "war"). */
  isVerb?(form: string): boolean;
}

/**
 * How much a related word counts against the typed one, and in how many of the word's commonest
 * senses it is looked for: a synonym of a rare sense ("kill" as "a sudden defeat") adds noise.
 */
export const RELATED_TERMS: Record<Relation, { weight: number; senses: number }> = {
  /** Another form of the same word ("bought" for "buying"): the word itself. */
  inflection: { weight: 1, senses: 1 },
  synonym: { weight: 0.5, senses: 2 },
  derived: { weight: 0.5, senses: 2 },
  similar: { weight: 0.4, senses: 2 },
  hypernym: { weight: 0.3, senses: 1 },
  hyponym: { weight: 0.3, senses: 1 },
};

/**
 * Search terms of words related to `form` that the index holds, each at its relation's weight; with
 * `asNoun`, from its senses as a noun only ("the weather" is not "weather the storm", endure).
 */
export function relatedTerms(form: string, lexicon: Pick<QueryLexicon, "hasTerm" | "thesaurus">, asNoun = false): WeightedTerm[] {
  if (!lexicon.thesaurus) return [];
  const own = termOf(form);
  const found = new Map<string, number>();
  for (const { word, relation, sense, pos } of lexicon.thesaurus.related(form)) {
    if (asNoun && pos !== undefined && pos !== "noun") continue;
    const rule = RELATED_TERMS[relation];
    // A collocation ("shoot down") would need all its words near each other; single words only.
    if (sense >= rule.senses || /\s/u.test(word)) continue;
    const term = termOf(wordForm(word));
    if (term === undefined || term === own || !lexicon.hasTerm(term)) continue;
    found.set(term, Math.max(found.get(term) ?? 0, rule.weight));
  }
  return [...found.entries()].map(([term, weight]) => ({ term, weight }));
}
