import type { UnderstoodQuestion } from "../query/understandQuestion.js";
import { termOf, wordForm, wordForms } from "../text/tokenize.js";

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

/** Words before a verb that put its event in a possible world ("it might relocate", "could hit"), not the past. */
const MODALS = new Set("might may could would should will can".split(" "));
/** How many words before the verb a modal still governs ("might at some point relocate"). */
const MODAL_REACH = 4;
/** A sentence opening with a condition ("Should the movement be required to leave…", "If Israel strikes…"). */
const CONDITIONAL_OPENING = /^\W*(?:should|if|were|unless|in case)\b/iu;

/**
 * True when the sentence says the verb, in one of `terms`, only as what may happen: under a modal
 * ("it might relocate its center of gravity to Baghdad") or in a sentence opening with a condition.
 * False when it does not say the verb at all, or says it once as fact.
 */
function statedOnlyAsPossible(sentence: string, terms: ReadonlySet<string>): boolean {
  const words = wordForms(sentence);
  const at = words.flatMap((w, i) => (terms.has(termOf(w) ?? "") ? [i] : []));
  if (at.length === 0) return false;
  if (CONDITIONAL_OPENING.test(sentence)) return true;
  return at.every((i) => words.slice(Math.max(0, i - MODAL_REACH), i).some((w) => MODALS.has(w)));
}

/**
 * The verb of a "why did X do Y" question when the passage does not state the event: the best
 * sentence and the two before it do not say it, in any form or a word close to it (a synonym, a
 * news paraphrase) — "why did Saudi Arabia cancel its order" of a passage saying it bought ten
 * batteries — or the best sentence says it only as what may happen ("why did Hamas move its HQ to
 * Baghdad" of "it might relocate its center of gravity to Baghdad"). The event the question takes
 * as given is not one the passage states, so it cannot state why. `isVerb` tells a verb's base form
 * ("cancel", not "cancelled"), which after "did" is the verb, not a word of the subject.
 */
export function verbNotAround(
  understood: Pick<UnderstoodQuestion, "concepts" | "searched">,
  passage: { window: ReadonlySet<string>; sentence: string } | undefined,
  isVerb: ((form: string) => boolean) | undefined,
): string | undefined {
  const rest = WHY_DID.exec(understood.searched)?.[1];
  if (!passage || !isVerb || rest === undefined) return undefined;
  for (const raw of rest.split(/\s+/u).slice(0, SUBJECT_REACH)) {
    const form = wordForm(raw.replace(/\p{P}+$/u, ""));
    if (!isVerb(form)) continue;
    const concept = understood.concepts.find((c) => c.typed === form);
    if (STATE_VERBS.has(form) || LIGHT_VERBS.has(form) || !concept) return undefined;
    const close = new Set(concept.forms.filter((f) => f.weight >= CLOSE_WORD_WEIGHT).map((f) => f.term));
    const stated = [...close].some((t) => passage.window.has(t)) && !statedOnlyAsPossible(passage.sentence, close);
    return stated ? undefined : form;
  }
  return undefined;
}
