import type { AnswerType } from "../answerType.js";

/**
 * Words that frame a question rather than say what it is about: "what happened at the Kalsu
 * base", "masyaf raid location", "camp saqr meaning", "badr officer quote", "what type of drone".
 * No passage states "happened" or "location"; counted as content, they would be the rarest word
 * of the question and the one the answer must contain. Some say what kind of answer is wanted,
 * as a wh-word would: a fragment has no other way to say it.
 */
const FRAMING: Record<string, AnswerType | null> = {
  happen: null,
  happened: null,
  happens: null,
  happening: null,
  explain: null,
  explained: null,
  explanation: null,
  meaning: null,
  definition: null,
  details: null,
  detail: null,
  info: null,
  information: null,
  story: null,
  summary: null,
  overview: null,
  background: null,
  quote: null,
  quotes: null,
  // "the guardian piece", "in the wsj article": where it was read, which the publisher's name says
  // (not "which article of the treaty", "a piece of equipment": see isFramingWord).
  article: null,
  articles: null,
  piece: null,
  really: null,
  even: null,
  exactly: null,
  ever: null,
  // "did israel bomb iraq yet", "has it already started": when the asker expects it, not what is asked.
  yet: null,
  already: null,
  thing: null,
  things: null,
  stuff: null,
  anything: null,
  something: null,
  everything: null,
  type: null,
  kind: null,
  sort: null,
  name: "person-or-group",
  names: "person-or-group",
  location: "place",
  locations: "place",
  whereabouts: "place",
  date: "time",
  dates: "time",
  number: "number",
  numbers: "number",
  count: "number",
  figure: "number",
  figures: "number",
  tally: "number",
  amount: "number",
};

/** The words for where something was read, which before "of" are part of what is asked ("which article of the treaty"). */
const WHERE_READ = new Set(["article", "articles", "piece"]);

/** Words that make a question of "how" ("how long", "how far"): they ask for an amount or a time, and answers do not repeat them. */
const HOW_QUESTION = new Set(["long", "soon", "far", "old", "big", "large", "often"]);

/**
 * Words of a time that "what"/"which" make the question ("in what year", "which month"): the answer
 * is a year or a month ("in 2020"), and answers do not repeat the word.
 */
const WHAT_TIME = new Set(["year", "month", "day", "decade", "century", "time"]);
const WHAT = new Set(["what", "which"]);

/**
 * "Get" as a light verb ("got hurt", "get thrown in", "has it got its sights on") says nothing an
 * answer repeats; before a word of motion ("get to heathrow", "got out") it means going, and counts.
 */
const GET = new Set(["get", "gets", "got", "gotten", "getting"]);
const MOTION = new Set(["to", "from", "into", "out", "back", "away", "through", "there", "here", "home", "in", "inside", "across", "over", "past", "around"]);

/**
 * True for a word that frames the question ("happened", "location", the "long" of "how long", the "year" of "what year", the "times" of "how many times")
 * rather than naming what it asks about. `before` and `after` are the words around it.
 */
export function isFramingWord(form: string, before?: string, after?: string): boolean {
  return (
    (Object.hasOwn(FRAMING, form) && !isPersonFigure(form, before) && !(WHERE_READ.has(form) && after === "of")) ||
    (before === "how" && HOW_QUESTION.has(form)) ||
    (WHAT.has(before ?? "") && WHAT_TIME.has(form)) ||
    // "how many times" is answered by "twice", "once", "three times": how often, not the word.
    (before === "many" && form === "times") ||
    (GET.has(form) && !MOTION.has(after ?? ""))
  );
}

/**
 * Words before "figure" that make it a person ("a media figure close to the militias", "the top
 * religious figure"), not a number asked for ("the casualty figure").
 */
const PERSON_FIGURE = new Set(["religious", "political", "media", "public", "key", "senior", "top", "prominent", "leading", "influential", "powerful", "militia", "opposition", "major", "central", "controversial", "popular", "respected", "revered", "spiritual", "clerical", "tribal", "military"]);
const FIGURE = new Set(["figure", "figures"]);

/** True for "figure" said of a person: it is what the question is about, not a frame. */
const isPersonFigure = (form: string, before: string | undefined) => FIGURE.has(form) && PERSON_FIGURE.has(before ?? "");

/** The kind of answer a framing word asks for ("location" → a place), when the question's wh-word says none. */
export function framingAnswerType(forms: readonly string[]): AnswerType | undefined {
  for (const [i, form] of forms.entries()) {
    if (isPersonFigure(form, forms[i - 1])) continue;
    const type = Object.hasOwn(FRAMING, form) ? FRAMING[form] : undefined;
    if (type) return type;
  }
  return undefined;
}

/** Chat for a person ("the badr guy", "hamas guy in baghdad"). */
const PERSON_FILLERS = new Set(["guy", "guys", "dude", "dudes"]);

/**
 * True for "guy" after a name ("the badr guy"): one of theirs, whom the articles call by role ("an
 * officer of the Badr Brigade"), so the word is no content an answer repeats. Elsewhere ("who is the
 * guy who …") it is kept.
 */
export function isPersonFiller(form: string, afterName: boolean): boolean {
  return afterName && PERSON_FILLERS.has(form);
}
