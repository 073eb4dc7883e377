import { tokenize } from "../text/tokenize.js";
import { looseKey, nameKey } from "./normalizeName.js";
import type { ActorKind, ActorRegistry } from "./types.js";

/** The one actor a text names exactly, by its lookup key or its loose key ("al-" and case aside); undefined when none or two. */
export function actorWithName(actors: ActorRegistry, name: string): string | undefined {
  const key = nameKey(name);
  const ids = actors.keys.get(key) ?? actors.keys.get(looseKey(key));
  return ids?.length === 1 ? ids[0] : undefined;
}

/** One of an actor's names (the canonical one or an alias) as its set of search terms. */
export interface NameTerms {
  actorId: string;
  terms: ReadonlySet<string>;
}

/** Each actor's names as sets of terms, read once per registry: questions compare them often. */
const NAME_TERMS = new WeakMap<ActorRegistry, NameTerms[]>();
export function nameTermsOf(actors: ActorRegistry): readonly NameTerms[] {
  let names = NAME_TERMS.get(actors);
  if (!names) {
    names = actors.actors.flatMap((a) => [a.name, ...a.aliases].map((n) => ({ actorId: a.id, terms: new Set(tokenize(n)) })));
    NAME_TERMS.set(actors, names);
  }
  return names;
}

/**
 * The one actor of these kinds a set of words names whole, in any of its names, with the longest
 * such name ("Kataib Hezbollah" over "Hezbollah" in "Kataib Hezbollah leader"); undefined when no
 * name fits or two actors' names fit equally long.
 */
export function actorNamedIn(words: ReadonlySet<string>, actors: ActorRegistry, kinds: readonly ActorKind[]): string | undefined {
  const fits = nameTermsOf(actors).filter((n) => n.terms.size > 0 && [...n.terms].every((t) => words.has(t)) && kinds.includes(actors.byId(n.actorId)!.kind));
  const longest = Math.max(0, ...fits.map((n) => n.terms.size));
  const ids = new Set(fits.filter((n) => n.terms.size === longest).map((n) => n.actorId));
  return ids.size === 1 ? [...ids][0] : undefined;
}
