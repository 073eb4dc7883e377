import type { QueryConcept } from "../query/understandQuestion.js";
import { termOf } from "../text/tokenize.js";
import { isYear, MONTHS, NUMBER_WORDS } from "../answerType.js";

/**
 * "How many drones does Kataib Hezbollah have" is answered by a number of drones, not by any number:
 * a passage on drones "on several occasions" states how often, never how many. The counted thing is
 * the noun phrase after "how many", up to the word that ends it; without parts of speech its last
 * word may be a verb ("how many soldiers died"), so every word of it (up to three) stands for it.
 */
const ENDS_NOUN_PHRASE = new Set(
  ("did do does were was are is has have had will would could can should may might got get gets getting been being in on at of from for to with by into over " +
    "that who which whom the a an since after before during ago there per each every").split(" "),
);
const MAX_PHRASE_WORDS = 3;
const term = (word: string) => termOf(word)!;
const [PEOPLE, PERSON, TIMES, TWICE, THRICE] = [term("people"), term("person"), term("times"), term("twice"), term("thrice")];

/** Words between the counted thing and its verb in a passive question ("how many people were injured"). */
const PASSIVE_AUXILIARIES = new Set(["were", "was", "are", "is", "got", "get", "have", "has", "had", "been", "being", "be"]);

/** The words of a "how many" question: the noun phrase it counts, and the verb said of it passively ("injured"). */
function countedPhrase(question: string): { thing: string[]; verb?: string } {
  const words = question.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const at = words.findIndex((w, i) => w === "how" && words[i + 1] === "many");
  if (at < 0) return { thing: [] };
  const thing: string[] = [];
  let next = at + 2;
  for (; next < Math.min(words.length, at + 2 + MAX_PHRASE_WORDS); next++) {
    if (ENDS_NOUN_PHRASE.has(words[next]!)) break;
    thing.push(words[next]!);
  }
  if (thing.length === 0 || !PASSIVE_AUXILIARIES.has(words[next] ?? "")) return { thing };
  while (PASSIVE_AUXILIARIES.has(words[next] ?? "")) next++;
  const verb = words[next];
  return verb === undefined || ENDS_NOUN_PHRASE.has(verb) ? { thing } : { thing, verb };
}

/** The words of what a "how many" question counts ("us soldiers" in "how many us soldiers did…"), if it asks one. */
export function countedWords(question: string): string[] {
  return countedPhrase(question).thing;
}

/**
 * What a "how many" question counts, as terms: the thing, and the verb a passive question says of
 * it ("how many people were injured"), which a passage may give the number after instead of the
 * thing ("injured 30").
 */
export interface CountedThing {
  things: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
}

/** The terms that stand for the counted thing and its verb: those of the question's concepts for their words. */
export function countedTerms(question: string, concepts: readonly QueryConcept[]): CountedThing | undefined {
  const { thing, verb } = countedPhrase(question);
  const termsOf = (words: readonly string[]) => new Set(concepts.filter((c) => words.includes(c.typed)).flatMap((c) => c.forms.map((f) => f.term)));
  const things = termsOf(thing);
  if (things.size === 0) return undefined;
  // "How many people" is answered by "one person"; "how many times" by "twice".
  if (things.has(PEOPLE)) things.add(PERSON);
  if (things.has(PERSON)) things.add(PEOPLE);
  return { things, verbs: termsOf(verb === undefined ? [] : [verb]) };
}

// Number words as search terms.
const NUMBER_TERMS = new Set(NUMBER_WORDS.map(term));
// A year ("in 2020 soldiers…") dates, it does not count.
const isNumberTerm = (term: string) => (/^\p{N}/u.test(term) && !isYear(term)) || NUMBER_TERMS.has(term);
// "fired on 25 September" dates the firing; it does not count what was fired.
const MONTH_TERMS = new Set(MONTHS.split("|").flatMap((m) => termOf(m.toLowerCase()) ?? []));
/** Search terms between a number and what it counts ("three US soldiers", "85 targets at seven facilities"). */
const COUNT_REACH = 3;

/**
 * True when the sentence's terms hold a number of the counted thing: a number with a term for it
 * just after, or a number right beside the verb said of it ("injured 30" for "how many people were injured").
 */
export function countsThing(tokens: readonly string[], counted: CountedThing): boolean {
  const { things, verbs } = counted;
  if (things.has(TIMES) && tokens.some((t) => t === TWICE || t === THRICE)) return true;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumberTerm(tokens[i]!)) continue;
    // The verb is right beside its number, stop words aside: "injured 30", "30 were injured".
    if (verbs.has(tokens[i + 1] ?? "") || (verbs.has(tokens[i - 1] ?? "") && !MONTH_TERMS.has(tokens[i + 1] ?? ""))) return true;
    for (let j = i + 1; j <= i + COUNT_REACH && j < tokens.length; j++) if (things.has(tokens[j]!)) return true;
  }
  return false;
}
