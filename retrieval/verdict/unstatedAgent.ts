import type { UnderstoodQuestion } from "../query/understandQuestion.js";
import { termOf, wordForm, wordForms } from "../text/tokenize.js";

/** "why did Israel bomb …", "when has the US agreed …": the name after the auxiliary is who did it. */
const AUXILIARY_THEN_SUBJECT = /\b(?:did|does|do|has|have|had)\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’-]*)/iu;

/** Participles that do not end in -ed or -en ("was struck", "were shot", "was hit"). */
const IRREGULAR_PARTICIPLES = new Set(
  "struck hit shot built made sent led held put set cut run won fought brought bought caught told sold found kept left lost meant met paid said seen slain flown thrown drawn blown done dealt spent lent bent fed wed shut spread cast quit split burst sunk sprung swept".split(" "),
);
/** Forms of "be" and "get" that make a passive ("was fired", "got hit"). */
const PASSIVE_AUXILIARIES = new Set("am is are was were be been being get gets got gotten".split(" "));
/** Words that may stand between the auxiliary and the participle ("were reportedly fired", "was also hit"). */
const MAY_INTERVENE = /^(?:\p{L}+ly|also|then|later|not|never|again|first|since)$/u;

const isParticiple = (form: string) => IRREGULAR_PARTICIPLES.has(form) || (form.length > 4 && /(?:ed|en)$/u.test(form));

/**
 * True when the sentence reports an event in the passive without saying by whom: "At least two
 * rockets were fired at the Victoria military base" (no "by …" after the participle).
 */
export function hasAgentlessPassive(sentence: string): boolean {
  const words = wordForms(sentence);
  for (let i = 0; i < words.length; i++) {
    if (!PASSIVE_AUXILIARIES.has(words[i]!)) continue;
    let at = i + 1;
    while (at < words.length && MAY_INTERVENE.test(words[at]!) && !isParticiple(words[at]!)) at++;
    if (at < words.length && isParticiple(words[at]!) && !words.slice(at + 1).includes("by")) return true;
  }
  return false;
}

/** A pronoun that may stand for the doer ("he was awarded his doctorate", "It won five awards"). */
const PRONOUN = /\b(?:he|she|it|they|him|her|his|its|their|them)\b/iu;
/** How many words after "by" may still name the doer ("by the Russian biologist Konstantin Mereschkowski"). */
const DOER_REACH = 6;
/** How many words before the event the doer may stand ("Israel, which has carried out strikes"). */
const LEAD_REACH = 6;

/**
 * The name a "why/when/how did X do Y" question gives as the doer, when the best sentence reports
 * the event without a doer and does not name X: "why did Israel bomb the Victoria base" of "At least
 * two rockets were fired at the Victoria military base". The passage may be about the event, but it
 * does not say X did it, which the question takes as given. X is the run of names after the
 * auxiliary ("Martin Luther"), named by any of their names or nationality words ("Israeli strikes")
 * in the sentence itself: the ones before may name X as the target ("attacks against Israel"), as
 * they do here. A sentence with a pronoun may name X by it ("he was awarded his doctorate"), so it
 * is left alone. So is a sentence giving the event (the question's verb or a word close to it) to
 * another doer with "by" ("the 1 October launch by Iran of 180 ballistic missiles" for "how many
 * missiles did iraq fire"), unless X stands a few words before the event as well ("Israel, which has
 * carried out strikes …, since the attack by Hamas"). X must be a party the actor registry knows
 * (`parties`: a person, group, organisation or state found in the question, by where it starts).
 */
export function agentNotStated(
  understood: Pick<UnderstoodQuestion, "concepts" | "searched">,
  sentence: { text: string; terms: ReadonlySet<string> } | undefined,
  parties: readonly { start: number }[],
): string | undefined {
  const asked = AUXILIARY_THEN_SUBJECT.exec(understood.searched);
  const subject = asked?.[1];
  if (!sentence || !asked || subject === undefined || termOf(subject) === undefined || PRONOUN.test(sentence.text)) return undefined;
  // Only a party does things: "how many tomatoes does Victoria produce" asks of a place, not a doer.
  const at = asked.index + asked[0].length - subject.length;
  if (!parties.some((p) => p.start === at)) return undefined;
  const first = understood.concepts.findIndex((c) => c.typed === wordForm(subject));
  if (first < 0 || !understood.concepts[first]!.name) return undefined;
  const end = understood.concepts.findIndex((c, i) => i > first && !c.name);
  const doer = understood.concepts.slice(first, end < 0 ? undefined : end);
  const namesIt = (terms: ReadonlySet<string>) =>
    doer.some((c) => (c.identifiedBy ?? [[c.forms[0]!.term]]).some((name) => name.every((t) => terms.has(t))) || c.forms.some((f) => f.weight >= 0.5 && terms.has(f.term)));
  const terms = wordForms(sentence.text).map((form) => ({ form, term: termOf(form) ?? "" }));
  // The event said to be done by someone else ("the 1 October launch by Iran" for "did iraq fire"), X leading none of it.
  const verb = end < 0 ? undefined : understood.concepts[end];
  const eventTerms = new Set(verb?.forms.filter((f) => f.weight >= 0.5).map((f) => f.term) ?? []);
  const doers = terms.flatMap((w, i) => (eventTerms.has(w.term) && terms[i + 1]?.form === "by" ? [new Set(terms.slice(i + 2, i + 2 + DOER_REACH).map((t) => t.term))] : []));
  const leads = terms.some((w, i) => namesIt(new Set([w.term])) && terms.slice(i + 1, i + 1 + LEAD_REACH).some((t) => eventTerms.has(t.term)));
  if (doers.length > 0 && !doers.some(namesIt) && !leads) return doer[0]!.typed;
  if (namesIt(sentence.terms)) return undefined;
  return hasAgentlessPassive(sentence.text) ? doer[0]!.typed : undefined;
}
