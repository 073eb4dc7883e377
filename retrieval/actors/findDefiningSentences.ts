import type { Span } from "../types.js";
import type { ActorRegistry } from "./types.js";

/** A sentence around a mention, scored by how plainly it says who or what the actor is. */
export interface DefiningSentence extends Span {
  /** In (0, 1]: about 0.9 for an appositive ("X, a senior leader of …"), 0.5 for a classifier ("the Houthi militia"). */
  score: number;
}

const GROUP_NOUNS = "militia|militias|group|movement|organi[sz]ation|faction|coalition|party|brigade|thinktank|agency|ministry";
const ROLE_NOUNS = `${GROUP_NOUNS}|leader|commander|chief|head|official|officer|cleric|analyst|expert|spokes(?:man|woman|person)|minister|president|representative|envoy`;
// Written just before a name, these say what it is: "the Iraqi militia Kataib Hezbollah", "Quds
// Force commander Esmail Qaani", "Prime Minister Mohammed Shia al-Sudani", "represented by X".
const ROLE_BEFORE = new RegExp(
  `(?:\\b(?:${ROLE_NOUNS}),?|\\bnamed as|\\bknown as|\\brepresented by|\\bcalling itself(?: the)?|\\bname for(?: the)?)\\s+$`,
  "iu",
);
// "X, a …", "X — a leader in …", "X, the Arabic name for …": the phrase must hold a lower-case word
// ("Lebanon, the West Bank" lists places) and no finite verb ("against ISIS, the direction of
// events does not bode well" starts a clause).
const APPOSITIVE_AFTER = /^\s*(?:,|—|–|--)\s*(?:a|an|the|one of(?: the)?)\s+([^,;.—–]*)/u;
const FINITE_VERB = /\b(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|may|might|must)\b/u;
const RELATIVE_AFTER = /^\s*,\s*(?:who|which)\s+(?:is|was|are|were|has been|had been)\b/u;
const COPULA_AFTER =
  /^(?:\s*,[^,]{1,30},)?\s+(?:is|was|are|were|remains|has (?:long )?been)\s+(?:(?:a|an|the|one|part|among|also|not|still|now|considered|seen|known|described|regarded|linked|closely|widely|believed)\b|\p{Lu}\p{L}*['’]s\b)/u;
// For "X is …" to be about X, X must open its clause ("Harakat Hezbollah is a different militia"),
// not end a longer subject ("… proxy Hezbollah in Lebanon are not new").
const CLAUSE_OPENING = /(?:^|[,;:—–]\s*|\b(?:and|but|that|which|while|whereas|because|yet|the|a|an)\s+)$/iu;
const COPULA_BEFORE = /^(?:the|a|an)\s[^,]*\b(?:is|was|are|were)\s+$/iu;
const BRACKET_AFTER = /^\s*\([^()]*\)/u;
const CLASSIFIER_AFTER = new RegExp(`^\\s+(?:${GROUP_NOUNS})\\b`, "iu");

/** A sentence defining what the one before it ends with ("These are a collection of …"). */
const ANAPHORIC_COPULA = /^["“]?(?:These|They|It|This)\s+(?:is|are|was|were)\s+(?:a|an|the|one|part)\b/u;
/** Nothing but closing punctuation after the name: it ends its sentence. */
const NAME_ENDS = /^[\s"”’')\]]*[.!?]?[\s"”’')\]]*$/u;

const APPOSITIVE = 0.9;
const COPULA = 0.85;
const BRACKET = 0.8;
const ROLE = 0.7;
const CLASSIFIER = 0.5;
/** Each further cue in the same sentence ("… is Ktaeb Hezbollah (Hezbollah Brigades), the most powerful …"). */
const EXTRA_CUE = 0.05;

function isAppositive(after: string): boolean {
  const phrase = APPOSITIVE_AFTER.exec(after)?.[1];
  return phrase !== undefined && /(?:^|\s)\p{Ll}/u.test(phrase) && !FINITE_VERB.test(phrase);
}

/** How plainly the sentence defines the name at `mention`; 0 when it only uses it. */
export function definitionScore(text: string, sentence: Span, mention: Span): number {
  const before = text.slice(sentence.start, mention.start);
  const afterName = text.slice(mention.end, sentence.end);
  const bracket = BRACKET_AFTER.exec(afterName);
  // What follows a restatement in brackets still describes the name: "Forces (PMF), the …".
  const after = bracket ? afterName.slice(bracket[0].length) : afterName;
  const cues: number[] = [];
  if (isAppositive(after)) cues.push(APPOSITIVE);
  if (RELATIVE_AFTER.test(after) || (COPULA_AFTER.test(after) && CLAUSE_OPENING.test(before))) cues.push(COPULA);
  if (bracket) cues.push(BRACKET);
  if (COPULA_BEFORE.test(before)) cues.push(BRACKET);
  if (ROLE_BEFORE.test(before)) cues.push(ROLE);
  // "the Houthi militia", but not "pro-Iran forces": a hyphen makes the name part of an adjective.
  if (CLASSIFIER_AFTER.test(after) && text[mention.start - 1] !== "-") cues.push(CLASSIFIER);
  if (cues.length === 0) return 0;
  return Math.min(1, Math.max(...cues) + EXTRA_CUE * (cues.length - 1));
}

/**
 * The sentences of one document that define the actor at any of its mentions, best first.
 * `sentences` must be sorted; a mention outside every sentence (outside the quotable regions) is skipped.
 */
export function findDefiningSentences(text: string, sentences: readonly Span[], mentions: readonly Span[]): DefiningSentence[] {
  const best = new Map<number, DefiningSentence>();
  let s = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    while (s < sentences.length && sentences[s]!.end <= mention.start) s++;
    const sentence = sentences[s];
    if (!sentence || sentence.start > mention.start || sentence.end < mention.end) continue;
    const score = definitionScore(text, sentence, mention);
    const previous = best.get(s);
    if (score > 0 && (!previous || score > previous.score)) best.set(s, { start: sentence.start, end: sentence.end, score });
    // "… the larger Popular Mobilization Units. These are a collection of …": the next sentence defines
    // the name that ends this one; both are quoted, the second meaning nothing alone.
    const next = sentences[s + 1];
    if (next && NAME_ENDS.test(text.slice(mention.end, sentence.end)) && ANAPHORIC_COPULA.test(text.slice(next.start, next.end)) && (best.get(s)?.score ?? 0) < COPULA) {
      best.set(s, { start: sentence.start, end: next.end, score: COPULA });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.start - b.start);
}

/** The sentences of every article that define the actor, each with its document, best first within a document. */
export function definingSentencesOf(registry: ActorRegistry, actorId: string): (DefiningSentence & { docId: string })[] {
  const mentions = registry.mentions.get(actorId) ?? [];
  return registry.documents.flatMap((doc) => {
    const inDoc = mentions.filter((m) => m.docId === doc.id);
    return inDoc.length === 0 ? [] : findDefiningSentences(doc.text, registry.sentences.get(doc.id) ?? [], inDoc).map((s) => ({ ...s, docId: doc.id }));
  });
}
