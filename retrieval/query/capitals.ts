import { termOf } from "../text/tokenize.js";
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

export const CAPITAL_WEIGHT = 0.3;

/** The state's capital for a state, the capital's state for a capital, when the index has it. */
export function capitalAndStateTerms(form: string, lexicon: Pick<QueryLexicon, "hasTerm">): WeightedTerm[] {
  const other = CAPITALS[form] ?? STATES[form];
  const term = other === undefined ? undefined : termOf(other);
  return term !== undefined && lexicon.hasTerm(term) ? [{ term, weight: CAPITAL_WEIGHT }] : [];
}
