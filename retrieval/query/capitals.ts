import { termOf } from "../text/tokenize.js";
import { nationalityOrState, stateOfNationality } from "../names/nationalities.js";
import type { QueryLexicon, WeightedTerm } from "./understandQuestion.js";

/**
 * News writes a capital for its government ("Tehran has looked to…", "Baghdad expects…"), and
 * people ask either way: each is searched for the other, where the corpus uses it, at a low weight.
 */
const CAPITALS: Record<string, string> = {
  tehran: "iran",
  baghdad: "iraq",
  washington: "unitedstates",
  jerusalem: "israel",
  beirut: "lebanon",
  damascus: "syria",
  sanaa: "yemen",
  amman: "jordan",
  doha: "qatar",
  riyadh: "saudi",
  cairo: "egypt",
  ankara: "turkey",
  moscow: "russia",
  beijing: "china",
  kabul: "afghanistan",
  islamabad: "pakistan",
  kyiv: "ukraine",
  london: "britain",
  paris: "france",
  berlin: "germany",
};
const STATES = Object.fromEntries(Object.entries(CAPITALS).map(([capital, state]) => [state, capital]));

/** The state a capital stands for, or the capital of a state, as word forms ("tehran" ↔ "iran"). */
export function capitalOrState(form: string): string | undefined {
  return Object.hasOwn(CAPITALS, form) ? CAPITALS[form] : Object.hasOwn(STATES, form) ? STATES[form] : undefined;
}

export const CAPITAL_WEIGHT = 0.3;
/** "Iraq-based militias" are Iraqi ones, "American forces" are US forces: nearly the same word. */
export const NATIONALITY_WEIGHT = 0.5;

/**
 * The state's capital for a state, the capital's state for a capital, and a state's nationality
 * word for the state and back ("iraqi" ↔ "iraq"), each where the index has it.
 */
export function capitalAndStateTerms(form: string, lexicon: Pick<QueryLexicon, "hasTerm">): WeightedTerm[] {
  const related: WeightedTerm[] = [];
  for (const [other, weight] of [[capitalOrState(form), CAPITAL_WEIGHT], [nationalityOrState(form), NATIONALITY_WEIGHT]] as const) {
    const term = other === undefined ? undefined : termOf(other);
    if (term !== undefined && lexicon.hasTerm(term)) related.push({ term, weight });
  }
  return related;
}

/** The capital a state's word names, the state given as its name or nationality ("syria", "syrian"). */
const capitalOf = (form: string | undefined) => (form === undefined ? undefined : STATES[stateOfNationality(form) ?? form]);

/** A capital the question describes: the city's term, and where the word placing it stands, from "capital" (-1 or 2). */
export interface DescribedCapital {
  city: WeightedTerm;
  placedBy: number;
}

/**
 * "The Syrian capital", "Syria's capital", "the capital of Syria" name the city as much as its name
 * does: a paraphrase of "Damascus". `before` is the word before "capital", `after` the two after it
 * (word forms, the possessive gone). The city is searched for at full weight, where the corpus uses it.
 */
export function describedCapital(form: string, before: string | undefined, after: readonly (string | undefined)[], lexicon: Pick<QueryLexicon, "hasTerm">): DescribedCapital | undefined {
  if (form !== "capital") return undefined;
  const beforeCity = capitalOf(before);
  const placedBy = beforeCity !== undefined ? -1 : 2;
  const term = termOf(beforeCity ?? (after[0] === "of" ? capitalOf(after[1]) : undefined) ?? "");
  return term !== undefined && lexicon.hasTerm(term) ? { city: { term, weight: 1 }, placedBy } : undefined;
}

/**
 * Words that make a capital the place ("a strike in Baghdad", "visited Beirut", "bombed Tehran"), not
 * its government ("Baghdad expects…"): prepositions, and verbs of going to or striking a place.
 */
const PLACE_BEFORE = new Set([
  ...["in", "at", "near", "to", "from", "into", "outside", "around", "toward", "towards", "across", "over", "of", "south", "north", "east", "west"],
  ...["visit", "visits", "visited", "visiting", "enter", "enters", "entered", "entering", "leave", "leaves", "left", "leaving", "reach", "reached", "reaches", "reaching", "flee", "fled", "flees", "fleeing", "tour", "toured", "touring"],
  ...["bomb", "bombs", "bombed", "bombing", "shell", "shelled", "shelling", "strike", "strikes", "struck", "striking", "hit", "hits", "hitting"],
]);

/**
 * The names that identify a capital standing for its government, each as its term where the index
 * has it: "tehran-aligned" factions are the articles' "Iran-supported" ones, and "baghdad pushing
 * washington" speaks of Iraq and the US. A capital as a place ("a strike in baghdad") is only itself:
 * "Iraq" is not there. `before` is the word form before it. Empty for any other word.
 */
export function governmentIdentifiers(form: string, before: string | undefined, lexicon: Pick<QueryLexicon, "hasTerm">): string[] {
  if (!Object.hasOwn(CAPITALS, form) || PLACE_BEFORE.has(before ?? "")) return [];
  const state = CAPITALS[form]!;
  const names = [form, state, nationalityOrState(state)].flatMap((f) => (f === undefined ? [] : [termOf(f)].filter((t): t is string => t !== undefined && lexicon.hasTerm(t))));
  return [...new Set(names)];
}

