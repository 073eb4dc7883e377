import { termOf } from "../text/tokenize.js";

/** Names the articles and their readers write more than one way, each group one name: "Shia" and "Shiite" (and "Shi'ite"). */
const SAME_NAMES: readonly (readonly string[])[] = [["shia", "shias", "shiite", "shiites"], ["sunni", "sunnis", "sunnite", "sunnites"]];

const TERMS_OF = new Map<string, string[]>();
for (const group of SAME_NAMES) {
  const terms = [...new Set(group.map((w) => termOf(w)!))];
  for (const term of terms) TERMS_OF.set(term, terms.filter((t) => t !== term));
}

/** The terms of the other spellings of a name, for its term ("shia" → "shiit"). */
export function otherSpellingTerms(term: string): readonly string[] {
  return TERMS_OF.get(term) ?? [];
}
