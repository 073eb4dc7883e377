import { actorProfile, type ActorProfile } from "./actorProfile.js";
import { lookupActor } from "./lookupActor.js";
import { parseActorQuery } from "./actorQuery.js";
import type { ActorRegistry } from "./types.js";

/** What `/actor` and the `actor` CLI show for one name. */
export interface ActorAnswer {
  /** The name as asked, trimmed. */
  query: string;
  found: boolean;
  actor: ActorProfile | null;
  /** Names to try instead; empty when found. */
  suggestions: string[];
}

/** Looks a name up and profiles the actor; throws ActorQueryError for a malformed name. */
export function resolveActor(registry: ActorRegistry, query: string): ActorAnswer {
  const trimmed = parseActorQuery(query);
  const lookup = lookupActor(registry, trimmed);
  return lookup.found
    ? { query: trimmed, found: true, actor: actorProfile(registry, lookup.actor.id), suggestions: [] }
    : { query: trimmed, found: false, actor: null, suggestions: lookup.suggestions };
}
