import type { AnswerType } from "../answerType.js";
import type { FoundSubject, Subject, SubjectFinder } from "../names/subjects.js";
import { termOf, tokenize, wordForm } from "../text/tokenize.js";
import { capitalOrState } from "../query/capitals.js";
import { namesState, nationalityOrState, stateOfPeople } from "../names/nationalities.js";
import { swappedStates } from "./swappedStates.js";

/** A name the question asks about that the passage does not mention, and the one of its kind the passage names instead. */
export interface SubstitutedName {
  asked: Subject;
  named: Subject;
}

/** What a name is, to compare with another: an actor's kind, or a place or thing the articles name. */
const kindOf = (subject: Subject) => (subject.kind === "unknown" ? "thing" : subject.kind === "armed group" || subject.kind === "organisation" || subject.kind === "state" ? "party" : subject.kind);

/** Kinds of name a question asking for this answer type has for its answer: the passage naming one is answering. */
const ANSWERED_BY: Record<AnswerType, readonly string[]> = {
  "person-or-group": ["person", "party"],
  place: ["thing", "party"],
  number: [],
  money: [],
  distance: [],
  time: [],
  date: [],
  any: [],
};

/**
 * A name after "after", "according to" and the like sets when or who says, not what is asked
 * ("how many facilities did US warplanes hit after Jordan"): the answer need not repeat it.
 */
/**
 * "Which watchdog…", "what type of drone…": the question asks for a name of whatever kind its noun
 * is, which the words cannot tell (a watchdog may be a group), so any name of the passage may be its answer.
 */
const ASKS_WHICH = /^\s*(?:which|what)\s+(?!(?:is|are|was|were|did|do|does|has|have|had|will|would|can|could|should|about|if|else|happens?|happened)\b)[\p{L}]/iu;

/** A name the passage gives as its source ("according to the Yemen Data Project", "said Knights") tells, it replaces nobody. */
const SOURCE_BEFORE = /\b(?:according to|reported by|cited by|said|says|told)\s+(?:the\s+)?$/i;
const ADJUNCT_BEFORE = /\b(after|before|since|until|following|during|according to|per|says?|said)\s+(the\s+)?$/i;

/** True when one name holds the other whole ("Israel" in "Israel Defense Forces"): parts of one actor, not substitutes. */
function nested(a: Subject, b: Subject): boolean {
  const words = (s: Subject) => ` ${s.name.toLowerCase().split(/[\s-]+/).join(" ")} `;
  return words(a).includes(words(b)) || words(b).includes(words(a));
}

const sameSubject = (a: Subject, b: Subject) => (a.actorId !== undefined ? a.actorId === b.actorId : a.name.toLowerCase() === b.name.toLowerCase());

/** True when one is the other's capital ("Tehran" and Iran): the passage naming Iran names whom "why is tehran uneasy" asks about. */
function capitalAndState(a: Subject, b: Subject): boolean {
  // A state is named by its people too ("Iraqis" for Iraq, whose capital Baghdad is).
  const form = (s: Subject) => {
    const word = wordForm(s.name).replace(/\s+/gu, "");
    return stateOfPeople(word) ?? word;
  };
  return capitalOrState(form(a)) === form(b) || capitalOrState(form(b)) === form(a);
}

/** Words that, after a state's name, name its armed forces. */
const STATE_FORCES = /^(?:defen[cs]e|forces?|army|armed|military|navy|air|guard|security)$/iu;

/**
 * True when the passage's terms hold every word of the name, or for a state its capital or its
 * nationality word and back ("Tehran" or "Iranian" for Iran: "iraq militias" are the Iraqi militias).
 */
function termsHold(terms: ReadonlySet<string>, subject: Subject): boolean {
  const words = subject.name.split(/[\s-]+/);
  if (words.map((w) => termOf(wordForm(w))).every((t) => t === undefined || terms.has(t))) return true;
  // A state's armed forces ("Israel Defense Forces") are spoken of by the state: "an Israeli ground offensive".
  const forcesOf = words.length > 1 && words.slice(1).every((w) => STATE_FORCES.test(w)) ? wordForm(words[0]!) : undefined;
  if (forcesOf !== undefined && namesState(forcesOf)) return termsHold(terms, { name: forcesOf, kind: "state" });
  const form = words.length === 1 ? wordForm(words[0]!) : undefined;
  const others = form === undefined ? [] : [capitalOrState(form), nationalityOrState(form)];
  return others.some((other) => other !== undefined && terms.has(termOf(other) ?? ""));
}

/**
 * A question that names someone or something the passage never mentions, while the passage names
 * another of the same kind, asks about something else than the passage states: "why did Qaani
 * visit Beirut" of a passage on his visit to Baghdad, or "when did Israel bomb Baghdad" of one on a
 * base in Baghdad, Iraq struck by rockets, is a false premise. The passage answers a neighbouring question, never
 * this one, so it cannot be quoted as the answer. The passage is the answer sentence (from
 * `sentenceStart`) with the sentence before it when it leans on it; the title does not count. Kinds are compared exactly (a
 * state is not a militia: the IDF is not Israel's substitute), and a name of the kind the question
 * asks for ("which militia…") may be its answer, so it is no substitute. `question.subjects` are the
 * names the finder found in the question's text, found once per question.
 */
export function substitutedNames(
  finder: SubjectFinder,
  question: { text: string; answerType: AnswerType; subjects: readonly FoundSubject[] },
  passage: { text: string; terms: ReadonlySet<string>; sentenceStart: number },
): SubstitutedName[] {
  const names = substitutedSubjects(finder, question, passage);
  // The passage's own words, read when a state is to be looked for: a publisher's city ("The Jerusalem Post") names no state the passage speaks of.
  let passageTerms: Set<string> | undefined;
  const mentions = (state: string) => termsHold((passageTerms ??= new Set(tokenize(passage.text))), { name: state, kind: "state" });
  const states = swappedStates(question.text, passage.text.slice(passage.sentenceStart), mentions)
    .map(({ asked, named }) => ({ asked: stateSubject(finder, asked), named: stateSubject(finder, named) }))
    .filter((s) => !names.some((n) => sameSubject(n.asked, s.asked)));
  return [...names, ...states];
}

/** A state as a subject, named as the registry names it ("unitedstates" → the United States). */
function stateSubject(finder: SubjectFinder, state: string): Subject {
  const written = state === "unitedstates" ? "United States" : state.charAt(0).toUpperCase() + state.slice(1);
  const found = finder.find(written).find((s) => s.kind === "state");
  return found ? strip(found) : { name: written, kind: "state" };
}

function substitutedSubjects(finder: SubjectFinder, question: Parameters<typeof substitutedNames>[1], passage: Parameters<typeof substitutedNames>[2]): SubstitutedName[] {
  const asked = dedupe(question.subjects.filter((s) => !ADJUNCT_BEFORE.test(question.text.slice(0, s.start))));
  if (asked.length === 0) return [];
  const inPassage = finder.find(passage.text);
  const absent = asked.filter((s) => !inPassage.some((p) => sameSubject(p, s)) && !termsHold(passage.terms, s));
  if (absent.length === 0) return [];
  const answering = ASKS_WHICH.test(question.text) ? ["person", "party", "thing"] : ANSWERED_BY[question.answerType];
  const instead = dedupe(inPassage.filter((n) => n.start >= passage.sentenceStart && !SOURCE_BEFORE.test(passage.text.slice(0, n.start)))).filter((n) => !asked.some((a) => sameSubject(a, n) || capitalAndState(a, n)) && !answering.includes(kindOf(n)));
  return absent.flatMap((s) => {
    const named = instead.find((n) => kindOf(n) === kindOf(s) && !nested(n, s));
    return named ? [{ asked: strip(s), named: strip(named) }] : [];
  });
}

function dedupe(found: readonly FoundSubject[]): FoundSubject[] {
  return found.filter((s, i) => found.findIndex((o) => sameSubject(o, s)) === i);
}

const strip = ({ name, kind, actorId }: FoundSubject): Subject => ({ name, kind, ...(actorId ? { actorId } : {}) });
