import { classOf, type FoundSubject, type SubjectFinder } from "../names/subjects.js";
import type { Conversation, ResolvedQuestion, Subject, SubjectClass, Turn } from "./types.js";

/** Where the previous question's own words end and what it leaned on begins ("how much did it cost — what …"). */
export const CONTEXT_SEPARATOR = " — ";

interface PronounRule {
  pattern: RegExp;
  classes: readonly SubjectClass[];
  /** How the name is written in its place. */
  write: (name: string, match: RegExpExecArray, text: string) => string;
  /** Two candidates of its class in the last question make the pronoun ambiguous: the question gets context instead. */
  ambiguousWhenTwo?: boolean;
  /** People and groups are found in answers too ("who represents the houthis?" → "what did he oversee?"). */
  answers: boolean;
}

const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** A word after "her" that makes it possessive ("her role"), not the object ("asked her"). */
const OBJECT_FOLLOWERS = /^(?:$|[?!.,;:]|\s+(?:to|in|on|at|about|for|with|from|by|after|before|and|or|as|if|when|that|the|a|an)\b)/i;

const PRONOUNS: readonly PronounRule[] = [
  { pattern: /\b(?:that|this|the) (?:group|militia|movement|organi[sz]ation|faction)\b/gi, classes: ["group"], write: (n) => n, answers: true },
  { pattern: /\b(?:his|hers)\b/gi, classes: ["person"], write: possessive, answers: true },
  {
    pattern: /\bher\b/gi,
    classes: ["person"],
    write: (n, m, text) => (OBJECT_FOLLOWERS.test(text.slice(m.index + m[0].length)) ? n : possessive(n)),
    answers: true,
  },
  { pattern: /\b(?:he|him|she|himself|herself)\b/gi, classes: ["person"], write: (n) => n, answers: true },
  { pattern: /\b(?:their|theirs)\b/gi, classes: ["group"], write: possessive, answers: true },
  { pattern: /\bthey\b/gi, classes: ["group"], write: (n) => n, answers: true },
  // "who counted them?": an object "them" is as often the things just named as a group.
  { pattern: /\b(?:them|themselves)\b/gi, classes: ["group"], write: (n) => n, answers: false },
  { pattern: /\bits\b/gi, classes: ["group", "thing"], write: possessive, answers: false, ambiguousWhenTwo: true },
  { pattern: /\b(?:it|itself)\b/gi, classes: ["group", "thing"], write: (n) => n, answers: false, ambiguousWhenTwo: true },
  { pattern: /\bthere\b/gi, classes: ["thing", "state"], write: (n) => `in ${n}`, answers: false },
];

/** "there" in "were there any casualties" or "there were" points at nothing. */
const EXPLETIVE_THERE = /\b(?:is|are|was|were|be|been|have|has|had)\s+there\b|\bthere\s+(?:is|are|was|were|be|have|has|had|will|'s|’s)\b/i;
/** "it" in "is it true", "it is clear" points at nothing. */
const EXPLETIVE_IT = /\b(?:is|was)\s+it\s+(?:true|right|correct|possible|likely)\b|\bit\s+(?:is|was)\s+(?:true|clear|possible|likely|said|reported)\b/i;
/** Words that lean on the previous turn without naming what it was about. */
const LEANING_WORDS = /\bthen\b/i;

const LEAD = String.raw`^(?:(?:and|but|so|ok|okay|also|hmm)[,\s]+)*`;
const ELLIPSIS = new RegExp(`${LEAD}(?:(?:what|how)\\s+about|what\\s+of|same\\s+for)\\s+(.+?)\\s*[?!.]*$`, "i");
const AND_ELLIPSIS = /^(?:and|but)\s+(.+?)\s*[?!.]*$/i;
const BARE_QUESTION_WORD = new RegExp(`${LEAD}(why|when|where|how come|how|who|since when)(?:\\s+(?:is|was)\\s+that|\\s+so|\\s+exactly|\\s+then)?\\s*[?!.]*$`, "i");
const QUESTION_START = /^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b/i;
const FRAME_QUESTION_WORD = /^(who|what|when|where|why|how(?:\s+(?:many|much|long|old))?|which\s+[\p{L}-]+)\s+(?=(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\b)/iu;
/** An elliptical addition that is not a new subject: a place, a time or a circumstance ("a day earlier", "in 2019"). */
const ADDITION_START = /^(?:in|on|at|near|before|after|during|since|until|by|from|a|an|last|next|earlier|later|yesterday|today|this|that|\d)/i;
const LEADING_PREPOSITION = /^(?:in|on|at|near|for|about|with|from|of|to)\s+/i;
const MAX_ELLIPSIS_WORDS = 6;

/** Words that make a group's name a common noun phrase, written with "the": "the Quds Force", "the Houthis". */
const COMMON_NAME_WORDS = /\b(?:forces?|brigades?|resistance|axis|corps|guards?|company|court|ministry|department|institute|council|project|framework|organi[sz]ation|movement|units?|commission|state|army|military)\b|s$/i;

/** A subject's name as it reads in place of a pronoun: groups named by a common noun get "the". */
function nameInText(subject: Subject, before: string): string {
  const needsThe = classOf(subject.kind) === "group" && COMMON_NAME_WORDS.test(subject.name) && !/^the\s/i.test(subject.name) && !/\bthe\s*$/i.test(before);
  return needsThe ? `the ${subject.name}` : subject.name;
}

const sameSubject = (a: Subject, b: Subject) => (a.actorId && b.actorId ? a.actorId === b.actorId : a.name.toLowerCase() === b.name.toLowerCase());
const stripEnd = (text: string) => text.trim().replace(/[\s?!.]+$/u, "");
const words = (text: string) => text.trim().split(/\s+/).filter((w) => w.length > 0);

/** The previous turn's question as understood, without what it in turn leaned on when it names its own subject. */
export function topicOf(turn: Turn, finder: SubjectFinder): string {
  const at = turn.resolved.indexOf(CONTEXT_SEPARATOR);
  if (at < 0) return turn.resolved;
  const own = turn.resolved.slice(0, at);
  return finder.find(own).length > 0 ? `${own}?` : turn.resolved;
}

/** What earlier turns were about, most recent and most prominent first. */
function candidates(conversation: Conversation): { subject: Subject; fromAnswer: boolean; age: number }[] {
  const list: { subject: Subject; fromAnswer: boolean; age: number }[] = [];
  conversation.turns
    .slice()
    .reverse()
    .forEach((turn, age) => {
      for (const subject of turn.subjects) list.push({ subject, fromAnswer: false, age });
      for (const subject of turn.answerSubjects) list.push({ subject, fromAnswer: true, age });
    });
  return list;
}

const standalone = (question: string, resolution: "standalone" | "new-topic", needsContext = false): ResolvedQuestion => ({
  question,
  text: question,
  resolution,
  leanedOn: [],
  needsContext,
});

/** Longest earlier question added to a follow-up, so the two stay within a question's limit. */
const MAX_TOPIC_CHARS = 300;

function withContext(question: string, topic: string): string {
  const shortTopic = topic.length > MAX_TOPIC_CHARS ? `${topic.slice(0, MAX_TOPIC_CHARS).replace(/\s+\S*$/u, "")}?` : topic;
  return `${stripEnd(question)}${CONTEXT_SEPARATOR}${shortTopic}`;
}

/** "and the houthis?": the previous question again, with its subject of the same class replaced. */
function resolveEllipsis(question: string, body: string, frame: string, finder: SubjectFinder): ResolvedQuestion {
  const added = finder.find(body);
  const inFrame = finder.find(frame);
  const replacement = body.replace(LEADING_PREPOSITION, "");
  const newClass = added[0] ? classOf(added[0].kind) : undefined;
  let target: FoundSubject | undefined;
  if (added.length > 0) target = inFrame.find((s) => classOf(s.kind) === newClass) ?? inFrame[0];
  else if (!ADDITION_START.test(body)) target = inFrame[0];
  if (!target) {
    return { question, text: `${stripEnd(frame)} ${body}?`, resolution: "ellipsis", leanedOn: inFrame.map(({ name, kind, actorId }) => ({ name, kind, ...(actorId ? { actorId } : {}) })), needsContext: false };
  }
  let before = frame.slice(0, target.start);
  if (/\bthe\s+$/i.test(before) && /^the\s/i.test(replacement)) before = before.replace(/the\s+$/i, "");
  const text = `${before}${replacement}${frame.slice(target.end)}`;
  const { name, kind, actorId } = target;
  return { question, text, resolution: "ellipsis", leanedOn: [{ name, kind, ...(actorId ? { actorId } : {}) }], needsContext: false };
}

/**
 * Reads a question against the conversation before it: pronouns and possessives become what they
 * point at ("where was his funeral?" → "where was Abu Haidar al-Khafaji's funeral?"), an elliptical
 * question repeats the previous one with its new subject ("and KH?"), a bare "why?" asks the
 * previous question with another question word, and a question without a subject of its own gets
 * what the previous one was about. A question that names its own subject is a new topic and gets
 * nothing from before. Pure: the same question and turns always give the same reading.
 */
export function resolveFollowUp(question: string, conversation: Conversation, finder: SubjectFinder): ResolvedQuestion {
  const typed = question.trim();
  const last = conversation.turns.at(-1);
  const own = finder.find(typed);

  const ellipsis = ELLIPSIS.exec(typed) ?? (QUESTION_START.test(typed) ? null : AND_ELLIPSIS.exec(typed));
  const bareName = own.length === 1 && stripEnd(typed.slice(0, own[0]!.start)) === "" && /^[\s?!.]*$/.test(typed.slice(own[0]!.end)) ? typed : undefined;
  const bare = BARE_QUESTION_WORD.exec(typed);

  const pronouns: { rule: PronounRule; match: RegExpExecArray }[] = [];
  for (const rule of PRONOUNS) {
    for (const match of typed.matchAll(rule.pattern)) {
      const at = match as RegExpExecArray;
      if (pronouns.some((p) => at.index < p.match.index + p.match[0].length && p.match.index < at.index + at[0].length)) continue;
      const around = typed.slice(Math.max(0, at.index - 12), at.index + at[0].length + 12);
      if (/^there$/i.test(at[0]) && EXPLETIVE_THERE.test(around)) continue;
      if (/^it$/i.test(at[0]) && EXPLETIVE_IT.test(around)) continue;
      pronouns.push({ rule, match: at });
    }
  }
  const leans = pronouns.length > 0 || Boolean(bare) || (Boolean(ellipsis) && words(ellipsis![1]!).length <= MAX_ELLIPSIS_WORDS) || LEANING_WORDS.test(typed);

  if (!last) return standalone(typed, "standalone", leans);
  const topic = topicOf(last, finder);

  if (bare) {
    const word = bare[1]!.toLowerCase() === "how come" ? "why" : bare[1]!.toLowerCase().replace(/^since when$/, "since when");
    const frame = FRAME_QUESTION_WORD.exec(topic);
    const text = frame ? `${word}${topic.slice(frame[1]!.length)}` : withContext(word, topic);
    return { question: typed, text, resolution: "question-word", leanedOn: last.subjects, needsContext: false };
  }
  if (ellipsis && words(ellipsis[1]!).length <= MAX_ELLIPSIS_WORDS) return resolveEllipsis(typed, ellipsis[1]!, topic, finder);
  if (bareName && pronouns.length === 0) return resolveEllipsis(typed, stripEnd(bareName), topic, finder);

  if (pronouns.length > 0) {
    const pool = candidates(conversation).filter((c) => !own.some((o) => sameSubject(o, c.subject)));
    const leanedOn: Subject[] = [];
    let unresolved = false;
    let text = typed;
    // Replace from the end so earlier offsets stay right.
    for (const { rule, match } of [...pronouns].sort((a, b) => b.match.index - a.match.index)) {
      const fits = pool.filter((c) => rule.classes.includes(classOf(c.subject.kind)) && (rule.answers || !c.fromAnswer));
      const found = fits[0];
      const ambiguous = rule.ambiguousWhenTwo && fits.filter((c) => c.age === 0 && !c.fromAnswer).length > 1;
      if (!found || ambiguous) {
        unresolved = true;
        continue;
      }
      const written = rule.write(nameInText(found.subject, typed.slice(0, match.index)), match, typed);
      text = text.slice(0, match.index) + written + text.slice(match.index + match[0].length);
      if (!leanedOn.some((s) => sameSubject(s, found.subject))) leanedOn.unshift(found.subject);
    }
    if (unresolved || LEANING_WORDS.test(typed)) return { question: typed, text: withContext(text, topic), resolution: "context", leanedOn: [...leanedOn, ...last.subjects], needsContext: false };
    return { question: typed, text, resolution: "pronoun", leanedOn, needsContext: false };
  }
  // A question naming only what the last turn was about ("how did the US respond?") continues it.
  const continuing = own.every((o) => last.subjects.some((s) => sameSubject(o, s)));
  if (own.length > 0 && !continuing) return standalone(typed, "new-topic");
  return { question: typed, text: withContext(typed, topic), resolution: "context", leanedOn: last.subjects, needsContext: false };
}

/** The turn to remember after answering: what the resolved question names, and the people and groups of the answer's best quote. */
export function makeTurn(resolved: ResolvedQuestion, bestQuote: string | undefined, finder: SubjectFinder): Turn {
  const subjects: Subject[] = [];
  for (const { name, kind, actorId } of finder.find(resolved.text)) {
    const subject = { name, kind, ...(actorId ? { actorId } : {}) };
    if (!subjects.some((s) => sameSubject(s, subject))) subjects.push(subject);
  }
  const answerSubjects: Subject[] = [];
  for (const { name, kind, actorId } of bestQuote ? finder.find(bestQuote) : []) {
    const subject = { name, kind, ...(actorId ? { actorId } : {}) };
    if ((kind === "person" || classOf(kind) === "group") && !subjects.some((s) => sameSubject(s, subject)) && !answerSubjects.some((s) => sameSubject(s, subject))) answerSubjects.push(subject);
  }
  return { question: resolved.question, resolved: resolved.text, subjects, answerSubjects };
}

/** Turns kept per conversation: enough for pronouns to reach back a few questions. */
export const MAX_TURNS = 4;

/** The conversation with one more turn, the oldest dropped past MAX_TURNS. */
export function addTurn(conversation: Conversation, turn: Turn): Conversation {
  return { turns: [...conversation.turns, turn].slice(-MAX_TURNS) };
}
