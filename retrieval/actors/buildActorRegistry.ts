import { splitSentences } from "../text/sentences.js";
import type { Document, Span } from "../types.js";
import type { CuratedActors } from "./curatedActors.js";
import { countableRegions } from "./countableRegions.js";
import { findAliasDefinitions } from "./findAliasDefinitions.js";
import { findCandidateNames } from "./findCandidateNames.js";
import { NameMatcher, patternOf, type FoundName, type NamePattern } from "./findMentions.js";
import { lowercaseWordsOf, type RunRules } from "./nameRuns.js";
import { looseKey, nameKey, slugOf, tokenizeRegions, wordKey } from "./normalizeName.js";
import { personShortNames } from "./personShortNames.js";
import type { Actor, ActorMention, ActorRegistry } from "./types.js";

/** Actors by every key their names give, exact and without Arabic articles. */
class NameIndex {
  readonly exact = new Map<string, string>();
  readonly loose = new Map<string, string>();

  add(name: string, id: string): void {
    const key = nameKey(name);
    if (!this.exact.has(key)) this.exact.set(key, id);
    const loose = looseKey(key);
    if (loose && !this.loose.has(loose)) this.loose.set(loose, id);
  }

  find(name: string): string | undefined {
    const key = nameKey(name);
    return this.exact.get(key) ?? this.loose.get(looseKey(key));
  }
}

function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = slugOf(name) || "actor";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Patterns for surnames that name exactly one actor; a surname two people share names neither. */
function shortNamePatterns(actors: readonly Actor[], index: NameIndex): NamePattern[] {
  const owners = new Map<string, { name: string; ids: Set<string> }>();
  for (const actor of actors) {
    for (const short of personShortNames(actor)) {
      const key = nameKey(short);
      const owner = owners.get(key) ?? { name: short, ids: new Set<string>() };
      owner.ids.add(actor.id);
      owners.set(key, owner);
    }
  }
  const patterns: NamePattern[] = [];
  for (const [key, { name, ids }] of owners) {
    const [id] = ids;
    const other = index.exact.get(key);
    if (ids.size !== 1 || id === undefined || (other !== undefined && other !== id)) continue;
    const pattern = patternOf(id, name);
    if (pattern) patterns.push(pattern);
  }
  return patterns;
}

/**
 * Drops non-actor matches, and folds "Popular Mobilisation Forces (PMF)" into one mention: a
 * name restated in brackets is a definition, not a second reference.
 */
function countRestatementsOnce(text: string, found: readonly FoundName[]): Omit<ActorMention, "docId">[] {
  const mentions: Omit<ActorMention, "docId">[] = [];
  for (const name of found) {
    if (name.actorId === null) continue;
    const previous = mentions[mentions.length - 1];
    const restates =
      previous !== undefined &&
      previous.actorId === name.actorId &&
      previous.restatedAs === undefined &&
      /^[ \u00a0]*\($/u.test(text.slice(previous.end, name.start)) &&
      text[name.end] === ")";
    if (restates) previous.restatedAs = name.surface;
    else mentions.push({ start: name.start, end: name.end, surface: name.surface, actorId: name.actorId });
  }
  return mentions;
}

/**
 * Builds the registry: the curated actors, names the articles define for them or for new
 * actors ("X (ACRONYM)", "X, also known as Y"), multi-word proper names nobody curated (kind
 * "unknown"), and every mention of each in the articles' prose. Synchronous and linear in the
 * corpus size: no model, no index, a few milliseconds for the seed corpus.
 */
export function buildActorRegistry(documents: readonly Document[], curated: CuratedActors): ActorRegistry {
  const texts = documents.map((doc) => ({ doc, text: doc.text, regions: tokenizeRegions(doc.text, countableRegions(doc)) }));
  const rules: RunRules = {
    lowercaseWords: lowercaseWordsOf(texts.map((t) => t.regions)),
    descriptors: new Set(curated.descriptors.map(wordKey)),
  };
  const notActors = new Set(curated.notActors.map(nameKey));

  const actors: Actor[] = [];
  const ids = new Set<string>();
  const index = new NameIndex();
  const addActor = (actor: Omit<Actor, "id">) => {
    const full = { ...actor, id: uniqueId(actor.name, ids) };
    ids.add(full.id);
    actors.push(full);
    for (const name of [full.name, ...full.aliases]) index.add(name, full.id);
  };
  const addAlias = (id: string, alias: string) => {
    actors.find((a) => a.id === id)!.aliases.push(alias);
    index.add(alias, id);
  };

  for (const entry of curated.actors) addActor({ name: entry.name, kind: entry.kind, curated: true, aliases: [...entry.aliases] });

  for (const { text, regions } of texts) {
    for (const { name, alias } of findAliasDefinitions(text, regions, rules)) {
      if (notActors.has(nameKey(name)) || notActors.has(nameKey(alias))) continue;
      const nameId = index.find(name);
      const aliasId = index.find(alias);
      if (nameId && !aliasId) addAlias(nameId, alias);
      else if (aliasId && !nameId) addAlias(aliasId, name);
      else if (!nameId && !aliasId) addActor({ name, kind: "unknown", curated: false, aliases: [alias] });
    }
  }

  const notActorPatterns = curated.notActors.map((name) => patternOf(null, name)).filter((p) => p !== undefined);
  const matcherFor = (list: readonly Actor[]) =>
    new NameMatcher([
      ...list.flatMap((actor) => [actor.name, ...actor.aliases].map((name) => patternOf(actor.id, name)).filter((p) => p !== undefined)),
      ...shortNamePatterns(list, index),
      ...notActorPatterns,
    ]);
  const known = matcherFor(actors);
  const candidates = findCandidateNames(
    texts.map(({ text, regions }) => ({ text, regions, known: known.find(text, regions) })),
    { ...rules, notActors },
  );
  for (const candidate of candidates) {
    const id = index.find(candidate.name);
    if (id) addAlias(id, candidate.name);
    else addActor({ name: candidate.name, kind: "unknown", curated: false, aliases: [] });
  }

  const matcher = matcherFor(actors);
  const mentions = new Map<string, ActorMention[]>(actors.map((a) => [a.id, []]));
  for (const { doc, text, regions } of texts) {
    for (const mention of countRestatementsOnce(text, matcher.find(text, regions))) {
      mentions.get(mention.actorId)!.push({ ...mention, docId: doc.id });
    }
  }

  const sentences = new Map<string, readonly Span[]>(documents.map((doc) => [doc.id, splitSentences(doc.text, doc.regions)]));
  const keys = new Map<string, string[]>();
  const addKey = (key: string, id: string) => {
    if (!key) return;
    const list = keys.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    keys.set(key, list);
  };
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases, ...personShortNames(actor)]) {
      addKey(nameKey(name), actor.id);
      addKey(looseKey(nameKey(name)), actor.id);
    }
  }

  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    actors,
    documents,
    mentions,
    sentences,
    keys,
    byId: (id) => byId.get(id),
    totalMentions: (id) => mentions.get(id)?.length ?? 0,
  };
}
