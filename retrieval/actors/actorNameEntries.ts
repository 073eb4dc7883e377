import { looseKey, nameKey } from "./normalizeName.js";
import { personShortNames } from "./personShortNames.js";
import type { ActorRegistry } from "./types.js";

/** One name of one actor, in the forms lookups compare. */
export interface ActorNameEntry {
  actorId: string;
  /** Folded, articles dropped: "al-Hashd al-Shaabi" → "hashd shaabi". */
  key: string;
  words: string[];
}

const cache = new WeakMap<ActorRegistry, ActorNameEntry[]>();

/** Every name of every actor (canonical, aliases, surnames), computed once per registry. */
export function actorNameEntries(registry: ActorRegistry): readonly ActorNameEntry[] {
  const cached = cache.get(registry);
  if (cached) return cached;
  const entries: ActorNameEntry[] = [];
  for (const actor of registry.actors) {
    const keys = new Set([actor.name, ...actor.aliases, ...personShortNames(actor)].map((n) => looseKey(nameKey(n))));
    for (const key of keys) if (key) entries.push({ actorId: actor.id, key, words: key.split(" ") });
  }
  cache.set(registry, entries);
  return entries;
}
