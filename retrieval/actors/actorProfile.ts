import type { Span } from "../types.js";
import { definingSentencesOf } from "./findDefiningSentences.js";
import { nameKey } from "./normalizeName.js";
import { relatedActors, type RelatedActor } from "./relatedActors.js";
import type { ActorKind, ActorMention, ActorRegistry } from "./types.js";

export interface ActorSource {
  docId: string;
  /** Path relative to the project root. */
  file: string;
  title: string;
  mentions: number;
  /** File of the article this one is a near-copy of: its mentions are the original's, printed again. */
  copyOf?: string;
}

/** A verbatim sentence: `text === document.text.slice(start, end)`. */
export interface ActorExcerpt extends Span {
  text: string;
  docId: string;
  file: string;
  title: string;
  score: number;
}

export interface ActorProfile {
  id: string;
  name: string;
  kind: ActorKind;
  curated: boolean;
  /** The other names the articles use for the actor, most used first. */
  aliases: string[];
  /** Known names and spellings the articles do not use (kept for lookup). */
  otherAliases: string[];
  mentions: number;
  sources: ActorSource[];
  excerpts: ActorExcerpt[];
  related: RelatedActor[];
}

export const MAX_ACTOR_EXCERPTS = 3;
/** A sentence that only names the actor, shown when none says who or what it is. */
const PLAIN_MENTION_SCORE = 0.2;
/** A near-copy's own paragraphs are quoted only when the original says nothing better. */
const COPY_FACTOR = 0.9;
/** Among equally good sentences, one from an article not yet quoted goes first. */
const REPEAT_SOURCE_PENALTY = 0.05;

/** Spellings as written, case variants folded into the most frequent ("IRAQ’S" is "Iraq"). */
function aliasesUsed(name: string, mentions: readonly ActorMention[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    for (const surface of m.restatedAs === undefined ? [m.surface] : [m.surface, m.restatedAs]) {
      const variants = counts.get(surface.toLowerCase()) ?? new Map<string, number>();
      variants.set(surface, (variants.get(surface) ?? 0) + 1);
      counts.set(surface.toLowerCase(), variants);
    }
  }
  return [...counts]
    .filter(([lower]) => lower !== name.toLowerCase())
    .map(([, variants]) => [...variants].sort((a, b) => b[1] - a[1])[0]!)
    .sort((a, b) => b[1] - a[1])
    .map(([surface]) => surface);
}

function pickExcerpts(registry: ActorRegistry, actorId: string, mentions: readonly ActorMention[]): ActorExcerpt[] {
  const docs = new Map(registry.documents.map((d) => [d.id, d]));
  const candidates = definingSentencesOf(registry, actorId).map((s): ActorExcerpt => {
    const doc = docs.get(s.docId)!;
    const score = doc.duplicateOf === undefined ? s.score : s.score * COPY_FACTOR;
    return { text: doc.text.slice(s.start, s.end), docId: doc.id, file: doc.file, title: doc.title, start: s.start, end: s.end, score };
  });
  const picked: ActorExcerpt[] = [];
  const usedDocs = new Set<string>();
  const remaining = [...candidates];
  while (picked.length < MAX_ACTOR_EXCERPTS && remaining.length > 0) {
    const rank = (e: ActorExcerpt) => e.score - (usedDocs.has(e.docId) ? REPEAT_SOURCE_PENALTY : 0);
    let best = 0;
    remaining.forEach((e, i) => {
      if (rank(e) > rank(remaining[best]!)) best = i;
    });
    const [excerpt] = remaining.splice(best, 1);
    if (!excerpt || picked.some((p) => p.text === excerpt.text)) continue;
    picked.push(excerpt);
    usedDocs.add(excerpt.docId);
  }
  // Picked for variety of sources, shown best first.
  return picked.length > 0 ? picked.sort((a, b) => b.score - a.score) : plainMention(registry, mentions);
}

/** The first quotable sentence naming the actor, in the article that names it most. */
function plainMention(registry: ActorRegistry, mentions: readonly ActorMention[]): ActorExcerpt[] {
  const docs = registry.documents
    .map((doc) => ({ doc, named: mentions.filter((m) => m.docId === doc.id) }))
    .filter(({ named }) => named.length > 0)
    .sort((a, b) => Number(a.doc.duplicateOf !== undefined) - Number(b.doc.duplicateOf !== undefined) || b.named.length - a.named.length);
  for (const { doc, named } of docs) {
    const sentence = (registry.sentences.get(doc.id) ?? []).find((s) => named.some((m) => m.start >= s.start && m.end <= s.end));
    if (sentence) {
      return [{ text: doc.text.slice(sentence.start, sentence.end), docId: doc.id, file: doc.file, title: doc.title, start: sentence.start, end: sentence.end, score: PLAIN_MENTION_SCORE }];
    }
  }
  return [];
}

/** Everything the corpus says about one actor: names used, sources with counts, defining sentences, company kept. */
export function actorProfile(registry: ActorRegistry, actorId: string): ActorProfile {
  const actor = registry.byId(actorId);
  if (!actor) throw new Error(`No actor with id "${actorId}" in the registry.`);
  const mentions = registry.mentions.get(actorId) ?? [];
  const aliases = aliasesUsed(actor.name, mentions);
  const usedKeys = new Set([actor.name, ...aliases].map(nameKey));
  const otherAliases = actor.aliases.filter((alias) => {
    const key = nameKey(alias);
    if (usedKeys.has(key)) return false;
    usedKeys.add(key);
    return true;
  });
  const byFile = new Map(registry.documents.map((d) => [d.id, d.file]));
  const sources = registry.documents
    .map((doc): ActorSource => {
      const copyOf = doc.duplicateOf === undefined ? undefined : byFile.get(doc.duplicateOf);
      const count = mentions.filter((m) => m.docId === doc.id).length;
      return { docId: doc.id, file: doc.file, title: doc.title, mentions: count, ...(copyOf ? { copyOf } : {}) };
    })
    .filter((s) => s.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.file.localeCompare(b.file));
  return {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    curated: actor.curated,
    aliases,
    otherAliases,
    mentions: mentions.length,
    sources,
    excerpts: pickExcerpts(registry, actorId, mentions),
    related: relatedActors(registry, actorId),
  };
}
