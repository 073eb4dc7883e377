import { distance } from "fastest-levenshtein";
import { actorNameEntries, type ActorNameEntry } from "./actorNameEntries.js";
import { looseKey, nameKey } from "./normalizeName.js";
import type { Actor, ActorRegistry } from "./types.js";

export interface RankedActor {
  actor: Actor;
  /** In (0, 1]: 1 the whole name, 0.9 its beginning, 0.8 the beginning of its words, below that misspelt. */
  score: number;
}

const WHOLE = 1;
const NAME_PREFIX = 0.9;
const WORD_PREFIX = 0.8;
const TYPO = 0.7;
const TYPO_STEP = 0.1;
/** Suggesting is cheaper than resolving: a third of the letters may be off ("Irak" offers Iraq and Iran). */
const suggestionTolerance = (length: number) => Math.max(1, Math.round(length / 3));
/** Fewer letters than this match too many names by accident when misspelt. */
const MIN_FUZZY_LETTERS = 3;

/** "kat hez" matches "kataib hezbollah": each typed word begins a name word, in order, without gaps. */
function wordsBegin(typed: readonly string[], words: readonly string[]): boolean {
  for (let start = 0; start + typed.length <= words.length; start++) {
    if (typed.every((t, k) => words[start + k]!.startsWith(t))) return true;
  }
  return false;
}

/** The fewest edits that turn `typed` into the beginning of the name or of one of its words. */
function prefixEdits(typed: string, entry: ActorNameEntry): number {
  let best = distance(typed, entry.key.slice(0, typed.length));
  for (const word of entry.words) best = Math.min(best, distance(typed, word.slice(0, typed.length)));
  return best;
}

function entryScore(typed: string, typedWords: readonly string[], entry: ActorNameEntry): number {
  if (entry.key === typed) return WHOLE;
  if (entry.key.startsWith(typed)) return NAME_PREFIX;
  if (wordsBegin(typedWords, entry.words)) return WORD_PREFIX;
  if (typed.replace(/ /gu, "").length < MIN_FUZZY_LETTERS) return 0;
  const edits = Math.min(prefixEdits(typed, entry), distance(typed, entry.key));
  return edits <= suggestionTolerance(typed.length) ? Math.max(TYPO_STEP, TYPO - TYPO_STEP * edits) : 0;
}

/**
 * Actors whose names begin with, contain a word beginning with, or nearly spell what was typed,
 * best first (ties: most mentioned first). A linear pass over a few hundred short names: well
 * under a millisecond, so autocomplete can run it on every keystroke.
 */
export function rankActorNames(registry: ActorRegistry, typed: string): RankedActor[] {
  const key = looseKey(nameKey(typed));
  if (!key) return [];
  const words = key.split(" ");
  const best = new Map<string, number>();
  for (const entry of actorNameEntries(registry)) {
    const score = entryScore(key, words, entry);
    if (score > (best.get(entry.actorId) ?? 0)) best.set(entry.actorId, score);
  }
  return [...best]
    .map(([id, score]) => ({ actor: registry.byId(id)!, score }))
    .sort((a, b) => b.score - a.score || registry.totalMentions(b.actor.id) - registry.totalMentions(a.actor.id) || a.actor.name.localeCompare(b.actor.name));
}
