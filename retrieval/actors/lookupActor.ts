import { distance } from "fastest-levenshtein";
import { actorNameEntries } from "./actorNameEntries.js";
import { parseActorQuery } from "./actorQuery.js";
import { isAcronym, looseKey, nameKey } from "./normalizeName.js";
import { rankActorNames } from "./rankActorNames.js";
import { typoTolerance } from "./typoTolerance.js";
import type { Actor, ActorRegistry } from "./types.js";

export const MAX_LOOKUP_SUGGESTIONS = 5;

export type ActorLookup =
  | {
      found: true;
      actor: Actor;
      /** "name": a name or surname as written; "words": some of its words ("Mahdi Muhandis"); "spelling": a near spelling. */
      matchedBy: "name" | "words" | "spelling";
    }
  | { found: false; suggestions: string[] };

function mostMentioned(registry: ActorRegistry, ids: Iterable<string>): string[] {
  return [...new Set(ids)]
    .map((id) => registry.byId(id)!)
    .sort((a, b) => registry.totalMentions(b.id) - registry.totalMentions(a.id) || a.name.localeCompare(b.name))
    .map((a) => a.name);
}

/** The only actor in `ids`, or undefined when there are none or several. */
function single(registry: ActorRegistry, ids: Iterable<string>): Actor | undefined {
  const unique = new Set(ids);
  const [id] = unique;
  return unique.size === 1 && id !== undefined ? registry.byId(id) : undefined;
}

/**
 * Finds an actor by any name, forgivingly: case, diacritics, ’ or ', hyphens or spaces, with or
 * without "al-", a surname alone, an acronym, some of the name's words, a small misspelling. A
 * name that fits several actors ("Mohammed") or none is not found, with up to five suggestions.
 * Throws ActorQueryError for an empty, over-long or letterless query.
 */
export function lookupActor(registry: ActorRegistry, query: string): ActorLookup {
  const typed = parseActorQuery(query);
  const key = nameKey(typed);
  const loose = looseKey(key);

  const named = registry.keys.get(key) ?? registry.keys.get(loose);
  if (named) {
    const actor = single(registry, named);
    if (actor) return { found: true, actor, matchedBy: "name" };
    return { found: false, suggestions: mostMentioned(registry, named).slice(0, MAX_LOOKUP_SUGGESTIONS) };
  }

  const entries = actorNameEntries(registry);
  const typedWords = loose.split(" ").filter(Boolean);
  const byWords = typedWords.length === 0 ? [] : entries.filter((e) => typedWords.every((w) => e.words.includes(w))).map((e) => e.actorId);
  const wordMatch = single(registry, byWords);
  if (wordMatch) return { found: true, actor: wordMatch, matchedBy: "words" };

  // An acronym is exact or it is another acronym: "IRI" is not a misspelt "IRGC".
  if (!isAcronym(typed.replace(/[\s.]/gu, ""))) {
    const tolerance = typoTolerance(loose.length);
    let fewest = tolerance + 1;
    let nearest: string[] = [];
    for (const entry of entries) {
      const edits = distance(loose, entry.key);
      if (edits < fewest) [fewest, nearest] = [edits, [entry.actorId]];
      else if (edits === fewest) nearest.push(entry.actorId);
    }
    const spelled = single(registry, nearest);
    if (spelled) return { found: true, actor: spelled, matchedBy: "spelling" };
  }

  const suggestions = [...mostMentioned(registry, byWords), ...rankActorNames(registry, typed).map((r) => r.actor.name)];
  return { found: false, suggestions: [...new Set(suggestions)].slice(0, MAX_LOOKUP_SUGGESTIONS) };
}
