/**
 * What kind of phrase a question asks for, read from its wh-word, and whether a passage holds
 * one that the question does not already contain. "Who succeeded Nasrallah?" is not answered by
 * a sentence whose only names are Nasrallah's own; "How old is Qaani?" needs a number.
 */
export type AnswerType = "number" | "money" | "distance" | "time" | "date" | "person-or-group" | "place" | "any";

export const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/** Words that state a number, as answers give them: "several", "dozens", "hundreds" and "twice" count. */
export const NUMBER_WORDS = (
  "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety " +
  "dozen dozens hundred hundreds thousand thousands million millions billion billions several half twice thrice"
).split(" ");

const CURRENCIES = "dollars?|euros?|pounds?|yuan|yen|rupees?|francs?|marks|lir[ae]|riyals?|rials?|roubles?|rubles?|pesos?|shillings?|dinars?|dirhams?|shekels?|usd|eur|gbp";
const DISTANCES = "km|kms|kilomet(?:er|re)s?|miles?|mi|metres?|meters?|feet|ft|yards?|nautical miles?";
const AMOUNT = `(?:\\d[\\d,.]*|${NUMBER_WORDS.join("|")})`;

// A capitalised word that does not open the sentence and is not a day or month: a name.
const NAME_WORD = `(?!(?:${MONTHS}|${WEEKDAYS})\\b)[A-Z][\\p{L}'’-]+`;
// Names run on over particles ("Abu Mahdi al-Muhandis", "Hassan Nasrallah"): the run is one name.
const NAME = new RegExp(`(?<!^)(?<![.!?]\\s)\\b${NAME_WORD}(?:\\s+(?:(?:al|bin|ibn|abu|de|van|von)[\\s-])?${NAME_WORD})*`, "gu");
// A capital opening a sentence is no sign of a name, except before a verb of saying ("Knights said: …"),
// unless it is a pronoun ("It said", "He told") or the verb is passive ("Wars said to be…").
const PRONOUNS = "It|He|She|They|We|I|You|This|That|These|Those|There";
const SPEAKER = `(?:^|(?<=[.!?]\\s))(?!(?:${PRONOUNS})\\b)${NAME_WORD}(?=\\s+(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|stated|argued|argues|warned|warns|explained|explains)\\b(?!\\s+to\\s+be\\b))`;

/** Every phrase of the type in a passage; the passage qualifies when one is not from the question. */
const PATTERNS: Record<Exclude<AnswerType, "any">, RegExp> = {
  // A duration without a number ("for years") answers "how long" as "for three years" does.
  number: new RegExp(`[$£€]?\\d[\\d,.]*\\w*|\\b(?:${NUMBER_WORDS.join("|")})\\b|\\bfor (?:decades|years|months|weeks|days|hours)\\b`, "gi"),
  time: new RegExp(
    // Years from 1000 on, decades ("1960s") and centuries: SQuAD's history questions ask for these as often as for dates.
    `\\b(?:${MONTHS}|${WEEKDAYS})\\b|\\b(?:1\\d|20)\\d\\d\\b|\\b\\d{1,3}0s\\b|\\bcentur(?:y|ies)\\b|\\b(?:yesterday|today|tonight|(?:${AMOUNT}\\s+)?(?:decades|years|months|weeks|days|hours|minutes)\\s+ago|ago|last (?:week|month|year)|next (?:week|month|year)|earlier|later|\\d{1,2}(?::\\d\\d)?\\s?[ap]\\.m\\.)` +
      // Times told relative to an event: "hours after Israel began bombing Gaza", "the following day".
      `|\\b(?:minutes|hours|days|weeks|months|years|decades)\\s+(?:after|before|later|earlier|into)\\b|\\bthe (?:next|following|previous|same) (?:day|night|morning|evening|week|month|year)\\b` +
      // News tells when relative to its own date: "in recent months", "in the coming weeks", "this year", "recently".
      `|\\b(?:in|over|within) (?:the )?(?:recent|coming|past|last|next)(?: (?:few|two|three|several))? (?:days|weeks|months|years)\\b|\\bthis (?:week|weekend|month|year|morning|evening)\\b|\\blast (?:night|weekend)\\b|\\brecently\\b`,
    "gi",
  ),
  // "$1.2 billion", "ten million dollars": an amount of a currency, which "ten batteries" is not.
  money: new RegExp(`[$£€¥₹]\\s?\\d|\\b${AMOUNT}(?:\\s+(?:million|billion|trillion))?\\s+(?:${CURRENCIES})\\b`, "gi"),
  // "a range of 1,500 km", "20 miles": an amount of a length.
  distance: new RegExp(`\\b${AMOUNT}(?:\\s*-\\s*|\\s+)?(?:${DISTANCES})\\b`, "gi"),
  // A date is a day of a month, a month or a year; "last week" or "on Friday" tells when, not the date.
  // Case kept: "May" is a month, "may" is not.
  date: new RegExp(`\\b(?:${MONTHS})\\b|\\b(?:1\\d|20)\\d\\d\\b|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b`, "g"),
  "person-or-group": new RegExp(`${NAME.source}|${SPEAKER}`, "gu"),
  // Any name: SQuAD's places are as often bare ("Santa Clara, California") as after "in" or "at".
  place: NAME,
};

/** Words a question typed in a channel opens with before its question word: "so who killed…", "but why…". */
const OPENERS = /^(?:(?:so|and|but|also|then|well|ok|okay|now|anyway|btw|actually|really|seriously|like)\b[\s,]*)+/;

/** "How much did Saudi Arabia pay", "what was the cost of": an amount of money is asked for. */
const MONEY_QUESTION = /^how much\b.*\b(cost|costs|costing|pay|pays|paid|paying|spend|spends|spent|spending|worth|price|priced|charge|charged|charges|earn|earns|earned|raise|raised|money|cash|funding)\b|\b(budget|cost|price|fee|salary|revenue) of\b|^what (is|was|were|are) the (annual |total |estimated )?(budget|cost|price|fee|salary|revenue)\b|^how much money\b/;
/** "How far", "what is the range of the missile": a length is asked for. */
const DISTANCE_QUESTION = /^how far\b|^(what|how long) (is|was|'s) the (range|distance)\b|\brange of\b|^how many (miles|kilomet(er|re)s|km|meters|metres|feet)\b/;
/** "What date", "in which year", "what exact date": a date or a year is asked for, not "last week". */
const DATE_QUESTION = /^((on|in|by) )?(what|which) ((exact|specific|precise) )?(year|date)\b|\b(exact|specific|precise) date\b/;

/**
 * A clause that opens by setting the scene ("when a plant is injured, what…", "after nasrallah died
 * who took over") rather than asking: the opening word is not followed by a verb of a question
 * ("when did", "where is"). What it asks is read from its first question word after that.
 */
const SCENE_SETTING = /^(?:when|where|after|before|once|while|if)\s+(?!(?:exactly\s+)?(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|may|might|must|shall)\b)/;
const LATER_QUESTION_WORD = /\b(?:who|whom|whose|what|which|where|when|how (?:many|much|long|old|far|big|large|soon))\b.*$/;

/** Words for a party (a group, a state, a person) that "which <word>" asks the name of, singular or plural. */
const PARTY_NOUNS = "(?:group|militia|faction|organi[sz]ation|state|person|leader|commander|official)s?|country|countries";

/**
 * "What is the main militia behind the IRI", "what's the group that claimed it": the name of a party
 * asked through "what is the <kind> behind/that/…", not what the party is doing.
 */
const NAMED_PARTY_ASKED = new RegExp(
  `^(?:what|which) (?:is|was|are|were) the (?:(?:main|biggest|largest|strongest|leading|key|top|other|new|first|oldest|most \\w+)\\s+)?(?:${PARTY_NOUNS})\\s+(?:behind|that|which|who|responsible|named|called|in charge|leading|running)\\b`,
);
/** "Which militias", "what country": a party's name asked straight away. */
const WHICH_PARTY = new RegExp(`^(?:which|what) (?:${PARTY_NOUNS})\\b`);

/** The answer type of one clause, read from how it opens. */
function clauseAnswerType(clause: string): AnswerType {
  const q = clause.trim().toLowerCase().replace(OPENERS, "");
  const scene = SCENE_SETTING.exec(q);
  const asked = scene ? LATER_QUESTION_WORD.exec(q.slice(scene[0].length)) : null;
  if (asked) return clauseAnswerType(asked[0]);
  // "How long after the drone strike…" is answered by "Days later", as "when" is.
  if (/^how (long|soon) (after|before|until|till)\b/.test(q)) return "time";
  if (MONEY_QUESTION.test(q)) return "money";
  if (DISTANCE_QUESTION.test(q)) return "distance";
  if (/^(how (many|much|old|long|far|large|big)|what (number|percentage|share|proportion))\b|\b(population|age) of\b|^what is the (annual )?(population|age)\b|\b(death|casualty|body) toll\b/.test(q)) return "number";
  if (DATE_QUESTION.test(q)) return "date";
  if (/^(when|(in )?(what|which) (day|time|month))\b|\bhow long ago\b/.test(q)) return "time";
  if (/^(who|whom|whose)\b/.test(q) || WHICH_PARTY.test(q) || NAMED_PARTY_ASKED.test(q)) return "person-or-group";
  if (/^where\b/.test(q)) return "place";
  // A fragment says what it asks last ("nasrallah memorial baghdad where when").
  const last = /\b(where|when)\s*$/.exec(q)?.[1];
  if (last !== undefined && !/^(what|which|who|how|why|is|are|was|were|did|does|do|can|could|will|would)\b/.test(q)) return last === "where" ? "place" : "time";
  return "any";
}

/**
 * What kind of phrase answers the question. A message may say something before it asks ("they'd
 * been meeting every day? who was there"): the first clause that asks for a kind decides.
 */
export function questionAnswerType(question: string): AnswerType {
  for (const clause of question.split(/[?!;]+/)) {
    const type = clauseAnswerType(clause);
    if (type !== "any") return type;
  }
  return "any";
}

const fold = (s: string) => s.toLowerCase().replace(/[’']/g, "'");

/** The question as the answer-type check compares phrases with it: folded, and its words. Read once per question. */
export interface AskedQuestion {
  text: string;
  words: ReadonlySet<string>;
}

export function readAskedQuestion(question: string): AskedQuestion {
  const text = fold(question);
  return { text, words: new Set(text.match(/[\p{L}\p{N}']+/gu) ?? []) };
}

/**
 * True when the question already names the phrase: all of it, or, for a name, one of its words
 * ("Nasrallah" of "Hassan Nasrallah"). A title the question asks about, leading the name ("Prime
 * Minister Mohammed Shia al-Sudani" for "who is the prime minister"), is not the name.
 */
function askedAlready(phrase: string, type: AnswerType, asked: AskedQuestion): boolean {
  if (asked.text.includes(phrase)) return true;
  if (type !== "person-or-group" && type !== "place") return false;
  const words = phrase.split(/[\s-]+/);
  const title = words.findIndex((word) => !asked.words.has(word));
  return title < 0 || words.slice(title).some((word) => word.length >= 4 && asked.words.has(word));
}

// A day of a date ("September 26", "26 September") or a year dates something; it is no amount,
// except a year a duration runs from ("since 2011" answers "how long").
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+$`, "i");
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, "i");
/** True for a year written in digits ("2020"): it dates, it does not count. */
export const isYear = (text: string) => /^(?:1\d|20)\d\d$/u.test(text);

function isDatePart(passage: string, match: RegExpMatchArray): boolean {
  // The number as written, without the full stop or comma after it ("in 2024.", "September 29, 2024").
  const written = match[0].replace(/[.,]+$/u, "");
  if (!/^\d/.test(written)) return false;
  if (isYear(written)) return !/\bsince\s+$/i.test(passage.slice(Math.max(0, match.index! - 6), match.index));
  return MONTH_BEFORE.test(passage.slice(Math.max(0, match.index! - 12), match.index)) || MONTH_AFTER.test(passage.slice(match.index! + written.length));
}

export function passageHasAnswerType(passage: string, type: AnswerType, asked: AskedQuestion): boolean {
  if (type === "any") return true;
  for (const match of passage.matchAll(PATTERNS[type])) {
    if (type === "number" && isDatePart(passage, match)) continue;
    const phrase = fold(match[0]).replace(/[.,]+$/, "");
    if (!askedAlready(phrase, type, asked)) return true;
  }
  return false;
}
