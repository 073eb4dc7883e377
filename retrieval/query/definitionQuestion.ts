import type { ActorRegistry } from "../actors/types.js";
import { looseKey, nameKey } from "../actors/normalizeName.js";
import type { Span } from "../types.js";

/** "who is X", "what are the X", "tell me about X", "what does X do", "what is X's job": asking only what X is. */
const DEFINE = [
  /^\s*(?:(?:who|what)\s+(?:is|are|was|were)\s+|(?:tell\s+me|what\s+do\s+(?:we|you)\s+know)\s+about\s+)(?:the\s+)?(.+?)\s*[?.!]*\s*$/iu,
  /^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(.+?)\s+do(?:\s+for\s+(?:work|a\s+living))?\s*[?.!]*\s*$/iu,
  /^\s*what\s+(?:is|was)\s+(?:the\s+)?(.+?)['’]s?\s+(?:job|role|position|title)\s*[?.!]*\s*$/iu,
];

/**
 * The actor a question asks to be told about ("who is sistani", "what is the PMF"), as the
 * question is searched (chat noise gone, spellings corrected): only when the rest of it is exactly
 * one actor's name. Such a question is answered best by a sentence that says who or what the actor
 * is ("X, a senior leader of …"), as /actor quotes, rather than by any sentence naming them.
 */
export function actorToDefine(searched: string, actors: ActorRegistry): string | undefined {
  for (const pattern of DEFINE) {
    const name = pattern.exec(searched)?.[1];
    if (name === undefined) continue;
    const key = nameKey(name);
    const ids = actors.keys.get(key) ?? actors.keys.get(looseKey(key));
    if (ids?.length === 1) return ids[0];
  }
  return undefined;
}

/** How much a sentence's plainness in defining the actor counts against its score for the question. */
export const DEFINITION_WEIGHT = 0.5;

/**
 * Scores for a question asking what an actor is: each sentence's score mixed with how plainly it
 * defines the actor (0 for one that only names it), so "X, a senior official of …" comes first.
 * A definition spanning two sentences ("… the Popular Mobilization Units. These are …") counts for
 * both. `sentenceAt` gives a scored sentence's document and offsets.
 */
export function favourDefinitions<T extends { sentence: number; score: number }>(
  scored: readonly T[],
  definitions: readonly (Span & { docId: string; score: number })[],
  sentenceAt: (sentence: number) => Span & { docId: string },
): T[] {
  return scored.map((s) => ({ ...s, score: (1 - DEFINITION_WEIGHT) * s.score + DEFINITION_WEIGHT * definesAt(definitions, sentenceAt(s.sentence)) }));
}

/** How plainly the sentence defines the actor: the best definition containing it, 0 for none. */
export function definesAt(definitions: readonly (Span & { docId: string; score: number })[], sentence: Span & { docId: string }): number {
  return Math.max(0, ...definitions.filter((d) => d.docId === sentence.docId && d.start <= sentence.start && sentence.end <= d.end).map((d) => d.score));
}

/** A sentence this plain in saying what the actor is (a role before the name, or better) states the answer. */
export const DEFINES_ANSWER = 0.7;
