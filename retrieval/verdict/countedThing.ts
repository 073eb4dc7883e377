import type { QueryConcept } from "../query/understandQuestion.js";
import { termOf } from "../text/tokenize.js";
import { isYear, NUMBER_WORDS } from "../answerType.js";

/**
 * "How many drones does Kataib Hezbollah have" is answered by a number of drones, not by any number:
 * a passage on drones "on several occasions" states how often, never how many. The counted thing is
 * the noun phrase after "how many", up to the word that ends it; without parts of speech its last
 * word may be a verb ("how many soldiers died"), so every word of it (up to three) stands for it.
 */
const ENDS_NOUN_PHRASE = new Set(
  ("did do does were was are is has have had will would could can should may might in on at of from for to with by into over " +
    "that who which whom the a an since after before during ago there per each every").split(" "),
);
const MAX_PHRASE_WORDS = 3;
const term = (word: string) => termOf(word)!;
const [PEOPLE, PERSON, TIMES, TWICE, THRICE] = [term("people"), term("person"), term("times"), term("twice"), term("thrice")];

/** The words of what a "how many" question counts ("us soldiers" in "how many us soldiers did…"), if it asks one. */
export function countedWords(question: string): string[] {
  const words = question.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const at = words.findIndex((w, i) => w === "how" && words[i + 1] === "many");
  if (at < 0) return [];
  const phrase: string[] = [];
  for (const word of words.slice(at + 2, at + 2 + MAX_PHRASE_WORDS)) {
    if (ENDS_NOUN_PHRASE.has(word)) break;
    phrase.push(word);
  }
  return phrase;
}

/** The terms that stand for the counted thing: those of the question's concepts for its words. */
export function countedTerms(question: string, concepts: readonly QueryConcept[]): ReadonlySet<string> | undefined {
  const words = countedWords(question);
  const terms = new Set(concepts.filter((c) => words.includes(c.typed)).flatMap((c) => c.forms.map((f) => f.term)));
  if (terms.size === 0) return undefined;
  // "How many people" is answered by "one person"; "how many times" by "twice".
  if (terms.has(PEOPLE)) terms.add(PERSON);
  if (terms.has(PERSON)) terms.add(PEOPLE);
  return terms;
}

// Number words as search terms.
const NUMBER_TERMS = new Set(NUMBER_WORDS.map(term));
// A year ("in 2020 soldiers…") dates, it does not count.
const isNumberTerm = (term: string) => (/^\p{N}/u.test(term) && !isYear(term)) || NUMBER_TERMS.has(term);
/** Search terms between a number and what it counts ("three US soldiers", "85 targets at seven facilities"). */
const COUNT_REACH = 3;

/** True when the sentence's terms hold a number of the counted thing: a number with a term for it just after. */
export function countsThing(tokens: readonly string[], counted: ReadonlySet<string>): boolean {
  if (counted.has(TIMES) && tokens.some((t) => t === TWICE || t === THRICE)) return true;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumberTerm(tokens[i]!)) continue;
    for (let j = i + 1; j <= i + COUNT_REACH && j < tokens.length; j++) if (counted.has(tokens[j]!)) return true;
  }
  return false;
}
