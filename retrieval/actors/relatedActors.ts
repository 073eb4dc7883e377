import type { Span } from "../types.js";
import type { ActorRegistry, ActorKind } from "./types.js";

export interface RelatedActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Sentences that name both actors. */
  sentences: number;
}

export const MAX_RELATED_ACTORS = 5;

/** For each document, the actors named in each of its quotable sentences. */
type SentenceActors = Map<string, Set<string>[]>;

const cache = new WeakMap<ActorRegistry, SentenceActors>();

function sentenceIndexOf(sentences: readonly Span[], at: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) high = mid - 1;
    else if (at >= s.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

// Quotable sentences only: a near-copy's shared paragraphs are not among them, so one pairing
// printed twice by two publishers counts once.
function sentenceActors(registry: ActorRegistry): SentenceActors {
  const cached = cache.get(registry);
  if (cached) return cached;
  const byDoc: SentenceActors = new Map(registry.documents.map((d) => [d.id, (registry.sentences.get(d.id) ?? []).map(() => new Set<string>())]));
  for (const [actorId, mentions] of registry.mentions) {
    for (const mention of mentions) {
      const index = sentenceIndexOf(registry.sentences.get(mention.docId) ?? [], mention.start);
      if (index >= 0) byDoc.get(mention.docId)![index]!.add(actorId);
    }
  }
  cache.set(registry, byDoc);
  return byDoc;
}

/** The actors most often named in the same sentence as this one, most shared sentences first. */
export function relatedActors(registry: ActorRegistry, actorId: string, limit = MAX_RELATED_ACTORS): RelatedActor[] {
  const counts = new Map<string, number>();
  for (const sentences of sentenceActors(registry).values()) {
    for (const actors of sentences) {
      if (!actors.has(actorId)) continue;
      for (const other of actors) if (other !== actorId) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, sentences]) => ({ actor: registry.byId(id)!, sentences }))
    .sort((a, b) => b.sentences - a.sentences || registry.totalMentions(a.actor.id) - registry.totalMentions(b.actor.id) || a.actor.name.localeCompare(b.actor.name))
    .slice(0, limit)
    .map(({ actor, sentences }) => ({ id: actor.id, name: actor.name, kind: actor.kind, sentences }));
}
