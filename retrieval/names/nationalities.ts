/** Nationality words for states, as word forms ("unitedstates" is how the US is searched): "the Syrian capital" is Syria's. */
const STATE_OF_NATIONALITY: Record<string, string> = {
  iranian: "iran",
  iraqi: "iraq",
  american: "unitedstates",
  israeli: "israel",
  lebanese: "lebanon",
  syrian: "syria",
  yemeni: "yemen",
  palestinian: "palestine",
  jordanian: "jordan",
  qatari: "qatar",
  saudi: "saudi",
  egyptian: "egypt",
  turkish: "turkey",
  russian: "russia",
  chinese: "china",
  afghan: "afghanistan",
  pakistani: "pakistan",
  ukrainian: "ukraine",
  british: "britain",
  french: "france",
  german: "germany",
};

/** The state a nationality word (a word form: folded, no possessive) stands for, if it is one. */
export function stateOfNationality(form: string): string | undefined {
  return Object.hasOwn(STATE_OF_NATIONALITY, form) ? STATE_OF_NATIONALITY[form] : undefined;
}

/** The state a nationality word or its people's plural stands for ("iraqi", "iraqis" → "iraq"), if either. */
export function stateOfPeople(form: string): string | undefined {
  return stateOfNationality(form) ?? stateOfNationality(form.replace(/s$/u, ""));
}

const STATES = new Set(Object.values(STATE_OF_NATIONALITY));
const NATIONALITY_OF_STATE = Object.fromEntries(Object.entries(STATE_OF_NATIONALITY).map(([nationality, state]) => [state, nationality]));

/** The state for a nationality word, the nationality word for a state ("iraqi" ↔ "iraq"), if either. */
export function nationalityOrState(form: string): string | undefined {
  return stateOfNationality(form) ?? (Object.hasOwn(NATIONALITY_OF_STATE, form) ? NATIONALITY_OF_STATE[form] : undefined);
}

/** True for a state's name or nationality word ("iraq", "iraqi"), as a word form. */
export function namesState(form: string): boolean {
  return STATES.has(form) || stateOfNationality(form) !== undefined;
}

/** The state a word form names, as a nationality ("lebanese") or the state itself ("lebanon"), if any. */
export function stateOfWord(form: string): string | undefined {
  return stateOfNationality(form) ?? (namesState(form) ? form : undefined);
}
