/**
 * The actor registry's public API, for `/actor` and the `actor` CLI:
 *
 *   const registry = await loadActorRegistry({ projectRoot, documents: engine.documents() });
 *   suggestActorNames(registry, typed)      // autocomplete: ≤ 25 canonical names, well under 1 ms
 *   resolveActor(registry, name)            // { query, found, actor: ActorProfile | null, suggestions }
 *   actorAnswerToJson(answer)               // the `actor --json` contract
 *
 * `resolveActor` and `lookupActor` throw ActorQueryError (code "empty" | "too_long" | "no_letters",
 * message fit for the user) for a malformed name.
 */
export { loadActorRegistry, type ActorRegistryOptions } from "./loadActorRegistry.js";
export { buildActorRegistry } from "./buildActorRegistry.js";
export { resolveActor, type ActorAnswer } from "./resolveActor.js";
export { lookupActor, type ActorLookup, MAX_LOOKUP_SUGGESTIONS } from "./lookupActor.js";
export { actorProfile, type ActorProfile, type ActorExcerpt, type ActorSource, MAX_ACTOR_EXCERPTS } from "./actorProfile.js";
export { suggestActorNames, MAX_SUGGESTIONS } from "./suggestActorNames.js";
export { actorAnswerToJson } from "./actorJson.js";
export { ActorQueryError, parseActorQuery, MAX_ACTOR_QUERY_CHARS, type ActorQueryErrorCode } from "./actorQuery.js";
export type { RelatedActor } from "./relatedActors.js";
export type { Actor, ActorKind, ActorMention, ActorRegistry } from "./types.js";
