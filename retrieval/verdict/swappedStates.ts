import { stateOfWord } from "../names/nationalities.js";
import { foldedWords, isStopWord, spellUnitedStates, termOf } from "../text/tokenize.js";

/** "North American", "Latin American": a region, not the state. */
const REGION_BEFORE = new Set(["north", "south", "central", "latin", "east", "west"]);

/**
 * The states a text puts right before a word, keyed by that word's term: "three US soldiers" and
 * "three israeli soldiers" both give "soldier", with "unitedstates" and "israel".
 */
export function statesBeforeWords(text: string): Map<string, Set<string>> {
  const words = foldedWords(spellUnitedStates(text));
  const found = new Map<string, Set<string>>();
  for (let i = 0; i + 1 < words.length; i++) {
    const state = stateOfWord(words[i]!);
    const next = words[i + 1]!;
    const term = termOf(next);
    if (state === undefined || term === undefined || isStopWord(next) || stateOfWord(next) !== undefined || REGION_BEFORE.has(words[i - 1] ?? "")) continue;
    const states = found.get(term) ?? new Set<string>();
    states.add(state);
    found.set(term, states);
  }
  return found;
}

/** A state the question puts before a word, and the other one the passage puts before the same word. */
export interface SwappedState {
  asked: string;
  named: string;
}

/**
 * "When did Kataib Hezbollah kill three israeli soldiers" of "Kataib Hezbollah killed three US
 * soldiers": the question gives a thing one state's nationality, the passage gives the same thing
 * another's and never names the asked state, so it states a neighbouring fact, not this one. Typed
 * in lower case, "israeli" is no name the subject finder sees, so this is read from the words.
 * `mentions(state)` tells whether the passage names the state in any form (its name, nationality or capital).
 */
export function swappedStates(question: string, sentence: string, mentions: (state: string) => boolean): SwappedState[] {
  const asked = statesBeforeWords(question);
  if (asked.size === 0) return [];
  const inSentence = statesBeforeWords(sentence);
  const swapped: SwappedState[] = [];
  for (const [term, askedStates] of asked) {
    const named = [...(inSentence.get(term) ?? [])].find((s) => !askedStates.has(s));
    if (named === undefined) continue;
    for (const asked of askedStates) if (!mentions(asked)) swapped.push({ asked, named });
  }
  return swapped;
}
