import type { Document, Span } from "../types.js";

/** What the curated file may say an actor is. */
export const CURATED_KINDS = ["person", "armed group", "state", "organisation"] as const;
export type CuratedKind = (typeof CURATED_KINDS)[number];

/**
 * Names found in the text that no curated entry covers get "unknown": nobody has said what they
 * are yet, and "other" would wrongly claim someone looked and found they fit no kind.
 */
export type ActorKind = CuratedKind | "unknown";

export interface Actor {
  /** Stable slug of the canonical name, unique in the registry. */
  id: string;
  name: string;
  kind: ActorKind;
  /** True when the entry comes from the curated file, false when found in the text. */
  curated: boolean;
  /** Every other name the actor is known by (curated variants and names the text defines), canonical excluded. */
  aliases: string[];
}

/** One place the text names an actor. */
export interface ActorMention extends Span {
  actorId: string;
  docId: string;
  /** The words as written, without a possessive "’s". */
  surface: string;
  /** A name restating this one in brackets right after it ("… Forces (PMF)"): the same mention, counted once. */
  restatedAs?: string;
}

export interface ActorRegistry {
  readonly actors: readonly Actor[];
  readonly documents: readonly Document[];
  /** Mentions of each actor id, in document and text order. */
  readonly mentions: ReadonlyMap<string, readonly ActorMention[]>;
  /** Sentences of each document's quotable regions (what excerpts are cut from). */
  readonly sentences: ReadonlyMap<string, readonly Span[]>;
  /** Lookup keys (see normalizeName.ts) to the actor ids they name; more than one id means ambiguous. */
  readonly keys: ReadonlyMap<string, readonly string[]>;
  byId(id: string): Actor | undefined;
  totalMentions(id: string): number;
}
