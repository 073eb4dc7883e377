import { MAX_ACTOR_QUERY_CHARS } from "./actorQuery.js";
import { looseKey, nameKey } from "./normalizeName.js";
import { rankActorNames } from "./rankActorNames.js";
import type { ActorRegistry } from "./types.js";

/** Discord allows at most 25 autocomplete choices. */
export const MAX_SUGGESTIONS = 25;

/**
 * Canonical names for autocomplete: what begins with or nearly spells `prefix`, best first; with
 * nothing typed yet (or only "al-"), the most mentioned actors. Each name looks up to its actor exactly.
 */
export function suggestActorNames(registry: ActorRegistry, prefix: string, limit = MAX_SUGGESTIONS): string[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_SUGGESTIONS}, not ${limit}`);
  }
  const typed = prefix.trim().slice(0, MAX_ACTOR_QUERY_CHARS);
  if (looseKey(nameKey(typed)) === "") {
    return [...registry.actors]
      .sort((a, b) => registry.totalMentions(b.id) - registry.totalMentions(a.id) || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((a) => a.name);
  }
  return rankActorNames(registry, typed)
    .slice(0, limit)
    .map((r) => r.actor.name);
}
