import type { UnderstoodQuestion } from "../query/understandQuestion.js";
import { wordForm } from "../text/tokenize.js";

/** "why did X do …": the question takes the event as given. */
const WHY_DID = /\bwhy\s+did\s+(.*)$/iu;
/** How far past "did" the verb may stand: the subject comes first ("why did the Iraqi government send"). */
const SUBJECT_REACH = 6;
/**
 * Verbs of wanting, thinking and mattering name a state of mind or a judgement, which passages put
 * in other words ("why did Iran want the front kept small" of "Iran is apprehensive about…").
 */
const STATE_VERBS = new Set("want need think believe feel like know mean matter seem care expect hope fear prefer wish".split(" "));
/**
 * Light verbs take their meaning from the words after them ("go after" is attack, "get involved" is
 * join, "take out" is kill), which the passage says in its own words: the verb alone asks nothing.
 */
const LIGHT_VERBS = new Set("go get make take come put give have keep set turn let".split(" "));
/** A synonym or news paraphrase of the verb (0.5) says it; a broader or narrower word (0.3) does not. */
const CLOSE_WORD_WEIGHT = 0.5;

/**
 * The verb of a "why did X do Y" question when the best sentence and the two before it do not say
 * it, in any form or a word close to it (a synonym, a news paraphrase): "why did Saudi Arabia cancel
 * its order" of a passage saying it bought ten batteries. The event the question takes as given is
 * not one the passage states, so it cannot state why. `isVerb` tells a verb's base form ("cancel",
 * not "cancelled"), which after "did" is the verb, not a word of the subject.
 */
export function verbNotAround(
  understood: Pick<UnderstoodQuestion, "concepts" | "searched">,
  window: ReadonlySet<string> | undefined,
  isVerb: ((form: string) => boolean) | undefined,
): string | undefined {
  const rest = WHY_DID.exec(understood.searched)?.[1];
  if (!window || !isVerb || rest === undefined) return undefined;
  for (const raw of rest.split(/\s+/u).slice(0, SUBJECT_REACH)) {
    const form = wordForm(raw.replace(/\p{P}+$/u, ""));
    if (!isVerb(form)) continue;
    const concept = understood.concepts.find((c) => c.typed === form);
    if (STATE_VERBS.has(form) || LIGHT_VERBS.has(form) || !concept) return undefined;
    return concept.forms.some((f) => f.weight >= CLOSE_WORD_WEIGHT && window.has(f.term)) ? undefined : form;
  }
  return undefined;
}
