import type { QueryConcept, UnderstoodQuestion } from "../query/understandQuestion.js";
import { termOf, WORD_PATTERN, wordForm } from "../text/tokenize.js";

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
  const words = [...sentence.matchAll(WORD_PATTERN)].map((m) => wordForm(m[0]));
  for (let i = 0; i < words.length; i++) {
    if (!PASSIVE_AUXILIARIES.has(words[i]!)) continue;
    let at = i + 1;
    while (at < words.length && MAY_INTERVENE.test(words[at]!) && !isParticiple(words[at]!)) at++;
    if (at < words.length && isParticiple(words[at]!) && !words.slice(at + 1).includes("by")) return true;
  }
  return false;
}

/** The question's concept a word (as typed) is, if any. */
const conceptTyped = (concepts: readonly QueryConcept[], form: string) => concepts.find((c) => c.typed === form);

/**
 * The name a "why/when/how did X do Y" question gives as the doer, when the best sentence reports
 * the event without a doer and does not name X: "why did Israel bomb the Victoria base" of "At least
 * two rockets were fired at the Victoria military base". The passage may be about the event, but it
 * does not say X did it, which the question takes as given. X counts as named by any of its own
 * names or its nationality word ("Israeli strikes"), in the sentence itself: the ones before may name
 * X as the target ("attacks against Israel"), as they do here. So is a sentence giving the event
 * (the question's verb or a word close to it) to another doer with "by" ("the 1 October launch by
 * Iran of 180 ballistic missiles" for "how many missiles did iraq fire"), unless X stands a few words
 * before the event as well ("Israel, which has carried out strikes …, since the attack by Hamas").
 */
export function agentNotStated(understood: Pick<UnderstoodQuestion, "concepts" | "searched">, sentence: { text: string; terms: ReadonlySet<string> } | undefined): string | undefined {
  const subject = AUXILIARY_THEN_SUBJECT.exec(understood.searched)?.[1];
  if (!sentence || subject === undefined) return undefined;
  const concept = conceptTyped(understood.concepts, wordForm(subject));
  if (!concept?.name) return undefined;
  const names = concept.identifiedBy ?? [[concept.forms[0]!.term]];
  const namesIt = (terms: ReadonlySet<string>) => names.some((name) => name.every((t) => terms.has(t))) || concept.forms.some((f) => f.weight >= 0.5 && terms.has(f.term));
  if (termOf(subject) === undefined) return undefined;
  // The event said to be done by someone else ("the 1 October launch by Iran" for "did iraq fire"), X leading none of it.
  const verb = understood.concepts.slice(understood.concepts.indexOf(concept) + 1).find((c) => !c.name);
  const eventTerms = new Set(verb?.forms.filter((f) => f.weight >= 0.5).map((f) => f.term) ?? []);
  const doers = doersOf(sentence.text, eventTerms);
  if (doers.length > 0 && !doers.some((d) => namesIt(new Set(d))) && !leadsEvent(sentence.text, namesIt, eventTerms)) return concept.typed;
  if (namesIt(sentence.terms)) return undefined;
  return hasAgentlessPassive(sentence.text) ? concept.typed : undefined;
}

/** True when one of the subject's names stands a few words before the event ("Israel, which has carried out strikes"). */
function leadsEvent(sentence: string, namesIt: (terms: ReadonlySet<string>) => boolean, eventTerms: ReadonlySet<string>): boolean {
  const terms = [...sentence.matchAll(WORD_PATTERN)].map((m) => termOf(wordForm(m[0])) ?? "");
  return terms.some((t, i) => t !== "" && namesIt(new Set([t])) && terms.slice(i + 1, i + 7).some((u) => eventTerms.has(u)));
}

/** Who a sentence says did the event named by one of `eventTerms`, from "by" right after it ("the launch by Iran", "fired by the militia"), as terms. */
function doersOf(sentence: string, eventTerms: ReadonlySet<string>): string[][] {
  const words = [...sentence.matchAll(WORD_PATTERN)].map((m) => m[0]);
  const doers: string[][] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    if (!eventTerms.has(termOf(wordForm(words[i]!)) ?? "") || words[i + 1] !== "by") continue;
    let at = i + 2;
    if (words[at] === "the") at++;
    const doer: string[] = [];
    while (at < words.length && (/^\p{Lu}/u.test(words[at]!) || (doer.length === 0 && words[at - 1] === "the"))) {
      const term = termOf(wordForm(words[at]!));
      if (term !== undefined) doer.push(term);
      at++;
    }
    if (doer.length > 0) doers.push(doer);
  }
  return doers;
}
